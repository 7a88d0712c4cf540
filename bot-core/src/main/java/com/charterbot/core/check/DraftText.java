package com.charterbot.core.check;

import com.charterbot.core.charter.SignalPattern.Detector;
import com.charterbot.core.text.Tokens;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One draft as the signals read it: its tokens, and where each detector recognises something (a
 * phone number, a sum of money, the company's or a customer's name, an internal link...). Built in
 * linear passes over the draft; the draft is not kept beyond the check.
 */
final class DraftText {

    private static final Set<String> MULTIPLIERS = Set.of(
            "k",
            "m",
            "mn",
            "mio",
            "million",
            "millions",
            "bn",
            "billion",
            "billions",
            "md",
            "mds",
            "milliard",
            "milliards");
    private static final Set<String> BIG_MULTIPLIERS = Set.of(
            "million", "millions", "billion", "billions", "milliard", "milliards", "mn", "mio", "bn", "md", "mds");
    private static final Set<String> CURRENCY_WORDS =
            Set.of("eur", "euro", "euros", "usd", "dollar", "dollars", "gbp", "chf", "keur", "meur");
    /** Titles before a surname, as folded tokens: the next capitalised word is a name even at a sentence's start. */
    private static final Set<String> TITLES =
            Set.of("mr", "mrs", "ms", "miss", "dr", "m", "mme", "mlle", "monsieur", "madame", "mademoiselle", "me");
    /** Capitalised words that name no one: days, months, pronouns and words often capitalised for emphasis. */
    private static final Set<String> NOT_NAMES = Set.of(
            "i",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "lundi",
            "mardi",
            "mercredi",
            "jeudi",
            "vendredi",
            "samedi",
            "dimanche",
            "ok",
            "okay",
            "linkedin",
            "facebook",
            "instagram",
            "tiktok",
            "twitter",
            "youtube",
            "slack",
            "teams",
            "google",
            "whatsapp",
            "bereal",
            "pov",
            "psa",
            "ps");
    /** At most this many capitalised words in a row make one name. */
    private static final int MAX_NAME_WORDS = 4;

    private static final String SENTENCE_ENDS = ".!?\u2026:;\n\r";
    private static final String QUOTES = "([{<\u00ab\"'\u201c\u2018\u2014\u2013-*_";

    private static final Set<String> INTERNAL_SUFFIXES = Set.of(
            ".local",
            ".internal",
            ".corp",
            ".lan",
            ".intranet",
            ".localdomain",
            ".home.arpa",
            ".sharepoint.com",
            ".atlassian.net");

    private final CharSequence text;
    private final List<Tokens.Token> tokens;
    private final boolean mediaAttached;
    /** For each detector that can span several tokens, the end (exclusive) of its match starting at each token, or 0. */
    private final Map<Detector, int[]> spans = new EnumMap<>(Detector.class);

    private final boolean[] official;
    private final boolean[] internal;

    private DraftText(CharSequence text, List<Tokens.Token> tokens, boolean mediaAttached) {
        this.text = text;
        this.tokens = tokens;
        this.mediaAttached = mediaAttached;
        this.official = new boolean[tokens.size()];
        this.internal = new boolean[tokens.size()];
    }

    /** Reads a draft for the charter's signals. */
    static DraftText read(CharSequence text, SignalIndex.Context context, boolean mediaAttached) {
        DraftText draft = new DraftText(text, Tokens.scan(text), mediaAttached);
        draft.findNames(Detector.COMPANY, context.company());
        draft.findNames(Detector.CUSTOMER, context.customers());
        draft.findNames(Detector.COMPETITOR, context.competitors());
        draft.findNames(Detector.CODENAME, context.codenames());
        draft.findAmounts();
        draft.findPercents();
        draft.findPersonNames(context);
        draft.findPhones();
        draft.classifyLinks(context);
        return draft;
    }

    int size() {
        return tokens.size();
    }

    Tokens.Token token(int index) {
        return tokens.get(index);
    }

    boolean mediaAttached() {
        return mediaAttached;
    }

    /** Whether the draft has anything to read besides emoji and symbols. */
    boolean hasWords() {
        return tokens.stream().anyMatch(token -> token.kind() != Tokens.Kind.SYMBOL);
    }

    /** The text of tokens {@code [from, to)}, as written. */
    String quote(int from, int to) {
        return text.subSequence(tokens.get(from).start(), tokens.get(to - 1).end())
                .toString();
    }

    /** The end (exclusive) of what the detector recognises starting at this token, or -1. */
    int detected(Detector detector, int index) {
        Tokens.Token token = tokens.get(index);
        return switch (detector) {
            case NUMBER -> token.kind() == Tokens.Kind.NUMBER ? index + 1 : -1;
            case MENTION -> token.kind() == Tokens.Kind.MENTION ? index + 1 : -1;
            case LINK -> token.kind() == Tokens.Kind.LINK ? index + 1 : -1;
            case EMAIL -> token.kind() == Tokens.Kind.EMAIL ? index + 1 : -1;
            case OFFICIAL_LINK -> official[index] ? index + 1 : -1;
            case INTERNAL_LINK -> internal[index] ? index + 1 : -1;
            case ATTACHMENT -> -1;
            default -> {
                int[] ends = spans.get(detector);
                yield ends != null && ends[index] > index ? ends[index] : -1;
            }
        };
    }

    private int[] ends(Detector detector) {
        return spans.computeIfAbsent(detector, d -> new int[tokens.size()]);
    }

    /** Where the names start: each name's words in a row, or a hashtag of its words run together. */
    private void findNames(Detector detector, SignalIndex.Names names) {
        if (names.isEmpty()) {
            return;
        }
        int[] ends = ends(detector);
        for (int i = 0; i < tokens.size(); i++) {
            Tokens.Token token = tokens.get(i);
            if (token.kind() == Tokens.Kind.HASHTAG) {
                if (names.hashtags().contains(token.text().substring(1))) {
                    ends[i] = i + 1;
                }
                continue;
            }
            if (!token.wordLike()) {
                continue;
            }
            for (List<String> name : names.startingWith(token.text())) {
                if (i + name.size() <= tokens.size() && i + name.size() > ends[i] && sameWords(i, name)) {
                    ends[i] = i + name.size();
                }
            }
        }
    }

    private boolean sameWords(int from, List<String> words) {
        for (int k = 0; k < words.size(); k++) {
            Tokens.Token token = tokens.get(from + k);
            if (!token.wordLike() || !token.text().equals(words.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** Sums of money: "12 M€", "€12m", "30 euros", "2 million", "300k$". */
    private void findAmounts() {
        int[] ends = ends(Detector.AMOUNT);
        for (int i = 0; i < tokens.size(); i++) {
            Tokens.Token token = tokens.get(i);
            if (token.kind() == Tokens.Kind.SYMBOL
                    && isCurrency(token)
                    && i + 1 < tokens.size()
                    && tokens.get(i + 1).kind() == Tokens.Kind.NUMBER) {
                int end = i + 2;
                if (end < tokens.size() && MULTIPLIERS.contains(tokens.get(end).text())) {
                    end++;
                }
                ends[i] = end;
            } else if (token.kind() == Tokens.Kind.NUMBER) {
                int end = i + 1;
                boolean multiplied = hasMultiplierSuffix(token.text());
                boolean big = multiplied;
                if (end < tokens.size() && MULTIPLIERS.contains(tokens.get(end).text())) {
                    big = big || BIG_MULTIPLIERS.contains(tokens.get(end).text());
                    multiplied = true;
                    end++;
                }
                if (end < tokens.size() && isCurrency(tokens.get(end))) {
                    ends[i] = end + 1;
                } else if (big) {
                    ends[i] = end;
                }
            }
        }
    }

    private static boolean hasMultiplierSuffix(String number) {
        int digits = 0;
        while (digits < number.length() && Character.isDigit(number.charAt(digits))) {
            digits++;
        }
        String suffix = number.substring(digits);
        return !suffix.isEmpty() && (MULTIPLIERS.contains(suffix) || CURRENCY_WORDS.contains(suffix));
    }

    private static boolean isCurrency(Tokens.Token token) {
        return token.kind() == Tokens.Kind.SYMBOL
                ? Character.getType(token.text().codePointAt(0)) == Character.CURRENCY_SYMBOL
                : token.kind() == Tokens.Kind.WORD && CURRENCY_WORDS.contains(token.text());
    }

    /** Percentages: a number followed by "%" (the tokens keep the sign), or by "percent", "per cent", "pct", "pour cent". */
    private void findPercents() {
        int[] ends = ends(Detector.PERCENT);
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).kind() != Tokens.Kind.NUMBER) {
                continue;
            }
            String next = tokens.get(i + 1).text();
            if (next.equals("%") || next.equals("percent") || next.equals("pct")) {
                ends[i] = i + 2;
            } else if ((next.equals("per") || next.equals("pour"))
                    && i + 2 < tokens.size()
                    && tokens.get(i + 2).text().equals("cent")) {
                ends[i] = i + 3;
            }
        }
    }

    /**
     * Names of people or firms: capitalised words in a row inside a sentence, or after a title. A word
     * opening a sentence is read as a name only after a title, so "Great day" is not one; words in
     * capitals are shouting or acronyms, not names; the company's own name is not one.
     */
    private void findPersonNames(SignalIndex.Context context) {
        int[] ends = ends(Detector.NAME);
        int[] company = spans.get(Detector.COMPANY);
        int i = 0;
        while (i < tokens.size()) {
            if (!capitalised(i) || company != null && company[i] > i) {
                i++;
                continue;
            }
            boolean titled = i > 0
                    && TITLES.contains(tokens.get(i - 1).text())
                    && tokens.get(i - 1).kind() == Tokens.Kind.WORD
                    && capitalised(i - 1);
            if (!titled && opensSentence(i)) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < tokens.size()
                    && end - i < MAX_NAME_WORDS
                    && capitalised(end)
                    && onlySpaceBetween(end - 1, end)
                    && (company == null || company[end] <= end)) {
                end++;
            }
            ends[i] = end;
            i = end;
        }
    }

    /** Whether the token is a word written with a capital and then small letters, and could be a name. */
    private boolean capitalised(int index) {
        Tokens.Token token = tokens.get(index);
        if (token.kind() != Tokens.Kind.WORD || NOT_NAMES.contains(token.text())) {
            return false;
        }
        int first = Character.codePointAt(text, token.start());
        if (!Character.isUpperCase(first)) {
            return false;
        }
        int length = token.end() - token.start();
        if (length < 2) {
            return TITLES.contains(token.text());
        }
        for (int k = token.start() + Character.charCount(first); k < token.end(); k++) {
            if (Character.isLowerCase(text.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    /** Whether nothing but quotes and spaces stand between the token and the start of the text or of its sentence. */
    private boolean opensSentence(int index) {
        int at = tokens.get(index).start() - 1;
        while (at >= 0) {
            char c = text.charAt(at);
            if (SENTENCE_ENDS.indexOf(c) >= 0) {
                return true;
            }
            if (Character.isWhitespace(c) || QUOTES.indexOf(c) >= 0) {
                at--;
                continue;
            }
            if (Character.isLowSurrogate(c) || Character.getType(c) == Character.OTHER_SYMBOL) {
                // An emoji often ends a sentence in a post: what follows starts a new one.
                return true;
            }
            return false;
        }
        return true;
    }

    private boolean onlySpaceBetween(int left, int right) {
        for (int k = tokens.get(left).end(); k < tokens.get(right).start(); k++) {
            if (text.charAt(k) != ' ' && text.charAt(k) != '-' && text.charAt(k) != '.') {
                return false;
            }
        }
        return true;
    }

    /** Phone numbers, found on the characters, then laid on the tokens they cover. */
    private void findPhones() {
        List<int[]> phones = Phones.find(text);
        if (phones.isEmpty()) {
            return;
        }
        int[] ends = ends(Detector.PHONE);
        int t = 0;
        for (int[] phone : phones) {
            while (t < tokens.size() && tokens.get(t).start() < phone[0]) {
                t++;
            }
            int last = t;
            while (last < tokens.size() && tokens.get(last).end() <= phone[1]) {
                last++;
            }
            if (last > t) {
                ends[t] = last;
            }
            t = last;
        }
    }

    /** Which links point at the company's public sites, and which at internal hosts. */
    private void classifyLinks(SignalIndex.Context context) {
        for (int i = 0; i < tokens.size(); i++) {
            Tokens.Token token = tokens.get(i);
            if (token.kind() != Tokens.Kind.LINK) {
                continue;
            }
            Optional<String> host = Tokens.host(token.text());
            if (host.isEmpty()) {
                continue;
            }
            internal[i] = isInternal(host.get(), token.text(), context);
            official[i] = !internal[i] && isOfficial(host.get(), token.text(), context);
        }
    }

    private static boolean isInternal(String host, String link, SignalIndex.Context context) {
        for (String domain : context.internalDomains()) {
            if (host.equals(domain) || host.endsWith("." + domain)) {
                return true;
            }
        }
        boolean withScheme = link.contains("://");
        if (withScheme && host.indexOf('.') < 0) {
            // http://intranet/..., http://wiki/...: a name only a company network resolves.
            return true;
        }
        for (String suffix : INTERNAL_SUFFIXES) {
            if (host.endsWith(suffix)) {
                return true;
            }
        }
        if (host.startsWith("intranet.") || host.contains(".intranet.") || host.startsWith("intra.")) {
            return true;
        }
        if (host.endsWith(".slack.com") && !host.equals("www.slack.com") && !host.equals("api.slack.com")
                || host.equals("teams.microsoft.com") && link.contains("/l/")) {
            // A workspace's messages and a Teams chat's links: for its members only.
            return true;
        }
        return isPrivateAddress(host);
    }

    private static boolean isPrivateAddress(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return host.equals("localhost");
        }
        int[] bytes = new int[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit)) {
                return false;
            }
            bytes[i] = Integer.parseInt(parts[i]);
        }
        return bytes[0] == 10
                || bytes[0] == 127
                || bytes[0] == 192 && bytes[1] == 168
                || bytes[0] == 172 && bytes[1] >= 16 && bytes[1] <= 31;
    }

    private static boolean isOfficial(String host, String link, SignalIndex.Context context) {
        for (String domain : context.officialDomains()) {
            if (host.equals(domain) || host.endsWith("." + domain)) {
                return true;
            }
        }
        String key = context.companyKey();
        if (key.isEmpty()) {
            return false;
        }
        if (host.equals("linkedin.com") || host.endsWith(".linkedin.com")) {
            return link.toLowerCase(Locale.ROOT).contains("/company/" + key);
        }
        for (String label : host.split("\\.")) {
            if (label.contains(key)) {
                return true;
            }
        }
        return false;
    }
}
