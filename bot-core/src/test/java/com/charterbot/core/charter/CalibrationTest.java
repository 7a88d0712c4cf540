package com.charterbot.core.charter;

import static com.charterbot.core.charter.CharterLoaderTest.assertHasProblem;
import static com.charterbot.core.charter.CharterLoaderTest.loaded;
import static com.charterbot.core.charter.CharterLoaderTest.problems;
import static com.charterbot.core.charter.TestCharter.load;
import static com.charterbot.core.charter.TestCharter.write;
import static com.charterbot.core.charter.TestCharter.writeValid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationTest {

    @TempDir
    Path dir;

    static Calibration.Model model(double bias, double coverageWeight, double answerAt, double suggestAt) {
        List<Double> weights = new ArrayList<>(Collections.nCopies(Calibration.SIGNALS.size(), 0.0));
        weights.set(Calibration.SIGNALS.indexOf("coverage"), coverageWeight);
        return new Calibration.Model(bias, weights, answerAt, suggestAt);
    }

    static double[] signals(double coverage, boolean story) {
        double[] signals = new double[Calibration.SIGNALS.size()];
        signals[Calibration.SIGNALS.indexOf("coverage")] = coverage;
        signals[Calibration.SIGNALS.indexOf("story")] = story ? 1 : 0;
        return signals;
    }

    @Test
    void aModelIsALogisticFunctionOfTheSignals() {
        Calibration.Model model = model(-2, 4, 0.8, 0.3);

        assertThat(model.probability(signals(0.5, false))).isCloseTo(0.5, within(1e-12));
        assertThat(model.probability(signals(1, false))).isCloseTo(1 / (1 + Math.exp(-2)), within(1e-12));
        assertThatThrownBy(() -> model.probability(new double[2])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void messagesWithAStoryAreJudgedByTheirOwnModel() {
        Calibration calibration = new Calibration(model(0, 1, 0.5, 0.2), model(-1, 1, 0.9, 0.4));

        assertThat(calibration.modelFor(signals(1, false))).isSameAs(calibration.questions());
        assertThat(calibration.modelFor(signals(1, true))).isSameAs(calibration.stories());
    }

    @Test
    void readsBackWhatItWrites() {
        Calibration calibration = new Calibration(model(-1.5, 2.25, 0.75, 0.25), model(-3, 4.5, 0.9, 0.35));

        Calibration.Parsed parsed =
                Calibration.parse("calibration.properties", calibration.toText(List.of("fitted for a test")));

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.calibration()).isEqualTo(calibration);
        assertThat(calibration.toText(List.of("fitted for a test"))).startsWith("# fitted for a test\n");
    }

    @Test
    void reportsWhatIsWrongInAFileWithItsLine() {
        String text = new Calibration(model(-1, 1, 0.75, 0.25), model(-1, 1, 0.9, 0.35))
                .toText(List.of())
                .replace("question.bias = -1.0000", "question.bias = minus one")
                .replace(
                        "story.answer-at = 0.900",
                        "story.answer-at = 0.900\nstory.answer-at = 0.8\nstory.treshold = 1\nnot a key")
                .replace("story.weight.pair = 0.0000\n", "");

        Calibration.Parsed parsed = Calibration.parse("calibration.properties", text);

        assertThat(parsed.calibration()).isNull();
        assertThat(parsed.problems())
                .extracting(CharterProblem::key)
                .containsExactlyInAnyOrder(
                        "charter.problem.calibration-not-a-number",
                        "charter.problem.front-matter-key-twice",
                        "charter.problem.calibration-unknown-key",
                        "charter.problem.calibration-syntax",
                        "charter.problem.calibration-missing-key");
        assertThat(parsed.problems())
                .filteredOn(p -> p.key().endsWith("not-a-number"))
                .singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(TestCharter.lineOf(text, "minus one")));
    }

    @Test
    void rejectsThresholdsOutOfOrder() {
        String text = new Calibration(model(-1, 1, 0.75, 0.25), model(-1, 1, 0.9, 0.35))
                .toText(List.of())
                .replace("question.suggest-at = 0.250", "question.suggest-at = 0.950");

        assertThat(Calibration.parse("c", text).problems())
                .extracting(CharterProblem::key)
                .containsExactly("charter.problem.calibration-thresholds");
    }

    @Test
    void theDefaultCalibrationIsValidAndMostlyTrustsCoverage() {
        Calibration calibration = Calibration.defaults();

        for (Calibration.Model model : List.of(calibration.questions(), calibration.stories())) {
            assertThat(model.weights().get(Calibration.SIGNALS.indexOf("coverage")))
                    .isPositive();
            assertThat(model.weights().get(Calibration.SIGNALS.indexOf("off-topic")))
                    .isNegative();
            assertThat(model.answerAt()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void aCharterFolderMayBringItsOwnCalibration() {
        writeValid(dir);
        Calibration own = new Calibration(model(-1, 1, 0.75, 0.25), model(-1, 1, 0.9, 0.35));
        write(dir, "calibration.properties", own.toText(List.of("ours")));

        assertThat(loaded(load(dir)).calibration()).isEqualTo(own);
        assertThat(loaded(load(writeValid(dir.resolve("other")))).calibration()).isEqualTo(Calibration.defaults());
    }

    @Test
    void rejectsABrokenCalibrationFileNamingItsLine() {
        writeValid(dir);
        write(dir, "calibration.properties", "# ours\nquestion.answer-at = high\n");

        assertHasProblem(problems(load(dir)), "calibration.properties", 2, "must be a number");
    }
}
