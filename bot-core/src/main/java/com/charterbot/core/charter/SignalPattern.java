package com.charterbot.core.charter;

import com.charterbot.core.text.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a signal of the charter looks for in a draft, as read from its {@code ## Signals} list:
 * words and phrases, with simple wildcards, alternatives, short gaps and named detectors. The
 * syntax is described in {@code docs/charter-format.md}:
 *
 * <ul>
 *   <li>{@code before the announcement}: these words in a row (case and accents do not matter);
 *   <li>{@code launch*}, {@code *employee}, {@code #*employee*}: {@code *} stands for any letters;
 *   <li>{@code (results|figures|order intake)}: one of several words or phrases; {@code results|figures}
 *       without spaces needs no parentheses;
 *   <li>{@code ...}: up to {@value #GAP} words in between;
 *   <li>{@code [phone]}, {@code [company]}...: a detector ({@link Detector}), alone or among alternatives;
 *   <li>{@code A & B}: both A and B somewhere in the draft, in any order.
 * </ul>
 *
 * @param parts the pieces that must all be found ({@code &}); each a sequence of elements
 */
public record SignalPattern(List<List<Element>> parts) {

    /** The most words {@code ...} stands for. */
    public static final int GAP = 4;
    /** Limits that keep a pattern readable and its matching cheap. */
    static final int MAX_LENGTH = 600;

    static final int MAX_PARTS = 3;
    static final int MAX_ELEMENTS = 12;
    static final int MAX_GAPS = 3;
    static final int MAX_ALTERNATIVES = 60;

    /** One position of a pattern. */
    public sealed interface Element {}

    /** One of several sequences of words or detectors, in a row; a plain word is a choice of one. */
    public record Choice(List<List<Atom>> alternatives) implements Element {
        public Choice {
            List<List<Atom>> copy = new ArrayList<>();
            alternatives.forEach(alternative -> copy.add(List.copyOf(alternative)));
            alternatives = List.copyOf(copy);
            if (alternatives.isEmpty() || alternatives.stream().anyMatch(List::isEmpty)) {
                throw new IllegalArgumentException("a choice has non-empty alternatives");
            }
        }
    }

    /** Up to {@link #GAP} words, possibly none. */
    public record Gap() implements Element {}

    /** One token of a draft (a word as a folded glob) or what a detector recognises. */
    public sealed interface Atom {}

    /** One word of the draft matching this glob (folded, {@code *} for any letters). */
    public record Glob(String glob) implements Atom {
        public Glob {
            Objects.requireNonNull(glob, "glob");
        }
    }

    /** Something only code can recognise: a phone number, a customer's name... */
    public record Detected(Detector detector) implements Atom {
        public Detected {
            Objects.requireNonNull(detector, "detector");
        }
    }

    /** What the checker recognises by itself; written {@code [name]} in a signal, in English or French. */
    public enum Detector {
        /** The company's name ({@code charter.company-name}), whole or its first word. */
        COMPANY,
        /** A number. */
        NUMBER,
        /** A sum of money: a number with a currency or "million", "k€"... */
        AMOUNT,
        /** An @-mention of someone. */
        MENTION,
        /** Any web address. */
        LINK,
        /** A link to the company's own public sites: a host with the company's name in it, or an official domain of the watch-list. */
        OFFICIAL_LINK,
        /** A link to an internal host: the watch-list's internal domains, intranet names, private addresses. */
        INTERNAL_LINK,
        /** An e-mail address. */
        EMAIL,
        /** A phone number. */
        PHONE,
        /** A customer named in the watch-list. */
        CUSTOMER,
        /** A competitor named in the watch-list. */
        COMPETITOR,
        /** A codename or unreleased product of the watch-list. */
        CODENAME,
        /** A photo or video attached to the draft; alone in its part. */
        ATTACHMENT,
        /**
         * Someone's (or some firm's) name: capitalised words inside a sentence ("thanks to Jenna Morrow"), or
         * after a title ("Mme Perrin", "Mr. Pryce"); not the company's own name.
         */
        NAME,
        /** A percentage: "18%", "12 %", "3.5 percent", "20 pour cent". */
        PERCENT
    }

    private static final Map<String, Detector> DETECTORS = Map.ofEntries(
            Map.entry("company", Detector.COMPANY),
            Map.entry("entreprise", Detector.COMPANY),
            Map.entry("number", Detector.NUMBER),
            Map.entry("nombre", Detector.NUMBER),
            Map.entry("amount", Detector.AMOUNT),
            Map.entry("montant", Detector.AMOUNT),
            Map.entry("mention", Detector.MENTION),
            Map.entry("link", Detector.LINK),
            Map.entry("lien", Detector.LINK),
            Map.entry("official link", Detector.OFFICIAL_LINK),
            Map.entry("lien officiel", Detector.OFFICIAL_LINK),
            Map.entry("internal link", Detector.INTERNAL_LINK),
            Map.entry("lien interne", Detector.INTERNAL_LINK),
            Map.entry("email", Detector.EMAIL),
            Map.entry("e-mail", Detector.EMAIL),
            Map.entry("courriel", Detector.EMAIL),
            Map.entry("adresse e-mail", Detector.EMAIL),
            Map.entry("phone", Detector.PHONE),
            Map.entry("telephone", Detector.PHONE),
            Map.entry("customer", Detector.CUSTOMER),
            Map.entry("client", Detector.CUSTOMER),
            Map.entry("competitor", Detector.COMPETITOR),
            Map.entry("concurrent", Detector.COMPETITOR),
            Map.entry("codename", Detector.CODENAME),
            Map.entry("nom de code", Detector.CODENAME),
            Map.entry("attachment", Detector.ATTACHMENT),
            Map.entry("piece jointe", Detector.ATTACHMENT),
            Map.entry("name", Detector.NAME),
            Map.entry("nom", Detector.NAME),
            Map.entry("percent", Detector.PERCENT),
            Map.entry("pourcentage", Detector.PERCENT));

    public SignalPattern {
        List<List<Element>> copy = new ArrayList<>();
        parts.forEach(part -> copy.add(List.copyOf(part)));
        parts = List.copyOf(copy);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a pattern has at least one part");
        }
    }

    /**
     * A pattern as written in the charter, or the problem with it.
     *
     * @param problem a {@code charter.problem.*} key and its arguments, when the text is not a valid pattern
     */
    public record Parsed(Optional<SignalPattern> pattern, String problem, List<String> arguments) {
        static Parsed ok(SignalPattern pattern) {
            return new Parsed(Optional.of(pattern), "", List.of());
        }

        static Parsed problem(String key, String... arguments) {
            return new Parsed(Optional.empty(), key, List.of(arguments));
        }
    }

    /** A problem found while reading, carried out of the nested reads. */
    private static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        final Parsed parsed;

        Invalid(String key, String... arguments) {
            super(key, null, false, false);
            this.parsed = Parsed.problem(key, arguments);
        }
    }

    /** Reads a pattern; never throws. */
    public static Parsed parse(String text) {
        String written = text == null ? "" : text.strip();
        if (written.isEmpty()) {
            return Parsed.problem("charter.problem.signal-empty");
        }
        if (written.length() > MAX_LENGTH) {
            return Parsed.problem("charter.problem.signal-too-long", Integer.toString(MAX_LENGTH));
        }
        try {
            List<List<Element>> parts = new ArrayList<>();
            List<Element> part = new ArrayList<>();
            int i = 0;
            while (i < written.length()) {
                char c = written.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                    continue;
                }
                if (c == '(' || c == '[') {
                    char close = c == '(' ? ')' : ']';
                    int end = written.indexOf(close, i);
                    if (end < 0) {
                        throw new Invalid("charter.problem.signal-unclosed", String.valueOf(c), String.valueOf(close));
                    }
                    String inside = written.substring(i + 1, end);
                    part.add(
                            c == '('
                                    ? choice(inside, written.substring(i, end + 1))
                                    : new Choice(List.of(List.of(detector(inside)))));
                    i = end + 1;
                    continue;
                }
                int end = i;
                while (end < written.length()
                        && !Character.isWhitespace(written.charAt(end))
                        && written.charAt(end) != '('
                        && written.charAt(end) != '[') {
                    end++;
                }
                String word = written.substring(i, end);
                i = end;
                if (word.equals("&")) {
                    checkPart(part);
                    parts.add(part);
                    part = new ArrayList<>();
                } else if (word.equals("...") || word.equals("\u2026")) {
                    part.add(new Gap());
                } else if (word.contains("|")) {
                    part.add(choice(word, word));
                } else {
                    part.add(new Choice(List.of(words(word))));
                }
            }
            checkPart(part);
            parts.add(part);
            if (parts.size() > MAX_PARTS) {
                throw new Invalid("charter.problem.signal-too-many-parts", Integer.toString(MAX_PARTS));
            }
            return Parsed.ok(new SignalPattern(parts));
        } catch (Invalid invalid) {
            return invalid.parsed;
        }
    }

    private static Atom detector(String name) throws Invalid {
        String folded = String.join(" ", Tokens.fold(name).strip().split("\\s+"));
        Detector detector = DETECTORS.get(folded);
        if (detector == null) {
            throw new Invalid("charter.problem.signal-unknown-detector", "[" + name + "]");
        }
        return new Detected(detector);
    }

    /** {@code a|b c|[detector]}: each alternative a few words or detectors in a row. */
    private static Choice choice(String inside, String written) throws Invalid {
        List<List<Atom>> alternatives = new ArrayList<>();
        for (String alternative : inside.split("\\|", -1)) {
            List<Atom> atoms = new ArrayList<>();
            for (String word : alternative.strip().split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (word.startsWith("[") && word.endsWith("]")) {
                    atoms.add(detector(word.substring(1, word.length() - 1)));
                } else if (word.contains("[") || word.contains("]") || word.contains("(") || word.contains(")")) {
                    throw new Invalid("charter.problem.signal-alternative", written);
                } else {
                    atoms.addAll(words(word));
                }
            }
            if (atoms.isEmpty()) {
                throw new Invalid("charter.problem.signal-alternative", written);
            }
            alternatives.add(atoms);
        }
        if (alternatives.size() > MAX_ALTERNATIVES) {
            throw new Invalid("charter.problem.signal-too-many-alternatives", Integer.toString(MAX_ALTERNATIVES));
        }
        return new Choice(alternatives);
    }

    /** A written word as globs, one per token the draft would have there. */
    private static List<Atom> words(String word) throws Invalid {
        List<Atom> atoms = new ArrayList<>();
        for (String segment : segments(word)) {
            if (!hasText(segment)) {
                throw new Invalid("charter.problem.signal-wildcard-alone", word);
            }
            atoms.add(new Glob(segment));
        }
        if (atoms.isEmpty()) {
            throw new Invalid("charter.problem.signal-no-word", word);
        }
        return atoms;
    }

    private static void checkPart(List<Element> part) throws Invalid {
        if (part.isEmpty()) {
            throw new Invalid("charter.problem.signal-empty-part");
        }
        if (part.get(0) instanceof Gap || part.get(part.size() - 1) instanceof Gap) {
            throw new Invalid("charter.problem.signal-gap-at-end");
        }
        if (part.size() > MAX_ELEMENTS) {
            throw new Invalid("charter.problem.signal-too-many-words", Integer.toString(MAX_ELEMENTS));
        }
        if (part.stream().filter(Gap.class::isInstance).count() > MAX_GAPS) {
            throw new Invalid("charter.problem.signal-too-many-gaps", Integer.toString(MAX_GAPS));
        }
        for (int i = 1; i < part.size(); i++) {
            if (part.get(i) instanceof Gap && part.get(i - 1) instanceof Gap) {
                throw new Invalid("charter.problem.signal-gap-twice");
            }
        }
        boolean attachment = part.stream()
                .anyMatch(element -> element instanceof Choice choice
                        && choice.alternatives().stream()
                                .flatMap(List::stream)
                                .anyMatch(atom -> atom instanceof Detected d && d.detector() == Detector.ATTACHMENT));
        boolean alone = part.size() == 1
                && ((Choice) part.get(0)).alternatives().size() == 1
                && ((Choice) part.get(0)).alternatives().get(0).size() == 1;
        if (attachment && !alone) {
            throw new Invalid("charter.problem.signal-attachment-alone");
        }
    }

    /**
     * A written word as the draft's tokens would be cut: folded, split where the draft's words
     * split (apostrophes, hyphens, punctuation), keeping {@code *}, a leading {@code #} or
     * {@code @}, and each symbol (emoji, currency sign) on its own.
     */
    static List<String> segments(String word) {
        String folded = Tokens.fold(word);
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < folded.length()) {
            int codePoint = folded.codePointAt(i);
            int width = Character.charCount(codePoint);
            if (Tokens.isWordChar(codePoint)
                    || codePoint == '*'
                    || (codePoint == '#' || codePoint == '@') && current.isEmpty()) {
                current.appendCodePoint(codePoint);
            } else {
                flush(current, segments);
                if (Tokens.isSymbol(codePoint)) {
                    segments.add(new String(Character.toChars(codePoint)));
                }
            }
            i += width;
        }
        flush(current, segments);
        return segments;
    }

    private static void flush(StringBuilder current, List<String> segments) {
        if (!current.isEmpty()) {
            segments.add(current.toString());
            current.setLength(0);
        }
    }

    /** Whether a glob has something besides wildcards and markers. */
    private static boolean hasText(String glob) {
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c != '*' && c != '#' && c != '@') {
                return true;
            }
        }
        return false;
    }
}
