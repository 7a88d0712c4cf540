package com.charterbot.core.nudge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class OutboundLimiterTest {

    static final Instant T0 = Instant.parse("2024-03-04T10:00:00Z");

    static ChannelRef slack(String tenant, String channel) {
        return new ChannelRef(Platform.SLACK, tenant, channel);
    }

    @Test
    void aChannelWaitsTheSpacingBetweenTwoMessages() {
        OutboundLimiter limiter = OutboundLimiter.perSecond(100, Duration.ofMillis(1100));
        ChannelRef general = slack("T1", "general");

        assertThat(limiter.reserve(general, T0)).isZero();
        assertThat(limiter.reserve(general, T0)).isEqualTo(Duration.ofMillis(1100));
        assertThat(limiter.reserve(general, T0.plusMillis(500))).isEqualTo(Duration.ofMillis(1700));
        assertThat(limiter.reserve(general, T0.plusSeconds(10))).isZero();
        assertThat(limiter.reserve(slack("T1", "random"), T0.plusSeconds(10))).isZero();
    }

    @Test
    void aTenantSendsItsBurstAtOnceThenAtItsRate() {
        OutboundLimiter limiter = new OutboundLimiter(10, 3, Duration.ZERO);

        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            waits.add(limiter.reserve(slack("T1", "C" + i), T0));
        }

        assertThat(waits)
                .containsExactly(
                        Duration.ZERO,
                        Duration.ZERO,
                        Duration.ZERO,
                        Duration.ofMillis(100),
                        Duration.ofMillis(200),
                        Duration.ofMillis(300));
        assertThat(limiter.reserve(slack("T2", "C0"), T0))
                .as("another tenant has its own budget")
                .isZero();
        assertThat(limiter.reserve(new ChannelRef(Platform.TEAMS, "T1", "C0"), T0))
                .as("same id on another platform")
                .isZero();
    }

    @Test
    void theBudgetRefillsWithTime() {
        OutboundLimiter limiter = new OutboundLimiter(2, 2, Duration.ZERO);
        limiter.reserve(slack("T1", "a"), T0);
        limiter.reserve(slack("T1", "b"), T0);

        assertThat(limiter.reserve(slack("T1", "c"), T0)).isEqualTo(Duration.ofMillis(500));
        assertThat(limiter.reserve(slack("T1", "d"), T0.plusSeconds(5))).isZero();
        assertThat(limiter.reserve(slack("T1", "e"), T0.plusSeconds(5))).isZero();
        assertThat(limiter.reserve(slack("T1", "f"), T0.plusSeconds(5))).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aWaitLongerThanTheCallerAcceptsBooksNothingAndTheTurnedAwayComeBackOneIntervalApart() {
        OutboundLimiter limiter = new OutboundLimiter(1, 1, Duration.ofMillis(1100));
        ChannelRef general = slack("T1", "general");
        limiter.reserve(general, T0);

        assertThat(limiter.reserve(general, T0, Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(1100));
        assertThat(limiter.reserve(general, T0, Duration.ofMillis(500)))
                .as("the next one turned away, a second later")
                .isEqualTo(Duration.ofMillis(2100));
        assertThat(limiter.reserve(slack("T2", "random"), T0, Duration.ofMillis(500)))
                .as("another tenant's queue")
                .isZero();
        assertThat(limiter.reserve(general, T0, Duration.ofSeconds(2)))
                .as("nothing was booked")
                .isEqualTo(Duration.ofMillis(1100));
        assertThat(limiter.reserve(general, T0, Duration.ofSeconds(2)))
                .as("turned away (2.2 s), back after the two told 1.1 and 2.1 s")
                .isEqualTo(Duration.ofMillis(3100));
    }

    @Test
    void concurrentReservationsNeverExceedTheBudget() throws Exception {
        OutboundLimiter limiter = new OutboundLimiter(50, 5, Duration.ZERO);
        List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int n = i;
                futures.add(pool.submit(() -> waits.add(limiter.reserve(slack("T1", "C" + n), T0))));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<Duration> sorted = waits.stream().sorted().toList();
        // 5 at once, then one every 20 ms: the last of 400 goes after 395 intervals.
        assertThat(sorted.subList(0, 5)).containsOnly(Duration.ZERO);
        assertThat(sorted.get(5)).isEqualTo(Duration.ofMillis(20));
        assertThat(sorted.get(399)).isEqualTo(Duration.ofMillis(20L * 395));
        assertThat(sorted.subList(5, 400)).doesNotHaveDuplicates();
    }

    @Test
    void forgetsIdleChannelsWithoutForgettingBusyOnes() {
        OutboundLimiter limiter = OutboundLimiter.perSecond(1_000, Duration.ofSeconds(1));
        for (int i = 0; i < 20_000; i++) {
            limiter.reserve(slack("T" + i, "C" + i), T0.plusMillis(100L * i));
        }
        ChannelRef busy = slack("T1", "busy");
        Instant late = T0.plusSeconds(10_000);
        limiter.reserve(busy, late);

        assertThat(limiter.tracked()).isLessThan(2 * 4096 + 100);
        assertThat(limiter.reserve(busy, late.plusMillis(500))).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new OutboundLimiter(0, 1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutboundLimiter(Double.NaN, 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutboundLimiter(1, 0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutboundLimiter(1, 1, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
