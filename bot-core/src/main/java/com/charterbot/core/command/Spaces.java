package com.charterbot.core.command;

import java.util.regex.Pattern;

/**
 * Every kind of space people's clients send, read as one plain space: Java's {@code \s} and
 * {@link String#strip()} miss the no-break space (U+00A0) Teams puts after a mention, the narrow
 * no-break space (U+202F) French keyboards put before "?", and the zero-width characters pasted text
 * carries.
 */
public final class Spaces {

    /**
     * A run of whitespace, Unicode space separators (Zs, Zl, Zp), zero-width spaces, word joiners and
     * byte-order marks; not the zero-width joiner, which holds emoji sequences together.
     */
    public static final Pattern RUN = Pattern.compile("[\\s\\p{Z}\\u200B\\u2060\\uFEFF]+");

    private Spaces() {}

    /** The text with every run of spaces of any kind made one plain space, and none at either end; null reads as "". */
    public static String collapse(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return RUN.matcher(text).replaceAll(" ").strip();
    }
}
