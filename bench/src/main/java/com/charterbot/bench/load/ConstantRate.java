package com.charterbot.bench.load;

import java.time.Duration;
import java.util.Locale;

/**
 * An open-loop phase: {@code ratePerSecond} requests a second at evenly spaced intended times,
 * first for {@code warmup} (not measured), then for {@code duration} (measured).
 */
public record ConstantRate(int ratePerSecond, Duration warmup, Duration duration) {

    public ConstantRate {
        if (ratePerSecond < 1 || ratePerSecond > 100_000) {
            throw new IllegalArgumentException("rate must be between 1 and 100000 requests/s, got " + ratePerSecond);
        }
        LoadPlans.requireNotNegative(warmup, "warm-up");
        LoadPlans.requirePositive(duration, "duration");
    }

    /** Intended send time of request {@code sequence}, in nanoseconds after the phase start. */
    long intendedOffsetNanos(long sequence) {
        return sequence * 1_000_000_000L / ratePerSecond;
    }

    public long warmupRequests() {
        return warmup.toNanos() * ratePerSecond / 1_000_000_000L;
    }

    long measuredRequests() {
        return duration.toNanos() * ratePerSecond / 1_000_000_000L;
    }

    String describe() {
        return String.format(
                Locale.ROOT,
                "constant rate %d/s, %s measured after %s warm-up",
                ratePerSecond,
                LoadPlans.seconds(duration),
                LoadPlans.seconds(warmup));
    }
}
