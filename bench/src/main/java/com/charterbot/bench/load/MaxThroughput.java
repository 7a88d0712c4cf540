package com.charterbot.bench.load;

import java.time.Duration;
import java.util.Locale;

/**
 * A closed-loop phase: {@code concurrency} workers each send a request, wait for its response and
 * send the next, first for {@code warmup} (not measured), then for {@code duration} (measured).
 */
public record MaxThroughput(int concurrency, Duration warmup, Duration duration) {

    public MaxThroughput {
        if (concurrency < 1 || concurrency > 1024) {
            throw new IllegalArgumentException("concurrency must be between 1 and 1024, got " + concurrency);
        }
        LoadPlans.requireNotNegative(warmup, "warm-up");
        LoadPlans.requirePositive(duration, "duration");
    }

    String describe() {
        return String.format(
                Locale.ROOT,
                "max throughput, %d concurrent, %s measured after %s warm-up",
                concurrency,
                LoadPlans.seconds(duration),
                LoadPlans.seconds(warmup));
    }
}
