package com.charterbot.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.charter.Vocabulary;
import com.charterbot.core.values.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexiconTest {

    private static final TextAnalysis ANALYSIS = TextAnalysis.shared();
    private static final Lexicon LEXICON = Lexicon.compile(
            new Vocabulary(
                    List.of(
                            List.of("company", "employer", "ma boîte"),
                            List.of("anonymous", "throwaway account"),
                            List.of("social media", "réseaux sociaux"),
                            List.of("journalist", "media")),
                    List.of("lol", "quick question", "stp")),
            ANALYSIS);

    private static List<List<String>> terms(Language language, String text) {
        return LEXICON.units(language, text, offset -> 1).stream()
                .map(Lexicon.Unit::terms)
                .toList();
    }

    private static String concept(Language language, String expression) {
        return terms(language, expression).get(0).stream()
                .filter(Lexicon::isConcept)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anExpressionOfTheVocabularyFindsTheSameConceptAsItsOtherWords() {
        String company = concept(Language.FR, "ma boîte");

        assertThat(concept(Language.EN, "employer")).isEqualTo(company);
        assertThat(LEXICON.terms(Language.EN, "Tell your employer first.")).contains(company);
        assertThat(terms(Language.FR, "je peux critiquer ma boîte ?")).contains(List.of(company));
    }

    @Test
    void aWordOfTheVocabularyKeepsItsOwnStemNextToItsConcept() {
        assertThat(terms(Language.EN, "my employer")).singleElement().satisfies(unit -> {
            assertThat(unit).contains("employer");
            assertThat(unit).anyMatch(Lexicon::isConcept);
        });
    }

    @Test
    void theLongestExpressionWins() {
        String socialMedia = concept(Language.EN, "social media");
        String press = concept(Language.EN, "journalist");

        assertThat(terms(Language.EN, "can I post on social media"))
                .containsExactly(List.of("post"), List.of(socialMedia));
        assertThat(terms(Language.EN, "the media called"))
                .anySatisfy(unit -> assertThat(unit).contains(press));
    }

    @Test
    void aThrowawayAccountIsFoundUnderAnonymous() {
        String anonymous = concept(Language.EN, "anonymous");

        assertThat(terms(Language.EN, "can I vent from a throwaway account")).contains(List.of(anonymous));
    }

    @Test
    void ignoredWordsAndExpressionsSayNothing() {
        assertThat(terms(Language.EN, "quick question lol")).isEmpty();
        assertThat(terms(Language.FR, "stp")).isEmpty();
    }

    @Test
    void stopWordsAndFramingWordsSayNothingEitherButUnitsKeepTheirSentenceWeight() {
        List<Lexicon.Unit> units =
                LEXICON.units(Language.EN, "Can I post this photo?", offset -> offset < 10 ? 0.5 : 1);

        assertThat(units).extracting(Lexicon.Unit::terms).containsExactly(List.of("post"), List.of("photo"));
        assertThat(units).extracting(Lexicon.Unit::weight).containsExactly(0.5, 1.0);
    }
}
