package com.charterbot.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a pass over a person's text is linear, by counting the characters it reads
 * ({@link CountingCharSequence}) on long runs of the pieces that make scanning patterns backtrack.
 * Shared with the adapters' tests through bot-core's test-jar.
 */
public final class LinearText {

    /** Pieces whose long runs are the worst case of a pattern that scans ahead (the first defect was "." x 100,000 + "x"). */
    public static final List<String> RUNS = List.of(
            ".",
            "!",
            "?",
            " ",
            "\u00a0",
            "\t",
            ". ",
            "!?",
            "<",
            "<a",
            "</a ",
            "<@U1|",
            "<@U1",
            "<http://x|",
            "<#C1|",
            "<at>",
            "&",
            "en~",
            "1",
            "1:",
            "12:3",
            "-",
            "a",
            "\u0301",
            "\u202e",
            "\ud83d\ude00");

    /** At most this many reads per character of input, plus a constant, for the hand-written passes. */
    public static final int READS_PER_CHAR = 8;

    /**
     * The same for regular expressions: a bounded look-ahead such as {@code [0-9a-f]{16,64}} reads up to
     * 64 characters from each start and backtracks over them (about 110 reads per character), which is
     * still linear. A backtracking pattern over the rest of the text reads about half of it from each
     * start: 2,500 and more per character on runs of 5,000 and more.
     */
    public static final int PATTERN_READS_PER_CHAR = 200;

    private LinearText() {}

    /** One run of each piece, about {@code length} characters long, with {@code x} after it (the match never completes). */
    public static List<String> runs(int length) {
        List<String> texts = new ArrayList<>();
        for (String piece : RUNS) {
            texts.add(piece.repeat(Math.max(1, length / piece.length())) + "x");
        }
        return texts;
    }

    /** Asserts that the pass reads at most {@link #READS_PER_CHAR} characters per input character. */
    public static void assertLinear(String name, Function<CharSequence, ?> pass, String text) {
        CountingCharSequence counted = new CountingCharSequence(text);
        pass.apply(counted);
        assertThat(counted.reads()).as(name).isLessThanOrEqualTo((long) READS_PER_CHAR * text.length() + 1_000);
    }

    /** Asserts that finding every match of the pattern, or matching it whole, reads at most {@link #PATTERN_READS_PER_CHAR} per character. */
    public static void assertLinear(Pattern pattern, String text) {
        long budget = (long) PATTERN_READS_PER_CHAR * text.length() + 1_000;
        CountingCharSequence found = new CountingCharSequence(text);
        Matcher matcher = pattern.matcher(found);
        while (matcher.find()) {
            // every match, as replaceAll would find them
        }
        assertThat(found.reads()).as("find " + pattern.pattern()).isLessThanOrEqualTo(budget);
        CountingCharSequence whole = new CountingCharSequence(text);
        pattern.matcher(whole).matches();
        assertThat(whole.reads()).as("matches " + pattern.pattern()).isLessThanOrEqualTo(budget);
    }

    /** The static {@link Pattern} fields of a class, private ones included. */
    public static List<Pattern> staticPatterns(Class<?> type) {
        List<Pattern> patterns = new ArrayList<>();
        for (java.lang.reflect.Field field : type.getDeclaredFields()) {
            if (java.lang.reflect.Modifier.isStatic(field.getModifiers()) && field.getType() == Pattern.class) {
                try {
                    field.setAccessible(true);
                    patterns.add((Pattern) field.get(null));
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError("cannot read the patterns of " + type.getName(), e);
                }
            }
        }
        return patterns;
    }
}
