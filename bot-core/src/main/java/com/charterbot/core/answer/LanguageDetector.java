package com.charterbot.core.answer;

import com.charterbot.core.values.Language;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;

/**
 * Guesses whether a question is English or French by counting each language's function words,
 * which is enough for short chat questions and needs no model.
 */
public final class LanguageDetector {

    private static final Pattern WORD_SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern FRENCH_LETTERS = Pattern.compile("[éèêëàâîïôûùç]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}");

    private final CharArraySet english = TextAnalysis.stopWords(Language.EN);
    private final CharArraySet french = TextAnalysis.stopWords(Language.FR);

    /** The language the question is written in, or empty when the text does not tell. */
    public Optional<Language> detect(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int englishScore = 0;
        int frenchScore = 0;
        for (String word : WORD_SEPARATORS.split(lower)) {
            if (word.isEmpty()) {
                continue;
            }
            String folded = ascii(word)
                    ? word
                    : MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD))
                            .replaceAll("");
            boolean inEnglish = english.contains(folded);
            boolean inFrench = french.contains(folded);
            if (inEnglish && !inFrench) {
                englishScore += 2;
            } else if (inFrench && !inEnglish) {
                frenchScore += 2;
            }
            if (FRENCH_LETTERS.matcher(word).find()) {
                frenchScore++;
            }
        }
        if (englishScore == frenchScore) {
            return Optional.empty();
        }
        return Optional.of(englishScore > frenchScore ? Language.EN : Language.FR);
    }

    private static boolean ascii(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
