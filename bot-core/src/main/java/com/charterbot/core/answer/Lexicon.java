package com.charterbot.core.answer;

import com.charterbot.core.charter.Vocabulary;
import com.charterbot.core.values.Language;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * A charter's vocabulary compiled for matching: each group becomes a concept term ({@code ~12})
 * that the index adds wherever one of its words or expressions appears in the charter, and that a
 * question gets wherever it uses another one, so "ma boîte" finds "entreprise" and "throwaway
 * account" finds "anonymous account". Expressions are matched on stems, longest first.
 */
final class Lexicon {

    /** A vocabulary entry in one language's analysis. {@code groups} is empty for an ignored entry. */
    private record Entry(List<String> stems, List<Integer> groups) {}

    /**
     * Something a question is about: a word or an expression, with the terms any of which a section
     * may contain to match it, and how much it counts.
     */
    record Unit(List<String> terms, double weight) {}

    /** Starts the term of a vocabulary group; no analysed word starts with it. */
    private static final String CONCEPT = "~";

    private final TextAnalysis analysis;
    private final Map<Language, Map<String, List<Entry>>> entriesByFirstStem = new EnumMap<>(Language.class);

    private Lexicon(TextAnalysis analysis) {
        this.analysis = analysis;
    }

    /** The last vocabulary compiled and its lexicon: most charters use the default vocabulary, so reloads reuse it. */
    private static Map.Entry<Vocabulary, Lexicon> last;

    /**
     * The lexicon of a vocabulary; compiling the same vocabulary again gives the same lexicon.
     * Synchronised so that an engine built while {@link AnswerEngine#prepare} compiles the default
     * vocabulary waits for it rather than doing the same work twice.
     */
    static synchronized Lexicon compile(Vocabulary vocabulary, TextAnalysis analysis) {
        if (last != null && last.getKey().equals(vocabulary) && last.getValue().analysis == analysis) {
            return last.getValue();
        }
        Lexicon lexicon = build(vocabulary, analysis);
        last = Map.entry(vocabulary, lexicon);
        return lexicon;
    }

    private static Lexicon build(Vocabulary vocabulary, TextAnalysis analysis) {
        Lexicon lexicon = new Lexicon(analysis);
        for (Language language : Language.values()) {
            Map<List<String>, List<Integer>> groupsByStems = new LinkedHashMap<>();
            for (int group = 0; group < vocabulary.groups().size(); group++) {
                for (String entry : vocabulary.groups().get(group)) {
                    List<String> stems = lexicon.stems(language, entry);
                    if (!stems.isEmpty()) {
                        List<Integer> groups = groupsByStems.computeIfAbsent(stems, k -> new ArrayList<>());
                        if (!groups.contains(group)) {
                            groups.add(group);
                        }
                    }
                }
            }
            for (String entry : vocabulary.ignored()) {
                List<String> stems = lexicon.stems(language, entry);
                if (!stems.isEmpty()) {
                    groupsByStems.putIfAbsent(stems, List.of());
                }
            }
            Map<String, List<Entry>> byFirst = new HashMap<>();
            groupsByStems.forEach((stems, groups) -> byFirst.computeIfAbsent(stems.get(0), k -> new ArrayList<>())
                    .add(new Entry(List.copyOf(stems), List.copyOf(groups))));
            byFirst.values()
                    .forEach(entries -> entries.sort(
                            Comparator.comparingInt((Entry e) -> e.stems().size())
                                    .reversed()));
            lexicon.entriesByFirstStem.put(language, byFirst);
        }
        return lexicon;
    }

    /** The terms a charter text is indexed under: its content words' stems and the concepts it mentions. */
    List<String> terms(Language language, String text) {
        List<String> terms = new ArrayList<>();
        List<TextAnalysis.Token> tokens = analysis.tokens(language, text);
        for (int i = 0; i < tokens.size(); ) {
            Entry entry = longestEntryAt(language, tokens, i);
            int end = entry == null ? i + 1 : i + entry.stems().size();
            if (entry != null) {
                entry.groups().forEach(group -> terms.add(concept(group)));
            }
            if (entry == null || entry.stems().size() == 1) {
                TextAnalysis.Token token = tokens.get(i);
                if (!analysis.isStopWord(language, token.word())) {
                    terms.add(token.stem());
                }
            }
            i = end;
        }
        return terms;
    }

    /**
     * What a question is about, in this language's analysis: one unit per content word or vocabulary
     * expression, without repeats, weighted by the sentence it is in.
     *
     * @param weightAt the weight of the word starting at this offset of the text
     */
    List<Unit> units(Language language, String text, IntToDoubleFunction weightAt) {
        Map<List<String>, Double> units = new LinkedHashMap<>();
        List<TextAnalysis.Token> tokens = analysis.tokens(language, text);
        for (int i = 0; i < tokens.size(); ) {
            Entry entry = longestEntryAt(language, tokens, i);
            TextAnalysis.Token token = tokens.get(i);
            double weight = weightAt.applyAsDouble(token.start());
            if (entry != null) {
                if (!entry.groups().isEmpty()) {
                    List<String> terms = new ArrayList<>();
                    if (entry.stems().size() == 1) {
                        terms.add(token.stem());
                    }
                    entry.groups().forEach(group -> terms.add(concept(group)));
                    units.merge(List.copyOf(terms), weight, Math::max);
                }
                i += entry.stems().size();
                continue;
            }
            if (!analysis.isStopWord(language, token.word())) {
                units.merge(List.of(token.stem()), weight, Math::max);
            }
            i++;
        }
        List<Unit> result = new ArrayList<>();
        units.forEach((terms, weight) -> result.add(new Unit(terms, weight)));
        return result;
    }

    private Entry longestEntryAt(Language language, List<TextAnalysis.Token> tokens, int i) {
        List<Entry> candidates =
                entriesByFirstStem.get(language).get(tokens.get(i).stem());
        if (candidates == null) {
            return null;
        }
        for (Entry entry : candidates) {
            int length = entry.stems().size();
            if (i + length > tokens.size()) {
                continue;
            }
            boolean matches = true;
            for (int k = 1; k < length && matches; k++) {
                matches = tokens.get(i + k).stem().equals(entry.stems().get(k));
            }
            if (matches) {
                return entry;
            }
        }
        return null;
    }

    private List<String> stems(Language language, String entry) {
        return analysis.tokens(language, entry).stream()
                .map(TextAnalysis.Token::stem)
                .toList();
    }

    private static String concept(int group) {
        return CONCEPT + group;
    }

    /** Whether a term stands for a vocabulary group rather than a word. */
    static boolean isConcept(String term) {
        return term.startsWith(CONCEPT);
    }
}
