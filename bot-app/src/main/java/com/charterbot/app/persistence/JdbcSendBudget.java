package com.charterbot.app.persistence;

import com.charterbot.core.nudge.SendBudget;
import com.charterbot.core.nudge.SendPacing;
import com.charterbot.core.values.ChannelRef;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@link SendBudget} of a cluster: the {@link SendPacing} rule with its slots in the
 * {@code send_budget} table of the database every replica shares, one row per tenant and one per
 * channel, so that {@code charter.scheduler.tenant-budget-per-second} holds for the whole cluster
 * whatever the number of replicas.
 *
 * <p>A booking is one short transaction that locks the tenant's row, then the channel's
 * ({@code SELECT ... FOR UPDATE}, always in that order, so two bookings never deadlock), decides,
 * and writes both rows: two replicas booking for one tenant queue on its row and never get the
 * same slot. Bookings for one tenant from threads of one process queue in memory first, so the
 * database only sees one of them at a time per process. Instants are stored as nanoseconds since
 * the epoch; the replicas' clocks are assumed synchronized, as the scheduler's heartbeats already
 * require.
 *
 * <p>Why not a library: Bucket4j, the well-kept distributed token bucket for Java, has JDBC
 * backends for PostgreSQL, MySQL, MariaDB, Oracle, Microsoft SQL Server and DB2 but none for H2,
 * the bot's embedded default; and it keeps one bucket per row and key, whereas a booking here must
 * move the tenant's and the channel's slots together, in one transaction. The rule itself is the
 * core's {@link SendPacing}, shared with the in-memory budget.
 */
public final class JdbcSendBudget implements SendBudget {

    private static final int STRIPES = 64;
    private static final int MAX_PLAIN_KEY = 78;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final SendPacing pacing;
    private final Object[] stripes = new Object[STRIPES];

    public JdbcSendBudget(DataSource dataSource, SendPacing pacing) {
        Objects.requireNonNull(dataSource, "dataSource");
        this.jdbc = JdbcClient.create(dataSource);
        this.transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        this.pacing = Objects.requireNonNull(pacing, "pacing");
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    @Override
    public Duration reserve(ChannelRef channel, Instant now, Duration maxWait) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(now, "now");
        String tenantKey = tenantKey(channel);
        String channelKey = "c:" + sha256(channel.key());
        synchronized (stripes[Math.floorMod(tenantKey.hashCode(), STRIPES)]) {
            return transaction.execute(status -> {
                Row tenant = locked(tenantKey);
                Row place = lockedNew(channelKey);
                SendPacing.Decision decision = pacing.decide(
                        new SendPacing.Slots(instant(tenant.next()), instant(tenant.comeBack()), instant(place.next())),
                        now,
                        maxWait);
                SendPacing.Slots slots = decision.slots();
                write(tenantKey, nanos(slots.tenantNext()), nanos(slots.tenantComeBack()));
                if (decision.booked()) {
                    write(channelKey, nanos(slots.channelNext()), null);
                }
                return decision.delay();
            });
        }
    }

    /**
     * Deletes the rows whose instants all lie before the cutoff: they hold nothing any more (a
     * tenant or channel without a row starts afresh, which a past slot would also give).
     */
    public int purgeBefore(Instant cutoff) {
        return jdbc.sql(
                        "DELETE FROM send_budget WHERE (next_at IS NULL OR next_at < :cutoff) AND (come_back_at IS NULL OR come_back_at < :cutoff)")
                .param("cutoff", nanos(cutoff))
                .update();
    }

    private record Row(Long next, Long comeBack) {}

    /** The row under this key, locked until the transaction ends; created (empty) when missing. */
    private Row locked(String key) {
        Optional<Row> row = select(key);
        if (row.isPresent()) {
            return row.get();
        }
        jdbc.sql("INSERT INTO send_budget (budget_key) VALUES (:key) ON CONFLICT DO NOTHING")
                .param("key", key)
                .update();
        return select(key).orElseThrow(() -> new IllegalStateException("the send budget row " + key + " vanished"));
    }

    /**
     * Like {@link #locked}, for a row that is most likely missing: a channel's, which is deleted
     * soon after its message and is rarely booked again before that (one statement fewer).
     */
    private Row lockedNew(String key) {
        jdbc.sql("INSERT INTO send_budget (budget_key) VALUES (:key) ON CONFLICT DO NOTHING")
                .param("key", key)
                .update();
        return select(key).orElseThrow(() -> new IllegalStateException("the send budget row " + key + " vanished"));
    }

    private Optional<Row> select(String key) {
        return jdbc.sql("SELECT next_at, come_back_at FROM send_budget WHERE budget_key = :key FOR UPDATE")
                .param("key", key)
                .query((rs, index) ->
                        new Row(rs.getObject("next_at", Long.class), rs.getObject("come_back_at", Long.class)))
                .optional();
    }

    private void write(String key, Long next, Long comeBack) {
        jdbc.sql("UPDATE send_budget SET next_at = :next, come_back_at = :comeBack WHERE budget_key = :key")
                .param("key", key)
                .param("next", next, java.sql.Types.BIGINT)
                .param("comeBack", comeBack, java.sql.Types.BIGINT)
                .update();
    }

    /** {@code t:slack:T0123}; a hash for the rare tenant key too long to keep as it is. */
    private static String tenantKey(ChannelRef channel) {
        String key = "t:" + channel.tenantKey();
        return key.length() <= MAX_PLAIN_KEY ? key : "t#" + sha256(channel.tenantKey());
    }

    private static Instant instant(Long nanos) {
        return nanos == null
                ? null
                : Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    private static Long nanos(Instant instant) {
        return instant == null
                ? null
                : Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
