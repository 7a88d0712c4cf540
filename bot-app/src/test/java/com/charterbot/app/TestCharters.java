package com.charterbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Copies of the bundled charter for tests, intact or deliberately broken. */
public final class TestCharters {

    /** The bundled charter's source folder, relative to the bot-app module (the test working directory). */
    public static final Path BUNDLED = Path.of("..", "bot-core", "src", "main", "resources", "charter", "default");

    private TestCharters() {}

    /** Copies the bundled charter's {@code en/} and {@code fr/} folders into {@code target}. */
    public static Path copyBundled(Path target) {
        assertThat(BUNDLED.resolve("en"))
                .as("bundled charter (tests run from the bot-app module)")
                .isDirectory();
        try (Stream<Path> paths = Files.walk(BUNDLED)) {
            for (Path source : paths.toList()) {
                Path destination = target.resolve(BUNDLED.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Replaces the first line of {@code file} (relative to the charter) that starts with {@code prefix}; returns its 1-based number. */
    public static int replaceLine(Path charter, String file, String prefix, String replacement) {
        Path path = charter.resolve(file);
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(path, StandardCharsets.UTF_8));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(prefix)) {
                    lines.set(i, replacement);
                    Files.write(path, lines, StandardCharsets.UTF_8);
                    return i + 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no line starting with '" + prefix + "' in " + path);
    }

    /** A problem planted in a broken charter: the file and line it must be reported at. */
    public record Planted(String file, int line) {
        public String location() {
            return file + ":" + line;
        }
    }

    /**
     * Copies the bundled charter into {@code target} and plants two problems in two files:
     * a related reference to a section that does not exist, and an unknown placeholder.
     */
    public static List<Planted> copyBroken(Path target) {
        copyBundled(target);
        int related = replaceLine(
                target, "en/photos-videos.md", "related:", "related: confidential-information, no-such-section");
        int placeholderLine = ruleLine(target, "fr/sanctions.md");
        appendToLine(target, "fr/sanctions.md", placeholderLine, " Voir {{no_such_placeholder}}.");
        return List.of(new Planted("en/photos-videos.md", related), new Planted("fr/sanctions.md", placeholderLine));
    }

    /** The line number of the first text line after the rule heading. */
    private static int ruleLine(Path charter, String file) {
        try {
            List<String> lines = Files.readAllLines(charter.resolve(file), StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("## R")) {
                    for (int j = i + 1; j < lines.size(); j++) {
                        if (!lines.get(j).isBlank()) {
                            return j + 1;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no rule in " + file);
    }

    private static void appendToLine(Path charter, String file, int number, String text) {
        Path path = charter.resolve(file);
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(path, StandardCharsets.UTF_8));
            lines.set(number - 1, lines.get(number - 1) + text);
            Files.write(path, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
