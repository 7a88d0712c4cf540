package com.charterbot.app.persistence;

import com.charterbot.core.nudge.SendBudget;
import com.charterbot.core.nudge.SendPacing;
import com.charterbot.core.values.ChannelRef;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@link SendBudget} of a cluster: the {@link SendPacing} rule with its slots in the
 * {@code send_budget} table of the database every replica shares, one row per tenant and one per
 * channel, so that {@code charter.scheduler.tenant-budget-per-second} holds for the whole cluster
 * whatever the number of replicas.
 *
 * <p>A booking is one short transaction that locks the tenant's row, then its channels' rows
 * ({@code SELECT ... FOR UPDATE}, always in that order, so two bookings never deadlock), decides,
 * and writes the rows: two replicas booking for one tenant queue on its row and never get the
 * same slot. The threads of one process asking for one tenant at the same time are booked
 * together: while one transaction runs, the requests that arrive queue in memory, and the next
 * transaction books all of them (up to {@value #MAX_BATCH}), one after the other in arrival order,
 * exactly as that many single bookings would, in four or five statements whatever their number.
 * Why: a tenant's bookings are serialized cluster-wide on its row, so one transaction per message
 * caps the tenant at one message per transaction time, whatever its budget; {@code bench/fanout}
 * measured 7 to 10 ms a booking on a loaded 2-core machine, a cap of 100 to 140 a second, barely
 * above a budget of 100. Queued requests grow the batches as bookings slow down, which lifts the
 * cap. Instants are stored as nanoseconds since the epoch; the replicas' clocks are assumed
 * synchronized, as the scheduler's heartbeats already require.
 *
 * <p>Why not a library: Bucket4j, the well-kept distributed token bucket for Java, has JDBC
 * backends for PostgreSQL, MySQL, MariaDB, Oracle, Microsoft SQL Server and DB2 but none for H2,
 * the bot's embedded default; and it keeps one bucket per row and key, whereas a booking here must
 * move the tenant's and the channel's slots together, in one transaction. The rule itself is the
 * core's {@link SendPacing}, shared with the in-memory budget.
 */
public final class JdbcSendBudget implements SendBudget {

    /** The most requests one transaction books. */
    static final int MAX_BATCH = 64;

    private static final int MAX_PLAIN_KEY = 78;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate transaction;
    private final SendPacing pacing;
    private final Clock clock;
    /** Per tenant key, the requests of this process waiting to be booked; one entry per tenant seen. */
    private final Map<String, Queue> queues = new ConcurrentHashMap<>();

    /**
     * @param clock read once the tenant's row is locked: a booking decides at that instant, or at
     *     the caller's {@code now} if later, and its delay counts from there
     */
    public JdbcSendBudget(DataSource dataSource, SendPacing pacing, Clock clock) {
        Objects.requireNonNull(dataSource, "dataSource");
        this.jdbc = JdbcClient.create(dataSource);
        this.batches = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        this.pacing = Objects.requireNonNull(pacing, "pacing");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Duration reserve(ChannelRef channel, Instant now, Duration maxWait) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(now, "now");
        String tenantKey = tenantKey(channel);
        Request request = new Request("c:" + sha256(channel.key()), now, maxWait);
        Queue queue = queues.computeIfAbsent(tenantKey, key -> new Queue());
        synchronized (queue) {
            queue.waiting.add(request);
        }
        boolean interrupted = false;
        try {
            while (true) {
                List<Request> batch = new ArrayList<>();
                synchronized (queue) {
                    while (!request.done && queue.booking) {
                        try {
                            queue.wait();
                        } catch (InterruptedException e) {
                            // The request is queued and will be booked: wait for it, and say so afterwards.
                            interrupted = true;
                        }
                    }
                    if (request.done) {
                        return request.outcome();
                    }
                    queue.booking = true;
                    while (batch.size() < MAX_BATCH && !queue.waiting.isEmpty()) {
                        batch.add(queue.waiting.poll());
                    }
                }
                RuntimeException failure = null;
                try {
                    book(tenantKey, batch);
                } catch (RuntimeException e) {
                    failure = e;
                } finally {
                    synchronized (queue) {
                        for (Request booked : batch) {
                            if (booked.delay == null) {
                                booked.failure = failure != null
                                        ? failure
                                        : new IllegalStateException("the send budget booking did not finish");
                            }
                            booked.done = true;
                        }
                        queue.booking = false;
                        queue.notifyAll();
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One caller's request; its outcome is set, under its queue's lock, by the thread that booked it. */
    private static final class Request {
        final String channelKey;
        final Instant now;
        final Duration maxWait;
        Duration delay;
        RuntimeException failure;
        boolean done;

        Request(String channelKey, Instant now, Duration maxWait) {
            this.channelKey = channelKey;
            this.now = now;
            this.maxWait = maxWait;
        }

        Duration outcome() {
            if (failure != null) {
                throw failure;
            }
            return delay;
        }
    }

    /** A tenant's waiting requests, and whether a thread of this process is booking for it. */
    private static final class Queue {
        final ArrayDeque<Request> waiting = new ArrayDeque<>();
        boolean booking;
    }

    /**
     * Books the requests, in order, in one transaction: what a booking of each in turn would
     * decide. Each decides at the instant the tenant's row was locked (or at its caller's
     * {@code now}, if later), not at the caller's {@code now}, which waiting in the queue and on the
     * row made stale: decided from it, a wait came out longer than needed, by that staleness, and
     * the message went out that much after its slot. Their delays are set only once the
     * transaction has committed.
     */
    private void book(String tenantKey, List<Request> batch) {
        Duration[] delays = transaction.execute(status -> {
            Row tenant = locked(tenantKey);
            Instant lockedAt = clock.instant();
            Map<String, Instant> channelNext = lockedChannels(batch);
            Instant tenantNext = instant(tenant.next());
            Instant tenantComeBack = instant(tenant.comeBack());
            Map<String, Instant> booked = new LinkedHashMap<>();
            Duration[] decided = new Duration[batch.size()];
            for (int i = 0; i < batch.size(); i++) {
                Request request = batch.get(i);
                SendPacing.Decision decision = pacing.decide(
                        new SendPacing.Slots(tenantNext, tenantComeBack, channelNext.get(request.channelKey)),
                        request.now.isAfter(lockedAt) ? request.now : lockedAt,
                        request.maxWait);
                SendPacing.Slots slots = decision.slots();
                tenantNext = slots.tenantNext();
                tenantComeBack = slots.tenantComeBack();
                if (decision.booked()) {
                    channelNext.put(request.channelKey, slots.channelNext());
                    booked.put(request.channelKey, slots.channelNext());
                }
                decided[i] = decision.delay();
            }
            List<Object[]> updates = new ArrayList<>();
            updates.add(new Object[] {nanos(tenantNext), nanos(tenantComeBack), tenantKey});
            booked.forEach((key, next) -> updates.add(new Object[] {nanos(next), null, key}));
            batches.batchUpdate(
                    "UPDATE send_budget SET next_at = ?, come_back_at = ? WHERE budget_key = ?",
                    updates,
                    new int[] {Types.BIGINT, Types.BIGINT, Types.VARCHAR});
            return decided;
        });
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).delay = delays[i];
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
     * The channels' rows, locked until the transaction ends, created (empty) when missing: most
     * are, as a channel's row is deleted soon after its message and rarely booked again before
     * that, and a row this transaction created needs no reading back. Their next instants by key;
     * null for none.
     */
    private Map<String, Instant> lockedChannels(List<Request> batch) {
        List<String> keys =
                batch.stream().map(request -> request.channelKey).distinct().toList();
        int[] inserted = batches.batchUpdate(
                "INSERT INTO send_budget (budget_key) VALUES (?) ON CONFLICT DO NOTHING",
                keys.stream().map(key -> new Object[] {key}).toList());
        Map<String, Instant> next = new HashMap<>();
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (inserted[i] == 1) {
                next.put(keys.get(i), null);
            } else {
                existing.add(keys.get(i));
            }
        }
        if (!existing.isEmpty()) {
            jdbc.sql("SELECT budget_key, next_at FROM send_budget WHERE budget_key IN (:keys) FOR UPDATE")
                    .param("keys", existing)
                    .query(rs -> {
                        next.put(rs.getString("budget_key"), instant(rs.getObject("next_at", Long.class)));
                    });
        }
        for (String key : keys) {
            if (!next.containsKey(key)) {
                throw new IllegalStateException("the send budget row " + key + " vanished");
            }
        }
        return next;
    }

    private Optional<Row> select(String key) {
        return jdbc.sql("SELECT next_at, come_back_at FROM send_budget WHERE budget_key = :key FOR UPDATE")
                .param("key", key)
                .query((rs, index) ->
                        new Row(rs.getObject("next_at", Long.class), rs.getObject("come_back_at", Long.class)))
                .optional();
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
