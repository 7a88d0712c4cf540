package com.charterbot.core.activity;

import com.charterbot.core.answer.Tier;
import com.charterbot.core.values.Language;
import java.time.Instant;
import java.util.Objects;

/**
 * Someone said whether an answer helped. Holds no user and no question text.
 *
 * @param sectionId the section the answer cited or offered first, or null
 * @param tenant the tenant key of the person who gave it ({@code slack:T0123}); null when not known
 */
public record AnswerFeedback(
        Instant at, Language language, Tier tier, String sectionId, boolean helpful, String tenant) {

    public AnswerFeedback {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(tier, "tier");
    }

    /** Feedback whose tenant is not known. */
    public AnswerFeedback(Instant at, Language language, Tier tier, String sectionId, boolean helpful) {
        this(at, language, tier, sectionId, helpful, null);
    }
}
