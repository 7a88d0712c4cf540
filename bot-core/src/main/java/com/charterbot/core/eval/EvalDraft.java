package com.charterbot.core.eval;

import com.charterbot.core.values.Language;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A labelled draft: a post an employee might publish, how risky it is, and the sections a correct
 * finding may cite.
 *
 * @param topics every section a correct finding may cite; empty for a clean draft
 */
public record EvalDraft(String text, Language language, Risk risk, List<String> topics) {

    /** How risky a draft is, as labelled. */
    public enum Risk {
        /** Do not post as it is: the checker should say STOP. */
        STOP,
        /** Check before posting. */
        CAUTION,
        /** An ordinary post: the checker should raise no stop and no caution. */
        CLEAN;

        static Risk of(String label) {
            return switch (label == null ? "" : label.strip().toLowerCase(Locale.ROOT)) {
                case "stop" -> STOP;
                case "caution" -> CAUTION;
                case "clean" -> CLEAN;
                default -> null;
            };
        }
    }

    public EvalDraft {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(risk, "risk");
        topics = List.copyOf(topics);
    }

    public boolean risky() {
        return risk != Risk.CLEAN;
    }
}
