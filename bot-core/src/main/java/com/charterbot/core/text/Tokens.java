package com.charterbot.core.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A text cut into the tokens the draft checker reads: words, numbers, hashtags, @-mentions, links,
 * e-mail addresses and symbols (emoji, currency signs), each with its folded form (lower case,
 * accents removed) and where it stands in the text. Apostrophes, hyphens and other punctuation
 * separate words, so "l'usine" is "l" and "usine" and "off-the-record" three words, but a
 * self-censored word such as "sh*t" stays one; the charter's signals are cut the same way, which is
 * all that matters.
 *
 * <p>One pass over the text, without regular expressions: each character is read a bounded number
 * of times (the space-separated chunk it belongs to is read again to tell a link or an address
 * from words).
 */
public final class Tokens {

    /** What a token is. */
    public enum Kind {
        /** Letters, possibly with digits: "plant", "x20", "q3". */
        WORD,
        /** Starts with a digit: "2024", "4h12". */
        NUMBER,
        /** A self-censored word: letters hidden behind masks or look-alike digits, "sh*t", "f***", "c0nnard". */
        MASKED,
        /** {@code #} and a word: "#employee". */
        HASHTAG,
        /** {@code @} and a word: "@lena". */
        MENTION,
        /** A web address, with or without scheme: "https://intranet.acme.local/hr", "careers.acme.com". */
        LINK,
        /** An e-mail address. */
        EMAIL,
        /** One emoji or other symbol, or a currency sign. */
        SYMBOL
    }

    /**
     * One token.
     *
     * @param text the folded form: lower case, without accents; links and addresses lower case only
     * @param start the index of its first character in the text
     * @param end the index after its last character
     */
    public record Token(Kind kind, String text, int start, int end) {
        public Token {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
        }

        /** A word, a number, or a self-censored word ("B1ue Heron" is a name as written). */
        public boolean wordLike() {
            return kind == Kind.WORD || kind == Kind.NUMBER || kind == Kind.MASKED;
        }
    }

    /** The longest folded token kept; a longer run of letters keeps its place but only this much text. */
    static final int MAX_TOKEN = 100;

    /** Top-level domains that make "word.word" a host rather than two words, with the usual internal ones. */
    private static final Set<String> TLDS = Set.of(
            "com",
            "net",
            "org",
            "fr",
            "de",
            "uk",
            "eu",
            "be",
            "ch",
            "nl",
            "it",
            "es",
            "io",
            "co",
            "us",
            "ca",
            "info",
            "biz",
            "app",
            "dev",
            "ly",
            "me",
            "tv",
            "gov",
            "edu",
            "int",
            "lu",
            "at",
            "pl",
            "se",
            "no",
            "dk",
            "fi",
            "pt",
            "ie",
            "jp",
            "cn",
            "in",
            "br",
            "au",
            "local",
            "internal",
            "corp",
            "lan",
            "intranet",
            "localdomain",
            "home",
            "arpa");

    private static final String MASKS = "*#@$!%\u20ac";

    private static final String OPENERS = "([{<«\"'\u201c\u2018";
    private static final String CLOSERS = ")]}>»\"'\u201d\u2019.,;:!?\u2026";

    private Tokens() {}

    /** The tokens of a text, in order. */
    public static List<Token> scan(CharSequence text) {
        List<Token> tokens = new ArrayList<>();
        int length = text.length();
        int i = 0;
        while (i < length) {
            if (UserText.isSpace(text.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < length && !UserText.isSpace(text.charAt(end))) {
                end++;
            }
            // Each space-separated chunk is copied once, then read as a string: no character of the text is read more
            // than twice.
            chunk(text.subSequence(i, end).toString(), i, tokens);
            i = end;
        }
        return tokens;
    }

    /** One space-separated piece of text, found at {@code offset}: a link, an address, or words and symbols. */
    private static void chunk(String chunk, int offset, List<Token> tokens) {
        int start = 0;
        while (start < chunk.length() && OPENERS.indexOf(chunk.charAt(start)) >= 0) {
            start++;
        }
        int end = chunk.length();
        while (end > start && CLOSERS.indexOf(chunk.charAt(end - 1)) >= 0) {
            end--;
        }
        if (end - start >= 4) {
            String core = chunk.substring(start, Math.min(end, start + 2_000)).toLowerCase(Locale.ROOT);
            if (isLink(core)) {
                tokens.add(new Token(Kind.LINK, core, offset + start, offset + end));
                return;
            }
            if (isEmail(core)) {
                tokens.add(new Token(Kind.EMAIL, core, offset + start, offset + end));
                return;
            }
        }
        words(chunk, offset, tokens);
    }

    private static void words(String chunk, int offset, List<Token> tokens) {
        int i = 0;
        while (i < chunk.length()) {
            int codePoint = chunk.codePointAt(i);
            int width = Character.charCount(codePoint);
            if (isWordChar(codePoint)) {
                i = word(chunk, i, i, offset, tokens);
                continue;
            }
            if ((codePoint == '#' || codePoint == '@')
                    && i + 1 < chunk.length()
                    && isWordChar(chunk.codePointAt(i + 1))) {
                i = word(chunk, i + 1, i, offset, tokens);
                continue;
            }
            if (isSymbol(codePoint) || codePoint == '%' || codePoint == '\uff05') {
                // The percent sign is kept too: "18 %" is a figure the draft checker looks at.
                String symbol = codePoint == '\uff05' ? "%" : new String(Character.toChars(codePoint));
                tokens.add(new Token(Kind.SYMBOL, symbol, offset + i, offset + i + width));
            }
            i += width;
        }
    }

    /**
     * Reads the word starting at {@code from} (its marker, # or @, at {@code marker}); the index after it. A word
     * that starts with a letter goes on through {@linkplain #isMask masks} between its letters ("sh*t", "a$$hole",
     * "enc*lé"), and keeps a run of two or more stars after one to three letters ("f***", "sh**"): a self-censored
     * word stays one token.
     */
    private static int word(String chunk, int from, int marker, int offset, List<Token> tokens) {
        int end = wordEnd(chunk, from);
        if (marker == from && Character.isLetter(chunk.codePointAt(from))) {
            while (end < chunk.length() && isMask(chunk.charAt(end))) {
                int masks = end;
                while (masks < chunk.length() && isMask(chunk.charAt(masks))) {
                    masks++;
                }
                if (masks < chunk.length() && isWordChar(chunk.codePointAt(masks))) {
                    end = wordEnd(chunk, masks);
                } else {
                    if (end - from <= 3
                            && masks - end >= 2
                            && chunk.substring(end, masks).chars().allMatch(c -> c == '*')) {
                        end = masks;
                    }
                    break;
                }
            }
        }
        String folded = fold(chunk.substring(from, Math.min(end, from + MAX_TOKEN)));
        Kind kind;
        if (marker < from) {
            kind = chunk.charAt(marker) == '#' ? Kind.HASHTAG : Kind.MENTION;
            folded = chunk.charAt(marker) + folded;
        } else {
            kind = Character.isDigit(chunk.charAt(from)) ? Kind.NUMBER : isMasked(folded) ? Kind.MASKED : Kind.WORD;
        }
        if (!folded.isEmpty()) {
            tokens.add(new Token(kind, folded, offset + marker, offset + end));
        }
        return end;
    }

    private static int wordEnd(String chunk, int from) {
        int end = from;
        while (end < chunk.length()) {
            int codePoint = chunk.codePointAt(end);
            if (!isWordChar(codePoint)) {
                break;
            }
            end += Character.charCount(codePoint);
        }
        return end;
    }

    /** A character that stands for a letter in a self-censored word: {@code * # @ $ ! % €}. */
    private static boolean isMask(int codePoint) {
        return MASKS.indexOf(codePoint) >= 0;
    }

    /** The letters a digit is written for in a self-censored word ("sh1t", "c0nnard"); empty for any other character. */
    private static String lettersOf(char c) {
        return switch (c) {
            case '0' -> "o";
            case '1' -> "il";
            case '3' -> "e";
            case '4' -> "a";
            case '5' -> "s";
            default -> "";
        };
    }

    /** Whether a character of a {@linkplain Kind#MASKED masked} word may stand for this letter: a mask, or a digit written for it. */
    public static boolean mayHide(char c, char letter) {
        return isMask(c) ? Character.isLetter(letter) : lettersOf(c).indexOf(letter) >= 0;
    }

    /**
     * Whether a folded word hides letters: it starts with a letter, is at least three characters long and holds
     * {@linkplain #isMask masks}, or look-alike digits ({@code 0 1 3 4 5}) between letters ("sh1t", "a55hole");
     * "x20", "win10", "mp3" and "covid19" are names and figures.
     */
    static boolean isMasked(String folded) {
        if (folded.length() < 3 || !Character.isLetter(folded.charAt(0))) {
            return false;
        }
        boolean masked = false;
        for (int i = 1; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (isMask(c)) {
                masked = true;
            } else if (Character.isDigit(c)) {
                int end = i;
                while (end < folded.length() && !lettersOf(folded.charAt(end)).isEmpty()) {
                    end++;
                }
                if (end == i || end == folded.length() || !Character.isLetter(folded.charAt(end))) {
                    return false;
                }
                masked = true;
                i = end;
            }
        }
        return masked;
    }

    /** Letters, digits and the marks that belong to them. */
    public static boolean isWordChar(int codePoint) {
        return Character.isLetterOrDigit(codePoint)
                || switch (Character.getType(codePoint)) {
                    case Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK -> true;
                    default -> false;
                };
    }

    /** An emoji or other symbol, or a currency sign: a token of its own. */
    public static boolean isSymbol(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.OTHER_SYMBOL || type == Character.CURRENCY_SYMBOL;
    }

    /** Lower case, accents removed, ligatures written out ("œ" is "oe"): how words are compared. */
    public static String fold(CharSequence word) {
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            switch (Character.getType(c)) {
                case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> {}
                default -> {
                    switch (c) {
                        case '\u0153', '\u0152' -> folded.append("oe");
                        case '\u00e6', '\u00c6' -> folded.append("ae");
                        case '\u00df' -> folded.append("ss");
                        default -> folded.append(c);
                    }
                }
            }
        }
        return folded.toString().toLowerCase(Locale.ROOT);
    }

    /** A web address: with a scheme, starting with {@code www.}, or a host name with a known top-level domain. */
    static boolean isLink(String chunk) {
        if (chunk.startsWith("http://") || chunk.startsWith("https://") || chunk.startsWith("www.")) {
            return chunk.length() > 8;
        }
        return host(chunk).isPresent();
    }

    /**
     * The host of a link: what follows the scheme and precedes the path, port or query (or the
     * {@code |label>} of Slack's link markup, {@code <https://host|label>}); for a chunk
     * without scheme, the chunk up to its first slash, when it is made of dot-separated labels
     * ending with a known top-level domain.
     */
    public static java.util.Optional<String> host(String link) {
        String rest = link;
        int scheme = rest.indexOf("://");
        boolean withScheme = scheme > 0 && scheme <= 10;
        if (withScheme) {
            rest = rest.substring(scheme + 3);
        }
        int at = rest.indexOf('@');
        int slash = indexOfAny(rest, "/?#|>");
        if (at >= 0 && (slash < 0 || at < slash)) {
            if (!withScheme) {
                return java.util.Optional.empty();
            }
            rest = rest.substring(at + 1);
            slash = indexOfAny(rest, "/?#|>");
        }
        String host = slash < 0 ? rest : rest.substring(0, slash);
        int colon = host.indexOf(':');
        if (colon >= 0) {
            host = host.substring(0, colon);
        }
        if (host.isEmpty() || host.length() > 253) {
            return java.util.Optional.empty();
        }
        boolean labels = true;
        for (int i = 0; i < host.length() && labels; i++) {
            char c = host.charAt(i);
            labels = c == '.' || c == '-' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
        }
        if (!labels || host.startsWith(".") || host.endsWith(".") || host.contains("..")) {
            return java.util.Optional.empty();
        }
        if (withScheme || link.startsWith("www.")) {
            return java.util.Optional.of(host);
        }
        int lastDot = host.lastIndexOf('.');
        return lastDot > 0 && TLDS.contains(host.substring(lastDot + 1))
                ? java.util.Optional.of(host)
                : java.util.Optional.empty();
    }

    /** An e-mail address: one {@code @} with a name before it and a host with a dot after it. */
    static boolean isEmail(String chunk) {
        int at = chunk.indexOf('@');
        if (at <= 0 || at != chunk.lastIndexOf('@') || at == chunk.length() - 1) {
            return false;
        }
        for (int i = 0; i < at; i++) {
            char c = chunk.charAt(i);
            if (!(Character.isLetterOrDigit(c) || ".!#$%&'*+/=?^_`{|}~-".indexOf(c) >= 0)) {
                return false;
            }
        }
        String domain = chunk.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        if (dot <= 0 || dot >= domain.length() - 2 || domain.startsWith("-")) {
            return false;
        }
        for (int i = 0; i < domain.length(); i++) {
            char c = domain.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
