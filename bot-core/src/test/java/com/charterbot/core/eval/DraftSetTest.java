package com.charterbot.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.charterbot.core.values.Language;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DraftSetTest {

    @Test
    void readsDraftsAndIgnoresOtherKeys() {
        List<EvalDraft> drafts = DraftSet.parse("""
                - {draft: "Sneak peek!", lang: en, risk: stop, topics: [confidential-information], src: "https://example.com"}
                - {draft: "Bonne journée", lang: fr, risk: clean, topics: []}
                - {draft: "Nice booth", lang: en, risk: Caution, topics: [photos-videos]}
                """);

        assertThat(drafts)
                .containsExactly(
                        new EvalDraft(
                                "Sneak peek!", Language.EN, EvalDraft.Risk.STOP, List.of("confidential-information")),
                        new EvalDraft("Bonne journée", Language.FR, EvalDraft.Risk.CLEAN, List.of()),
                        new EvalDraft("Nice booth", Language.EN, EvalDraft.Risk.CAUTION, List.of("photos-videos")));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "[unclosed|not valid YAML",
                "{draft: x}|expected a YAML list of drafts",
                "- just text|entry 1 is not a mapping",
                "- {draft: '', lang: en, risk: clean}|entry 1: draft must be a non-empty string",
                "- {draft: x, lang: de, risk: clean}|entry 1: lang must be en or fr",
                "- {draft: x, lang: en, risk: maybe}|entry 1: risk must be stop, caution or clean",
                "- {draft: x, lang: en, risk: stop, topics: photos}|entry 1: topics must be a list of section ids",
                "- {draft: x, lang: en, risk: stop}|entry 1: a risky draft lists the topics a finding may cite"
            })
    void saysWhichEntryIsWrong(String yaml, String message) {
        assertThatThrownBy(() -> DraftSet.parse(yaml))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
