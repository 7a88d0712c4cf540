package com.charterbot.core.answer;

import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.Section;
import com.charterbot.core.values.Language;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.IntToDoubleFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * An immutable index of one charter version that ranks its sections for a question with three
 * views fused into one score: BM25 over each section as a whole (phrasings, title, body, tips and
 * quiz as separately boosted fields), BM25 over its single sentences (the one sentence that
 * matches best), and a {@link SectionClassifier} trained on all of its text. The charter's text is
 * analysed by a {@link Lexicon}, which adds the vocabulary's concepts, and the index stores the
 * resulting terms. Safe for concurrent searches.
 */
final class AnswerIndex {

    /** Field boosts of the section index: a curated phrasing counts most, then the title, the body, tips and quiz. */
    private static final Map<String, Float> FIELDS = Map.of("alt", 3f, "title", 2f, "body", 1f, "more", 0.5f);
    /**
     * The section score is BM25 multiplied by (this + coverage): a section that contains more of the
     * question's rare words wins over one that matches a single word many times.
     */
    private static final double COVERAGE_OFFSET = 0.5;
    /** How the three views weigh in the fused score, each first divided by its best section's. */
    private static final double SECTION_WEIGHT = 0.5;

    private static final double CLASSIFIER_WEIGHT = 0.3;
    private static final double SENTENCE_WEIGHT = 0.2;
    /** Below this share of the question's weight in its ask, the story around it counts in full. */
    private static final double MIN_ASK_SHARE = 0.3;

    /** At most this many distinct words of a question are searched, which bounds the query size. */
    static final int MAX_QUERY_GROUPS = 48;

    /**
     * A section's ranking for a question.
     *
     * @param score the fused score, in [0, 1], which orders the candidates
     * @param coverage the share of the question's weight the section contains
     * @param probability the classifier's probability of the section
     * @param relevance the section's BM25 score weighted by coverage, divided by the best section's
     * @param sentenceCoverage the share of the question's weight that the section's best matching sentence contains
     * @param owned the share of the question's weight in words the classifier ties to this section more than to any other
     */
    record Candidate(
            Section section,
            double score,
            double coverage,
            double probability,
            double relevance,
            double sentenceCoverage,
            double owned) {}

    /**
     * The candidates for a question, best first, and what the question itself looks like.
     *
     * @param known the share of the question's weight made of words the charter uses
     * @param offTopic the classifier's probability that the question belongs to a not-covered entry
     * @param story whether the message tells a story around its ask
     * @param words how many words or expressions the question is about
     */
    record Ranking(List<Candidate> candidates, double known, double offTopic, boolean story, int words) {}

    /** How many searches are remembered per index. */
    static final int CACHED_SEARCHES = 10_000;

    private record SearchKey(String text, int limit) {}

    private final Cache<SearchKey, Ranking> searches = Caffeine.newBuilder()
            .maximumSize(CACHED_SEARCHES)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    private record Doc(String sectionId, Language language, Set<String> terms) {}

    private final Charter charter;
    private final Lexicon lexicon;
    private final SectionClassifier classifier;
    private final IndexSearcher sectionSearcher;
    private final List<Doc> docs;
    private final SentenceIndex sentences;
    private final Map<Language, Map<String, Integer>> documentFrequencies = new EnumMap<>(Language.class);
    private final Map<Language, Integer> documentCounts = new EnumMap<>(Language.class);

    private AnswerIndex(
            Charter charter,
            Lexicon lexicon,
            SectionClassifier classifier,
            IndexSearcher sectionSearcher,
            List<Doc> docs,
            SentenceIndex sentences) {
        this.charter = charter;
        this.lexicon = lexicon;
        this.classifier = classifier;
        this.sectionSearcher = sectionSearcher;
        this.docs = docs;
        this.sentences = sentences;
        for (Language language : Language.values()) {
            Map<String, Integer> frequencies = new HashMap<>();
            int count = 0;
            for (Doc doc : docs) {
                if (doc.language() == language) {
                    count++;
                    doc.terms().forEach(term -> frequencies.merge(term, 1, Integer::sum));
                }
            }
            documentFrequencies.put(language, frequencies);
            documentCounts.put(language, count);
        }
    }

    /**
     * Indexes a charter. Each text is analysed once, both languages at the same time, and the
     * classifier learns while the Lucene indexes are written: on a loaded charter this halves the
     * time to the first answer on two cores.
     */
    static AnswerIndex build(Charter charter, TextAnalysis analysis) {
        Lexicon lexicon = Lexicon.compile(charter.vocabulary(), analysis);
        CompletableFuture<Map<String, List<String>>> french =
                CompletableFuture.supplyAsync(() -> analyse(charter, lexicon, Language.FR));
        Map<Language, Map<String, List<String>>> analysed = new EnumMap<>(Language.class);
        analysed.put(Language.EN, analyse(charter, lexicon, Language.EN));
        analysed.put(Language.FR, french.join());
        BiFunction<Language, String, List<String>> terms =
                (language, text) -> analysed.get(language).get(text);
        CompletableFuture<SectionClassifier> classifier =
                CompletableFuture.supplyAsync(() -> SectionClassifier.train(charter, lexicon, terms));
        try {
            ByteBuffersDirectory sectionDirectory = new ByteBuffersDirectory();
            List<Doc> docs = new ArrayList<>();
            List<SentenceIndex.Sentence> sentences = new ArrayList<>();
            try (IndexWriter sectionWriter = writer(sectionDirectory)) {
                for (Language language : Language.values()) {
                    for (Section section : charter.sections(language)) {
                        Map<String, List<String>> fields = new LinkedHashMap<>();
                        fields.put("title", List.of(section.title()));
                        fields.put("alt", section.questions());
                        fields.put("body", SectionText.body(section));
                        fields.put("more", SectionText.more(section));
                        Document document = new Document();
                        Set<String> sectionTerms = new HashSet<>();
                        fields.forEach((name, texts) -> {
                            for (String text : texts) {
                                List<String> textTerms = terms.apply(language, text);
                                sectionTerms.addAll(textTerms);
                                document.add(new TextField(
                                        field(name, language), String.join(" ", textTerms), Field.Store.NO));
                            }
                        });
                        sectionWriter.addDocument(document);
                        docs.add(new Doc(section.id(), language, Set.copyOf(sectionTerms)));
                        for (String sentence : SectionText.sentences(section)) {
                            sentences.add(new SentenceIndex.Sentence(
                                    section.id(), language, terms.apply(language, sentence)));
                        }
                    }
                }
                sectionWriter.forceMerge(1);
            }
            DirectoryReader sectionReader = DirectoryReader.open(sectionDirectory);
            // With a single segment written in order, document numbers follow the order documents were added.
            if (sectionReader.leaves().size() > 1 || sectionReader.maxDoc() != docs.size()) {
                throw new IllegalStateException("expected one segment holding every section");
            }
            return new AnswerIndex(
                    charter,
                    lexicon,
                    classifier.join(),
                    new IndexSearcher(sectionReader),
                    List.copyOf(docs),
                    new SentenceIndex(sentences));
        } catch (IOException e) {
            throw new UncheckedIOException("building an in-memory index failed", e);
        }
    }

    /** The terms of every text of the charter in one language: each field's texts and each sentence. */
    private static Map<String, List<String>> analyse(Charter charter, Lexicon lexicon, Language language) {
        Map<String, List<String>> terms = new HashMap<>();
        for (Section section : charter.sections(language)) {
            List<String> texts = new ArrayList<>(List.of(section.title()));
            texts.addAll(section.questions());
            texts.addAll(SectionText.body(section));
            texts.addAll(SectionText.more(section));
            texts.addAll(SectionText.sentences(section));
            texts.forEach(text -> terms.computeIfAbsent(text, t -> lexicon.terms(language, t)));
        }
        return Map.copyOf(terms);
    }

    private static IndexWriter writer(ByteBuffersDirectory directory) throws IOException {
        return new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()));
    }

    /** Indexes and searches a throw-away document, which loads and initialises Lucene's classes. */
    static void warmUp(TextAnalysis analysis) {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
                IndexWriter writer = writer(directory)) {
            Document document = new Document();
            String terms = String.join(
                    " ",
                    analysis.tokens(Language.EN, "can I post this photo").stream()
                            .map(TextAnalysis.Token::stem)
                            .toList());
            document.add(new TextField(field("alt", Language.EN), terms, Field.Store.NO));
            writer.addDocument(document);
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                new IndexSearcher(reader).search(fieldQuery(field("alt", Language.EN), List.of("photo", "~1"), 1f), 1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("warming up an in-memory index failed", e);
        }
    }

    Charter charter() {
        return charter;
    }

    /**
     * The sections that best match the text, best first, at most {@code limit}. Employees ask the
     * same questions again and again, so results are kept for a while, per index: a new charter
     * gets a new index and an empty cache. The cache holds question texts in memory only, at most
     * {@link #CACHED_SEARCHES} of them, each forgotten an hour after its last use.
     */
    Ranking search(String text, int limit) {
        return searches.get(new SearchKey(text, limit), key -> searchIndex(key.text(), key.limit()));
    }

    private Ranking searchIndex(String text, int limit) {
        Message message = Message.read(text);
        Map<Language, List<Lexicon.Unit>> unitsByLanguage = new EnumMap<>(Language.class);
        int words = 0;
        double known = 0;
        IntToDoubleFunction weights = message::weightAt;
        for (Language language : Language.values()) {
            List<Lexicon.Unit> units = lexicon.units(language, text, message::weightAt);
            double knownHere = known(units, language);
            if (askShare(units, language) < MIN_ASK_SHARE) {
                units = lexicon.units(language, text, offset -> 1);
                if (knownHere >= known) {
                    weights = offset -> 1;
                }
            } else if (knownHere >= known) {
                weights = message::weightAt;
            }
            units = units.size() > MAX_QUERY_GROUPS ? units.subList(0, MAX_QUERY_GROUPS) : units;
            unitsByLanguage.put(language, units);
            words = Math.max(words, units.size());
            known = Math.max(known, knownHere);
        }
        if (words == 0) {
            return new Ranking(List.of(), 0, 0, message.hasStory(), 0);
        }
        Map<String, Double> sectionScores = new HashMap<>();
        Map<String, Double> coverages = new HashMap<>();
        sectionScores(unitsByLanguage).forEach((id, score) -> {
            double coverage = 0;
            for (Language language : Language.values()) {
                coverage = Math.max(coverage, coverage(unitsByLanguage.get(language), id, language));
            }
            coverages.put(id, coverage);
            sectionScores.put(id, score * (COVERAGE_OFFSET + coverage));
        });
        Map<String, SentenceIndex.Best> bestSentences = sentences.best(unitsByLanguage);
        Map<String, Double> owned = owned(unitsByLanguage);
        double[] probabilities = classifier.probabilities(text, weights);
        double bestSection = max(sectionScores.values());
        double bestSentence = max(
                bestSentences.values().stream().map(SentenceIndex.Best::score).toList());
        double bestProbability = 0;
        double offTopic = 0;
        for (int i = 0; i < probabilities.length; i++) {
            bestProbability = Math.max(bestProbability, probabilities[i]);
            if (section(classifier.labels().get(i)).isNotCovered()) {
                offTopic += probabilities[i];
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < probabilities.length; i++) {
            String id = classifier.labels().get(i);
            double relevance = share(sectionScores.get(id), bestSection);
            double score = SECTION_WEIGHT * relevance
                    + CLASSIFIER_WEIGHT * share(probabilities[i], bestProbability)
                    + SENTENCE_WEIGHT
                            * share(
                                    bestSentences.containsKey(id)
                                            ? bestSentences.get(id).score()
                                            : null,
                                    bestSentence);
            SentenceIndex.Best best = bestSentences.get(id);
            double sentenceCoverage = best == null
                    ? 0
                    : share(
                            unitsByLanguage.get(best.sentence().language()),
                            best.sentence().language(),
                            best.sentence().terms()::contains);
            candidates.add(new Candidate(
                    section(id),
                    score,
                    coverages.getOrDefault(id, 0.0),
                    probabilities[i],
                    relevance,
                    sentenceCoverage,
                    owned.getOrDefault(id, 0.0)));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        List<Candidate> kept = candidates.size() > limit ? candidates.subList(0, limit) : candidates;
        return new Ranking(List.copyOf(kept), known, offTopic, message.hasStory(), words);
    }

    /** Each matching section's BM25 score, the best of its languages. */
    private Map<String, Double> sectionScores(Map<Language, List<Lexicon.Unit>> unitsByLanguage) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        unitsByLanguage.forEach((language, units) -> {
            for (Lexicon.Unit unit : units) {
                FIELDS.forEach((name, boost) -> query.add(
                        fieldQuery(field(name, language), unit.terms(), (float) (boost * unit.weight())),
                        BooleanClause.Occur.SHOULD));
            }
        });
        Map<String, Double> scores = new HashMap<>();
        for (ScoreDoc hit : search(sectionSearcher, query.build(), docs.size())) {
            scores.merge(docs.get(hit.doc).sectionId(), (double) hit.score, Math::max);
        }
        return scores;
    }

    private static ScoreDoc[] search(IndexSearcher searcher, Query query, int hits) {
        try {
            return searcher.search(query, hits).scoreDocs;
        } catch (IOException e) {
            throw new UncheckedIOException("searching an in-memory index failed", e);
        }
    }

    private Section section(String id) {
        return charter.section(id, Language.EN).orElseThrow();
    }

    /**
     * The share of the question's weight that the section contains, each word weighted by how rare
     * it is in the charter and by the sentence it is in. Words the charter never uses weigh the
     * most, so "order me a pizza" covers almost nothing even if "order" appears somewhere.
     */
    private double coverage(List<Lexicon.Unit> units, String sectionId, Language language) {
        return share(units, language, terms(sectionId, language)::contains);
    }

    /** For each section, the share of the question's weight in units the classifier ties to it most, the most of the languages. */
    private Map<String, Double> owned(Map<Language, List<Lexicon.Unit>> unitsByLanguage) {
        Map<String, Double> owned = new HashMap<>();
        unitsByLanguage.forEach((language, units) -> {
            double total = 0;
            Map<String, Double> byOwner = new HashMap<>();
            for (Lexicon.Unit unit : units) {
                double weight = idf(language, unit) * unit.weight();
                total += weight;
                String owner = classifier.owner(language, unit);
                if (owner != null) {
                    byOwner.merge(owner, weight, Double::sum);
                }
            }
            double all = total;
            byOwner.forEach((id, weight) -> owned.merge(id, all == 0 ? 0 : weight / all, Math::max));
        });
        return owned;
    }

    private Set<String> terms(String sectionId, Language language) {
        for (Doc doc : docs) {
            if (doc.language() == language && doc.sectionId().equals(sectionId)) {
                return doc.terms();
            }
        }
        return Set.of();
    }

    /** The share of the question's weight made of words or concepts that appear somewhere in the charter. */
    private double known(List<Lexicon.Unit> units, Language language) {
        return share(units, language, documentFrequencies.get(language)::containsKey);
    }

    /** The share of the question's weight, as {@link #coverage} weighs it, in units with a term that passes the test. */
    private double share(List<Lexicon.Unit> units, Language language, Predicate<String> test) {
        double total = 0;
        double matched = 0;
        for (Lexicon.Unit unit : units) {
            double weight = idf(language, unit) * unit.weight();
            total += weight;
            if (unit.terms().stream().anyMatch(test)) {
                matched += weight;
            }
        }
        return total == 0 ? 0 : matched / total;
    }

    /**
     * The share of the question's rare-word weight that is in its ask. An ask such as "is that
     * fair?" says nothing of the topic: then the story counts in full.
     */
    private double askShare(List<Lexicon.Unit> units, Language language) {
        double total = 0;
        double asked = 0;
        for (Lexicon.Unit unit : units) {
            double weight = idf(language, unit);
            total += weight;
            if (unit.weight() >= 1) {
                asked += weight;
            }
        }
        return total == 0 ? 1 : asked / total;
    }

    /** The weight of a unit: the idf of its rarest term, the highest for a term the charter never uses. */
    private double idf(Language language, Lexicon.Unit unit) {
        int count = documentCounts.get(language);
        double idf = 0;
        for (String term : unit.terms()) {
            int frequency = documentFrequencies.get(language).getOrDefault(term, 0);
            idf = Math.max(idf, Math.log(1 + (count - frequency + 0.5) / (frequency + 0.5)));
        }
        return idf;
    }

    private static double max(Collection<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private static double share(Double value, double best) {
        return value == null || best <= 0 ? 0 : value / best;
    }

    private static Query fieldQuery(String field, List<String> terms, float boost) {
        Query query;
        if (terms.size() == 1) {
            query = new TermQuery(new Term(field, terms.get(0)));
        } else {
            SynonymQuery.Builder synonyms = new SynonymQuery.Builder(field);
            terms.forEach(term -> synonyms.addTerm(new Term(field, term)));
            query = synonyms.build();
        }
        return new BoostQuery(query, boost);
    }

    private static String field(String name, Language language) {
        return name + "_" + language.tag();
    }

    /** A word as people type it: letters and digits, with inner apostrophes or hyphens ("l'usage", "e-mail"). */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['\u2019-][\\p{L}\\p{N}]+)*");

    /**
     * The words of the text, as typed, whose analyzed forms or synonyms the section contains in
     * either language (for {@link AnswerTrace}); stop words never match.
     */
    List<String> matchedWords(String text, String sectionId) {
        Set<String> matched = new LinkedHashSet<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            for (Language language : Language.values()) {
                Set<String> terms = docTerms(sectionId, language);
                boolean contains =
                        lexicon.terms(language, word.group()).stream().anyMatch(terms::contains);
                if (contains) {
                    matched.add(word.group());
                    break;
                }
            }
        }
        return List.copyOf(matched);
    }

    private Set<String> docTerms(String sectionId, Language language) {
        for (Doc doc : docs) {
            if (doc.language() == language && doc.sectionId().equals(sectionId)) {
                return doc.terms();
            }
        }
        return Set.of();
    }
}
