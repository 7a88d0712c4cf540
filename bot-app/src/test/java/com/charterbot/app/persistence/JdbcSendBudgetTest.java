package com.charterbot.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.nudge.OutboundLimiter;
import com.charterbot.core.nudge.SendPacing;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Platform;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The cluster's send budget on H2 and on PostgreSQL: the in-memory rule, shared by every replica. */
class JdbcSendBudgetTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private static ChannelRef slack(String tenant, String channel) {
        return new ChannelRef(Platform.SLACK, tenant, channel);
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void decidesExactlyAsTheInMemoryBudgetDoes(Databases.Kind kind) {
        try (HikariDataSource dataSource = Databases.pooled(kind)) {
            JdbcSendBudget stored = new JdbcSendBudget(dataSource, new SendPacing(10, 3, Duration.ofMillis(1100)));
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
                replicas.add(new JdbcSendBudget(pool, SendPacing.evenly(perSecond, Duration.ofMillis(1100))));
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
            JdbcSendBudget budget = new JdbcSendBudget(dataSource, SendPacing.evenly(1, Duration.ofSeconds(1)));
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
}
