package com.charterbot.core.check;

import com.charterbot.core.answer.Softmax;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.ExamplePosts;
import com.charterbot.core.charter.Section;
import com.charterbot.core.charter.Signal;
import com.charterbot.core.values.Language;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.util.IOUtils;

/**
 * What a charter's example posts teach about a draft that no signal names: how likely it is to be a
 * post not to publish as is, and which sections such a post concerns. Two linear models (logistic
 * regressions) are trained when a charter is first used to check a draft, on the words, word pairs
 * and (for the STOP model) character 4- and 5-grams of the posts, weighted by how rare they are
 * (TF-IDF) and accents removed, so that both languages and their spelling variants share what they can.
 *
 * <p>The sections' model also learns from what the charter says of each section that has signals:
 * its STOP and CAUTION signals as written (their words without the pattern's operators), its don'ts
 * and its phrasings. The STOP model is fitted by full-batch gradient descent from zero weights, the
 * sections' model by stochastic descent shuffled with a fixed seed, so one charter always gives the
 * same models. The settings were chosen by leaving out one development file of drafts at a time
 * (docs/measurements.md, "2026-12-07 (session from 05:00 UTC): a draft checker that learns from example posts").
 */
final class PostClassifier {

    /**
     * A draft more likely than this to be a STOP post is one, when no signal said so. Chosen on the
     * development drafts dev5 to dev9, each left out in turn: 0.45 finds more STOP posts than 0.50 in
     * both languages for a few more false alarms in English (mean 0.09 to 0.12); 0.40 raises them to 0.15.
     */
    static final double STOP_PROBABILITY = 0.45;

    /** A draft a signal cautions about, or gives a tip on, is a STOP post when more likely than this. */
    static final double CONFIRMS_CAUTION = 0.3;

    private static final int ITERATIONS = 300;
    private static final double STEP = 5.0;
    /** The inverse of the weights' L2 penalty, per example. */
    private static final double C = 10.0;
    /** A feature seen in fewer posts than this says nothing general. */
    private static final int MIN_POSTS = 2;
    /** At most this many words of the draft are quoted as what made it look risky. */
    private static final int EVIDENCE = 3;

    /** Words too common to show as what made a draft look risky: Snowball's stop words of both languages. */
    private static final CharArraySet COMMON_WORDS = commonWords();

    /** The inverse of the L2 penalty of the sections' model, which has more examples than posts. */
    private static final double TOPIC_C = 100.0;

    private static final int TOPIC_EPOCHS = 10;
    private static final double TOPIC_STEP = 2.0;
    private static final long SEED = 42;
    private static final Pattern OPERATORS = Pattern.compile("[()|*&\\[\\]]|\\.\\.\\.");

    /** The company's own name in lower case, which says nothing about a post's risk and is left out of its features. */
    private final String company;

    private final Terms stopTerms;
    private final double[] stopWeights;
    private double stopBias;
    private final Terms topicTerms;
    private final List<String> topics;
    private final float[] topicWeights;
    private final double[] topicBias;

    private PostClassifier(String company, Terms stopTerms, Terms topicTerms, List<String> topics) {
        this.company = company;
        this.stopTerms = stopTerms;
        this.stopWeights = new double[stopTerms.size()];
        this.topicTerms = topicTerms;
        this.topics = topics;
        this.topicWeights = new float[topicTerms.size() * topics.size()];
        this.topicBias = new double[topics.size()];
    }

    /** The models of a charter's example posts and signals; with no examples, a classifier that never fires. */
    static PostClassifier train(Charter charter) {
        String company = charter.settings().companyName().toLowerCase(Locale.ROOT);
        List<ExamplePosts.Post> posts = charter.examplePosts().posts();
        List<Set<String>> postFeatures =
                posts.stream().map(p -> features(company, p.text())).toList();
        List<Set<String>> topicFeatures = new ArrayList<>();
        List<String> topicLabels = new ArrayList<>();
        for (ExamplePosts.Post post : posts) {
            Set<String> words = wordFeatures(company, post.text());
            for (String topic : post.topics()) {
                topicFeatures.add(words);
                topicLabels.add(topic);
            }
        }
        for (Language language : Language.values()) {
            for (Section section : charter.sections(language)) {
                if (!section.signals().signals().isEmpty()) {
                    List<String> said = new ArrayList<>(section.donts());
                    said.addAll(section.questions());
                    for (String line : said) {
                        topicFeatures.add(wordFeatures(company, line));
                        topicLabels.add(section.id());
                    }
                }
                for (Signal signal : section.signals().signals()) {
                    if (signal.level() != Signal.Level.TIP) {
                        topicFeatures.add(wordFeatures(
                                company, OPERATORS.matcher(signal.written()).replaceAll(" ")));
                        topicLabels.add(section.id());
                    }
                }
            }
        }
        PostClassifier classifier = new PostClassifier(
                company, Terms.of(postFeatures), Terms.of(topicFeatures), List.copyOf(new TreeSet<>(topicLabels)));
        // The two models share nothing: the sections' one is fitted on another core when there is one.
        CompletableFuture<Void> topicsFitted = CompletableFuture.runAsync(() -> classifier.fitTopics(
                topicFeatures.stream().map(classifier.topicTerms::vector).toList(),
                topicLabels.stream().map(classifier.topics::indexOf).toList()));
        classifier.fitStop(
                posts, postFeatures.stream().map(classifier.stopTerms::vector).toList());
        topicsFitted.join();
        return classifier;
    }

    /** How likely the draft is to be a post not to publish as is. */
    double stopProbability(String draft) {
        return stopProbability(stopTerms.vector(features(company, draft)));
    }

    /** The sections a risky draft most likely concerns, most likely first. */
    List<String> topics(String draft) {
        double[] scores = topicScores(topicTerms.vector(wordFeatures(company, draft)));
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < topics.size(); c++) {
            order.add(c);
        }
        order.sort(Comparator.comparingDouble((Integer c) -> -scores[c]));
        return order.stream().map(topics::get).toList();
    }

    /** The words of the draft, as written and in its order, that weigh most towards a STOP post. */
    List<String> evidence(String draft) {
        List<String> words = writtenWords(draft);
        // What each word adds to the STOP score, before the draft's length scales every word alike.
        double[] weights = new double[words.size()];
        for (int i = 0; i < words.size(); i++) {
            for (String feature : features(company, words.get(i))) {
                int id = stopTerms.id(feature);
                if (id >= 0) {
                    weights[i] += stopWeights[id] * stopTerms.idf()[id];
                }
            }
        }
        List<Integer> best = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (weights[i] > 0 && words.get(i).length() > 2 && !COMMON_WORDS.contains(words.get(i))) {
                best.add(i);
            }
        }
        best.sort(Comparator.comparingDouble((Integer i) -> -weights[i]));
        Set<String> quoted = new LinkedHashSet<>();
        best.subList(0, Math.min(EVIDENCE, best.size())).stream().sorted().forEach(i -> quoted.add(words.get(i)));
        return List.copyOf(quoted);
    }

    /**
     * A post's features: its words, pairs of words and the character 4- and 5-grams of each word, in
     * lower case without accents, the company's name left out.
     */
    static Set<String> features(String company, String text) {
        return features(company, text, true);
    }

    /**
     * The features the sections' model reads: words and pairs of words only. Pieces of words made it
     * no better at telling sections apart, and are most of the cost of training it.
     */
    static Set<String> wordFeatures(String company, String text) {
        return features(company, text, false);
    }

    private static Set<String> features(String company, String text, boolean pieces) {
        List<String> words = plainWords(without(text.toLowerCase(Locale.ROOT), company));
        Set<String> features = new LinkedHashSet<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            features.add("w:" + word);
            if (i + 1 < words.size()) {
                features.add("b:" + word + "_" + words.get(i + 1));
            }
            if (!pieces) {
                continue;
            }
            String bounded = "<" + word + ">";
            for (int n = 4; n <= 5; n++) {
                for (int start = 0; start + n <= bounded.length(); start++) {
                    features.add("c:" + bounded.substring(start, start + n));
                }
            }
        }
        return features;
    }

    /** A lower-case text without a name (lower case too): each time it appears, a space instead. */
    private static String without(String lower, String name) {
        if (name.isBlank()) {
            return lower;
        }
        StringBuilder kept = new StringBuilder(lower.length());
        int from = 0;
        for (int at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, from)) {
            kept.append(lower, from, at).append(' ');
            from = at + name.length();
        }
        return kept.append(lower, from, lower.length()).toString();
    }

    /**
     * The words of a lower-case text without accents: runs of a to z, digits and apostrophes once
     * accents are taken off (so "œ" or "ß" end a word). One pass, no regular expression reads a draft.
     */
    private static List<String> plainWords(String lower) {
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK
                    || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                continue;
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'') {
                word.append(c);
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    /** The words of a draft as written: runs of letters, digits and apostrophes. */
    static List<String> writtenWords(String draft) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= draft.length(); i++) {
            boolean inWord = i < draft.length() && isWordChar(draft.codePointAt(i));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                words.add(draft.substring(start, i));
                start = -1;
            }
            if (i < draft.length() && Character.isSupplementaryCodePoint(draft.codePointAt(i))) {
                i++;
            }
        }
        return words;
    }

    private static boolean isWordChar(int codePoint) {
        return Character.isLetterOrDigit(codePoint) || codePoint == '\'' || codePoint == '\u2019';
    }

    /** The known features of a text, each weighted by its rarity, the whole of length 1. */
    private record Vector(int[] ids, double[] values) {}

    /** The features a model knows, those of at least {@link #MIN_POSTS} of its examples, with their rarity. */
    private record Terms(Map<String, Integer> ids, double[] idf) {

        static Terms of(List<Set<String>> examples) {
            // In the order first seen, which the examples' order fixes, so one charter gives one model.
            Map<String, Integer> seen = new LinkedHashMap<>();
            examples.forEach(set -> set.forEach(f -> seen.merge(f, 1, Integer::sum)));
            Map<String, Integer> ids = new HashMap<>();
            List<Double> idf = new ArrayList<>();
            seen.forEach((feature, count) -> {
                if (count >= MIN_POSTS) {
                    ids.put(feature, ids.size());
                    idf.add(Math.log((1.0 + examples.size()) / (1.0 + count)) + 1);
                }
            });
            return new Terms(ids, idf.stream().mapToDouble(Double::doubleValue).toArray());
        }

        int size() {
            return idf.length;
        }

        int id(String feature) {
            return ids.getOrDefault(feature, -1);
        }

        Vector vector(Set<String> features) {
            List<Integer> known = new ArrayList<>();
            for (String feature : features) {
                Integer id = ids.get(feature);
                if (id != null) {
                    known.add(id);
                }
            }
            int[] featureIds = known.stream().mapToInt(Integer::intValue).toArray();
            double[] values = new double[featureIds.length];
            double norm = 0;
            for (int k = 0; k < featureIds.length; k++) {
                values[k] = idf[featureIds[k]];
                norm += values[k] * values[k];
            }
            norm = Math.sqrt(norm);
            for (int k = 0; k < values.length; k++) {
                values[k] /= norm;
            }
            return new Vector(featureIds, values);
        }
    }

    private double stopProbability(Vector vector) {
        double score = stopBias;
        for (int k = 0; k < vector.ids().length; k++) {
            score += stopWeights[vector.ids()[k]] * vector.values()[k];
        }
        return 1 / (1 + Math.exp(-score));
    }

    private double[] topicScores(Vector vector) {
        int classes = topics.size();
        double[] scores = topicBias.clone();
        for (int k = 0; k < vector.ids().length; k++) {
            int base = vector.ids()[k] * classes;
            for (int c = 0; c < classes; c++) {
                scores[c] += topicWeights[base + c] * vector.values()[k];
            }
        }
        return scores;
    }

    /** Logistic regression of STOP posts against the others (cautions and clean ones). */
    private void fitStop(List<ExamplePosts.Post> posts, List<Vector> vectors) {
        int n = posts.size();
        if (n == 0) {
            stopBias = -1e9;
            return;
        }
        double[] gradient = new double[stopWeights.length];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            java.util.Arrays.fill(gradient, 0);
            double biasGradient = 0;
            for (int i = 0; i < n; i++) {
                Vector vector = vectors.get(i);
                double error = stopProbability(vector) - (posts.get(i).risk() == ExamplePosts.Risk.STOP ? 1 : 0);
                biasGradient += error;
                for (int k = 0; k < vector.ids().length; k++) {
                    gradient[vector.ids()[k]] += error * vector.values()[k];
                }
            }
            for (int f = 0; f < stopWeights.length; f++) {
                stopWeights[f] -= STEP * (gradient[f] / n + stopWeights[f] / (C * n));
            }
            stopBias -= STEP * biasGradient / n;
        }
    }

    /**
     * Multinomial logistic regression of the sections: one example per section a risky post cites, and
     * the signals. Stochastic gradient descent (shuffled with a fixed seed, a step that shrinks every
     * pass): full-batch descent needs hundreds of passes over the many features of many sections here.
     */
    private void fitTopics(List<Vector> vectors, List<Integer> labels) {
        int classes = topics.size();
        int n = vectors.size();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        double decay = 1 / (TOPIC_C * n);
        Random random = new Random(SEED);
        for (int epoch = 0; epoch < TOPIC_EPOCHS; epoch++) {
            Collections.shuffle(order, random);
            double rate = TOPIC_STEP / (1 + epoch);
            for (int i : order) {
                Vector vector = vectors.get(i);
                double[] p = Softmax.of(topicScores(vector));
                p[labels.get(i)] -= 1;
                for (int c = 0; c < classes; c++) {
                    topicBias[c] -= rate * p[c];
                }
                for (int k = 0; k < vector.ids().length; k++) {
                    int base = vector.ids()[k] * classes;
                    double value = vector.values()[k];
                    for (int c = 0; c < classes; c++) {
                        topicWeights[base + c] -= (float) (rate * (p[c] * value + topicWeights[base + c] * decay));
                    }
                }
            }
        }
    }

    private static CharArraySet commonWords() {
        CharArraySet words = new CharArraySet(1024, true);
        for (String list : List.of("english_stop.txt", "french_stop.txt")) {
            try (Reader reader = IOUtils.getDecodingReader(SnowballFilter.class, list, StandardCharsets.UTF_8)) {
                words.addAll(WordlistLoader.getSnowballWordSet(reader));
            } catch (IOException e) {
                throw new UncheckedIOException("Lucene's " + list + " is missing", e);
            }
        }
        return CharArraySet.unmodifiableSet(words);
    }
}
