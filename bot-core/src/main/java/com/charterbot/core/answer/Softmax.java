package com.charterbot.core.answer;

/**
 * The softmax of a linear model's class scores: the answer engine's {@link SectionClassifier} and the
 * draft checker's sections model both turn scores into probabilities with it.
 */
public final class Softmax {

    private Softmax() {}

    /** Probabilities summing to 1, the largest score taken off first so that no exponent overflows. */
    public static double[] of(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double score : scores) {
            max = Math.max(max, score);
        }
        double sum = 0;
        double[] p = new double[scores.length];
        for (int c = 0; c < scores.length; c++) {
            p[c] = Math.exp(scores[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < scores.length; c++) {
            p[c] /= sum;
        }
        return p;
    }
}
