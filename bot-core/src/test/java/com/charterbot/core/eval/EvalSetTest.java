package com.charterbot.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.charterbot.core.answer.AlsoApplies;
import com.charterbot.core.answer.Answer;
import com.charterbot.core.answer.Citation;
import com.charterbot.core.answer.InputIssue;
import com.charterbot.core.answer.Tier;
import com.charterbot.core.eval.Evaluation.Metrics;
import com.charterbot.core.eval.Evaluation.Outcome;
import com.charterbot.core.values.Language;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvalSetTest {

    @Test
    void parsesQuestionsWithTheirLanguageAndExpectedSections() {
        List<EvalQuestion> questions = EvalSet.parse("""
                # a comment
                - {q: "Can I post this photo?", lang: en, expect: [photos-videos]}
                - q: "Un journaliste m'a appelé"
                  lang: FR
                  expect: [media-inquiries, speaking-for-company]
                - {q: "What is the wifi code?", lang: en, expect: []}
                """);

        assertThat(questions)
                .containsExactly(
                        new EvalQuestion("Can I post this photo?", Language.EN, List.of("photos-videos"), 2),
                        new EvalQuestion(
                                "Un journaliste m'a appelé",
                                Language.FR,
                                List.of("media-inquiries", "speaking-for-company"),
                                3),
                        new EvalQuestion("What is the wifi code?", Language.EN, List.of(), 6));
        assertThat(questions.get(0).inScope()).isTrue();
        assertThat(questions.get(2).inScope()).isFalse();
    }

    @Test
    void ignoresOtherKeysSuchAsTheSource() {
        List<EvalQuestion> questions =
                EvalSet.parse("- {q: \"one\", lang: en, expect: [a], src: \"https://example.org/forum\"}\n");

        assertThat(questions).containsExactly(new EvalQuestion("one", Language.EN, List.of("a"), 1));
    }

    @Test
    void rejectsEntryWithUnknownLanguageNamingItsLine() {
        assertThatThrownBy(() -> EvalSet.parse("""
                - {q: "one", lang: en, expect: [a]}
                - {q: "two", lang: de, expect: [a]}
                """, "set.yaml"))
                .isInstanceOf(EvalSet.InvalidEvalSet.class)
                .hasMessage("set.yaml:2: lang must be en or fr");
    }

    @Test
    void reportsEveryMalformedEntryWithItsLine() {
        assertThatThrownBy(() -> EvalSet.parse("""
                - {q: "one", lang: en, expect: [a]}
                - {q: "", lang: fr, expect: [a]}
                - {q: "three", lang: en, expect: photos-videos}
                - just a string
                - q: "five"
                  lang: en
                  expect: [a, ""]
                """, "set.yaml"))
                .isInstanceOfSatisfying(
                        EvalSet.InvalidEvalSet.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "set.yaml:2: q must be a non-empty string",
                                        "set.yaml:3: expect must be a list of section ids, [] when the charter does not cover the question",
                                        "set.yaml:4: an entry must be a mapping {q: ..., lang: ..., expect: [...]}",
                                        "set.yaml:7: expect must list section ids"));
    }

    @Test
    void rejectsUnknownExpectedIdsNamingTheirLineAndTheKnownIds() {
        List<EvalQuestion> questions = EvalSet.parse("""
                - {q: "one", lang: en, expect: [photos-videos]}
                - {q: "two", lang: en, expect: []}
                - {q: "three", lang: fr, expect: [photo-videos, scope]}
                """, "set.yaml");

        EvalSet.checkIds(questions.subList(0, 2), List.of("photos-videos", "scope"), "set.yaml");
        assertThatThrownBy(() -> EvalSet.checkIds(questions, List.of("scope", "photos-videos"), "set.yaml"))
                .isInstanceOf(EvalSet.InvalidEvalSet.class)
                .hasMessage("set.yaml:3: unknown section id 'photo-videos' (the charter's ids: photos-videos, scope)");
    }

    @Test
    void rejectsWhatIsNotAListOrNotYaml() {
        assertThatThrownBy(() -> EvalSet.parse("q: not a list", "set.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("set.yaml: expected a YAML list of questions");
        assertThatThrownBy(() -> EvalSet.parse("- {q: \"unclosed, lang: en"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid YAML");
    }

    // --- metrics on hand-made outcomes ---

    static Citation cite(String id) {
        return new Citation(id, "Title of " + id, null);
    }

    static List<Citation> cites(String... ids) {
        return Arrays.stream(ids).map(EvalSetTest::cite).toList();
    }

    static Answer answer(String cited, String... suggested) {
        return new Answer(
                Tier.ANSWER,
                Language.EN,
                0.9,
                cite(cited),
                "rule of " + cited,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                cites(suggested),
                null,
                InputIssue.NONE,
                "v1");
    }

    static Answer unsure(Tier tier, String... suggested) {
        return new Answer(
                tier,
                Language.EN,
                0.2,
                null,
                "not sure",
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                cites(suggested),
                null,
                InputIssue.NONE,
                "v1");
    }

    static EvalQuestion question(String... expected) {
        return new EvalQuestion("question", Language.EN, List.of(expected));
    }

    @Test
    void computesMetricsOnHandMadeOutcomes() {
        List<Outcome> outcomes = List.of(
                // in scope, answered correctly: rank 1
                new Outcome(question("a"), answer("a", "x")),
                // in scope, answered wrongly but the expected section is second: rank 2
                new Outcome(question("b"), answer("x", "b", "y")),
                // in scope, suggestions only, expected third: rank 3
                new Outcome(question("c", "z"), unsure(Tier.SUGGEST, "x", "y", "c")),
                // in scope, fallback with nothing relevant: rank 0
                new Outcome(question("d"), unsure(Tier.FALLBACK, "x")),
                // out of scope, abstained
                new Outcome(question(), unsure(Tier.FALLBACK)),
                // out of scope, answered anyway
                new Outcome(question(), answer("a")));

        Metrics metrics = Metrics.of(outcomes);

        assertThat(metrics.n()).isEqualTo(6);
        assertThat(metrics.answeredAt1()).isCloseTo(1.0 / 4, within(1e-9));
        assertThat(metrics.hitAt3()).isCloseTo(3.0 / 4, within(1e-9));
        assertThat(metrics.mrr()).isCloseTo((1 + 1.0 / 2 + 1.0 / 3 + 0) / 4, within(1e-9));
        assertThat(metrics.wrong()).isCloseTo(1.0 / 4, within(1e-9));
        assertThat(metrics.abstain()).isCloseTo(1.0 / 2, within(1e-9));
        assertThat(outcomes).extracting(Outcome::rank).containsExactly(1, 2, 3, 0, 0, 0);
        assertThat(outcomes).extracting(Outcome::failed).containsExactly(false, true, true, true, false, true);
        assertThat(metrics.line("eval"))
                .isEqualTo("eval: n=6 answered@1=0.25 hit@3=0.75 mrr=0.46 wrong=0.25 abstain=0.50");
    }

    static Answer answerAlsoApplying(String cited, String alsoApplies, String... suggested) {
        return new Answer(
                Tier.ANSWER,
                Language.EN,
                0.9,
                cite(cited),
                "rule of " + cited,
                List.of(),
                List.of(),
                List.of(),
                List.of(new AlsoApplies(cite(alsoApplies), "key point of " + alsoApplies)),
                cites(suggested),
                null,
                InputIssue.NONE,
                "v1");
    }

    @Test
    void answerCitingSeveralSectionsCountsByItsFirstSectionThenInTheOrderShown() {
        Outcome primaryExpected = new Outcome(question("a", "b"), answerAlsoApplying("a", "b"));
        Outcome onlyAlsoExpected = new Outcome(question("b"), answerAlsoApplying("a", "b", "c"));

        Metrics metrics = Metrics.of(List.of(primaryExpected, onlyAlsoExpected));

        assertThat(primaryExpected.answeredCorrectly()).isTrue();
        assertThat(onlyAlsoExpected.answeredCorrectly()).isFalse();
        assertThat(onlyAlsoExpected.answer().shownSectionIds()).containsExactly("a", "b", "c");
        assertThat(onlyAlsoExpected.rank()).isEqualTo(2);
        assertThat(metrics.answeredAt1()).isEqualTo(0.5);
        assertThat(metrics.wrong()).isEqualTo(0.5);
        assertThat(metrics.hitAt3()).isEqualTo(1.0);
        assertThat(metrics.mrr()).isCloseTo((1 + 0.5) / 2, within(1e-9));
    }

    @Test
    void rankBeyondThreeIsNotAHitButCountsForMrr() {
        Outcome fourth = new Outcome(question("d"), answer("a", "b", "c", "d"));
        Metrics metrics = Metrics.of(List.of(fourth));
        assertThat(fourth.rank()).isEqualTo(4);
        assertThat(metrics.hitAt3()).isZero();
        assertThat(metrics.mrr()).isCloseTo(0.25, within(1e-9));
        assertThat(metrics.wrong()).isEqualTo(1.0);
        assertThat(metrics.abstain()).as("no out-of-scope question").isNaN();
    }

    @Test
    void metricsWithoutQuestionsTheyApplyToAreNotApplicableAndPrintedAsDashes() {
        Metrics nothing = Metrics.of(List.of());
        assertThat(nothing).isEqualTo(new Metrics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN));

        Metrics onlyInScope = Metrics.of(List.of(new Outcome(question("a"), answer("a"))));
        assertThat(onlyInScope.answeredAt1()).isEqualTo(1.0);
        assertThat(onlyInScope.abstain()).isNaN();
        assertThat(onlyInScope.line("eval[en]"))
                .isEqualTo("eval[en]: n=1 answered@1=1.00 hit@3=1.00 mrr=1.00 wrong=0.00 abstain=-");

        Metrics onlyOutOfScope = Metrics.of(List.of(new Outcome(question(), unsure(Tier.FALLBACK))));
        assertThat(onlyOutOfScope.line("eval[fr]"))
                .isEqualTo("eval[fr]: n=1 answered@1=- hit@3=- mrr=- wrong=- abstain=1.00");
    }

    @Test
    void reportGivesOneLinePerLanguageThenOverall() {
        Outcome en = new Outcome(question("a"), answer("a"));
        Outcome fr = new Outcome(new EvalQuestion("question", Language.FR, List.of("a")), unsure(Tier.FALLBACK));
        Evaluation.Report report = new Evaluation.Report(List.of(en, fr));
        assertThat(report.lines()).hasSize(3);
        assertThat(report.lines().get(0)).startsWith("eval[en]: n=1 answered@1=1.00");
        assertThat(report.lines().get(1)).startsWith("eval[fr]: n=1 answered@1=0.00");
        assertThat(report.lines().get(2)).startsWith("eval: n=2 answered@1=0.50");
        assertThat(report.of(Language.FR).answeredAt1()).isZero();
    }
}
