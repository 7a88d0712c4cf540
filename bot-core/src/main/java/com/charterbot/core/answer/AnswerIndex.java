package com.charterbot.core.answer;

import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.Language;
import com.charterbot.core.charter.Section;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * An immutable BM25 index of one charter version: one document per section and language, with
 * the employees' phrasings, the title and the body as separately boosted fields. Safe for
 * concurrent searches.
 */
final class AnswerIndex {

    /** Field boosts: matching a curated phrasing counts most, then the title, then the body. */
    private static final float ALTERNATES_BOOST = 3f;
    private static final float TITLE_BOOST = 2f;
    private static final float BODY_BOOST = 1f;
    /**
     * Ranking multiplies the BM25 score by (this + coverage): a section that contains more of the
     * question's rare words wins over one that matches a single word many times.
     */
    private static final double COVERAGE_OFFSET = 0.5;

    /** At most this many distinct words of a question are searched, which bounds the query size. */
    static final int MAX_QUERY_GROUPS = 48;

    private static final List<String> FIELDS = List.of("alt", "title", "body");

    /** A section's ranking score for a question and the share of the question's weight it covers. */
    record Candidate(Section section, double score, double coverage) {}

    /** How many searches are remembered per index. */
    static final int CACHED_SEARCHES = 10_000;

    private record SearchKey(String text, int limit) {}

    private final Cache<SearchKey, List<Candidate>> searches = Caffeine.newBuilder()
            .maximumSize(CACHED_SEARCHES)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    private record Doc(String sectionId, Language language, Set<String> terms) {}

    private final Charter charter;
    private final TextAnalysis analysis;
    private final IndexSearcher searcher;
    private final List<Doc> docs;
    private final Map<Language, Map<String, Integer>> documentFrequencies = new EnumMap<>(Language.class);
    private final Map<Language, Integer> documentCounts = new EnumMap<>(Language.class);

    private AnswerIndex(Charter charter, TextAnalysis analysis, IndexSearcher searcher, List<Doc> docs) {
        this.charter = charter;
        this.analysis = analysis;
        this.searcher = searcher;
        this.docs = docs;
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

    static AnswerIndex build(Charter charter, TextAnalysis analysis) {
        Map<String, Analyzer> perField = new HashMap<>();
        for (Language language : Language.values()) {
            for (String field : FIELDS) {
                perField.put(field(field, language), analysis.index(language));
            }
        }
        Analyzer analyzer = new PerFieldAnalyzerWrapper(analysis.index(Language.EN), perField);
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        List<Section> indexed = new ArrayList<>();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (Language language : Language.values()) {
                for (Section section : charter.sections(language)) {
                    Document document = new Document();
                    document.add(new TextField(field("title", language), section.title(), Field.Store.NO));
                    for (String phrasing : section.questions()) {
                        document.add(new TextField(field("alt", language), phrasing, Field.Store.NO));
                    }
                    if (!section.isNotCovered()) {
                        document.add(new TextField(field("body", language), body(section), Field.Store.NO));
                    }
                    writer.addDocument(document);
                    indexed.add(section);
                }
            }
            writer.forceMerge(1);
        } catch (IOException e) {
            throw new UncheckedIOException("building an in-memory index failed", e);
        }
        try {
            DirectoryReader reader = DirectoryReader.open(directory);
            return new AnswerIndex(charter, analysis, new IndexSearcher(reader), docs(reader, indexed));
        } catch (IOException e) {
            throw new UncheckedIOException("opening an in-memory index failed", e);
        }
    }

    /**
     * Each document's section and set of terms, read back from the index's postings. With a
     * single segment written in order, document numbers follow the order sections were added.
     */
    private static List<Doc> docs(DirectoryReader reader, List<Section> indexed) throws IOException {
        if (reader.leaves().size() > 1 || reader.maxDoc() != indexed.size()) {
            throw new IllegalStateException("expected one segment holding every section");
        }
        List<Set<String>> terms = new ArrayList<>();
        indexed.forEach(section -> terms.add(new HashSet<>()));
        if (!reader.leaves().isEmpty()) {
            LeafReader leaf = reader.leaves().get(0).reader();
            for (Language language : Language.values()) {
                for (String name : FIELDS) {
                    Terms fieldTerms = leaf.terms(field(name, language));
                    if (fieldTerms == null) {
                        continue;
                    }
                    TermsEnum iterator = fieldTerms.iterator();
                    PostingsEnum postings = null;
                    for (BytesRef term = iterator.next(); term != null; term = iterator.next()) {
                        String text = term.utf8ToString();
                        postings = iterator.postings(postings, PostingsEnum.NONE);
                        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                            terms.get(doc).add(text);
                        }
                    }
                }
            }
        }
        List<Doc> docs = new ArrayList<>();
        for (int i = 0; i < indexed.size(); i++) {
            docs.add(new Doc(indexed.get(i).id(), indexed.get(i).language(), Set.copyOf(terms.get(i))));
        }
        return List.copyOf(docs);
    }

    /** Indexes and searches a throw-away document, which loads and initialises Lucene's classes. */
    static void warmUp(TextAnalysis analysis) {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analysis.index(Language.EN)))) {
            Document document = new Document();
            document.add(new TextField(field("alt", Language.EN), "can I post this photo", Field.Store.NO));
            writer.addDocument(document);
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                List<List<String>> groups = TextAnalysis.termGroups(analysis.query(Language.EN), field("alt", Language.EN), "post photo");
                new IndexSearcher(reader).search(fieldQuery(field("alt", Language.EN), groups.get(0), 1f), 1);
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
    List<Candidate> search(String text, int limit) {
        return searches.get(new SearchKey(text, limit), key -> List.copyOf(searchIndex(key.text(), key.limit())));
    }

    private List<Candidate> searchIndex(String text, int limit) {
        Map<Language, List<List<String>>> groupsByLanguage = new EnumMap<>(Language.class);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean anyClause = false;
        for (Language language : Language.values()) {
            List<List<String>> groups = distinct(TextAnalysis.termGroups(analysis.query(language), field("alt", language), text));
            groupsByLanguage.put(language, groups);
            for (List<String> group : groups) {
                query.add(fieldQuery(field("alt", language), group, ALTERNATES_BOOST), BooleanClause.Occur.SHOULD);
                query.add(fieldQuery(field("title", language), group, TITLE_BOOST), BooleanClause.Occur.SHOULD);
                query.add(fieldQuery(field("body", language), group, BODY_BOOST), BooleanClause.Occur.SHOULD);
                anyClause = true;
            }
        }
        if (!anyClause) {
            return List.of();
        }
        ScoreDoc[] hits;
        try {
            hits = searcher.search(query.build(), docs.size()).scoreDocs;
        } catch (IOException e) {
            throw new UncheckedIOException("searching an in-memory index failed", e);
        }
        Map<String, Double> best = new LinkedHashMap<>();
        for (ScoreDoc hit : hits) {
            best.merge(docs.get(hit.doc).sectionId(), (double) hit.score, Math::max);
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Map.Entry<String, Double> entry : best.entrySet()) {
            double coverage = 0;
            for (Language language : Language.values()) {
                coverage = Math.max(coverage, coverage(groupsByLanguage.get(language), entry.getKey(), language));
            }
            Section section = charter.section(entry.getKey(), Language.EN).orElseThrow();
            candidates.add(new Candidate(section, entry.getValue(), coverage));
        }
        candidates.replaceAll(c -> new Candidate(c.section(), c.score() * (COVERAGE_OFFSET + c.coverage()), c.coverage()));
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return candidates.size() > limit ? List.copyOf(candidates.subList(0, limit)) : candidates;
    }

    /**
     * The share of the question's words, weighted by how rare they are in the charter, that the
     * section contains. Words the charter never uses weigh the most, so "order me a pizza" covers
     * almost nothing even if "order" appears somewhere.
     */
    private double coverage(List<List<String>> groups, String sectionId, Language language) {
        if (groups.isEmpty()) {
            return 0;
        }
        Set<String> terms = null;
        for (Doc doc : docs) {
            if (doc.language() == language && doc.sectionId().equals(sectionId)) {
                terms = doc.terms();
                break;
            }
        }
        if (terms == null) {
            return 0;
        }
        double total = 0;
        double covered = 0;
        for (List<String> group : groups) {
            double weight = 0;
            boolean matched = false;
            for (String term : group) {
                weight = Math.max(weight, idf(language, term));
                matched |= terms.contains(term);
            }
            total += weight;
            if (matched) {
                covered += weight;
            }
        }
        return total == 0 ? 0 : covered / total;
    }

    private double idf(Language language, String term) {
        int count = documentCounts.get(language);
        int frequency = documentFrequencies.get(language).getOrDefault(term, 0);
        return Math.log(1 + (count - frequency + 0.5) / (frequency + 0.5));
    }

    private static Query fieldQuery(String field, List<String> group, float boost) {
        Query query;
        if (group.size() == 1) {
            query = new TermQuery(new Term(field, group.get(0)));
        } else {
            SynonymQuery.Builder synonyms = new SynonymQuery.Builder(field);
            group.forEach(term -> synonyms.addTerm(new Term(field, term)));
            query = synonyms.build();
        }
        return new BoostQuery(query, boost);
    }

    private static List<List<String>> distinct(List<List<String>> groups) {
        List<List<String>> distinct = new ArrayList<>();
        Set<List<String>> seen = new HashSet<>();
        for (List<String> group : groups) {
            if (seen.add(group) && distinct.size() < MAX_QUERY_GROUPS) {
                distinct.add(group);
            }
        }
        return distinct;
    }

    private static String body(Section section) {
        StringBuilder body = new StringBuilder(section.rule());
        for (List<String> items : List.of(section.checklist(), section.dos(), section.donts())) {
            items.forEach(item -> body.append('\n').append(item));
        }
        return body.toString();
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
                boolean contains = TextAnalysis.termGroups(analysis.query(language), field("alt", language), word.group()).stream()
                        .flatMap(List::stream)
                        .anyMatch(terms::contains);
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
