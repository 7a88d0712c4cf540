package com.charterbot.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.values.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageDetectorTest {

    private final LanguageDetector detector = new LanguageDetector();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Can I post this photo?",
                "A journalist called me, what should I do?",
                "Is it OK to share a picture of my team at work?",
                "What should I do when someone criticises the company on Twitter?",
                "can i talk about the project i'm working on"
            })
    void detectsEnglishQuestions(String question) {
        assertThat(detector.detect(question)).contains(Language.EN);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Puis-je publier cette photo ?",
                "Un journaliste m'a appelé, que dois-je faire ?",
                "Est-ce que je peux partager une photo de mon équipe au travail ?",
                "Que faire si quelqu'un critique l'entreprise sur Twitter ?",
                "j'ai le droit de parler de mon projet sur LinkedIn"
            })
    void detectsFrenchQuestions(String question) {
        assertThat(detector.detect(question)).contains(Language.FR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "?!", "😀", "LinkedIn", "12345"})
    void saysNothingWhenTheTextDoesNotTell(String text) {
        assertThat(detector.detect(text)).isEmpty();
    }
}
