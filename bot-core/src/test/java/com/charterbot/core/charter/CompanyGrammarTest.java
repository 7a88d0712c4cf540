package com.charterbot.core.charter;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.values.Language;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CompanyGrammarTest {

    @Test
    void anEnglishPossessiveOfANameEndingInSTakesTheApostropheAlone() {
        assertThat(CompanyGrammar.fit("{{company}}'s products and {{company}}’s view", Language.EN, "Acme Industries"))
                .isEqualTo("{{company}}' products and {{company}}’ view");
        assertThat(CompanyGrammar.fit("{{company}}'s products", Language.EN, "Globex"))
                .isEqualTo("{{company}}'s products");
    }

    @Test
    void frenchDeAndQueAreElidedBeforeAVowel() {
        assertThat(CompanyGrammar.fit(
                        "au nom de {{company}}, les produits De {{company}} et ce que {{company}} publie",
                        Language.FR,
                        "Airbus"))
                .isEqualTo("au nom d'{{company}}, les produits D'{{company}} et ce qu'{{company}} publie");
        assertThat(CompanyGrammar.fit("au nom de {{company}}", Language.FR, "Électricité du Sud"))
                .isEqualTo("au nom d'{{company}}");
    }

    @Test
    void frenchIsLeftAsWrittenBeforeAConsonantOrAnH() {
        assertThat(CompanyGrammar.fit("au nom de {{company}}", Language.FR, "Globex"))
                .isEqualTo("au nom de {{company}}");
        assertThat(CompanyGrammar.fit("au nom de {{company}}", Language.FR, "Hachette"))
                .isEqualTo("au nom de {{company}}");
        assertThat(CompanyGrammar.fit("la mode et {{company}}", Language.FR, "Airbus"))
                .as("only de and que")
                .isEqualTo("la mode et {{company}}");
    }

    @Test
    void theBundledCharterReadsRightWithAnyName() {
        for (String company : List.of("Acme Industries", "Airbus", "Orange", "Globex", "Initech")) {
            CharterSettings settings =
                    new CharterSettings(company, "c@x.test", "s@x.test", "h@x.test", "i@x.test", "l@x.test", "");
            LoadResult result = CharterLoader.load(CharterFiles.defaults(), settings);
            Charter charter = CharterLoaderTest.loaded(result);
            String all = String.join(
                    "\n",
                    Stream.of(Language.values())
                            .flatMap(language -> charter.sections(language).stream())
                            .flatMap(section -> Stream.concat(
                                    Stream.of(section.title(), section.rule()),
                                    Stream.of(section.checklist(), section.dos(), section.donts())
                                            .flatMap(List::stream)))
                            .toList());
            assertThat(all).as(company).contains(company);
            if (company.endsWith("s")) {
                assertThat(all).as(company).doesNotContain(company + "'s", company + "’s");
            }
            if ("AEIOU".indexOf(company.charAt(0)) >= 0) {
                assertThat(all)
                        .as(company)
                        .doesNotContainIgnoringCase("de " + company)
                        .doesNotContainIgnoringCase("que " + company);
            }
        }
    }
}
