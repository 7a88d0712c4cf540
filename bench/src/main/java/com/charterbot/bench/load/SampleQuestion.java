package com.charterbot.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A question an employee might send the bot, in English ({@code en}) or French ({@code fr}); the
 * load benchmarks rotate over {@link #all()}.
 */
public record SampleQuestion(String language, String text) {

    static final String RESOURCE = "load/questions.txt";

    public SampleQuestion {
        if (!language.equals("en") && !language.equals("fr")) {
            throw new IllegalArgumentException("language must be en or fr, got " + language);
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a question needs text");
        }
    }

    /** Every question of {@code load/questions.txt}, in file order. */
    public static List<SampleQuestion> all() {
        try (InputStream in = SampleQuestion.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** {@code "<language> | <text>"} lines; blank lines and {@code #} comments are skipped. */
    static List<SampleQuestion> parse(String content) {
        List<SampleQuestion> questions = new ArrayList<>();
        for (String line : content.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int bar = trimmed.indexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException("expected '<language> | <text>', got: " + trimmed);
            }
            questions.add(new SampleQuestion(
                    trimmed.substring(0, bar).strip(),
                    trimmed.substring(bar + 1).strip()));
        }
        return List.copyOf(questions);
    }
}
