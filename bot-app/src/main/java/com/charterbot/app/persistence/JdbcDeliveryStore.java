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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
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

    private static final Comparator<Slot> KEY_ORDER = Comparator.<Slot, String>comparing(
                    slot -> slot.channel().platform().name())
            .thenComparing(slot -> slot.channel().tenant())
            .thenComparing(slot -> slot.channel().channelId())
            .thenComparing(Slot::due);

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    public JdbcDeliveryStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.batches = new JdbcTemplate(dataSource);
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

    /**
     * One query per platform, tenant and due instant among the slots (a fan-out's hundred channels
     * of a few workspaces: a few queries), each {@code channel_id IN (...)} on the unique key's
     * index. A single query matching whole rows, {@code (platform, tenant, channel_id, due_at) IN
     * (...)}, was planned as a scan of the table by PostgreSQL while its statistics were young.
     */
    @Override
    public List<NudgeDelivery> findAll(Collection<Slot> slots) {
        Map<List<Object>, List<String>> byGroup = new LinkedHashMap<>();
        for (Slot slot : slots) {
            ChannelRef channel = slot.channel();
            byGroup.computeIfAbsent(
                            List.of(channel.platform().name(), channel.tenant(), toDb(slot.due())),
                            group -> new ArrayList<>())
                    .add(channel.channelId());
        }
        List<NudgeDelivery> found = new ArrayList<>();
        byGroup.forEach((group, channelIds) -> found.addAll(jdbc.sql("SELECT " + COLUMNS
                        + " FROM nudge_delivery WHERE platform = :platform AND tenant = :tenant"
                        + " AND channel_id IN (:channelIds) AND due_at = :due")
                .param("platform", group.get(0))
                .param("tenant", group.get(1))
                .param("due", group.get(2))
                .param("channelIds", channelIds.stream().distinct().toList())
                .query(JdbcDeliveryStore::map)
                .list()));
        return found;
    }

    /**
     * A batch of {@code INSERT ... ON CONFLICT DO NOTHING}, whose counts say which rows this call
     * created, then {@link #findAll} for their ids. The
     * batch is one transaction, which holds each row it inserted until its end: the rows go in one
     * order (the unique key's), so two replicas inserting the same rows wait for each other and
     * never deadlock.
     */
    @Override
    public List<NudgeDelivery> createAllIfAbsent(Collection<Slot> slots) {
        List<Slot> distinct = slots.stream()
                .map(slot -> new Slot(slot.channel(), truncate(slot.due())))
                .distinct()
                .sorted(KEY_ORDER)
                .toList();
        if (distinct.isEmpty()) {
            return List.of();
        }
        int[] inserted = batches.batchUpdate(
                "INSERT INTO nudge_delivery (platform, tenant, channel_id, due_at, status) VALUES (?, ?, ?, ?, 'PENDING')"
                        + " ON CONFLICT DO NOTHING",
                distinct.stream()
                        .map(slot -> new Object[] {
                            slot.channel().platform().name(),
                            slot.channel().tenant(),
                            slot.channel().channelId(),
                            toDb(slot.due())
                        })
                        .toList());
        List<Slot> created = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i++) {
            // 0: another replica's, or an earlier one. PostgreSQL and H2 count each row; a driver
            // saying only "done" (SUCCESS_NO_INFO) would have it counted as created, and scheduled
            // twice at worst: the delivery's status still lets it go once.
            if (inserted[i] != 0) {
                created.add(distinct.get(i));
            }
        }
        return findAll(created);
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
