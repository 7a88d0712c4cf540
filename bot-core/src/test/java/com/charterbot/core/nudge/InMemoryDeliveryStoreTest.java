package com.charterbot.core.nudge;

import static com.charterbot.core.nudge.DispatcherFixtures.channel;
import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.memory.InMemoryDeliveryStore;
import com.charterbot.core.values.ChannelRef;
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
import org.junit.jupiter.api.Test;

class InMemoryDeliveryStoreTest {

    static final Instant DUE = Instant.parse("2024-03-04T10:00:00Z");
    static final ChannelRef GENERAL = channel(0);

    final InMemoryDeliveryStore store = new InMemoryDeliveryStore();

    @Test
    void createsOneDeliveryPerChannelAndDue() {
        Optional<NudgeDelivery> first = store.createIfAbsent(GENERAL, DUE);
        Optional<NudgeDelivery> again = store.createIfAbsent(GENERAL, DUE);
        Optional<NudgeDelivery> otherDue = store.createIfAbsent(GENERAL, DUE.plus(Duration.ofDays(7)));
        Optional<NudgeDelivery> otherChannel = store.createIfAbsent(channel(1), DUE);

        assertThat(first).get().satisfies(d -> {
            assertThat(d.channel()).isEqualTo(GENERAL);
            assertThat(d.due()).isEqualTo(DUE);
            assertThat(d.status()).isEqualTo(NudgeDelivery.Status.PENDING);
            assertThat(d.attempts()).isZero();
            assertThat(d.kind()).isEmpty();
            assertThat(d.sentAt()).isEmpty();
        });
        assertThat(again).isEmpty();
        assertThat(otherDue).isPresent();
        assertThat(otherChannel).isPresent();
        assertThat(store.find(GENERAL, DUE)).isEqualTo(first);
        assertThat(store.find(first.get().id())).isEqualTo(first);
        assertThat(store.find(999)).isEmpty();
        assertThat(store.pending(10)).hasSize(3);
        assertThat(store.pending(2))
                .extracting(NudgeDelivery::id)
                .containsExactly(first.get().id(), otherDue.get().id());
    }

    @Test
    void concurrentCreationsOfOneKeyMakeOneDelivery() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Optional<NudgeDelivery>> results = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return results.add(store.createIfAbsent(GENERAL, DUE));
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(results.stream().filter(Optional::isPresent)).hasSize(1);
    }

    @Test
    void marksOnlyAPendingDelivery() {
        long id = store.createIfAbsent(GENERAL, DUE).orElseThrow().id();

        assertThat(store.markRetry(id, 1, 2, "HTTP 503")).isTrue();
        assertThat(store.find(id)).get().satisfies(d -> {
            assertThat(d.status()).isEqualTo(NudgeDelivery.Status.PENDING);
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.rateLimited()).isEqualTo(2);
            assertThat(d.lastError()).isEqualTo("HTTP 503");
        });
        assertThat(store.markSent(id, DUE.plusSeconds(3), NudgeSent.Kind.QUIZ)).isTrue();
        assertThat(store.find(id)).get().satisfies(d -> {
            assertThat(d.status()).isEqualTo(NudgeDelivery.Status.SENT);
            assertThat(d.sentAt()).contains(DUE.plusSeconds(3));
            assertThat(d.kind()).contains(NudgeSent.Kind.QUIZ);
        });

        assertThat(store.markSent(id, DUE.plusSeconds(9), NudgeSent.Kind.TIP)).isFalse();
        assertThat(store.markRetry(id, 2, 0, "late")).isFalse();
        assertThat(store.markFailed(id, 3, "late")).isFalse();
        assertThat(store.markSkipped(id, "late")).isFalse();
        assertThat(store.find(id).orElseThrow().sentAt()).contains(DUE.plusSeconds(3));
        assertThat(store.markSent(12345, DUE, NudgeSent.Kind.TIP)).isFalse();
        assertThat(store.pending(10)).isEmpty();
    }

    @Test
    void listsProblemsAndClipsLongErrors() {
        long failed = store.createIfAbsent(GENERAL, DUE).orElseThrow().id();
        long skipped = store.createIfAbsent(channel(1), DUE.plus(Duration.ofDays(1)))
                .orElseThrow()
                .id();
        long old = store.createIfAbsent(channel(2), DUE.minus(Duration.ofDays(30)))
                .orElseThrow()
                .id();
        long sent = store.createIfAbsent(channel(3), DUE).orElseThrow().id();
        store.createIfAbsent(channel(4), DUE);
        store.markFailed(failed, 6, "x".repeat(5000));
        store.markSkipped(skipped, "channel paused");
        store.markFailed(old, 6, "old");
        store.markSent(sent, DUE, NudgeSent.Kind.TIP);

        List<NudgeDelivery> problems = store.problems(DUE.minus(Duration.ofDays(1)));

        assertThat(problems).extracting(NudgeDelivery::id).containsExactly(skipped, failed);
        assertThat(problems.get(1).lastError()).hasSize(DeliveryStore.MAX_ERROR);
        assertThat(problems.get(1).attempts()).isEqualTo(6);
        assertThat(problems.get(0).status()).isEqualTo(NudgeDelivery.Status.SKIPPED);
    }

    @Test
    void purgesFinishedDeliveriesDueBeforeTheCutoffButKeepsPendingOnes() {
        long oldSent = store.createIfAbsent(GENERAL, DUE.minus(Duration.ofDays(100)))
                .orElseThrow()
                .id();
        long oldPending = store.createIfAbsent(channel(1), DUE.minus(Duration.ofDays(100)))
                .orElseThrow()
                .id();
        long recentSent = store.createIfAbsent(channel(2), DUE).orElseThrow().id();
        store.markSent(oldSent, DUE.minus(Duration.ofDays(100)), NudgeSent.Kind.TIP);
        store.markSent(recentSent, DUE, NudgeSent.Kind.TIP);

        int purged = store.purgeBefore(DUE.minus(Duration.ofDays(90)));

        assertThat(purged).isEqualTo(1);
        assertThat(store.find(oldSent)).isEmpty();
        assertThat(store.find(GENERAL, DUE.minus(Duration.ofDays(100)))).isEmpty();
        assertThat(store.find(oldPending)).isPresent();
        assertThat(store.find(recentSent)).isPresent();
        assertThat(store.createIfAbsent(GENERAL, DUE.minus(Duration.ofDays(100))))
                .as("the key is free again")
                .isPresent();
    }
}
