package com.charterbot.core.quiz;

import java.time.Instant;
import java.util.Objects;

/**
 * Where one person stands with one quiz question, in a Leitner system.
 *
 * @param box 1 (just missed or new) to {@link LeitnerSchedule#MAX_BOX} (mastered)
 * @param due when the question should be asked again
 * @param seen how many times the person answered it
 * @param correct how many of those answers were right
 */
public record CardState(int box, Instant due, int seen, int correct) {

    public CardState {
        if (box < 1 || box > LeitnerSchedule.MAX_BOX) {
            throw new IllegalArgumentException("a box is between 1 and " + LeitnerSchedule.MAX_BOX + ", not " + box);
        }
        Objects.requireNonNull(due, "due");
        if (seen < 1 || correct < 0 || correct > seen) {
            throw new IllegalArgumentException("invalid counts: seen " + seen + ", correct " + correct);
        }
    }

    /** Whether the question should be asked again at this instant. */
    public boolean isDue(Instant at) {
        return !due.isAfter(at);
    }
}
