package com.charterbot.core.answer;

import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.Section;
import com.charterbot.core.values.Language;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.IntToDoubleFunction;

/**
 * A linear classifier of questions into sections and not-covered entries (multinomial logistic
 * regression), trained when a charter is loaded on every sentence of it: title, phrasings, the
 * rule sentence by sentence, checklist, do and don't, tips and quiz. Its features are the stems of
 * both languages and the vocabulary's concepts, so it learns which words tell sections apart
 * rather than which words they share. Character n-grams were tried as features too and ranked
 * worse on the real-world questions, so they are not used.
 */
final class SectionClassifier {

    private static final int EPOCHS = 6;
    /** How many of the last epochs the kept weights are averaged over. */
    private static final int AVERAGED_EPOCHS = 3;

    private static final double LEARNING_RATE = 0.8;
    private static final double L2 = 1e-5;
    /** Training is shuffled with a fixed seed, so one charter always gives the same model. */
    private static final long SEED = 42;

    private record Example(int label, int[] features, float[] values) {}

    private final Lexicon lexicon;
    private final List<String> labels = new ArrayList<>();
    private final Map<String, Integer> featureIds = new HashMap<>();
    private float[] weights;
    private float[] bias;

    private SectionClassifier(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /**
     * @param terms the analysed terms of a sentence of the charter in a language, as {@link Lexicon#terms} gives them
     */
    static SectionClassifier train(Charter charter, Lexicon lexicon, BiFunction<Language, String, List<String>> terms) {
        SectionClassifier classifier = new SectionClassifier(lexicon);
        classifier.fit(charter, terms);
        return classifier;
    }

    /** The ids of the sections and not-covered entries, in the order of {@link #probabilities}. */
    List<String> labels() {
        return labels;
    }

    /**
     * The probability of each label for a question.
     *
     * @param weightAt how much the word starting at an offset counts, as in {@link Message#weightAt}
     */
    double[] probabilities(String text, IntToDoubleFunction weightAt) {
        Map<String, Double> features = new LinkedHashMap<>();
        for (Language language : Language.values()) {
            collect(language, text, weightAt, features);
        }
        List<Integer> ids = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        features.forEach((feature, value) -> {
            Integer id = featureIds.get(feature);
            if (id != null) {
                ids.add(id);
                values.add(value);
            }
        });
        return Softmax.of(scores(ids.stream().mapToInt(Integer::intValue).toArray(), normalised(values)));
    }

    /**
     * The label a unit of a question speaks for most: the one with the largest weight among its
     * terms' features, or null when the classifier never saw them.
     */
    String owner(Language language, Lexicon.Unit unit) {
        int classes = labels.size();
        int best = -1;
        float bestWeight = 0;
        for (String term : unit.terms()) {
            Integer id = featureIds.get(feature(language, term));
            if (id == null) {
                continue;
            }
            for (int c = 0; c < classes; c++) {
                float weight = weights[id * classes + c];
                if (weight > bestWeight) {
                    bestWeight = weight;
                    best = c;
                }
            }
        }
        return best < 0 ? null : labels.get(best);
    }

    /** Stochastic gradient descent on the cross-entropy, one pass per epoch over the shuffled sentences. */
    private void fit(Charter charter, BiFunction<Language, String, List<String>> terms) {
        Map<String, Integer> labelIds = new HashMap<>();
        for (Section section : charter.sections(Language.EN)) {
            labelIds.put(section.id(), labels.size());
            labels.add(section.id());
        }
        List<Example> examples = new ArrayList<>();
        for (Language language : Language.values()) {
            for (Section section : charter.sections(language)) {
                for (String sentence : SectionText.sentences(section)) {
                    Map<String, Double> features = new LinkedHashMap<>();
                    for (String term : terms.apply(language, sentence)) {
                        features.put(feature(language, term), 1.0);
                    }
                    if (features.isEmpty()) {
                        continue;
                    }
                    int[] ids = new int[features.size()];
                    int i = 0;
                    for (String feature : features.keySet()) {
                        ids[i++] = featureIds.computeIfAbsent(feature, k -> featureIds.size());
                    }
                    examples.add(new Example(
                            labelIds.get(section.id()), ids, normalised(new ArrayList<>(features.values()))));
                }
            }
        }
        int classes = labels.size();
        weights = new float[featureIds.size() * classes];
        bias = new float[classes];
        // Averaged SGD: the model kept is the mean of the weights over the steps of the last
        // AVERAGED_EPOCHS epochs rather than the weights after the last step, which lean towards
        // the last sentences seen (docs/answer-engine.md, section 5, says what it changed). Kept
        // lazily: each update is also added, times the step's number, to a second array, and
        // subtracted once at the end divided by the number of steps.
        double[] weightSteps = new double[weights.length];
        double[] biasSteps = new double[classes];
        long step = 0;
        Random random = new Random(SEED);
        double[] gradient = new double[classes];
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            Collections.shuffle(examples, random);
            double rate = LEARNING_RATE / (1 + epoch);
            boolean averaging = epoch >= EPOCHS - AVERAGED_EPOCHS;
            for (Example example : examples) {
                if (averaging) {
                    step++;
                }
                double[] p = Softmax.of(scores(example.features(), example.values()));
                for (int c = 0; c < classes; c++) {
                    gradient[c] = p[c] - (c == example.label() ? 1 : 0);
                    float delta = (float) (-rate * gradient[c]);
                    bias[c] += delta;
                    biasSteps[c] += step * delta;
                }
                for (int k = 0; k < example.features().length; k++) {
                    int base = example.features()[k] * classes;
                    float value = example.values()[k];
                    for (int c = 0; c < classes; c++) {
                        float delta = (float) (-rate * (gradient[c] * value + L2 * weights[base + c]));
                        weights[base + c] += delta;
                        weightSteps[base + c] += step * delta;
                    }
                }
            }
        }
        if (step > 0) {
            for (int i = 0; i < weights.length; i++) {
                weights[i] -= (float) (weightSteps[i] / step);
            }
            for (int c = 0; c < classes; c++) {
                bias[c] -= (float) (biasSteps[c] / step);
            }
        }
    }

    private double[] scores(int[] features, float[] values) {
        int classes = labels.size();
        double[] scores = new double[classes];
        for (int c = 0; c < classes; c++) {
            scores[c] = bias[c];
        }
        for (int k = 0; k < features.length; k++) {
            int base = features[k] * classes;
            for (int c = 0; c < classes; c++) {
                scores[c] += weights[base + c] * values[k];
            }
        }
        return scores;
    }

    /** The stems of a text's content words, prefixed by the language, and the vocabulary concepts it mentions. */
    private void collect(Language language, String text, IntToDoubleFunction weightAt, Map<String, Double> features) {
        for (Lexicon.Unit unit : lexicon.units(language, text, weightAt)) {
            for (String term : unit.terms()) {
                features.merge(feature(language, term), unit.weight(), Math::max);
            }
        }
    }

    /** A stem is a feature of its language; a concept is the same feature in every language. */
    private static String feature(Language language, String term) {
        return Lexicon.isConcept(term) ? term : language.tag() + ":" + term;
    }

    private static float[] normalised(List<Double> values) {
        double norm = 0;
        for (double value : values) {
            norm += value * value;
        }
        norm = Math.sqrt(norm);
        float[] result = new float[values.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = norm == 0 ? 0 : (float) (values.get(i) / norm);
        }
        return result;
    }
}
