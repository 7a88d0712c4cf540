package com.charterbot.core.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * What every text a person sends goes through before the core reads it or shows it back: a length
 * cap, then single linear passes. Nothing here uses a regular expression, so no input, however
 * long its runs of dots, spaces or brackets, costs more than a few reads per character (guarded by
 * {@code UserTextComplexityTest}, which counts the reads).
 */
public final class UserText {

    /**
     * The most characters of a message or click the core keeps. The platforms allow more (Slack
     * 40,000 per message), but no question, command or draft needs it, and a cap before any
     * parsing bounds the work one message can cause.
     */
    public static final int MAX_CHARS = 20_000;

    private UserText() {}

    /**
     * The text as the core keeps it: at most {@link #MAX_CHARS} characters (never cutting a
     * surrogate pair), format and control characters removed (bidirectional overrides such as
     * U+202E, zero-width characters, soft hyphens, NUL...) except tab and line feed, every Unicode
     * space (no-break, narrow, em...) a plain space, and line and paragraph separators a line feed.
     * Null is empty.
     */
    public static String received(CharSequence text) {
        if (text == null) {
            return "";
        }
        int end = Math.min(text.length(), MAX_CHARS);
        if (end < text.length() && end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        StringBuilder kept = new StringBuilder(end);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(i + 1));
                if (Character.getType(codePoint) != Character.FORMAT) {
                    kept.appendCodePoint(codePoint);
                }
                i++;
                continue;
            }
            switch (Character.getType(c)) {
                case Character.FORMAT, Character.SURROGATE -> {}
                case Character.CONTROL -> {
                    if (c == '\n' || c == '\t') {
                        kept.append(c);
                    } else if (c == '\r') {
                        kept.append('\n');
                    }
                }
                case Character.SPACE_SEPARATOR -> kept.append(' ');
                case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> kept.append('\n');
                default -> kept.append(c);
            }
        }
        return kept.toString();
    }

    /** Runs of white space (any Unicode space, tab, line break) as one plain space, the ends stripped; null is empty. */
    public static String oneLine(CharSequence text) {
        if (text == null) {
            return "";
        }
        StringBuilder line = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                pendingSpace = line.length() > 0;
            } else {
                if (pendingSpace) {
                    line.append(' ');
                    pendingSpace = false;
                }
                line.append(c);
            }
        }
        return line.toString();
    }

    /** The text without the characters of {@code trailing} (and white space) at its end. */
    public static String withoutTrailing(CharSequence text, String trailing) {
        int end = text.length();
        while (end > 0) {
            char c = text.charAt(end - 1);
            if (!isSpace(c) && trailing.indexOf(c) < 0) {
                break;
            }
            end--;
        }
        return text.subSequence(0, end).toString();
    }

    /** Lower case, accents removed, typographic apostrophes and hyphens made plain, the ends stripped. */
    public static String fold(CharSequence text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            switch (Character.getType(c)) {
                case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> {}
                default ->
                    folded.append(
                            switch (c) {
                                case '\u2019', '\u2018', '\u02bc' -> '\'';
                                case '\u2010', '\u2011' -> '-';
                                default -> c;
                            });
            }
        }
        return oneLine(folded.toString().toLowerCase(Locale.ROOT));
    }

    /**
     * A short piece of a person's text fit to be shown back in a sentence: {@link #received} and
     * {@link #oneLine}, cut at {@code max} characters with an ellipsis.
     */
    public static String echo(CharSequence text, int max) {
        String line = oneLine(received(text));
        if (line.length() <= max) {
            return line;
        }
        int cut = Character.isHighSurrogate(line.charAt(max - 1)) ? max - 1 : max;
        return line.substring(0, cut) + "\u2026";
    }

    /**
     * Whether the character is white space of any kind: no-break spaces included (which
     * {@link Character#isWhitespace} and {@link String#strip()} miss: Teams puts U+00A0 after a
     * mention, French keyboards U+202F before "?"), and the zero-width space, word joiner and
     * byte-order mark that pasted text carries; not the zero-width joiner, which holds emoji together.
     */
    public static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200b' || c == '\u2060' || c == '\ufeff';
    }
}
