package com.charterbot.core.quiz;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Leitner spaced repetition: a right answer moves a question up one box, each box waiting longer
 * than the one below; a wrong answer sends it back to box 1, due again after a short retry delay.
 *
 * @param intervals the wait after a right answer that lands in box 1, 2, ... {@link #MAX_BOX}; growing
 * @param retry the wait after a wrong answer, shorter than the first interval
 */
public record LeitnerSchedule(List<Duration> intervals, Duration retry) {

    /** The highest box. */
    public static final int MAX_BOX = 5;

    /** 1, 3, 7, 16 and 35 days; a missed question comes back after 10 minutes. */
    public static final LeitnerSchedule DEFAULT = new LeitnerSchedule(
            List.of(
                    Duration.ofDays(1),
                    Duration.ofDays(3),
                    Duration.ofDays(7),
                    Duration.ofDays(16),
                    Duration.ofDays(35)),
            Duration.ofMinutes(10));

    public LeitnerSchedule {
        intervals = List.copyOf(intervals);
        Objects.requireNonNull(retry, "retry");
        if (intervals.size() != MAX_BOX) {
            throw new IllegalArgumentException("one interval per box: " + MAX_BOX);
        }
        Duration previous = retry;
        for (Duration interval : intervals) {
            if (interval.compareTo(previous) <= 0) {
                throw new IllegalArgumentException("intervals grow, starting above the retry delay");
            }
            previous = interval;
        }
        if (retry.isNegative() || retry.isZero()) {
            throw new IllegalArgumentException("the retry delay is positive");
        }
    }

    /**
     * The state after answering.
     *
     * @param previous the state before, or null for a question never answered
     */
    public CardState next(CardState previous, boolean correct, Instant at) {
        Objects.requireNonNull(at, "at");
        int seen = previous == null ? 1 : previous.seen() + 1;
        int right = (previous == null ? 0 : previous.correct()) + (correct ? 1 : 0);
        if (!correct) {
            return new CardState(1, at.plus(retry), seen, right);
        }
        int box = Math.min(MAX_BOX, (previous == null ? 0 : previous.box()) + 1);
        return new CardState(box, at.plus(intervals.get(box - 1)), seen, right);
    }
}
