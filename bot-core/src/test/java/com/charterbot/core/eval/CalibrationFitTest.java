package com.charterbot.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.charter.Calibration;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.CharterLoader;
import com.charterbot.core.charter.CharterSettings;
import com.charterbot.core.charter.LoadResult;
import com.charterbot.core.values.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationFitTest {

    private static final int COVERAGE = Calibration.SIGNALS.indexOf("coverage");
    private static final int STORY = Calibration.SIGNALS.indexOf("story");

    /** Rows whose best section is right with probability equal to their coverage, half of them stories. */
    private static List<CalibrationFit.Row> rows(int count, long seed) {
        Random random = new Random(seed);
        List<CalibrationFit.Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double[] signals = new double[Calibration.SIGNALS.size()];
            signals[COVERAGE] = random.nextDouble();
            signals[STORY] = i % 2;
            boolean right = random.nextDouble() < signals[COVERAGE];
            rows.add(new CalibrationFit.Row(signals, true, right, right || random.nextBoolean(), false));
        }
        return rows;
    }

    @Test
    void answersAreRightAsOftenAsAskedOnTheRowsItWasFittedOn() {
        List<CalibrationFit.Row> rows = rows(1_500, 1);

        CalibrationFit.Result result = CalibrationFit.fit(rows, 0.95);

        assertThat(result.precision()).isGreaterThanOrEqualTo(0.95);
        assertThat(result.answered())
                .as("right answers need a high coverage here")
                .isBetween(0.05, 0.5);
        Calibration calibration = result.calibration();
        assertThat(calibration.stories().answerAt())
                .as("stories aim higher")
                .isGreaterThanOrEqualTo(calibration.questions().answerAt());
        assertThat(calibration.questions().weights().get(COVERAGE)).isPositive();
        assertThat(calibration.questions().suggestAt())
                .isLessThanOrEqualTo(calibration.questions().answerAt());
        for (boolean story : List.of(false, true)) {
            double target = story ? 0.95 + CalibrationFit.STORY_MARGIN : 0.95;
            List<CalibrationFit.Row> group = rows.stream()
                    .filter(row -> (row.signals()[STORY] == 1) == story)
                    .toList();
            Calibration.Model model = story ? calibration.stories() : calibration.questions();
            List<CalibrationFit.Row> answered = group.stream()
                    .filter(row -> model.probability(row.signals()) >= model.answerAt())
                    .toList();
            assertThat(answered.stream().filter(CalibrationFit.Row::right).count())
                    .isGreaterThanOrEqualTo((long) Math.ceil(target * answered.size()));
        }
    }

    @Test
    void holdsOnRowsItHasNotSeen() {
        Calibration calibration = CalibrationFit.fit(rows(1_500, 1), 0.95).calibration();
        List<CalibrationFit.Row> unseen = rows(1_500, 2);

        long answered = unseen.stream()
                .filter(row -> calibration.modelFor(row.signals()).probability(row.signals())
                        >= calibration.modelFor(row.signals()).answerAt())
                .count();
        long right = unseen.stream()
                .filter(row -> row.right()
                        && calibration.modelFor(row.signals()).probability(row.signals())
                                >= calibration.modelFor(row.signals()).answerAt())
                .count();

        assertThat((double) right / answered).isGreaterThan(0.92);
    }

    @Test
    void needsQuestionsAndStories() {
        List<CalibrationFit.Row> questionsOnly =
                rows(100, 3).stream().filter(row -> row.signals()[STORY] == 0).toList();

        assertThatThrownBy(() -> CalibrationFit.fit(questionsOnly, 0.95)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rowsComeFromTheEngineAsItRanksEachQuestion() {
        Charter charter =
                ((LoadResult.Loaded) CharterLoader.load(CharterFiles.defaults(), CharterSettings.DEFAULTS)).charter();
        AnswerEngine engine = new AnswerEngine(charter, Language.EN);

        List<CalibrationFit.Row> rows = CalibrationFit.rows(
                engine,
                List.of(
                        new EvalQuestion("Can I post this photo?", Language.EN, List.of("photos-videos")),
                        new EvalQuestion("Can I post this photo?", Language.EN, List.of("sanctions")),
                        new EvalQuestion("how do I get more followers on Instagram?", Language.EN, List.of())));

        assertThat(rows.get(0).right()).isTrue();
        assertThat(rows.get(0).inTopThree()).isTrue();
        assertThat(rows.get(1).right()).isFalse();
        assertThat(rows.get(2).inScope()).isFalse();
        assertThat(rows.get(2).offTopicFirst()).isTrue();
        assertThat(rows).allSatisfy(row -> assertThat(row.signals()).hasSize(Calibration.SIGNALS.size()));
    }
}
