package com.charterbot.core.answer;

import com.charterbot.core.values.Language;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * BM25 over every sentence of a charter on its own, to find each section's best matching sentence.
 * Written out rather than built with Lucene: thousands of documents of a few words each cost Lucene
 * more to index, on every charter load, than the whole search costs here. Scores follow Lucene's
 * BM25 (k1 1.2, b 0.75); a unit's terms count as one term, as Lucene's {@code SynonymQuery} does.
 */
final class SentenceIndex {

    private static final double K1 = 1.2;
    private static final double B = 0.75;

    /** One sentence: the section it belongs to and its terms. */
    record Sentence(String sectionId, Language language, List<String> terms) {}

    /** A section's best sentence for a question and its score. */
    record Best(Sentence sentence, double score) {}

    private final List<Sentence> sentences;
    private final Map<Language, Map<String, List<Integer>>> postings = new EnumMap<>(Language.class);
    private final Map<Language, Integer> counts = new EnumMap<>(Language.class);
    private final Map<Language, Double> averageLengths = new EnumMap<>(Language.class);

    SentenceIndex(List<Sentence> sentences) {
        this.sentences = List.copyOf(sentences);
        for (Language language : Language.values()) {
            postings.put(language, new HashMap<>());
            int count = 0;
            long length = 0;
            for (int i = 0; i < this.sentences.size(); i++) {
                Sentence sentence = this.sentences.get(i);
                if (sentence.language() != language) {
                    continue;
                }
                count++;
                length += sentence.terms().size();
                for (String term : new HashSet<>(sentence.terms())) {
                    postings.get(language)
                            .computeIfAbsent(term, k -> new ArrayList<>())
                            .add(i);
                }
            }
            counts.put(language, count);
            averageLengths.put(language, count == 0 ? 1 : (double) length / count);
        }
    }

    /** Each matching section's best sentence for the question's units in each language. */
    Map<String, Best> best(Map<Language, List<Lexicon.Unit>> unitsByLanguage) {
        double[] scores = new double[sentences.size()];
        int[] frequencies = new int[sentences.size()];
        List<Integer> touched = new ArrayList<>();
        unitsByLanguage.forEach((language, units) -> {
            Map<String, List<Integer>> languagePostings = postings.get(language);
            int count = counts.get(language);
            double averageLength = averageLengths.get(language);
            for (Lexicon.Unit unit : units) {
                int documents = 0;
                List<Integer> matched = new ArrayList<>();
                for (String term : unit.terms()) {
                    List<Integer> matching = languagePostings.getOrDefault(term, List.of());
                    documents = Math.max(documents, matching.size());
                    for (int sentence : matching) {
                        if (frequencies[sentence] == 0) {
                            matched.add(sentence);
                        }
                        frequencies[sentence] +=
                                occurrences(sentences.get(sentence).terms(), term);
                    }
                }
                double idf = Math.log(1 + (count - documents + 0.5) / (documents + 0.5));
                for (int sentence : matched) {
                    int tf = frequencies[sentence];
                    double norm =
                            K1 * (1 - B + B * sentences.get(sentence).terms().size() / averageLength);
                    if (scores[sentence] == 0) {
                        touched.add(sentence);
                    }
                    scores[sentence] += unit.weight() * idf * tf * (K1 + 1) / (tf + norm);
                    frequencies[sentence] = 0;
                }
            }
        });
        Map<String, Best> best = new HashMap<>();
        for (int index : touched) {
            Sentence sentence = sentences.get(index);
            Best current = best.get(sentence.sectionId());
            if (current == null || scores[index] > current.score()) {
                best.put(sentence.sectionId(), new Best(sentence, scores[index]));
            }
        }
        return best;
    }

    private static int occurrences(List<String> terms, String term) {
        int count = 0;
        for (String each : terms) {
            if (each.equals(term)) {
                count++;
            }
        }
        return count;
    }
}
