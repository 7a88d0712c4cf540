package com.charterbot.core.charter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The words employees use that a charter does not: groups of words and expressions that mean the
 * same thing when looking for a section ("pic", "photo", "cliché"; "ma boîte", "my company"), and
 * words that say nothing about the topic ("lol", "stp"). The bot ships a default vocabulary; a
 * charter's own {@code vocabulary.md} adds to it. The format is in {@code docs/charter-format.md}.
 *
 * @param groups each a list of entries (a word or a short expression, as written) of the same meaning
 * @param ignored entries to skip in questions
 */
public record Vocabulary(List<List<String>> groups, List<String> ignored) {

    /** Where the default vocabulary is on the classpath. */
    public static final String DEFAULT_RESOURCE = "charter/vocabulary.md";

    /** The name of a charter's own vocabulary file, at the root of its folder. */
    public static final String FILE_NAME = "vocabulary.md";

    public static final Vocabulary EMPTY = new Vocabulary(List.of(), List.of());

    public Vocabulary {
        Objects.requireNonNull(groups, "groups");
        groups = groups.stream().map(List::copyOf).toList();
        ignored = List.copyOf(ignored);
    }

    /** The vocabulary that ships with the bot, which every charter starts from. */
    public static Vocabulary defaults() {
        return Default.VOCABULARY;
    }

    /** This vocabulary with another's groups and ignored entries added after its own. */
    public Vocabulary plus(Vocabulary other) {
        List<List<String>> allGroups = new ArrayList<>(groups);
        allGroups.addAll(other.groups);
        List<String> allIgnored = new ArrayList<>(ignored);
        allIgnored.addAll(other.ignored);
        return new Vocabulary(allGroups, allIgnored);
    }

    private static final class Default {
        static final Vocabulary VOCABULARY = load();

        private static Vocabulary load() {
            try (InputStream in = Vocabulary.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the default vocabulary " + DEFAULT_RESOURCE + " is missing");
                }
                VocabularyParser.Parsed parsed =
                        VocabularyParser.parse(DEFAULT_RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                if (!parsed.problems().isEmpty()) {
                    throw new IllegalStateException("the default vocabulary is invalid: " + parsed.problems());
                }
                return parsed.vocabulary();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
            }
        }
    }
}
