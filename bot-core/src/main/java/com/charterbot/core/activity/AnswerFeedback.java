package com.charterbot.core.activity;

import com.charterbot.core.answer.Tier;
import com.charterbot.core.charter.Language;
import java.time.Instant;
import java.util.Objects;

/**
 * Someone said whether an answer helped. Holds no user and no question text.
 *
 * @param sectionId the section the answer cited or offered first, or null
 */
public record AnswerFeedback(Instant at, Language language, Tier tier, String sectionId, boolean helpful) {

    public AnswerFeedback {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(tier, "tier");
    }
}
