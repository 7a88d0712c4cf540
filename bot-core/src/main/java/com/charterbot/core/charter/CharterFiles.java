package com.charterbot.core.charter;

import com.charterbot.core.values.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The files of a charter as read from a folder or the classpath, with the problems met while reading them.
 *
 * @param vocabulary the text of the charter's {@value Vocabulary#FILE_NAME}, or null when it has none
 * @param calibration the text of the charter's {@value Calibration#FILE_NAME}, or null when it has none
 * @param watchList the text of the charter's {@value WatchList#FILE}, when it has one
 * @param examplePosts the text of the charter's {@value ExamplePosts#FILE}, when it has one
 */
public record CharterFiles(
        String origin,
        List<CharterFile> files,
        String vocabulary,
        String calibration,
        List<CharterProblem> problems,
        Optional<String> watchList,
        Optional<String> examplePosts) {

    /** Where the charter that ships with the bot lives on the classpath. */
    public static final String DEFAULT_CLASSPATH_ROOT = "charter/default";

    public CharterFiles {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
        Objects.requireNonNull(watchList, "watchList");
        Objects.requireNonNull(examplePosts, "examplePosts");
    }

    /** A charter without examples of its own. */
    public CharterFiles(
            String origin,
            List<CharterFile> files,
            String vocabulary,
            String calibration,
            List<CharterProblem> problems,
            Optional<String> watchList) {
        this(origin, files, vocabulary, calibration, problems, watchList, Optional.empty());
    }

    public CharterFiles(String origin, List<CharterFile> files, List<CharterProblem> problems) {
        this(origin, files, null, null, problems, Optional.empty());
    }

    /** A charter without a watch-list. */
    public CharterFiles(
            String origin,
            List<CharterFile> files,
            String vocabulary,
            String calibration,
            List<CharterProblem> problems) {
        this(origin, files, vocabulary, calibration, problems, Optional.empty());
    }

    /** A charter with the default vocabulary and calibration. */
    public CharterFiles(
            String origin, List<CharterFile> files, List<CharterProblem> problems, Optional<String> watchList) {
        this(origin, files, null, null, problems, watchList);
    }

    /** The same files with another watch-list (the command line's {@code --watch-list}). */
    public CharterFiles withWatchList(String text) {
        return new CharterFiles(origin, files, vocabulary, calibration, problems, Optional.of(text), examplePosts);
    }

    /** The files a charter folder may hold next to {@code en/} and {@code fr/}. */
    public static final List<String> ROOT_FILES =
            List.of(WatchList.FILE, Vocabulary.FILE_NAME, ExamplePosts.FILE, Calibration.FILE_NAME);

    /**
     * Reads {@code <dir>/en/*.md}, {@code <dir>/fr/*.md}, and {@code <dir>/vocabulary.md},
     * {@code <dir>/calibration.properties}, {@code <dir>/watch-list.md} and {@code <dir>/example-posts.yaml}
     * when there are. A folder with some of these {@link #ROOT_FILES} but neither {@code en/} nor {@code fr/}
     * keeps the bundled sections and adds its own files: a company's watch-list, vocabulary or examples
     * on the charter that ships with the bot.
     */
    public static CharterFiles fromDirectory(Path dir) {
        List<CharterFile> files = new ArrayList<>();
        List<CharterProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add(new CharterProblem(dir.toString(), 0, "charter.problem.not-folder", List.of()));
            return new CharterFiles(dir.toString(), files, problems);
        }
        CharterFiles bundled = null;
        if (Stream.of(Language.values()).noneMatch(language -> Files.isDirectory(dir.resolve(language.tag())))
                && ROOT_FILES.stream().anyMatch(name -> Files.isRegularFile(dir.resolve(name)))) {
            bundled = defaults();
            files.addAll(bundled.files());
            problems.addAll(bundled.problems());
        } else {
            readSections(dir, files, problems);
        }
        String vocabulary = optionalFile(dir, Vocabulary.FILE_NAME, problems);
        String calibration = optionalFile(dir, Calibration.FILE_NAME, problems);
        Optional<String> watchList = Optional.ofNullable(optionalFile(dir, WatchList.FILE, problems));
        Optional<String> examplePosts = Optional.ofNullable(optionalFile(dir, ExamplePosts.FILE, problems));
        if (bundled != null) {
            return new CharterFiles(
                    dir + " (with the bundled sections)",
                    files,
                    vocabulary,
                    calibration,
                    problems,
                    watchList.or(bundled::watchList),
                    examplePosts);
        }
        return new CharterFiles(dir.toString(), files, vocabulary, calibration, problems, watchList, examplePosts);
    }

    /** Reads {@code <dir>/en/*.md} and {@code <dir>/fr/*.md}, reporting a missing or unreadable folder or file. */
    private static void readSections(Path dir, List<CharterFile> files, List<CharterProblem> problems) {
        for (Language language : Language.values()) {
            Path folder = dir.resolve(language.tag());
            if (!Files.isDirectory(folder)) {
                problems.add(new CharterProblem(
                        language.tag() + "/", 0, "charter.problem.missing-language-folder", List.of()));
                continue;
            }
            try (Stream<Path> paths = Files.list(folder)) {
                for (Path path : paths.filter(p -> p.getFileName().toString().endsWith(".md"))
                        .sorted()
                        .toList()) {
                    String name = language.tag() + "/" + path.getFileName();
                    try {
                        files.add(new CharterFile(language, name, decode(Files.readAllBytes(path))));
                    } catch (CharacterCodingException e) {
                        problems.add(new CharterProblem(name, 0, "charter.problem.not-utf8", List.of()));
                    } catch (IOException e) {
                        problems.add(new CharterProblem(
                                name, 0, "charter.problem.unreadable", List.of(String.valueOf(e.getMessage()))));
                    }
                }
            } catch (IOException e) {
                problems.add(new CharterProblem(
                        language.tag() + "/",
                        0,
                        "charter.problem.unlistable",
                        List.of(String.valueOf(e.getMessage()))));
            }
        }
    }

    private static String optionalFile(Path dir, String name, List<CharterProblem> problems) {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return decode(Files.readAllBytes(file));
        } catch (CharacterCodingException e) {
            problems.add(new CharterProblem(name, 0, "charter.problem.not-utf8", List.of()));
        } catch (IOException e) {
            problems.add(
                    new CharterProblem(name, 0, "charter.problem.unreadable", List.of(String.valueOf(e.getMessage()))));
        }
        return null;
    }

    /**
     * Reads a charter packaged on the classpath; {@code <root>/index.txt} lists its files, one
     * {@code <lang>/<file>.md} (or {@code vocabulary.md}, {@code calibration.properties}, {@code watch-list.md}) per line,
     * since a jar cannot be listed portably.
     */
    public static CharterFiles fromClasspath(String root) {
        List<CharterFile> files = new ArrayList<>();
        List<CharterProblem> problems = new ArrayList<>();
        String origin = "classpath:" + root;
        String index = readResource(root + "/index.txt");
        if (index == null) {
            problems.add(new CharterProblem(origin + "/index.txt", 0, "charter.problem.index-missing", List.of()));
            return new CharterFiles(origin, files, problems);
        }
        int lineNumber = 0;
        String vocabulary = null;
        String calibration = null;
        Optional<String> watchList = Optional.empty();
        for (String line : index.split("\n")) {
            lineNumber++;
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            if (name.equals(Vocabulary.FILE_NAME)
                    || name.equals(Calibration.FILE_NAME)
                    || name.equals(WatchList.FILE)) {
                String text = readResource(root + "/" + name);
                if (text == null) {
                    problems.add(new CharterProblem(
                            origin + "/index.txt", lineNumber, "charter.problem.index-unknown-file", List.of(name)));
                } else if (name.equals(Vocabulary.FILE_NAME)) {
                    vocabulary = text;
                } else if (name.equals(Calibration.FILE_NAME)) {
                    calibration = text;
                } else {
                    watchList = Optional.of(text);
                }
                continue;
            }
            int slash = name.indexOf('/');
            Language language = slash < 0
                    ? null
                    : Language.fromTag(name.substring(0, slash)).orElse(null);
            String text = readResource(root + "/" + name);
            if (language == null || text == null) {
                problems.add(new CharterProblem(
                        origin + "/index.txt", lineNumber, "charter.problem.index-unknown-file", List.of(name)));
            } else {
                files.add(new CharterFile(language, name, text));
            }
        }
        return new CharterFiles(origin, files, vocabulary, calibration, problems, watchList);
    }

    /** The charter that ships with the bot. */
    public static CharterFiles defaults() {
        return fromClasspath(DEFAULT_CLASSPATH_ROOT);
    }

    private static String readResource(String name) {
        try (InputStream in = CharterFiles.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : decode(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled resource " + name, e);
        }
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }
}
