package com.charterbot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.charterbot.core.memory.InMemorySeenEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemorySeenEventsTest {

    private static final Instant T0 = Instant.parse("2025-03-10T09:30:00Z");

    private final InMemorySeenEvents seen = new InMemorySeenEvents();

    @Test
    void anEventIsNewOnlyTheFirstTime() {
        assertThat(seen.firstTime("slack:Ev1", T0)).isTrue();
        assertThat(seen.firstTime("slack:Ev1", T0.plusSeconds(5))).isFalse();
        assertThat(seen.firstTime("slack:Ev1", T0.minusSeconds(5))).isFalse();
    }

    @Test
    void keysAreDistinctPerPlatform() {
        assertThat(seen.firstTime("slack:Ev1", T0)).isTrue();
        assertThat(seen.firstTime("teams:Ev1", T0)).isTrue();
    }

    @Test
    void forgettingRemovesOnlyOlderEventsAndCountsThem() {
        seen.firstTime("slack:old-1", T0.minusSeconds(120));
        seen.firstTime("slack:old-2", T0.minusSeconds(60));
        seen.firstTime("slack:at-cutoff", T0);
        seen.firstTime("slack:new", T0.plusSeconds(60));

        assertThat(seen.forgetBefore(T0)).isEqualTo(2);

        assertThat(seen.firstTime("slack:old-1", T0))
                .as("forgotten, so new again")
                .isTrue();
        assertThat(seen.firstTime("slack:at-cutoff", T0)).isFalse();
        assertThat(seen.firstTime("slack:new", T0)).isFalse();
        assertThat(seen.forgetBefore(T0.minusSeconds(3600))).isZero();
    }

    @Test
    void aRepeatDoesNotExtendHowLongAnEventIsRemembered() {
        seen.firstTime("slack:Ev1", T0);
        seen.firstTime("slack:Ev1", T0.plusSeconds(600));

        assertThat(seen.forgetBefore(T0.plusSeconds(1))).isEqualTo(1);
    }

    @Test
    void rejectsBlankAndOverlongKeys() {
        assertThatThrownBy(() -> seen.firstTime(" ", T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> seen.firstTime("k".repeat(201), T0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(seen.firstTime("k".repeat(200), T0)).isTrue();
    }

    @Test
    void amongManyThreadsDeliveringTheSameEventExactlyOneWins() throws Exception {
        int threads = 16;
        int events = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> wins = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                wins.add(pool.submit(() -> {
                    start.await();
                    int won = 0;
                    for (int e = 0; e < events; e++) {
                        if (seen.firstTime("slack:Ev" + e, T0)) {
                            won++;
                        }
                    }
                    return won;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> win : wins) {
                total += win.get(30, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(events);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentForgettingCountsEachEventOnce() throws Exception {
        for (int e = 0; e < 1_000; e++) {
            seen.firstTime("slack:Ev" + e, T0);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> removed = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                removed.add(pool.submit(() -> seen.forgetBefore(T0.plusSeconds(1))));
            }
            int total = 0;
            for (Future<Integer> count : removed) {
                total += count.get(30, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(1_000);
        } finally {
            pool.shutdownNow();
        }
    }
}
