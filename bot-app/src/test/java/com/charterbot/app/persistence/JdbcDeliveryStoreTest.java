package com.charterbot.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.nudge.DeliveryStore;
import com.charterbot.core.nudge.NudgeDelivery;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Platform;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JdbcDeliveryStoreTest {

    static final Instant DUE = Instant.parse("2024-03-04T10:00:00Z");
    static final ChannelRef GENERAL = new ChannelRef(Platform.SLACK, "T0001", "C0GENERAL");
    static final ChannelRef TEAMS = new ChannelRef(
            Platform.TEAMS, "7f3c1b2e-0000-4000-8000-000000000001", "19:0b1e5c7a8d9f4e2a@thread.tacv2;messageid=1");

    static JdbcDeliveryStore store(Databases.Kind kind) {
        return new JdbcDeliveryStore(Databases.fresh(kind));
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void createsOneDeliveryPerChannelAndDue(Databases.Kind kind) {
        JdbcDeliveryStore store = store(kind);

        Optional<NudgeDelivery> first = store.createIfAbsent(GENERAL, DUE);
        Optional<NudgeDelivery> again = store.createIfAbsent(GENERAL, DUE);
        Optional<NudgeDelivery> nextWeek = store.createIfAbsent(GENERAL, DUE.plus(Duration.ofDays(7)));
        Optional<NudgeDelivery> teams = store.createIfAbsent(TEAMS, DUE);
        Optional<NudgeDelivery> sameIdOtherPlatform =
                store.createIfAbsent(new ChannelRef(Platform.TEAMS, "T0001", "C0GENERAL"), DUE);

        assertThat(first).get().satisfies(d -> {
            assertThat(d.channel()).isEqualTo(GENERAL);
            assertThat(d.due()).isEqualTo(DUE);
            assertThat(d.status()).isEqualTo(NudgeDelivery.Status.PENDING);
            assertThat(d.attempts()).isZero();
            assertThat(d.rateLimited()).isZero();
            assertThat(d.lastError()).isEmpty();
            assertThat(d.kind()).isEmpty();
            assertThat(d.sentAt()).isEmpty();
        });
        assertThat(again).isEmpty();
        assertThat(nextWeek).isPresent();
        assertThat(teams).isPresent();
        assertThat(sameIdOtherPlatform).isPresent();
        assertThat(store.find(first.get().id())).isEqualTo(first);
        assertThat(store.find(GENERAL, DUE)).isEqualTo(first);
        assertThat(store.find(TEAMS, DUE)).isEqualTo(teams);
        assertThat(store.find(GENERAL, DUE.plusSeconds(1))).isEmpty();
        assertThat(store.find(-1)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void keepsInstantsToTheMicrosecond(Databases.Kind kind) {
        JdbcDeliveryStore store = store(kind);
        Instant precise = Instant.parse("2024-03-04T10:00:00.123456789Z");

        NudgeDelivery created = store.createIfAbsent(GENERAL, precise).orElseThrow();
        store.markSent(created.id(), precise, NudgeSent.Kind.TIP);

        assertThat(created.due()).isEqualTo(Instant.parse("2024-03-04T10:00:00.123456Z"));
        assertThat(store.find(GENERAL, precise)).get().satisfies(d -> {
            assertThat(d.due()).isEqualTo(created.due());
            assertThat(d.sentAt()).contains(created.due());
        });
        assertThat(store.createIfAbsent(GENERAL, precise)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void findsTheDeliveriesOfExactlyTheSlotsAskedFor(Databases.Kind kind) {
        JdbcDeliveryStore store = store(kind);
        Instant nextWeek = DUE.plus(Duration.ofDays(7));
        long general = store.createIfAbsent(GENERAL, DUE).orElseThrow().id();
        store.createIfAbsent(GENERAL, nextWeek).orElseThrow();
        long teamsNextWeek = store.createIfAbsent(TEAMS, nextWeek).orElseThrow().id();
        store.createIfAbsent(TEAMS, DUE).orElseThrow();

        List<NudgeDelivery> found = store.findAll(List.of(
                new DeliveryStore.Slot(GENERAL, DUE),
                new DeliveryStore.Slot(TEAMS, nextWeek),
                new DeliveryStore.Slot(new ChannelRef(Platform.SLACK, "T0001", "C0OTHER"), DUE)));

        assertThat(found)
                .as("not (GENERAL, next week) nor (TEAMS, DUE), though each of their values was asked for")
                .extracting(NudgeDelivery::id)
                .containsExactlyInAnyOrder(general, teamsNextWeek);
        assertThat(store.findAll(List.of())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void theBatchCallsGiveTheirConnectionBack(Databases.Kind kind) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(Databases.fresh(kind));
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(2_000);
        try (HikariDataSource one = new HikariDataSource(config)) {
            JdbcDeliveryStore store = new JdbcDeliveryStore(one);
            List<DeliveryStore.Slot> slots = List.of(new DeliveryStore.Slot(GENERAL, DUE));
            for (int i = 0; i < 3; i++) {
                store.createAllIfAbsent(slots);
                store.findAll(slots);
            }

            assertThat(store.find(GENERAL, DUE))
                    .as("the pool's only connection is free")
                    .isPresent();
        }
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void createsInOneBatchOnlyTheDeliveriesThatAreMissing(Databases.Kind kind) {
        JdbcDeliveryStore store = store(kind);
        long existing = store.createIfAbsent(GENERAL, DUE).orElseThrow().id();
        Instant precise = Instant.parse("2024-03-04T10:00:00.123456789Z");
        List<DeliveryStore.Slot> slots = List.of(
                new DeliveryStore.Slot(GENERAL, DUE),
                new DeliveryStore.Slot(TEAMS, DUE),
                new DeliveryStore.Slot(GENERAL, precise),
                new DeliveryStore.Slot(TEAMS, DUE));

        List<NudgeDelivery> created = store.createAllIfAbsent(slots);

        assertThat(created)
                .extracting(NudgeDelivery::channel, NudgeDelivery::due, NudgeDelivery::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(TEAMS, DUE, NudgeDelivery.Status.PENDING),
                        org.assertj.core.groups.Tuple.tuple(
                                GENERAL, Instant.parse("2024-03-04T10:00:00.123456Z"), NudgeDelivery.Status.PENDING));
        assertThat(created).extracting(NudgeDelivery::id).doesNotContain(existing);
        for (NudgeDelivery delivery : created) {
            assertThat(store.find(delivery.id())).contains(delivery);
        }
        assertThat(store.createAllIfAbsent(slots)).as("all there now").isEmpty();
        assertThat(store.createAllIfAbsent(List.of())).isEmpty();
        assertThat(store.pending(10)).hasSize(3);
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void replicasRacingToCreateABatchMakeEachDeliveryOnce(Databases.Kind kind) throws Exception {
        DataSource database = Databases.fresh(kind);
        List<HikariDataSource> pools = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<DeliveryStore.Slot> slots = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                slots.add(new DeliveryStore.Slot(new ChannelRef(Platform.SLACK, "T0001", "C" + i), DUE));
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<NudgeDelivery>>> results = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                HikariConfig config = new HikariConfig();
                config.setDataSource(database);
                config.setMaximumPoolSize(2);
                HikariDataSource pool = new HikariDataSource(config);
                pools.add(pool);
                JdbcDeliveryStore replica = new JdbcDeliveryStore(pool);
                List<DeliveryStore.Slot> order = new ArrayList<>(slots);
                Collections.rotate(order, 70 * i);
                results.add(threads.submit(() -> {
                    go.await();
                    return replica.createAllIfAbsent(order);
                }));
            }
            go.countDown();
            List<NudgeDelivery> created = new ArrayList<>();
            for (Future<List<NudgeDelivery>> result : results) {
                created.addAll(result.get());
            }

            assertThat(created).hasSize(200);
            assertThat(created).extracting(NudgeDelivery::channel).doesNotHaveDuplicates();
        } finally {
            threads.shutdownNow();
            pools.forEach(HikariDataSource::close);
        }
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void replicasRacingToCreateOneDeliveryMakeExactlyOne(Databases.Kind kind) throws Exception {
        DataSource database = Databases.fresh(kind);
        List<HikariDataSource> pools = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(12);
        try {
            List<JdbcDeliveryStore> replicas = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                HikariConfig config = new HikariConfig();
                config.setDataSource(database);
                config.setMaximumPoolSize(4);
                HikariDataSource pool = new HikariDataSource(config);
                pools.add(pool);
                replicas.add(new JdbcDeliveryStore(pool));
            }
            List<Optional<NudgeDelivery>> results = Collections.synchronizedList(new ArrayList<>());
            for (int round = 0; round < 20; round++) {
                Instant due = DUE.plus(Duration.ofDays(round));
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    JdbcDeliveryStore replica = replicas.get(i % 3);
                    futures.add(threads.submit(() -> {
                        go.await();
                        return results.add(replica.createIfAbsent(GENERAL, due));
                    }));
                }
                go.countDown();
                for (Future<?> future : futures) {
                    future.get();
                }
            }

            assertThat(results).hasSize(20 * 12);
            assertThat(results.stream()
                            .flatMap(Optional::stream)
                            .map(NudgeDelivery::due)
                            .distinct())
                    .hasSize(20);
            assertThat(results.stream().flatMap(Optional::stream)).hasSize(20);
        } finally {
            threads.shutdownNow();
            pools.forEach(HikariDataSource::close);
        }
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void marksOnlyAPendingDelivery(Databases.Kind kind) {
        JdbcDeliveryStore store = store(kind);
        long id = store.createIfAbsent(TEAMS, DUE).orElseThrow().id();

        assertThat(store.markRetry(id, 2, 3, "HTTP 503")).isTrue();
        assertThat(store.find(id)).get().satisfies(d -> {
            assertThat(d.status()).isEqualTo(NudgeDelivery.Status.PENDING);
            assertThat(d.attempts()).isEqualTo(2);
            assertThat(d.rateLimited()).isEqualTo(3);
            assertThat(d.lastError()).isEqualTo("HTTP 503");
        });
        assertThat(store.markSent(id, DUE.plusSeconds(5), NudgeSent.Kind.QUIZ)).isTrue();
        assertThat(store.find(id)).get().satisfies(d -> {
            assertThat(d.status()).isEqualTo(NudgeDelivery.Status.SENT);
            assertThat(d.kind()).contains(NudgeSent.Kind.QUIZ);
            assertThat(d.sentAt()).contains(DUE.plusSeconds(5));
            assertThat(d.attempts()).isEqualTo(2);
        });

        assertThat(store.markSent(id, DUE.plusSeconds(9), NudgeSent.Kind.TIP)).isFalse();
        assertThat(store.markRetry(id, 3, 3, "late")).isFalse();
        assertThat(store.markFailed(id, 3, "late")).isFalse();
        assertThat(store.markSkipped(id, "late")).isFalse();
        assertThat(store.find(id)).get().satisfies(d -> {
            assertThat(d.sentAt()).contains(DUE.plusSeconds(5));
            assertThat(d.lastError()).isEqualTo("HTTP 503");
        });
        assertThat(store.markSent(9_999, DUE, NudgeSent.Kind.TIP)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void listsPendingOldestFirstAndProblemsLatestFirst(Databases.Kind kind) {
        JdbcDeliveryStore store = store(kind);
        long failed = store.createIfAbsent(GENERAL, DUE).orElseThrow().id();
        long skipped = store.createIfAbsent(TEAMS, DUE.plus(Duration.ofDays(1)))
                .orElseThrow()
                .id();
        long pendingA = store.createIfAbsent(GENERAL, DUE.plus(Duration.ofDays(7)))
                .orElseThrow()
                .id();
        long pendingB = store.createIfAbsent(TEAMS, DUE.plus(Duration.ofDays(8)))
                .orElseThrow()
                .id();
        long old = store.createIfAbsent(GENERAL, DUE.minus(Duration.ofDays(60)))
                .orElseThrow()
                .id();
        store.markFailed(failed, 6, "é".repeat(3000));
        store.markSkipped(skipped, "channel paused: not_in_channel");
        store.markFailed(old, 6, "old");

        assertThat(store.pending(10)).extracting(NudgeDelivery::id).containsExactly(pendingA, pendingB);
        assertThat(store.pending(1)).extracting(NudgeDelivery::id).containsExactly(pendingA);
        List<NudgeDelivery> problems = store.problems(DUE.minus(Duration.ofDays(1)));
        assertThat(problems).extracting(NudgeDelivery::id).containsExactly(skipped, failed);
        assertThat(problems.get(0).lastError()).isEqualTo("channel paused: not_in_channel");
        assertThat(problems.get(1).status()).isEqualTo(NudgeDelivery.Status.FAILED);
        assertThat(problems.get(1).attempts()).isEqualTo(6);
        assertThat(problems.get(1).lastError()).hasSize(DeliveryStore.MAX_ERROR);
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void purgesFinishedDeliveriesBeforeTheCutoffAndKeepsPendingOnes(Databases.Kind kind) {
        JdbcDeliveryStore store = store(kind);
        Instant old = DUE.minus(Duration.ofDays(100));
        long oldSent = store.createIfAbsent(GENERAL, old).orElseThrow().id();
        long oldSkipped = store.createIfAbsent(TEAMS, old).orElseThrow().id();
        long oldPending =
                store.createIfAbsent(GENERAL, old.plusSeconds(60)).orElseThrow().id();
        long recent = store.createIfAbsent(GENERAL, DUE).orElseThrow().id();
        store.markSent(oldSent, old, NudgeSent.Kind.TIP);
        store.markSkipped(oldSkipped, "paused");
        store.markSent(recent, DUE, NudgeSent.Kind.TIP);

        assertThat(store.purgeBefore(DUE.minus(Duration.ofDays(90)))).isEqualTo(2);

        assertThat(store.find(oldSent)).isEmpty();
        assertThat(store.find(oldSkipped)).isEmpty();
        assertThat(store.find(oldPending)).isPresent();
        assertThat(store.find(recent)).isPresent();
        assertThat(store.createIfAbsent(GENERAL, old))
                .as("the key is free again")
                .isPresent();
    }
}
