package com.charterbot.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.charterbot.core.nudge.OutboundLimiter;
import com.charterbot.core.nudge.SendPacing;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Platform;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** The cluster's send budget on H2 and on PostgreSQL: the in-memory rule, shared by every replica. */
class JdbcSendBudgetTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    /** A clock behind every caller's {@code now}: each booking decides at its caller's instant. */
    private static final Clock BEFORE_T0 = Clock.fixed(T0.minusSeconds(1), ZoneOffset.UTC);

    private static ChannelRef slack(String tenant, String channel) {
        return new ChannelRef(Platform.SLACK, tenant, channel);
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void decidesExactlyAsTheInMemoryBudgetDoes(Databases.Kind kind) {
        try (HikariDataSource dataSource = Databases.pooled(kind)) {
            JdbcSendBudget stored =
                    new JdbcSendBudget(dataSource, new SendPacing(10, 3, Duration.ofMillis(1100)), BEFORE_T0);
            OutboundLimiter inMemory = new OutboundLimiter(10, 3, Duration.ofMillis(1100));
            List<ChannelRef> channels = List.of(
                    slack("T1", "C1"),
                    slack("T1", "C2"),
                    slack("T1", "C1"),
                    slack("T2", "C1"),
                    new ChannelRef(Platform.TEAMS, "T1", "19:abc@thread.tacv2"),
                    slack("T1", "C3"),
                    slack("T1", "C4"),
                    slack("T1", "C1"));

            for (int round = 0; round < 3; round++) {
                Instant now = T0.plusMillis(700L * round);
                for (ChannelRef channel : channels) {
                    Duration maxWait = round == 1 ? Duration.ofMillis(400) : null;
                    assertThat(stored.reserve(channel, now, maxWait))
                            .as("%s at round %d", channel, round)
                            .isEqualTo(inMemory.reserve(channel, now, maxWait));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void threeReplicasSharingTheDatabaseNeverBookMoreThanTheBudgetInAnySecond(Databases.Kind kind) throws Exception {
        int perSecond = 50;
        int bookings = 300;
        List<HikariDataSource> pools = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(12);
        try (HikariDataSource first = Databases.pooled(kind)) {
            pools.add(first);
            List<JdbcSendBudget> replicas = new ArrayList<>();
            for (int replica = 0; replica < 3; replica++) {
                // Each replica its own pool over the same database, as three processes would have.
                HikariDataSource pool = replica == 0 ? first : new HikariDataSource();
                if (replica > 0) {
                    pool.setDataSource(first.getDataSource());
                    pool.setMaximumPoolSize(4);
                    pools.add(pool);
                }
                replicas.add(
                        new JdbcSendBudget(pool, SendPacing.evenly(perSecond, Duration.ofMillis(1100)), BEFORE_T0));
            }
            List<Instant> sendAt = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < bookings; i++) {
                JdbcSendBudget replica = replicas.get(i % 3);
                ChannelRef channel = slack("T1", "C" + i);
                results.add(threads.submit(() -> {
                    start.await();
                    sendAt.add(T0.plus(replica.reserve(channel, T0)));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
            TreeMap<Long, Integer> perWindow = new TreeMap<>();
            sendAt.forEach(at -> perWindow.merge(Duration.between(T0, at).toSeconds(), 1, Integer::sum));

            assertThat(sendAt).hasSize(bookings).doesNotHaveDuplicates();
            assertThat(perWindow.values()).as("bookings per second").allMatch(count -> count <= perSecond);
            assertThat(sendAt.stream().max(Instant::compareTo).orElseThrow())
                    .as("one every 20 ms, the first at once")
                    .isEqualTo(T0.plusMillis(20L * (bookings - 1)));
        } finally {
            threads.shutdownNow();
            for (int i = 1; i < pools.size(); i++) {
                pools.get(i).close();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void forgetsSlotsThatArePast(Databases.Kind kind) {
        try (HikariDataSource dataSource = Databases.pooled(kind)) {
            JdbcSendBudget budget =
                    new JdbcSendBudget(dataSource, SendPacing.evenly(1, Duration.ofSeconds(1)), BEFORE_T0);
            budget.reserve(slack("T1", "C1"), T0);
            budget.reserve(slack("T2", "C1"), T0.plusSeconds(3600));

            assertThat(budget.purgeBefore(T0.plusSeconds(60)))
                    .as("T1 and its channel")
                    .isEqualTo(2);
            assertThat(Databases.rows(dataSource, "send_budget")).hasSize(2);
            assertThat(budget.reserve(slack("T1", "C1"), T0))
                    .as("a forgotten tenant starts afresh")
                    .isZero();
            assertThat(budget.reserve(slack("T2", "C2"), T0.plusSeconds(3600)))
                    .as("a kept one does not")
                    .isEqualTo(Duration.ofSeconds(1));
        }
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void decidesAtTheInstantTheTenantIsLockedNotAtAStaleNow(Databases.Kind kind) {
        AtomicReference<Instant> time = new AtomicReference<>(T0);
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return time.get();
            }
        };
        try (HikariDataSource dataSource = Databases.pooled(kind)) {
            JdbcSendBudget budget = new JdbcSendBudget(dataSource, SendPacing.evenly(10, Duration.ZERO), clock);
            assertThat(budget.reserve(slack("T1", "C1"), T0)).isZero();

            time.set(T0.plusMillis(80));

            assertThat(budget.reserve(slack("T1", "C2"), T0))
                    .as("the slot at +100 ms is 20 ms after the decision, not 100 ms after the caller's now")
                    .isEqualTo(Duration.ofMillis(20));
        }
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void requestsQueuedInOneProcessAreBookedInOneTransactionAsInTurn(Databases.Kind kind) throws Exception {
        try (HikariDataSource pool = Databases.pooled(kind)) {
            GatedDataSource gated = new GatedDataSource(pool);
            JdbcSendBudget budget =
                    new JdbcSendBudget(gated, SendPacing.evenly(10, Duration.ofMillis(1100)), BEFORE_T0);
            List<Instant> sendAt = Collections.synchronizedList(new ArrayList<>());
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ChannelRef channel = slack("T1", "C" + i);
                threads.add(new Thread(() -> sendAt.add(T0.plus(budget.reserve(channel, T0)))));
            }
            // The first holds the booking, stopped as it asks for its connection; the others queue behind it.
            threads.get(0).start();
            awaitCondition(() -> gated.connections.get() == 1);
            threads.subList(1, 6).forEach(Thread::start);
            awaitCondition(() -> threads.subList(1, 6).stream().allMatch(t -> t.getState() == Thread.State.WAITING));

            gated.open();
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            }

            assertThat(gated.connections.get())
                    .as("one transaction for the first, one for the five queued behind it")
                    .isEqualTo(2);
            assertThat(sendAt)
                    .as("six slots 100 ms apart, the first at once, as six bookings in turn would give")
                    .containsExactlyInAnyOrder(
                            T0,
                            T0.plusMillis(100),
                            T0.plusMillis(200),
                            T0.plusMillis(300),
                            T0.plusMillis(400),
                            T0.plusMillis(500));
        }
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void aFailedTransactionFailsEveryRequestItHeldAndBookingGoesOnAfterwards(Databases.Kind kind) throws Exception {
        try (HikariDataSource pool = Databases.pooled(kind)) {
            GatedDataSource gated = new GatedDataSource(pool);
            JdbcSendBudget budget =
                    new JdbcSendBudget(gated, SendPacing.evenly(10, Duration.ofMillis(1100)), BEFORE_T0);
            List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ChannelRef channel = slack("T1", "C" + i);
                threads.add(new Thread(() -> {
                    try {
                        budget.reserve(channel, T0);
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }));
            }
            threads.get(0).start();
            awaitCondition(() -> gated.connections.get() == 1);
            threads.subList(1, 3).forEach(Thread::start);
            awaitCondition(() -> threads.subList(1, 3).stream().allMatch(t -> t.getState() == Thread.State.WAITING));

            gated.down.set(true);
            gated.open();
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            }

            assertThat(failures)
                    .as("the first's transaction, then the two queued behind it")
                    .hasSize(3);
            assertThat(gated.connections.get()).isEqualTo(2);
            assertThatThrownBy(() -> budget.reserve(slack("T1", "C3"), T0)).isInstanceOf(RuntimeException.class);
            gated.down.set(false);
            assertThat(budget.reserve(slack("T1", "C4"), T0))
                    .as("nothing was booked by the failed transactions")
                    .isZero();
        }
    }

    /** Counts the connections asked for; holds each until {@link #open} is called; fails them while down. */
    private static final class GatedDataSource extends DelegatingDataSource {
        final AtomicInteger connections = new AtomicInteger();
        final AtomicBoolean down = new AtomicBoolean();
        private final CountDownLatch gate = new CountDownLatch(1);

        GatedDataSource(DataSource target) {
            super(target);
        }

        void open() {
            gate.countDown();
        }

        @Override
        public Connection getConnection() throws SQLException {
            connections.incrementAndGet();
            try {
                if (!gate.await(30, TimeUnit.SECONDS)) {
                    throw new SQLException("the test never opened the gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted", e);
            }
            if (down.get()) {
                throw new SQLException("the database is down");
            }
            return super.getConnection();
        }
    }

    private static void awaitCondition(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the condition never held");
            }
            Thread.sleep(5);
        }
    }
}
