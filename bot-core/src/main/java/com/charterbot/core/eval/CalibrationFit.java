package com.charterbot.core.eval;

import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.charter.Calibration;
import com.charterbot.core.charter.Charter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Fits a {@link Calibration} on labelled questions: a logistic regression of "the best section is
 * one of those expected" on the engine's signals, then the thresholds. {@code answer-at} is the
 * lowest probability such that the questions at or above it are answered right at least
 * {@code precision} of the time (an answer to an out-of-scope question counts as wrong).
 * {@code suggest-at} is where, going down from {@code answer-at}, "did you mean" has helped most:
 * the point after which offering it to more questions would add more useless suggestions (no
 * expected section among the three, or an out-of-scope question) than useful ones. The procedure
 * is in {@code docs/answer-engine.md}.
 */
public final class CalibrationFit {

    private static final double L2 = 0.01;
    private static final int ITERATIONS = 4_000;
    private static final double STEP = 0.5;

    /**
     * What the engine saw in one labelled question.
     *
     * @param right whether the best section is expected
     * @param inTopThree whether an expected section is among the three best (not-covered entries left out)
     * @param offTopicFirst whether a not-covered entry ranks first, in which case the bot never answers
     */
    public record Row(double[] signals, boolean inScope, boolean right, boolean inTopThree, boolean offTopicFirst) {

        public Row {
            Objects.requireNonNull(signals, "signals");
            signals = signals.clone();
        }
    }

    /**
     * A fitted calibration and how it does on the rows it was fitted on.
     *
     * @param answered the share of in-scope rows answered right
     * @param precision the share of answers that are right
     */
    public record Result(Calibration calibration, int rows, double answered, double precision) {}

    /** What is added to the target precision for messages with a story; see docs/answer-engine.md. */
    public static final double STORY_MARGIN = 0.04;

    private CalibrationFit() {}

    /** The rows of these questions for an engine (whose own calibration plays no part in them). */
    public static List<Row> rows(AnswerEngine engine, List<EvalQuestion> questions) {
        Charter charter = engine.charter();
        List<Row> rows = new ArrayList<>();
        for (EvalQuestion question : questions) {
            AnswerEngine.Observation observation = engine.observe(question.text());
            List<String> ranked = observation.ranked();
            String top = ranked.isEmpty() ? null : ranked.get(0);
            List<String> sections = ranked.stream()
                    .filter(id -> charter.topicIds().contains(id))
                    .limit(3)
                    .toList();
            boolean offTopicFirst = top != null && !charter.topicIds().contains(top);
            rows.add(new Row(
                    observation.signals(),
                    question.inScope(),
                    top != null && question.expected().contains(top),
                    sections.stream().anyMatch(question.expected()::contains),
                    offTopicFirst));
        }
        return rows;
    }

    /** The precision aimed at for messages with a story when questions aim at {@code precision}. */
    public static double storyPrecision(double precision) {
        return Math.min(0.995, precision + STORY_MARGIN);
    }

    /**
     * Fits a calibration whose answers are right at least {@code precision} of the time on plain
     * questions and {@code precision} plus {@link #STORY_MARGIN} on messages with a story, among these rows.
     */
    public static Result fit(List<Row> rows, double precision) {
        List<Row> questions =
                rows.stream().filter(row -> !Calibration.isStory(row.signals())).toList();
        List<Row> stories =
                rows.stream().filter(row -> Calibration.isStory(row.signals())).toList();
        if (questions.isEmpty() || stories.isEmpty()) {
            throw new IllegalArgumentException("fitting needs plain questions and messages with a story");
        }
        Calibration calibration =
                new Calibration(model(questions, precision), model(stories, storyPrecision(precision)));
        long answered = 0;
        long answeredRight = 0;
        for (Row row : rows) {
            Calibration.Model model = calibration.modelFor(row.signals());
            if (!row.offTopicFirst() && model.probability(row.signals()) >= model.answerAt()) {
                answered++;
                answeredRight += row.right() ? 1 : 0;
            }
        }
        long inScope = rows.stream().filter(Row::inScope).count();
        return new Result(
                calibration,
                rows.size(),
                inScope == 0 ? 0 : (double) answeredRight / inScope,
                answered == 0 ? 1 : (double) answeredRight / answered);
    }

    private static Calibration.Model model(List<Row> rows, double precision) {
        int size = Calibration.SIGNALS.size();
        double[] mean = new double[size];
        double[] deviation = new double[size];
        for (Row row : rows) {
            for (int j = 0; j < size; j++) {
                mean[j] += row.signals()[j] / rows.size();
            }
        }
        for (Row row : rows) {
            for (int j = 0; j < size; j++) {
                deviation[j] += Math.pow(row.signals()[j] - mean[j], 2) / rows.size();
            }
        }
        for (int j = 0; j < size; j++) {
            deviation[j] = Math.sqrt(deviation[j]) + 1e-9;
        }
        double[] w = new double[size];
        double b = 0;
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] gradient = new double[size];
            double gradientB = 0;
            for (Row row : rows) {
                double z = b;
                for (int j = 0; j < size; j++) {
                    z += w[j] * (row.signals()[j] - mean[j]) / deviation[j];
                }
                double error = 1 / (1 + Math.exp(-z)) - (row.right() ? 1 : 0);
                for (int j = 0; j < size; j++) {
                    gradient[j] += error * (row.signals()[j] - mean[j]) / deviation[j] / rows.size();
                }
                gradientB += error / rows.size();
            }
            for (int j = 0; j < size; j++) {
                w[j] -= STEP * (gradient[j] + L2 * w[j]);
            }
            b -= STEP * gradientB;
        }
        List<Double> weights = new ArrayList<>();
        double bias = b;
        for (int j = 0; j < size; j++) {
            weights.add(w[j] / deviation[j]);
            bias -= w[j] * mean[j] / deviation[j];
        }
        Calibration.Model raw = new Calibration.Model(bias, weights, 1, 1);
        List<double[]> scored = new ArrayList<>();
        for (Row row : rows) {
            if (!row.offTopicFirst()) {
                scored.add(
                        new double[] {raw.probability(row.signals()), row.right() ? 1 : 0, row.inTopThree() ? 1 : 0});
            }
        }
        scored.sort(Comparator.comparingDouble((double[] s) -> s[0]).reversed());
        double answerAt = 1;
        int right = 0;
        for (int i = 0; i < scored.size(); i++) {
            right += (int) scored.get(i)[1];
            boolean lastOfTies = i + 1 == scored.size() || scored.get(i + 1)[0] < scored.get(i)[0];
            if (lastOfTies && (double) right / (i + 1) >= precision) {
                answerAt = scored.get(i)[0];
            }
        }
        double suggestAt = answerAt;
        int gain = 0;
        int bestGain = 0;
        for (int i = 0; i < scored.size(); i++) {
            double[] s = scored.get(i);
            if (s[0] >= answerAt) {
                continue;
            }
            gain += s[2] == 1 ? 1 : -1;
            boolean lastOfTies = i + 1 == scored.size() || scored.get(i + 1)[0] < s[0];
            if (lastOfTies && gain > bestGain) {
                bestGain = gain;
                suggestAt = s[0];
            }
        }
        return new Calibration.Model(bias, weights, answerAt, suggestAt);
    }
}
