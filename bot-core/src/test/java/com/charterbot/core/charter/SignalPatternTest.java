package com.charterbot.core.charter;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.charter.SignalPattern.Choice;
import com.charterbot.core.charter.SignalPattern.Detected;
import com.charterbot.core.charter.SignalPattern.Detector;
import com.charterbot.core.charter.SignalPattern.Gap;
import com.charterbot.core.charter.SignalPattern.Glob;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignalPatternTest {

    private static SignalPattern parsed(String text) {
        SignalPattern.Parsed parsed = SignalPattern.parse(text);
        assertThat(parsed.problem()).as(text).isEmpty();
        return parsed.pattern().orElseThrow();
    }

    private static List<SignalPattern.Atom> only(SignalPattern.Element element) {
        List<List<SignalPattern.Atom>> alternatives = ((Choice) element).alternatives();
        assertThat(alternatives).hasSize(1);
        return alternatives.get(0);
    }

    @Test
    void readsWordsFoldedAndCutLikeTheDraft() {
        SignalPattern pattern = parsed("Before the ANNOUNCEMENT you're Réunion");

        assertThat(pattern.parts()).hasSize(1);
        assertThat(pattern.parts().get(0)).hasSize(5);
        assertThat(only(pattern.parts().get(0).get(0))).containsExactly(new Glob("before"));
        assertThat(only(pattern.parts().get(0).get(3))).containsExactly(new Glob("you"), new Glob("re"));
        assertThat(only(pattern.parts().get(0).get(4))).containsExactly(new Glob("reunion"));
    }

    @Test
    void readsAlternativesOfPhrasesAndDetectors() {
        SignalPattern pattern = parsed("(on behalf of|[company]|au nom d'|speaking*) ... results|figures & [phone]");

        assertThat(pattern.parts()).hasSize(2);
        List<SignalPattern.Element> first = pattern.parts().get(0);
        assertThat(((Choice) first.get(0)).alternatives())
                .containsExactly(
                        List.of(new Glob("on"), new Glob("behalf"), new Glob("of")),
                        List.of(new Detected(Detector.COMPANY)),
                        List.of(new Glob("au"), new Glob("nom"), new Glob("d")),
                        List.of(new Glob("speaking*")));
        assertThat(first.get(1)).isInstanceOf(Gap.class);
        assertThat(((Choice) first.get(2)).alternatives())
                .containsExactly(List.of(new Glob("results")), List.of(new Glob("figures")));
        assertThat(only(pattern.parts().get(1).get(0))).containsExactly(new Detected(Detector.PHONE));
    }

    @Test
    void detectorsAreNamedInEnglishOrFrench() {
        assertThat(only(parsed("[lien interne]").parts().get(0).get(0)))
                .containsExactly(new Detected(Detector.INTERNAL_LINK));
        assertThat(only(parsed("[Pièce jointe]").parts().get(0).get(0)))
                .containsExactly(new Detected(Detector.ATTACHMENT));
        assertThat(only(parsed("[official  link]").parts().get(0).get(0)))
                .containsExactly(new Detected(Detector.OFFICIAL_LINK));
        assertThat(only(parsed("#*employee*").parts().get(0).get(0))).containsExactly(new Glob("#*employee*"));
        assertThat(only(parsed("⭐⭐").parts().get(0).get(0))).containsExactly(new Glob("⭐"), new Glob("⭐"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "'';charter.problem.signal-empty",
                "[phone number];charter.problem.signal-unknown-detector",
                "(results|figures;charter.problem.signal-unclosed",
                "[phone;charter.problem.signal-unclosed",
                "... results;charter.problem.signal-gap-at-end",
                "results ...;charter.problem.signal-gap-at-end",
                "results ... ... figures;charter.problem.signal-gap-twice",
                "results & & figures;charter.problem.signal-empty-part",
                "results &;charter.problem.signal-empty-part",
                "a & b & c & d;charter.problem.signal-too-many-parts",
                "a ... b ... c ... d ... e;charter.problem.signal-too-many-gaps",
                "a b c d e f g h i j k l m;charter.problem.signal-too-many-words",
                "**;charter.problem.signal-wildcard-alone",
                "(results|);charter.problem.signal-alternative",
                "(a|b (c));charter.problem.signal-alternative",
                "photo [attachment];charter.problem.signal-attachment-alone",
                "(photo|[attachment]);charter.problem.signal-attachment-alone",
                "!!!;charter.problem.signal-no-word"
            })
    void refusesWhatItCannotRead(String text, String problem) {
        SignalPattern.Parsed parsed = SignalPattern.parse(text);

        assertThat(parsed.pattern()).as(text).isEmpty();
        assertThat(parsed.problem()).as(text).isEqualTo(problem);
    }

    @Test
    void refusesAPatternLongerThanTheLimit() {
        assertThat(SignalPattern.parse("word ".repeat(200)).problem()).isEqualTo("charter.problem.signal-too-long");
    }

    @Test
    void attachmentAloneInItsPartIsFine() {
        SignalPattern pattern = parsed("[attachment] & (plant|site)");

        assertThat(pattern.parts()).hasSize(2);
    }
}
