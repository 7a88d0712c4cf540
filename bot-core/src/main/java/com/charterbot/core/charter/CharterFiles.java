package com.charterbot.core.charter;

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
 * @param watchList the text of the charter's {@value WatchList#FILE}, when it has one
 */
public record CharterFiles(String origin, List<CharterFile> files, List<CharterProblem> problems, Optional<String> watchList) {

    /** Where the charter that ships with the bot lives on the classpath. */
    public static final String DEFAULT_CLASSPATH_ROOT = "charter/default";

    public CharterFiles {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
        Objects.requireNonNull(watchList, "watchList");
    }

    /** A charter without a watch-list. */
    public CharterFiles(String origin, List<CharterFile> files, List<CharterProblem> problems) {
        this(origin, files, problems, Optional.empty());
    }

    /** The same files with another watch-list (the command line's {@code --watch-list}). */
    public CharterFiles withWatchList(String text) {
        return new CharterFiles(origin, files, problems, Optional.of(text));
    }

    /** Reads {@code <dir>/en/*.md}, {@code <dir>/fr/*.md} and {@code <dir>/watch-list.md} if there is one. */
    public static CharterFiles fromDirectory(Path dir) {
        List<CharterFile> files = new ArrayList<>();
        List<CharterProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add(new CharterProblem(dir.toString(), 0, "charter.problem.not-folder", List.of()));
            return new CharterFiles(dir.toString(), files, problems);
        }
        for (Language language : Language.values()) {
            Path folder = dir.resolve(language.tag());
            if (!Files.isDirectory(folder)) {
                problems.add(new CharterProblem(language.tag() + "/", 0, "charter.problem.missing-language-folder", List.of()));
                continue;
            }
            try (Stream<Path> paths = Files.list(folder)) {
                for (Path path : paths.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList()) {
                    String name = language.tag() + "/" + path.getFileName();
                    try {
                        files.add(new CharterFile(language, name, decode(Files.readAllBytes(path))));
                    } catch (CharacterCodingException e) {
                        problems.add(new CharterProblem(name, 0, "charter.problem.not-utf8", List.of()));
                    } catch (IOException e) {
                        problems.add(new CharterProblem(name, 0, "charter.problem.unreadable", List.of(String.valueOf(e.getMessage()))));
                    }
                }
            } catch (IOException e) {
                problems.add(new CharterProblem(language.tag() + "/", 0, "charter.problem.unlistable", List.of(String.valueOf(e.getMessage()))));
            }
        }
        Optional<String> watchList = Optional.empty();
        Path watchListFile = dir.resolve(WatchList.FILE);
        if (Files.isRegularFile(watchListFile)) {
            try {
                watchList = Optional.of(decode(Files.readAllBytes(watchListFile)));
            } catch (CharacterCodingException e) {
                problems.add(new CharterProblem(WatchList.FILE, 0, "charter.problem.not-utf8", List.of()));
            } catch (IOException e) {
                problems.add(new CharterProblem(WatchList.FILE, 0, "charter.problem.unreadable", List.of(String.valueOf(e.getMessage()))));
            }
        }
        return new CharterFiles(dir.toString(), files, problems, watchList);
    }

    /**
     * Reads a charter packaged on the classpath; {@code <root>/index.txt} lists its files, one
     * {@code <lang>/<file>.md} per line (and {@value WatchList#FILE} when it has one), since a jar
     * cannot be listed portably.
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
        Optional<String> watchList = Optional.empty();
        for (String line : index.split("\n")) {
            lineNumber++;
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            if (name.equals(WatchList.FILE)) {
                watchList = Optional.ofNullable(readResource(root + "/" + name));
                if (watchList.isEmpty()) {
                    problems.add(new CharterProblem(origin + "/index.txt", lineNumber, "charter.problem.index-unknown-file", List.of(name)));
                }
                continue;
            }
            int slash = name.indexOf('/');
            Language language = slash < 0 ? null : Language.fromTag(name.substring(0, slash)).orElse(null);
            String text = readResource(root + "/" + name);
            if (language == null || text == null) {
                problems.add(new CharterProblem(origin + "/index.txt", lineNumber, "charter.problem.index-unknown-file", List.of(name)));
            } else {
                files.add(new CharterFile(language, name, text));
            }
        }
        return new CharterFiles(origin, files, problems, watchList);
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
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }
}
