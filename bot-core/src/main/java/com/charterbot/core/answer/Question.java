package com.charterbot.core.answer;

import com.charterbot.core.values.Language;
import java.util.Objects;
import java.util.Optional;

/**
 * A question as an employee typed it.
 *
 * @param text the raw text; any string is accepted, the engine copes with blank or huge input
 * @param preferredLanguage the language the user chose for replies, if any
 * @param fallbackLanguage the reply language when the question does not tell (the client's or
 *     the workspace's language); when empty, the engine's default
 */
public record Question(String text, Optional<Language> preferredLanguage, Optional<Language> fallbackLanguage) {

    /** Questions longer than this get a message asking for a shorter one. */
    public static final int MAX_LENGTH = 1_000;

    public Question {
        text = text == null ? "" : text;
        Objects.requireNonNull(preferredLanguage, "preferredLanguage");
        Objects.requireNonNull(fallbackLanguage, "fallbackLanguage");
    }

    public Question(String text, Optional<Language> preferredLanguage) {
        this(text, preferredLanguage, Optional.empty());
    }

    public static Question of(String text) {
        return new Question(text, Optional.empty());
    }

    public static Question of(String text, Language preferred) {
        return new Question(text, Optional.ofNullable(preferred));
    }
}
