package com.charterbot.core.charter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How the answer engine turns what it sees in a question into the probability that its best section
 * is right, and when that is enough to answer: two logistic models over the engine's
 * {@link #SIGNALS}, one for plain questions and one for messages that tell a story around their
 * ask (judged differently: a story brings words that match nothing), fitted on labelled questions with
 * {@code eval --calibrate} (see {@code docs/answer-engine.md}). The bot ships a calibration fitted
 * for its bundled charter; a charter folder may carry its own {@value #FILE_NAME}, which replaces it.
 */
public record Calibration(Model questions, Model stories) {

    /**
     * What the engine measures on a question, named as in the calibration file. Each is described
     * in {@code docs/answer-engine.md}; {@code story} also chooses the model.
     */
    public static final List<String> SIGNALS = List.of(
            "coverage",
            "probability",
            "relevance",
            "margin",
            "lead",
            "known",
            "off-topic",
            "story",
            "words",
            "second-coverage",
            "sentence-coverage",
            "pair");

    /** Where the default calibration is on the classpath. */
    public static final String DEFAULT_RESOURCE = "charter/calibration.properties";

    /** The name of a charter's own calibration file, at the root of its folder. */
    public static final String FILE_NAME = "calibration.properties";

    private static final int STORY = SIGNALS.indexOf("story");
    private static final List<String> PREFIXES = List.of("question.", "story.");

    /**
     * One logistic model and its thresholds.
     *
     * @param bias the intercept
     * @param weights one weight per signal, in {@link #SIGNALS} order
     * @param answerAt the probability from which the bot answers
     * @param suggestAt the probability from which, below {@code answerAt}, it offers "did you mean"
     */
    public record Model(double bias, List<Double> weights, double answerAt, double suggestAt) {

        public Model {
            weights = List.copyOf(weights);
            if (weights.size() != SIGNALS.size()) {
                throw new IllegalArgumentException("expected " + SIGNALS.size() + " weights, got " + weights.size());
            }
            if (!(suggestAt >= 0 && suggestAt <= answerAt && answerAt <= 1)) {
                throw new IllegalArgumentException(
                        "expected 0 <= suggest-at <= answer-at <= 1: " + suggestAt + ", " + answerAt);
            }
        }

        /** The probability that the best section is right, given the signals in {@link #SIGNALS} order. */
        public double probability(double[] signals) {
            if (signals.length != SIGNALS.size()) {
                throw new IllegalArgumentException("expected " + SIGNALS.size() + " signals, got " + signals.length);
            }
            double z = bias;
            for (int i = 0; i < signals.length; i++) {
                z += weights.get(i) * signals[i];
            }
            return 1 / (1 + Math.exp(-z));
        }
    }

    public Calibration {
        Objects.requireNonNull(questions, "questions");
        Objects.requireNonNull(stories, "stories");
    }

    /** The calibration that ships with the bot, fitted for its bundled charter. */
    public static Calibration defaults() {
        return Default.CALIBRATION;
    }

    /** Whether these signals are those of a message with a story, which {@link #stories} judges. */
    public static boolean isStory(double[] signals) {
        return signals[STORY] != 0;
    }

    /** The model that judges a question with these signals. */
    public Model modelFor(double[] signals) {
        return isStory(signals) ? stories : questions;
    }

    /** This calibration in the file format that {@link #parse} reads, after the comment lines given. */
    public String toText(List<String> comments) {
        StringBuilder text = new StringBuilder();
        comments.forEach(comment -> text.append("# ").append(comment).append('\n'));
        List<Model> models = List.of(questions, stories);
        for (int m = 0; m < models.size(); m++) {
            Model model = models.get(m);
            String prefix = PREFIXES.get(m);
            text.append(String.format(
                    Locale.ROOT,
                    "%n%sanswer-at = %.3f%n%ssuggest-at = %.3f%n%sbias = %.4f%n",
                    prefix,
                    model.answerAt(),
                    prefix,
                    model.suggestAt(),
                    prefix,
                    model.bias()));
            for (int i = 0; i < SIGNALS.size(); i++) {
                text.append(String.format(
                        Locale.ROOT,
                        "%sweight.%s = %.4f%n",
                        prefix,
                        SIGNALS.get(i),
                        model.weights().get(i)));
            }
        }
        return text.toString();
    }

    /** What reading a calibration file gave: the calibration, or null with the problems found. */
    public record Parsed(Calibration calibration, List<CharterProblem> problems) {}

    /**
     * Reads a calibration file: {@code key = number} lines and {@code #} comments. The keys are, for
     * each of the prefixes {@code question.} and {@code story.}, {@code answer-at}, {@code suggest-at},
     * {@code bias} and {@code weight.<signal>} for every signal.
     */
    public static Parsed parse(String name, String text) {
        List<CharterProblem> problems = new ArrayList<>();
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        for (String prefix : PREFIXES) {
            keys.add(prefix + "answer-at");
            keys.add(prefix + "suggest-at");
            keys.add(prefix + "bias");
            SIGNALS.forEach(signal -> keys.add(prefix + "weight." + signal));
        }
        String[] rows = text.replace("\uFEFF", "")
                .replace("\r\n", "\n")
                .replace('\r', '\n')
                .split("\n", -1);
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].strip();
            int line = i + 1;
            if (row.isEmpty() || row.startsWith("#")) {
                continue;
            }
            int equals = row.indexOf('=');
            if (equals < 0) {
                problems.add(new CharterProblem(name, line, "charter.problem.calibration-syntax", List.of()));
                continue;
            }
            String key = row.substring(0, equals).strip();
            String value = row.substring(equals + 1).strip();
            if (!keys.contains(key)) {
                problems.add(new CharterProblem(name, line, "charter.problem.calibration-unknown-key", List.of(key)));
            } else if (values.containsKey(key)) {
                problems.add(new CharterProblem(name, line, "charter.problem.front-matter-key-twice", List.of(key)));
            } else {
                try {
                    double number = Double.parseDouble(value);
                    if (!Double.isFinite(number)) {
                        throw new NumberFormatException(value);
                    }
                    values.put(key, number);
                    lines.put(key, line);
                } catch (NumberFormatException e) {
                    problems.add(new CharterProblem(
                            name, line, "charter.problem.calibration-not-a-number", List.of(key, value)));
                }
            }
        }
        for (String key : keys) {
            if (!values.containsKey(key)
                    && problems.stream().noneMatch(p -> p.arguments().contains(key))) {
                problems.add(new CharterProblem(name, 0, "charter.problem.calibration-missing-key", List.of(key)));
            }
        }
        List<Model> models = new ArrayList<>();
        if (problems.isEmpty()) {
            for (String prefix : PREFIXES) {
                double answerAt = values.get(prefix + "answer-at");
                double suggestAt = values.get(prefix + "suggest-at");
                if (!(suggestAt >= 0 && suggestAt <= answerAt && answerAt <= 1)) {
                    problems.add(new CharterProblem(
                            name,
                            lines.get(prefix + "answer-at"),
                            "charter.problem.calibration-thresholds",
                            List.of()));
                    continue;
                }
                List<Double> weights = SIGNALS.stream()
                        .map(signal -> values.get(prefix + "weight." + signal))
                        .toList();
                models.add(new Model(values.get(prefix + "bias"), weights, answerAt, suggestAt));
            }
        }
        if (!problems.isEmpty()) {
            return new Parsed(null, problems);
        }
        return new Parsed(new Calibration(models.get(0), models.get(1)), List.of());
    }

    private static final class Default {
        static final Calibration CALIBRATION = load();

        private static Calibration load() {
            try (InputStream in = Calibration.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
                Objects.requireNonNull(in, "the default calibration " + DEFAULT_RESOURCE + " is missing");
                Parsed parsed = parse(DEFAULT_RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                if (parsed.calibration() == null) {
                    throw new IllegalStateException("the default calibration is invalid: " + parsed.problems());
                }
                return parsed.calibration();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
            }
        }
    }
}
