package com.charterbot.bench.load;

import java.time.Duration;
import java.util.Locale;

/** Checks and wording shared by the two phase plans. */
final class LoadPlans {

    private LoadPlans() {}

    static void requireNotNegative(Duration duration, String what) {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException(what + " must be zero or more, got " + duration);
        }
    }

    static void requirePositive(Duration duration, String what) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be more than zero, got " + duration);
        }
    }

    static String seconds(Duration duration) {
        double seconds = duration.toMillis() / 1000.0;
        return seconds == Math.rint(seconds)
                ? String.format(Locale.ROOT, "%d s", (long) seconds)
                : String.format(Locale.ROOT, "%.1f s", seconds);
    }
}
