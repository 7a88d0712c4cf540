package com.charterbot.app.persistence;

import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.nudge.DeliveryStore;
import com.charterbot.core.nudge.NudgeDelivery;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Platform;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * {@link DeliveryStore} in the {@code nudge_delivery} table (migration V3). The unique key
 * (platform, tenant, channel id, due) makes {@link #createIfAbsent} safe across replicas: the
 * insert of the first one wins, the others' ({@code ON CONFLICT DO NOTHING}) insert nothing. Every
 * {@code mark...} is a single conditional UPDATE on a PENDING row. Works on PostgreSQL and on H2
 * in PostgreSQL mode; instants are stored in UTC, truncated to the microsecond. Thread-safe.
 */
public final class JdbcDeliveryStore implements DeliveryStore {

    private static final String COLUMNS =
            "id, platform, tenant, channel_id, due_at, status, kind, attempts, rate_limited, last_error, sent_at";
    private static final String WHERE_KEY =
            " WHERE platform = :platform AND tenant = :tenant AND channel_id = :channelId AND due_at = :due";
    private static final String PENDING = " AND status = 'PENDING'";

    private final JdbcClient jdbc;

    public JdbcDeliveryStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public Optional<NudgeDelivery> createIfAbsent(ChannelRef channel, Instant due) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(due, "due");
        Instant stored = truncate(due);
        KeyHolder keys = new GeneratedKeyHolder();
        // One statement, and no constraint error in the database's log when the row is already there.
        int inserted = key(
                        jdbc.sql("INSERT INTO nudge_delivery (platform, tenant, channel_id, due_at, status) "
                                + "VALUES (:platform, :tenant, :channelId, :due, 'PENDING') ON CONFLICT DO NOTHING"),
                        channel,
                        stored)
                .update(keys, "id");
        if (inserted == 0) {
            return Optional.empty();
        }
        Number id = Objects.requireNonNull(keys.getKey(), "the database returned no id");
        return Optional.of(NudgeDelivery.pending(id.longValue(), channel, stored));
    }

    @Override
    public Optional<NudgeDelivery> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM nudge_delivery WHERE id = :id")
                .param("id", id)
                .query(JdbcDeliveryStore::map)
                .optional();
    }

    @Override
    public Optional<NudgeDelivery> find(ChannelRef channel, Instant due) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(due, "due");
        return key(jdbc.sql("SELECT " + COLUMNS + " FROM nudge_delivery" + WHERE_KEY), channel, truncate(due))
                .query(JdbcDeliveryStore::map)
                .optional();
    }

    @Override
    public List<NudgeDelivery> pending(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM nudge_delivery WHERE status = 'PENDING' ORDER BY id LIMIT :limit")
                .param("limit", Math.max(0, limit))
                .query(JdbcDeliveryStore::map)
                .list();
    }

    @Override
    public boolean markSent(long id, Instant at, NudgeSent.Kind kind) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        return jdbc.sql(
                                "UPDATE nudge_delivery SET status = 'SENT', sent_at = :at, kind = :kind, updated_at = CURRENT_TIMESTAMP"
                                        + " WHERE id = :id" + PENDING)
                        .param("at", toDb(at))
                        .param("kind", kind.name())
                        .param("id", id)
                        .update()
                == 1;
    }

    @Override
    public boolean markRetry(long id, int attempts, int rateLimited, String error) {
        return jdbc.sql(
                                "UPDATE nudge_delivery SET attempts = :attempts, rate_limited = :rateLimited, last_error = :error,"
                                        + " updated_at = CURRENT_TIMESTAMP WHERE id = :id" + PENDING)
                        .param("attempts", attempts)
                        .param("rateLimited", rateLimited)
                        .param("error", DeliveryStore.clip(Objects.requireNonNull(error, "error")))
                        .param("id", id)
                        .update()
                == 1;
    }

    @Override
    public boolean markFailed(long id, int attempts, String error) {
        return jdbc.sql("UPDATE nudge_delivery SET status = 'FAILED', attempts = :attempts, last_error = :error,"
                                + " updated_at = CURRENT_TIMESTAMP WHERE id = :id" + PENDING)
                        .param("attempts", attempts)
                        .param("error", DeliveryStore.clip(Objects.requireNonNull(error, "error")))
                        .param("id", id)
                        .update()
                == 1;
    }

    @Override
    public boolean markSkipped(long id, String reason) {
        return jdbc.sql(
                                "UPDATE nudge_delivery SET status = 'SKIPPED', last_error = :reason, updated_at = CURRENT_TIMESTAMP"
                                        + " WHERE id = :id" + PENDING)
                        .param("reason", DeliveryStore.clip(Objects.requireNonNull(reason, "reason")))
                        .param("id", id)
                        .update()
                == 1;
    }

    @Override
    public List<NudgeDelivery> problems(Instant since) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM nudge_delivery WHERE status IN ('FAILED', 'SKIPPED') AND due_at >= :since"
                        + " ORDER BY due_at DESC, id DESC")
                .param("since", toDb(Objects.requireNonNull(since, "since")))
                .query(JdbcDeliveryStore::map)
                .list();
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM nudge_delivery WHERE due_at < :cutoff AND status <> 'PENDING'")
                .param("cutoff", toDb(Objects.requireNonNull(cutoff, "cutoff")))
                .update();
    }

    private static JdbcClient.StatementSpec key(JdbcClient.StatementSpec statement, ChannelRef channel, Instant due) {
        return statement
                .param("platform", channel.platform().name())
                .param("tenant", channel.tenant())
                .param("channelId", channel.channelId())
                .param("due", toDb(due));
    }

    private static NudgeDelivery map(ResultSet rs, int row) throws SQLException {
        ChannelRef channel = new ChannelRef(
                Platform.valueOf(rs.getString("platform")), rs.getString("tenant"), rs.getString("channel_id"));
        String kind = rs.getString("kind");
        OffsetDateTime sentAt = rs.getObject("sent_at", OffsetDateTime.class);
        String lastError = rs.getString("last_error");
        return new NudgeDelivery(
                rs.getLong("id"),
                channel,
                rs.getObject("due_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(kind).map(NudgeSent.Kind::valueOf),
                NudgeDelivery.Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                rs.getInt("rate_limited"),
                lastError == null ? "" : lastError,
                Optional.ofNullable(sentAt).map(OffsetDateTime::toInstant));
    }

    private static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime toDb(Instant instant) {
        return OffsetDateTime.ofInstant(truncate(instant), ZoneOffset.UTC);
    }
}
