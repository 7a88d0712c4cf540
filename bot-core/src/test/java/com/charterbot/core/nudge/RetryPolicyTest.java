package com.charterbot.core.nudge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    static final RetryPolicy NO_JITTER =
            new RetryPolicy(6, Duration.ofSeconds(30), Duration.ofMinutes(30), 0.0, Duration.ofSeconds(1), 20);

    @Test
    void backsOffExponentiallyUpToTheMaximum() {
        RetryPolicy policy =
                new RetryPolicy(20, Duration.ofSeconds(30), Duration.ofMinutes(5), 0.0, Duration.ofSeconds(1), 20);
        RandomGenerator random = new SplittableRandom(1);

        assertThat(policy.delayAfter(1, random)).contains(Duration.ofSeconds(30));
        assertThat(policy.delayAfter(2, random)).contains(Duration.ofSeconds(60));
        assertThat(policy.delayAfter(3, random)).contains(Duration.ofSeconds(120));
        assertThat(policy.delayAfter(4, random)).contains(Duration.ofSeconds(240));
        assertThat(policy.delayAfter(5, random)).contains(Duration.ofMinutes(5));
        assertThat(policy.delayAfter(19, random)).contains(Duration.ofMinutes(5));
        assertThat(policy.backoff(1_000_000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void givesUpWhenTheAttemptsAreExhausted() {
        RandomGenerator random = new SplittableRandom(1);

        assertThat(NO_JITTER.delayAfter(5, random)).isPresent();
        assertThat(NO_JITTER.delayAfter(6, random)).isEmpty();
        assertThat(NO_JITTER.delayAfter(7, random)).isEmpty();
        assertThat(new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1), 0, Duration.ZERO, 0)
                        .delayAfter(1, random))
                .isEmpty();
    }

    @Test
    void jitterTakesOffAtMostItsShareAndSpreadsTheDelays() {
        RetryPolicy half =
                new RetryPolicy(6, Duration.ofSeconds(30), Duration.ofMinutes(30), 0.5, Duration.ofSeconds(1), 20);
        RetryPolicy full =
                new RetryPolicy(6, Duration.ofSeconds(30), Duration.ofMinutes(30), 1.0, Duration.ofSeconds(1), 20);
        RandomGenerator random = new SplittableRandom(42);

        java.util.Set<Duration> seen = new java.util.HashSet<>();
        for (int i = 0; i < 1000; i++) {
            Duration halfDelay = half.delayAfter(3, random).orElseThrow();
            assertThat(halfDelay).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(120));
            Duration fullDelay = full.delayAfter(3, random).orElseThrow();
            assertThat(fullDelay).isBetween(Duration.ZERO, Duration.ofSeconds(120));
            seen.add(halfDelay);
        }
        assertThat(seen).hasSizeGreaterThan(900);
    }

    @Test
    void isDeterministicForAGivenGenerator() {
        Optional<Duration> a = RetryPolicy.DEFAULT.delayAfter(2, new SplittableRandom(9));
        Optional<Duration> b = RetryPolicy.DEFAULT.delayAfter(2, new SplittableRandom(9));

        assertThat(a).isEqualTo(b);
    }

    @Test
    void rateLimitsWaitTheRetryAfterButAtLeastTheFloorUpToTheCap() {
        assertThat(NO_JITTER.delayAfterRateLimit(1, Duration.ofSeconds(7))).contains(Duration.ofSeconds(7));
        assertThat(NO_JITTER.delayAfterRateLimit(1, Duration.ofMillis(200))).contains(Duration.ofSeconds(1));
        assertThat(NO_JITTER.delayAfterRateLimit(1, Duration.ZERO)).contains(Duration.ofSeconds(1));
        assertThat(NO_JITTER.delayAfterRateLimit(20, Duration.ofHours(2))).contains(Duration.ofHours(2));
        assertThat(NO_JITTER.delayAfterRateLimit(21, Duration.ofSeconds(7))).isEmpty();
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(1), 0, Duration.ZERO, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, Duration.ofSeconds(1), 0, Duration.ZERO, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1), 0, Duration.ZERO, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(1), 1.5, Duration.ZERO, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(1), Double.NaN, Duration.ZERO, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NO_JITTER.delayAfter(0, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
