package com.charterbot.core.check;

import com.charterbot.core.text.Tokens;
import java.util.List;

/**
 * One word of a signal, ready to compare with the draft's tokens: an exact folded word, or a
 * pattern whose {@code *} stands for any run of characters (checked by a prefix, a suffix and the
 * pieces in between, in one pass over the token).
 *
 * <p>An exact word of at least {@value #MIN_INFLECTED} letters also finds its plural and French
 * feminine forms ({@link #INFLECTIONS}): "incompetent" finds "incompetents", "incompétent" finds
 * "incompétente" and "incompétentes", so a signal need not list every form.
 */
record Glob(String written, String first, String last, List<String> middle, boolean exact) {

    /** Endings an exact word may take: English and French plurals, French feminines. */
    static final List<String> INFLECTIONS = List.of("s", "e", "es", "x");

    /** Shorter words are matched exactly: "chut" (hush) must not find "chute" (a fall), nor "plan" "plane". */
    static final int MIN_INFLECTED = 5;

    static Glob of(String written) {
        int star = written.indexOf('*');
        if (star < 0) {
            return new Glob(written, written, "", List.of(), true);
        }
        List<String> pieces = List.of(written.split("\\*", -1));
        return new Glob(
                written, pieces.get(0), pieces.get(pieces.size() - 1), pieces.subList(1, pieces.size() - 1), false);
    }

    /** Whether the text is this exact word with one of the {@link #INFLECTIONS}. */
    private boolean inflected(String text) {
        if (first.length() < MIN_INFLECTED
                || !text.startsWith(first)
                || !first.chars().allMatch(Character::isLetter)) {
            return false;
        }
        return INFLECTIONS.contains(text.substring(first.length()));
    }

    /** The words a token may be an inflected form of, longest ending first; empty for a short or bare word. */
    static List<String> stems(String text) {
        List<String> stems = new java.util.ArrayList<>(2);
        for (String ending : List.of("es", "s", "e", "x")) {
            if (text.length() - ending.length() >= MIN_INFLECTED && text.endsWith(ending)) {
                stems.add(text.substring(0, text.length() - ending.length()));
            }
        }
        return stems;
    }

    /**
     * Whether a {@linkplain Tokens.Kind#MASKED self-censored word} may be this glob's word: each visible letter
     * agrees and each mask falls on a letter. An exact word may be inflected, a pattern is checked by its first and
     * last pieces.
     */
    private boolean unmasks(String text) {
        if (!exact) {
            return text.length() >= first.length() + last.length()
                    && stands(text, 0, first)
                    && stands(text, text.length() - last.length(), last);
        }
        if (text.length() == first.length()) {
            return stands(text, 0, first);
        }
        return first.length() >= MIN_INFLECTED
                && text.length() > first.length()
                && first.chars().allMatch(Character::isLetter)
                && INFLECTIONS.contains(text.substring(first.length()))
                && stands(text, 0, first);
    }

    /** Whether the masked text, from {@code at}, may stand for the word: each character is its letter or {@linkplain Tokens#mayHide may hide it}. */
    private static boolean stands(String text, int at, String word) {
        if (at + word.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = text.charAt(at + i);
            char letter = word.charAt(i);
            if (c != letter && !Tokens.mayHide(c, letter)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the glob is written with a leading {@code #} or {@code @}: it then matches hashtags or mentions only. */
    char marker() {
        return written.charAt(0) == '#' || written.charAt(0) == '@' ? written.charAt(0) : 0;
    }

    /** Whether a token's folded text matches. Links and addresses never match a word. */
    boolean matches(Tokens.Token token) {
        return switch (token.kind()) {
            case LINK, EMAIL -> false;
            case SYMBOL -> exact && first.equals(token.text());
            case HASHTAG ->
                marker() == '#'
                        ? matches(token.text())
                        : marker() == 0 && matches(token.text().substring(1));
            case MENTION -> marker() == '@' && matches(token.text());
            case WORD, NUMBER -> marker() == 0 && matches(token.text());
            case MASKED -> marker() == 0 && unmasks(token.text());
        };
    }

    boolean matches(String text) {
        if (exact) {
            return first.equals(text) || inflected(text);
        }
        if (text.length() < first.length() + last.length() || !text.startsWith(first) || !text.endsWith(last)) {
            return false;
        }
        int from = first.length();
        int until = text.length() - last.length();
        for (String piece : middle) {
            if (piece.isEmpty()) {
                continue;
            }
            int found = text.indexOf(piece, from);
            if (found < 0 || found + piece.length() > until) {
                return false;
            }
            from = found + piece.length();
        }
        return true;
    }
}
