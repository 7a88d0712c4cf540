package com.charterbot.core.activity;

import com.charterbot.core.answer.Tier;
import com.charterbot.core.values.Language;
import java.time.Instant;
import java.util.Objects;

/**
 * A question was answered. Holds no user and no text: statistics need only the outcome, and the
 * workspace or tenant it was asked in, so that each administrator sees their own.
 *
 * @param sectionId the cited section for an answer, the best suggestion otherwise, or null
 * @param tenant the asker's tenant key ({@code slack:T0123}); null when not known
 */
public record QuestionAsked(Instant at, Language language, Tier tier, String sectionId, String tenant) {

    public QuestionAsked {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(tier, "tier");
    }

    /** A question whose tenant is not known. */
    public QuestionAsked(Instant at, Language language, Tier tier, String sectionId) {
        this(at, language, tier, sectionId, null);
    }
}
