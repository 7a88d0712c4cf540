package com.charterbot.core.reply;

import com.charterbot.core.values.Language;
import java.util.Objects;
import java.util.Optional;

/**
 * A value that carries the language of the conversation it was shown in ({@code fr~photos}), so
 * that a click or a form answered later is answered in that language. Buttons, the nudge form's
 * channel and anything else that leaves the bot and comes back are tagged and read here only.
 *
 * @param language the language the value was tagged with, empty for an untagged value
 * @param value the value without its tag
 */
public record TaggedValue(Optional<Language> language, String value) {

    private static final char SEPARATOR = '~';

    public TaggedValue {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(value, "value");
    }

    /** The value with its language in front, as it leaves the bot. */
    public static String tag(Language language, String value) {
        return language.tag() + SEPARATOR + value;
    }

    /** Reads a value that came back; one without a known language tag is kept whole, untagged. */
    public static TaggedValue read(String raw) {
        String text = raw == null ? "" : raw;
        int separator = text.indexOf(SEPARATOR);
        if (separator > 0) {
            String prefix = text.substring(0, separator);
            for (Language language : Language.values()) {
                if (language.tag().equals(prefix)) {
                    return new TaggedValue(Optional.of(language), text.substring(separator + 1));
                }
            }
        }
        return new TaggedValue(Optional.empty(), text);
    }

    /** Whether a value already carries a language tag. */
    public static boolean isTagged(String raw) {
        return read(raw).language().isPresent();
    }
}
