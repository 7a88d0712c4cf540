package com.charterbot.core.activity;

import com.charterbot.core.answer.Tier;
import com.charterbot.core.charter.Language;
import java.time.Instant;
import java.util.Objects;

/**
 * A question was answered. Holds no user and no text: statistics need only the outcome.
 *
 * @param sectionId the cited section for an answer, the best suggestion otherwise, or null
 */
public record QuestionAsked(Instant at, Language language, Tier tier, String sectionId) {

    public QuestionAsked {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(tier, "tier");
    }
}
