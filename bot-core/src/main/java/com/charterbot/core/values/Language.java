package com.charterbot.core.values;

import java.util.Locale;
import java.util.Optional;

/** A language the charter and the bot speak. */
public enum Language {
    EN(Locale.ENGLISH),
    FR(Locale.FRENCH);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** The lower-case tag used in folders, files and commands: {@code en}, {@code fr}. */
    public String tag() {
        return locale.getLanguage();
    }

    /** Reads a tag such as {@code fr}, {@code FR} or {@code fr-CA}; empty when it is none of ours. */
    public static Optional<Language> fromTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String lower = tag.strip().toLowerCase(Locale.ROOT);
        for (Language language : values()) {
            if (lower.equals(language.tag())
                    || lower.startsWith(language.tag() + "-")
                    || lower.startsWith(language.tag() + "_")) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
