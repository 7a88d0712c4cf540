package com.charterbot.core.nudge;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How a nudge that could not be sent is retried.
 *
 * <p>Transient failures back off exponentially: after the n-th failed attempt the delay is
 * {@code min(maxDelay, baseDelay × 2^(n-1))}, of which a random share of up to {@code jitter} is
 * taken off (0 = no jitter, 1 = "full jitter", anywhere between zero and the delay), so that
 * replicas and channels that failed together do not retry together. After {@code maxAttempts}
 * attempts in all, the delivery fails.
 *
 * <p>Rate-limited attempts (HTTP 429) wait what the platform asked, at least
 * {@code rateLimitFloor}, and do not count against {@code maxAttempts}: the platform answered, it
 * only asked to wait. Only beyond {@code maxRateLimited} of them does each further one count as a
 * transient failure, so a channel throttled forever still ends.
 *
 * @param maxAttempts attempts in all, the first one included; at least 1
 * @param baseDelay the delay after the first failed attempt; positive
 * @param maxDelay the longest delay between two attempts; at least {@code baseDelay}
 * @param jitter 0 to 1, the largest share of a delay taken off at random
 * @param rateLimitFloor the shortest wait after a 429, whatever its Retry-After; not negative
 * @param maxRateLimited how many 429s a delivery may get before they count as failures; not negative
 */
public record RetryPolicy(
        int maxAttempts,
        Duration baseDelay,
        Duration maxDelay,
        double jitter,
        Duration rateLimitFloor,
        int maxRateLimited) {

    /** 6 attempts 30 s, 1, 2, 4, 8 minutes apart (less up to half, at random); 429s wait at least 1 s, 20 of them free. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(6, Duration.ofSeconds(30), Duration.ofMinutes(30), 0.5, Duration.ofSeconds(1), 20);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(rateLimitFloor, "rateLimitFloor");
        if (baseDelay.isNegative() || baseDelay.isZero()) {
            throw new IllegalArgumentException("baseDelay must be positive: " + baseDelay);
        }
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("maxDelay " + maxDelay + " is shorter than baseDelay " + baseDelay);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1: " + jitter);
        }
        if (rateLimitFloor.isNegative()) {
            throw new IllegalArgumentException("rateLimitFloor must not be negative: " + rateLimitFloor);
        }
        if (maxRateLimited < 0) {
            throw new IllegalArgumentException("maxRateLimited must not be negative: " + maxRateLimited);
        }
    }

    /**
     * How long to wait after this many failed attempts; empty when no attempt is left.
     *
     * @param failedAttempts the attempts that failed so far, this one included; at least 1
     * @param random draws the jitter; not used when {@code jitter} is 0
     */
    public Optional<Duration> delayAfter(int failedAttempts, RandomGenerator random) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1: " + failedAttempts);
        }
        Objects.requireNonNull(random, "random");
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(jittered(backoff(failedAttempts), random));
    }

    /** The delay without jitter after this many failed attempts: {@code min(maxDelay, baseDelay × 2^(n-1))}. */
    public Duration backoff(int failedAttempts) {
        int doublings = Math.max(0, failedAttempts - 1);
        Duration delay = baseDelay;
        for (int i = 0; i < doublings && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /**
     * How long to wait after a 429, or empty when this delivery had more than
     * {@link #maxRateLimited} of them (the caller then counts this one as a transient failure).
     *
     * @param rateLimited the 429s this delivery got so far, this one included
     * @param retryAfter the wait the platform asked for
     */
    public Optional<Duration> delayAfterRateLimit(int rateLimited, Duration retryAfter) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (rateLimited > maxRateLimited) {
            return Optional.empty();
        }
        return Optional.of(retryAfter.compareTo(rateLimitFloor) < 0 ? rateLimitFloor : retryAfter);
    }

    private Duration jittered(Duration delay, RandomGenerator random) {
        if (jitter == 0.0) {
            return delay;
        }
        double share = jitter * random.nextDouble();
        long nanos = saturatedNanos(delay);
        return Duration.ofNanos(Math.round(nanos * (1.0 - share)));
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
