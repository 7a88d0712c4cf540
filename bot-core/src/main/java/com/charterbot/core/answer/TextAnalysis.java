package com.charterbot.core.answer;

import com.charterbot.core.charter.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * The text analysis of each language: the same chain for the charter and the questions, plus
 * bilingual synonyms applied to questions only. Analyzers are thread-safe and shared.
 */
final class TextAnalysis {

    /** Words that frame a question ("can I...", "puis-je...") without saying what it is about. */
    private static final List<String> ENGLISH_FRAMING = List.of(
            "i", "i'm", "im", "i've", "ive", "i'd", "me", "my", "mine", "myself", "we", "our", "ours", "us", "you", "your",
            "yours", "he", "she", "him", "her", "his", "its", "they", "them", "their",
            "can", "could", "may", "might", "must", "shall", "should", "would", "will", "allowed", "allow", "permitted",
            "ok", "okay", "fine", "alright", "right", "possible", "is", "am", "are", "was", "were", "be", "been", "being",
            "do", "does", "did", "doing", "done", "have", "has", "had", "having", "get", "got", "gets",
            "what", "what's", "whats", "how", "who", "whom", "whose", "when", "where", "which", "why",
            "this", "that", "these", "those", "there", "here", "it", "it's", "a", "an", "the", "some", "any", "anything",
            "something", "thing", "things", "stuff", "about", "from", "with", "without", "at", "by", "for", "of", "on",
            "in", "into", "to", "up", "out", "as", "so", "if", "or", "and", "but", "too", "also", "just", "really",
            "please", "hi", "hello", "hey", "thanks", "thank", "need", "want", "wants", "let", "know", "tell",
            "there's", "still", "even", "much", "many", "very", "again", "other", "else", "one", "ones", "okay",
            "go", "going", "make", "way", "someone", "somebody", "anyone", "anybody", "people",
            "happen", "happens", "happened", "charter", "charte");

    private static final List<String> FRENCH_FRAMING = List.of(
            "je", "j", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "me", "m", "moi", "te", "t", "toi",
            "se", "s", "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos",
            "leur", "leurs", "puis", "peux", "peut", "pouvons", "pouvez", "peuvent", "pourrais", "pourrait", "pouvoir",
            "dois", "doit", "devons", "devez", "doivent", "devrais", "devrait", "faut", "faudrait", "droit", "autorise",
            "autorisee", "autorises", "interdit", "ok", "possible", "est", "es", "suis", "sont", "etre", "ai", "as", "a",
            "avons", "avez", "ont", "avoir", "fait", "faire", "fais", "que", "qu", "quoi", "qui", "quel", "quelle",
            "quels", "quelles", "comment", "quand", "ou", "pourquoi", "combien", "ce", "c", "ca", "cela", "ceci",
            "cette", "cet", "ces", "celui", "celle", "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au",
            "aux", "en", "y", "et", "ou", "mais", "donc", "or", "ni", "car", "si", "ne", "n", "pas", "plus", "tres",
            "bien", "svp", "stp", "bonjour", "salut", "merci", "besoin", "veux", "voudrais", "quelque", "chose",
            "choses", "truc", "trucs", "avec", "sans", "pour", "par", "sur", "dans", "chez", "vers", "apres", "avant",
            "quelqu", "quelqu'un", "personne", "gens", "encore", "aussi", "deja", "toujours",
            "va", "vais", "vont", "aller", "charte", "charter");

    /** Building the synonym maps is the costly part, so one instance serves every index. */
    private static final class Shared {
        static final TextAnalysis INSTANCE = new TextAnalysis();
    }

    static TextAnalysis shared() {
        return Shared.INSTANCE;
    }

    private final Map<Language, Analyzer> indexAnalyzers = new LinkedHashMap<>();
    private final Map<Language, Analyzer> queryAnalyzers = new LinkedHashMap<>();

    private TextAnalysis() {
        for (Language language : Language.values()) {
            Analyzer index = analyzer(language, true, null);
            Analyzer forSynonyms = analyzer(language, false, null);
            indexAnalyzers.put(language, index);
            queryAnalyzers.put(language, analyzer(language, true, synonyms(forSynonyms)));
        }
    }

    Analyzer index(Language language) {
        return indexAnalyzers.get(language);
    }

    Analyzer query(Language language) {
        return queryAnalyzers.get(language);
    }

    /**
     * The analyzed terms of a question grouped by the word they come from: a word and its synonyms
     * form one group.
     */
    static List<List<String>> termGroups(Analyzer analyzer, String field, String text) {
        Map<Integer, List<String>> groups = new LinkedHashMap<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                List<String> group = groups.computeIfAbsent(offset.startOffset(), k -> new ArrayList<>());
                String value = term.toString();
                if (!group.contains(value)) {
                    group.add(value);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysis of an in-memory string failed", e);
        }
        return new ArrayList<>(groups.values());
    }

    private static Analyzer analyzer(Language language, boolean removeStopWords, SynonymMap synonyms) {
        CharArraySet stopWords = stopWords(language);
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = source;
                if (language == Language.FR) {
                    stream = new ElisionFilter(stream, FrenchAnalyzer.DEFAULT_ARTICLES);
                } else {
                    stream = new EnglishPossessiveFilter(stream);
                }
                stream = new LowerCaseFilter(stream);
                stream = new ASCIIFoldingFilter(stream);
                if (removeStopWords) {
                    stream = new StopFilter(stream, stopWords);
                }
                stream = language == Language.FR ? new FrenchLightStemFilter(stream) : new KStemFilter(stream);
                if (synonyms != null) {
                    stream = new SynonymGraphFilter(stream, synonyms, true);
                }
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    /** Lucene's stop words of the language plus the question-framing words of both languages, folded. */
    static CharArraySet stopWords(Language language) {
        CharArraySet base = language == Language.FR ? FrenchAnalyzer.getDefaultStopSet() : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
        CharArraySet set = new CharArraySet(512, true);
        for (Object word : base) {
            set.add(fold(new String((char[]) word)));
        }
        List<String> framing = language == Language.FR ? FRENCH_FRAMING : ENGLISH_FRAMING;
        framing.forEach(word -> set.add(fold(word)));
        return CharArraySet.unmodifiableSet(set);
    }

    private static String fold(String word) {
        char[] out = new char[word.length() * 4];
        int length = ASCIIFoldingFilter.foldToASCII(word.toCharArray(), 0, out, 0, word.length());
        return new String(out, 0, length);
    }

    private static SynonymMap synonyms(Analyzer analyzer) {
        try (InputStream in = TextAnalysis.class.getResourceAsStream("synonyms.txt");
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
            parser.parse(reader);
            return parser.build();
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("the bundled synonym list is unreadable", e);
        }
    }
}
