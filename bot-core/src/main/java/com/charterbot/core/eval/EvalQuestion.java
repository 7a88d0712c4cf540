package com.charterbot.core.eval;

import com.charterbot.core.values.Language;
import java.util.List;
import java.util.Objects;

/**
 * A labelled question: what an employee types and the sections a correct answer may cite.
 *
 * @param expected empty when the charter does not cover the question and the bot must abstain
 * @param line where the question is in its file, for problem reports; 0 when it comes from no file
 */
public record EvalQuestion(String text, Language language, List<String> expected, int line) {

    public EvalQuestion {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(language, "language");
        expected = List.copyOf(expected);
    }

    public EvalQuestion(String text, Language language, List<String> expected) {
        this(text, language, expected, 0);
    }

    public boolean inScope() {
        return !expected.isEmpty();
    }
}
