package com.charterbot.bench.rehearsal;

import java.util.Locale;

/**
 * When things happened in a run, in {@link System#nanoTime()} (0: did not happen), and the windows
 * derived from them. Written by the orchestrating thread, read once the run is over.
 */
final class Timeline {

    final long origin = System.nanoTime();
    volatile long windowStart;
    volatile long windowEnd;
    volatile long firstSlot;
    volatile long lastSlot;
    volatile long killAt;
    volatile long restartedAt;
    volatile long readyAgainAt;
    volatile long revivedAt;
    volatile long cutStart;
    volatile long cutEnd;
    volatile long drainedAt;

    /** Seconds since the run started, for the report. */
    String at(long nanos) {
        return nanos == 0 ? "-" : String.format(Locale.ROOT, "%.1f s", (nanos - origin) / 1e9);
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    /**
     * Whether a request that was meant to go at {@code from} and ended at {@code to} overlaps the
     * kill's window: from the kill until the instance is ready again, plus {@code graceNanos}.
     */
    boolean inKillWindow(long from, long to, long graceNanos) {
        return killAt != 0
                && overlaps(from, to, killAt, readyAgainAt == 0 ? Long.MAX_VALUE : readyAgainAt + graceNanos);
    }

    /** Whether a request overlaps the database cut's window: from the cut until its end, plus {@code graceNanos}. */
    boolean inCutWindow(long from, long to, long graceNanos) {
        return cutStart != 0 && overlaps(from, to, cutStart, cutEnd == 0 ? Long.MAX_VALUE : cutEnd + graceNanos);
    }

    private static boolean overlaps(long from, long to, long windowStart, long windowEnd) {
        return to >= windowStart && from <= windowEnd;
    }
}
