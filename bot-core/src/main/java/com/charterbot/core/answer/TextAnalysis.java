package com.charterbot.core.answer;

import com.charterbot.core.values.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * Splits a text into words the same way for the charter and the questions: elision, lower case,
 * accents folded, then each language's light stemming. Stop words are not removed here, so that
 * expressions of the vocabulary that contain one ("ma boîte") can still be recognised; callers
 * skip them with {@link #isStopWord}. Thread-safe and shared.
 */
final class TextAnalysis {

    /** Words that frame a question ("can I...", "puis-je...") without saying what it is about. */
    private static final List<String> ENGLISH_FRAMING = List.of(
            "i",
            "i'm",
            "im",
            "i've",
            "ive",
            "i'd",
            "i'll",
            "me",
            "my",
            "mine",
            "myself",
            "we",
            "our",
            "ours",
            "us",
            "you",
            "your",
            "yours",
            "he",
            "she",
            "him",
            "her",
            "his",
            "its",
            "they",
            "them",
            "their",
            "can",
            "could",
            "may",
            "might",
            "must",
            "shall",
            "should",
            "would",
            "will",
            "allowed",
            "allow",
            "permitted",
            "ok",
            "okay",
            "fine",
            "alright",
            "right",
            "possible",
            "is",
            "am",
            "are",
            "was",
            "were",
            "be",
            "been",
            "being",
            "do",
            "does",
            "did",
            "doing",
            "done",
            "have",
            "has",
            "had",
            "having",
            "get",
            "got",
            "gets",
            "what",
            "what's",
            "whats",
            "how",
            "who",
            "whom",
            "whose",
            "when",
            "where",
            "which",
            "why",
            "this",
            "that",
            "these",
            "those",
            "there",
            "here",
            "it",
            "it's",
            "a",
            "an",
            "the",
            "some",
            "any",
            "anything",
            "something",
            "thing",
            "things",
            "stuff",
            "about",
            "from",
            "with",
            "without",
            "at",
            "by",
            "for",
            "of",
            "on",
            "in",
            "into",
            "to",
            "up",
            "out",
            "as",
            "so",
            "if",
            "or",
            "and",
            "but",
            "too",
            "also",
            "just",
            "really",
            "please",
            "hi",
            "hello",
            "hey",
            "thanks",
            "thank",
            "need",
            "want",
            "wants",
            "let",
            "know",
            "tell",
            "there's",
            "still",
            "even",
            "much",
            "many",
            "very",
            "again",
            "other",
            "else",
            "one",
            "ones",
            "go",
            "going",
            "make",
            "way",
            "someone",
            "somebody",
            "anyone",
            "anybody",
            "people",
            "happen",
            "happens",
            "happened",
            "charter",
            "charte",
            "don't",
            "dont",
            "can't",
            "cant",
            "isn't",
            "aren't",
            "wasn't",
            "didn't",
            "doesn't",
            "won't",
            "wouldn't",
            "shouldn't",
            "couldn't",
            "i'm",
            "we're",
            "you're",
            "they're",
            "gonna",
            "wanna",
            "gotta",
            "kinda",
            "yeah",
            "yes",
            "no",
            "not",
            "all",
            "then",
            "than",
            "now",
            "because",
            "since",
            "though",
            "while");

    private static final List<String> FRENCH_FRAMING = List.of(
            "je",
            "j",
            "tu",
            "il",
            "elle",
            "on",
            "nous",
            "vous",
            "ils",
            "elles",
            "me",
            "m",
            "moi",
            "te",
            "t",
            "toi",
            "se",
            "s",
            "mon",
            "ma",
            "mes",
            "ton",
            "ta",
            "tes",
            "son",
            "sa",
            "ses",
            "notre",
            "nos",
            "votre",
            "vos",
            "leur",
            "leurs",
            "puis",
            "peux",
            "peut",
            "pouvons",
            "pouvez",
            "peuvent",
            "pourrais",
            "pourrait",
            "pouvoir",
            "dois",
            "doit",
            "devons",
            "devez",
            "doivent",
            "devrais",
            "devrait",
            "faut",
            "faudrait",
            "droit",
            "autorise",
            "autorisee",
            "autorises",
            "interdit",
            "ok",
            "possible",
            "est",
            "es",
            "suis",
            "sont",
            "etre",
            "ai",
            "as",
            "a",
            "avons",
            "avez",
            "ont",
            "avoir",
            "fait",
            "faire",
            "fais",
            "que",
            "qu",
            "quoi",
            "qui",
            "quel",
            "quelle",
            "quels",
            "quelles",
            "comment",
            "quand",
            "ou",
            "pourquoi",
            "combien",
            "ce",
            "c",
            "ca",
            "cela",
            "ceci",
            "cette",
            "cet",
            "ces",
            "celui",
            "celle",
            "le",
            "la",
            "les",
            "l",
            "un",
            "une",
            "des",
            "du",
            "de",
            "d",
            "au",
            "aux",
            "en",
            "y",
            "et",
            "ou",
            "mais",
            "donc",
            "or",
            "ni",
            "car",
            "si",
            "ne",
            "n",
            "pas",
            "plus",
            "tres",
            "bien",
            "svp",
            "stp",
            "bonjour",
            "salut",
            "merci",
            "besoin",
            "veux",
            "voudrais",
            "quelque",
            "chose",
            "choses",
            "truc",
            "trucs",
            "avec",
            "sans",
            "pour",
            "par",
            "sur",
            "dans",
            "chez",
            "vers",
            "apres",
            "avant",
            "quelqu",
            "quelqu'un",
            "personne",
            "gens",
            "encore",
            "aussi",
            "deja",
            "toujours",
            "va",
            "vais",
            "vont",
            "aller",
            "charte",
            "charter",
            "oui",
            "non",
            "tout",
            "tous",
            "toute",
            "toutes",
            "alors",
            "parce",
            "comme",
            "ici",
            "la-bas",
            "etait",
            "ete",
            "sera",
            "serait",
            "avait",
            "j'ai",
            "c'est");

    /** A word of a text: as written (lower case, accents folded) and stemmed, with where it starts. */
    record Token(String word, String stem, int start) {}

    /** Building the analyzers is the costly part, so one instance serves every index. */
    private static final class Shared {
        static final TextAnalysis INSTANCE = new TextAnalysis();
    }

    static TextAnalysis shared() {
        return Shared.INSTANCE;
    }

    private final Map<Language, Analyzer> analyzers = new EnumMap<>(Language.class);
    private final Map<Language, CharArraySet> stopWords = new EnumMap<>(Language.class);

    private TextAnalysis() {
        for (Language language : Language.values()) {
            analyzers.put(language, analyzer(language));
            stopWords.put(language, stopWords(language));
        }
    }

    /** The words of a text in this language's analysis, in order. */
    List<Token> tokens(Language language, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzers.get(language).tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            KeywordAttribute keyword = stream.addAttribute(KeywordAttribute.class);
            stream.reset();
            String word = null;
            while (stream.incrementToken()) {
                // Each word comes twice: as written (marked keyword, so the stemmer leaves it), then stemmed.
                if (keyword.isKeyword()) {
                    word = term.toString();
                } else {
                    tokens.add(new Token(word, term.toString(), offset.startOffset()));
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysis of an in-memory string failed", e);
        }
        return tokens;
    }

    /** Whether a word (as a {@link Token#word()}) says nothing about what a question is about. */
    boolean isStopWord(Language language, String word) {
        return stopWords.get(language).contains(word);
    }

    private static Analyzer analyzer(Language language) {
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
                stream = new KeywordRepeatFilter(stream);
                stream = language == Language.FR ? new FrenchLightStemFilter(stream) : new KStemFilter(stream);
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    /** Lucene's stop words of the language plus the question-framing words of both languages, folded. */
    static CharArraySet stopWords(Language language) {
        CharArraySet base =
                language == Language.FR ? FrenchAnalyzer.getDefaultStopSet() : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
        CharArraySet set = new CharArraySet(512, true);
        for (Object word : base) {
            set.add(fold(new String((char[]) word)));
        }
        List<String> framing = language == Language.FR ? FRENCH_FRAMING : ENGLISH_FRAMING;
        framing.forEach(word -> set.add(fold(word)));
        return CharArraySet.unmodifiableSet(set);
    }

    static String fold(String word) {
        char[] out = new char[word.length() * 4];
        int length = ASCIIFoldingFilter.foldToASCII(word.toCharArray(), 0, out, 0, word.length());
        return new String(out, 0, length);
    }
}
