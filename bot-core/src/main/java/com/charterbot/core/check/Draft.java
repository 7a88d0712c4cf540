package com.charterbot.core.check;

import com.charterbot.core.text.UserText;
import com.charterbot.core.values.Language;
import java.util.Objects;
import java.util.Optional;

/**
 * A post someone is about to publish, to be checked against the charter.
 *
 * @param text the draft, as {@link UserText#received} keeps it (at most {@link UserText#MAX_CHARS} characters)
 * @param language the reply language when the person chose it (a preference, the command word, a French shortcut)
 * @param fallbackLanguage the reply language when the draft's own words do not tell (the person's client)
 * @param mediaAttached whether a photo or video goes with the draft
 * @param truncated whether the text was longer than what was kept, so only its beginning is checked
 */
public record Draft(
        String text,
        Optional<Language> language,
        Optional<Language> fallbackLanguage,
        boolean mediaAttached,
        boolean truncated) {

    public Draft {
        Objects.requireNonNull(text, "text");
        truncated = truncated || text.length() > UserText.MAX_CHARS;
        text = UserText.received(text);
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(fallbackLanguage, "fallbackLanguage");
    }

    /** A draft without attachment whose reply language comes from its own words, unless {@code language} says. */
    public static Draft of(String text, Optional<Language> language) {
        return new Draft(text, language, Optional.empty(), false, false);
    }

    /** Hides the draft: a value that is logged or printed by mistake shows its size only. */
    @Override
    public String toString() {
        return "Draft[" + text.length() + " characters]";
    }
}
