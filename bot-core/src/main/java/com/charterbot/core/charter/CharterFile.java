package com.charterbot.core.charter;

import com.charterbot.core.values.Language;
import java.util.Objects;

/**
 * The text of one charter file.
 *
 * @param name how problems name the file, e.g. {@code fr/photos-videos.md}
 */
public record CharterFile(Language language, String name, String text) {

    public CharterFile {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }
}
