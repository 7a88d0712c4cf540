package com.charterbot.core.activity;

import com.charterbot.core.values.Language;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The text of questions the charter could not answer, kept so that administrators can improve
 * it, without any user id, and deleted after a retention period. The only place question text is
 * stored.
 */
public interface UnansweredQuestions {

    /** Longer questions are cut to this many characters before they are stored. */
    int MAX_TEXT = 500;

    /** One question text and how often it was asked. */
    record Frequent(String text, Language language, int count, Instant lastAsked) {
        public Frequent {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(lastAsked, "lastAsked");
        }
    }

    /**
     * Keeps the text of a question the charter could not answer.
     *
     * @param tenant the asker's tenant key ({@code slack:T0123}), so that each administrator sees their
     *     own; null when not known
     */
    void record(Instant at, Language language, String text, String tenant);

    /** {@link #record(Instant, Language, String, String)} without a tenant. */
    default void record(Instant at, Language language, String text) {
        record(at, language, text, null);
    }

    /** The most asked texts in [from, to) within the scope, most frequent first (then most recent). */
    List<Frequent> mostFrequent(Instant from, Instant to, int limit, StatsScope scope);

    /** The most asked texts in [from, to) of every tenant. */
    default List<Frequent> mostFrequent(Instant from, Instant to, int limit) {
        return mostFrequent(from, to, limit, StatsScope.EVERYTHING);
    }

    /** Deletes every text recorded before the cutoff and returns how many were deleted. */
    int purgeBefore(Instant cutoff);
}
