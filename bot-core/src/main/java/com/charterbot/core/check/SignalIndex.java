package com.charterbot.core.check;

import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.Section;
import com.charterbot.core.charter.Signal;
import com.charterbot.core.charter.SignalPattern;
import com.charterbot.core.charter.SignalPattern.Detector;
import com.charterbot.core.text.Tokens;
import com.charterbot.core.values.Language;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every signal of one charter version, in both languages, compiled and indexed by what its first
 * word can be, so that a draft is read once: at each token only the signals that can start there
 * are tried, and each try is bounded by the signal's length (gaps are at most
 * {@value SignalPattern#GAP} words). Built once per charter version; immutable and thread-safe.
 */
final class SignalIndex {

    /** The longest stretch of tokens one detector may cover (a phone number, a long customer name). */
    private static final int MAX_DETECTED = 16;

    /** A compiled signal (or {@code unless} pattern) of one section in one language. */
    record Rule(int section, Language language, Signal.Level level, List<Part> parts) {
        boolean unless() {
            return level == null;
        }
    }

    /** A sequence of steps, one {@code &}-separated piece of a pattern. */
    record Part(int id, List<Step> steps, int width) {}

    /** A part filed under one alternative of its first step: only that alternative is tried first. */
    record Entry(Part part, List<Object> first) {}

    sealed interface Step {}

    /** One of several sequences of globs and detectors, in a row. */
    record ChoiceStep(List<List<Object>> alternatives, int width) implements Step {}

    record GapStep() implements Step {}

    /** Names the watch-list or the settings give, indexed by their first word and as hashtags. */
    record Names(Map<String, List<List<String>>> byFirstWord, Set<String> hashtags) {
        boolean isEmpty() {
            return byFirstWord.isEmpty();
        }

        List<List<String>> startingWith(String word) {
            return byFirstWord.getOrDefault(word, List.of());
        }

        static Names of(List<List<String>> names) {
            Map<String, List<List<String>>> byFirstWord = new HashMap<>();
            Set<String> hashtags = new HashSet<>();
            for (List<String> name : names) {
                if (name.isEmpty()) {
                    continue;
                }
                byFirstWord.computeIfAbsent(name.get(0), w -> new ArrayList<>()).add(name);
                hashtags.add(String.join("", name));
            }
            return new Names(byFirstWord, hashtags);
        }
    }

    /**
     * What the detectors need from the charter.
     *
     * @param companyKey the company's first name word, at least four letters, for spotting its sites; empty otherwise
     */
    record Context(
            Names company,
            Names customers,
            Names competitors,
            Names codenames,
            List<String> internalDomains,
            List<String> officialDomains,
            String companyKey) {}

    private final Charter charter;
    private final Context context;
    private final List<String> sectionIds;
    private final List<Rule> rules = new ArrayList<>();
    private final List<Part> parts = new ArrayList<>();
    private final Map<String, List<Entry>> byWord = new HashMap<>();
    /** Parts whose first word is a pattern, by its first two letters (or its only one). */
    private final Map<String, List<Entry>> byPrefix = new HashMap<>();

    /** The words of {@link #byWord} by their first letter, for a self-censored word ("sh*t") of that letter. */
    private final Map<Character, List<String>> wordsByInitial = new HashMap<>();

    private final List<Entry> anywhere = new ArrayList<>();
    private final Map<Detector, List<Entry>> byDetector = new EnumMap<>(Detector.class);
    private final List<Part> attachment = new ArrayList<>();

    private SignalIndex(Charter charter) {
        this.charter = charter;
        this.sectionIds = charter.topicIds();
        this.context = context(charter);
        for (Language language : Language.values()) {
            for (Section section : charter.sections(language)) {
                int index = sectionIds.indexOf(section.id());
                if (index < 0) {
                    continue;
                }
                for (Signal signal : section.signals().signals()) {
                    add(index, language, signal.level(), signal.pattern());
                }
                for (SignalPattern unless : section.signals().unless()) {
                    add(index, language, null, unless);
                }
            }
        }
    }

    static SignalIndex of(Charter charter) {
        return new SignalIndex(charter);
    }

    Charter charter() {
        return charter;
    }

    Context context() {
        return context;
    }

    List<String> sectionIds() {
        return sectionIds;
    }

    List<Rule> rules() {
        return rules;
    }

    private static Context context(Charter charter) {
        List<String> companyWords = Tokens.scan(charter.settings().companyName()).stream()
                .filter(Tokens.Token::wordLike)
                .map(Tokens.Token::text)
                .toList();
        List<List<String>> company = new ArrayList<>();
        if (!companyWords.isEmpty()) {
            company.add(companyWords);
            if (companyWords.size() > 1 && companyWords.get(0).length() >= 3) {
                company.add(List.of(companyWords.get(0)));
            }
        }
        String key = companyWords.isEmpty() || companyWords.get(0).length() < 4 ? "" : companyWords.get(0);
        return new Context(
                Names.of(company),
                Names.of(charter.watchList().customers()),
                Names.of(charter.watchList().competitors()),
                Names.of(charter.watchList().codenames()),
                charter.watchList().internalDomains(),
                charter.watchList().officialDomains(),
                key);
    }

    private void add(int section, Language language, Signal.Level level, SignalPattern pattern) {
        List<Part> compiled = new ArrayList<>();
        Rule rule = new Rule(section, language, level, compiled);
        for (List<SignalPattern.Element> elements : pattern.parts()) {
            List<Step> steps = new ArrayList<>();
            int width = 1;
            for (SignalPattern.Element element : elements) {
                if (element instanceof SignalPattern.Gap) {
                    steps.add(new GapStep());
                    width += SignalPattern.GAP;
                } else if (element instanceof SignalPattern.Choice choice) {
                    List<List<Object>> alternatives = new ArrayList<>();
                    int widest = 0;
                    for (List<SignalPattern.Atom> atoms : choice.alternatives()) {
                        List<Object> sequence = new ArrayList<>();
                        int alternativeWidth = 0;
                        for (SignalPattern.Atom atom : atoms) {
                            if (atom instanceof SignalPattern.Glob glob) {
                                sequence.add(Glob.of(glob.glob()));
                                alternativeWidth += 1;
                            } else {
                                sequence.add(((SignalPattern.Detected) atom).detector());
                                alternativeWidth += MAX_DETECTED;
                            }
                        }
                        alternatives.add(List.copyOf(sequence));
                        widest = Math.max(widest, alternativeWidth);
                    }
                    steps.add(new ChoiceStep(List.copyOf(alternatives), widest));
                    width += widest;
                }
            }
            Part part = new Part(parts.size(), List.copyOf(steps), width);
            parts.add(part);
            compiled.add(part);
            index(part);
        }
        rules.add(rule);
    }

    /** Files the part under what each of its first step's alternatives can start with. */
    private void index(Part part) {
        for (List<Object> alternative : ((ChoiceStep) part.steps().get(0)).alternatives()) {
            Entry entry = new Entry(part, alternative);
            Object first = alternative.get(0);
            if (first instanceof Detector detector) {
                if (detector == Detector.ATTACHMENT) {
                    attachment.add(part);
                } else {
                    byDetector.computeIfAbsent(detector, d -> new ArrayList<>()).add(entry);
                }
            } else {
                Glob glob = (Glob) first;
                if (glob.exact()) {
                    byWord.computeIfAbsent(glob.first(), w -> {
                                wordsByInitial
                                        .computeIfAbsent(w.charAt(0), c -> new ArrayList<>())
                                        .add(w);
                                return new ArrayList<>();
                            })
                            .add(entry);
                } else if (!glob.first().isEmpty()) {
                    byPrefix.computeIfAbsent(
                                    glob.first()
                                            .substring(
                                                    0, Math.min(2, glob.first().length())),
                                    w -> new ArrayList<>())
                            .add(entry);
                } else {
                    anywhere.add(entry);
                }
            }
        }
    }

    /** What reading one draft found: for each part, the tokens of its first match, or null. */
    record Matches(int[][] spans, boolean[] matched, long work) {

        /** Whether every part of the rule was found. */
        boolean matched(Rule rule) {
            for (Part part : rule.parts()) {
                if (!matched[part.id()]) {
                    return false;
                }
            }
            return true;
        }

        /** The {@code [from, to)} tokens of the part's first match; null for an attachment. */
        int[] span(Part part) {
            return spans[part.id()];
        }
    }

    /** Reads a draft once and finds the first match of every part. */
    Matches match(DraftText draft) {
        int[][] spans = new int[parts.size()][];
        boolean[] matched = new boolean[parts.size()];
        int[] triedAt = new int[parts.size()];
        Arrays.fill(triedAt, -1);
        long[] work = {0};
        if (draft.mediaAttached()) {
            attachment.forEach(part -> matched[part.id()] = true);
        }
        for (int i = 0; i < draft.size(); i++) {
            int at = i;
            Tokens.Token token = draft.token(i);
            Consumer<Entry> attempt = entry -> {
                Part part = entry.part();
                if (matched[part.id()] || triedAt[part.id()] == at) {
                    return;
                }
                // Only the alternative this entry stands for is read first; most stop here.
                work[0]++;
                if (sequence(entry.first(), draft, at) <= at) {
                    return;
                }
                triedAt[part.id()] = at;
                int end = matchFrom(part, draft, at, work);
                if (end > at) {
                    matched[part.id()] = true;
                    spans[part.id()] = new int[] {at, end};
                }
            };
            if (token.kind() != Tokens.Kind.LINK && token.kind() != Tokens.Kind.EMAIL) {
                String text = token.text();
                candidates(text, attempt);
                if (token.kind() == Tokens.Kind.MASKED) {
                    maskedCandidates(text, attempt);
                }
                if (token.kind() == Tokens.Kind.HASHTAG || token.kind() == Tokens.Kind.MENTION) {
                    candidates(text.substring(1), attempt);
                }
                anywhere.forEach(attempt);
            }
            for (Map.Entry<Detector, List<Entry>> detector : byDetector.entrySet()) {
                if (draft.detected(detector.getKey(), i) > i) {
                    detector.getValue().forEach(attempt);
                }
            }
        }
        return new Matches(spans, matched, work[0]);
    }

    private void candidates(String text, Consumer<Entry> attempt) {
        byWord.getOrDefault(text, List.of()).forEach(attempt);
        for (String stem : Glob.stems(text)) {
            // "incompetents" starts the signals filed under "incompetent"; the glob itself checks the ending.
            byWord.getOrDefault(stem, List.of()).forEach(attempt);
        }
        if (!text.isEmpty()) {
            byPrefix.getOrDefault(text.substring(0, 1), List.of()).forEach(attempt);
        }
        if (text.length() >= 2) {
            byPrefix.getOrDefault(text.substring(0, 2), List.of()).forEach(attempt);
        }
    }

    /** The entries a self-censored word ("sh*t") may start: any filed under its first letter, each glob checks its own. */
    private void maskedCandidates(String text, Consumer<Entry> attempt) {
        for (String word : wordsByInitial.getOrDefault(text.charAt(0), List.of())) {
            if (word.length() <= text.length()) {
                byWord.get(word).forEach(attempt);
            }
        }
        for (Map.Entry<String, List<Entry>> filed : byPrefix.entrySet()) {
            if (filed.getKey().charAt(0) == text.charAt(0)) {
                filed.getValue().forEach(attempt);
            }
        }
    }

    /** The end (exclusive) of globs and detectors matched in a row from {@code position}, or -1. */
    private static int sequence(List<Object> atoms, DraftText draft, int position) {
        int at = position;
        for (Object atom : atoms) {
            if (at >= draft.size()) {
                return -1;
            }
            if (atom instanceof Glob glob) {
                if (!glob.matches(draft.token(at))) {
                    return -1;
                }
                at++;
            } else {
                int end = draft.detected((Detector) atom, at);
                if (end <= at || end > at + MAX_DETECTED) {
                    return -1;
                }
                at = end;
            }
        }
        return at;
    }

    /**
     * The end (exclusive) of the shortest match of the part starting at {@code start}, or -1, once
     * one alternative of its first step is known to match there. The positions
     * reachable after each step are kept as a set of offsets from the start, at most
     * {@link Part#width()} of them, so a try costs at most steps times width.
     */
    private static int matchFrom(Part part, DraftText draft, int start, long[] work) {
        List<Step> steps = part.steps();
        boolean[] reachable = new boolean[part.width() + 1];
        int highest = -1;
        // Every alternative of the first step, not only the one that led here: "(heart|heart attack)" ends twice.
        for (List<Object> alternative : ((ChoiceStep) steps.get(0)).alternatives()) {
            int end = sequence(alternative, draft, start);
            if (end > start && end - start < reachable.length) {
                reachable[end - start] = true;
                highest = Math.max(highest, end - start);
            }
        }
        if (highest < 0) {
            return -1;
        }
        if (steps.size() == 1) {
            for (int offset = 1; offset <= highest; offset++) {
                if (reachable[offset]) {
                    return start + offset;
                }
            }
        }
        for (Step step : steps.subList(1, steps.size())) {
            boolean[] next = new boolean[reachable.length];
            int nextHighest = -1;
            for (int offset = 0; offset <= highest; offset++) {
                if (!reachable[offset]) {
                    continue;
                }
                work[0]++;
                int position = start + offset;
                if (step instanceof GapStep) {
                    for (int skip = 0; skip <= SignalPattern.GAP && offset + skip < next.length; skip++) {
                        next[offset + skip] = true;
                        nextHighest = Math.max(nextHighest, offset + skip);
                    }
                    continue;
                }
                if (position >= draft.size()) {
                    continue;
                }
                for (List<Object> alternative : ((ChoiceStep) step).alternatives()) {
                    int end = sequence(alternative, draft, position);
                    if (end > position && end - start < next.length) {
                        next[end - start] = true;
                        nextHighest = Math.max(nextHighest, end - start);
                    }
                }
            }
            if (nextHighest < 0) {
                return -1;
            }
            reachable = next;
            highest = nextHighest;
        }
        for (int offset = 1; offset <= highest; offset++) {
            if (reachable[offset]) {
                return start + offset;
            }
        }
        return -1;
    }
}
