package com.charterbot.app.cli;

import com.charterbot.core.charter.CharterFile;
import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.ExamplePosts;
import com.charterbot.core.charter.Vocabulary;
import com.charterbot.core.charter.WatchList;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code init <dir>}: a folder a communications officer starts from, without the source tree: the
 * bundled charter in both languages ({@code en/}, {@code fr/}), a sample question file for
 * {@code eval}, an {@code application.yaml} with every company setting, commented, the optional files to fill
 * in (the watch-list template, an empty vocabulary, a commented example-posts file), a README that
 * says what to do next and the charter format (docs/charter-format.md). The folder is the charter folder itself ({@code charter.dir: .}).
 */
final class Init {

    /** The files besides the charter, from {@code init/} in the jar. */
    static final List<String> EXTRAS = List.of(
            "application.yaml",
            "questions.yaml",
            "README.md",
            "charter-format.md",
            Vocabulary.FILE_NAME,
            ExamplePosts.FILE);

    private Init() {}

    /** Writes the folder; refuses one that exists with anything in it, so nothing is overwritten. */
    static int run(Path dir, PrintStream out, PrintStream err) {
        try {
            if (Files.exists(dir) && !isEmptyDirectory(dir)) {
                err.println("charter-bot: " + dir
                        + " already exists and is not empty: init writes a new folder, and overwrites nothing");
                return CommandLine.FAILED;
            }
            CharterFiles bundled = CharterFiles.defaults();
            for (CharterFile file : bundled.files()) {
                Path target = dir.resolve(file.name());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.text());
            }
            // The bundled watch-list is a commented template with empty lists: the company's names go there.
            Files.writeString(dir.resolve(WatchList.FILE), bundled.watchList().orElseThrow());
            for (String extra : EXTRAS) {
                try (InputStream in = Init.class.getResourceAsStream("/init/" + extra)) {
                    if (in == null) {
                        throw new IllegalStateException("init/" + extra + " is missing from the jar");
                    }
                    Files.write(dir.resolve(extra), in.readAllBytes());
                }
            }
            out.printf("""
                    Wrote %s: the bundled charter (%d files in en/ and fr/), application.yaml, questions.yaml, README.md,
                    charter-format.md, and watch-list.md, vocabulary.md and example-posts.yaml to fill in.
                    Next:
                      cd %s
                      edit application.yaml (your company's name and contacts), watch-list.md (your codenames,
                      customers, competitors, internal sites), then the charter files
                      java -jar charter-bot.jar validate .
                      java -jar charter-bot.jar ask "can I post this photo?"
                      java -jar charter-bot.jar chat
                    (with the path to charter-bot.jar; README.md in the folder says more)
                    """, dir, bundled.files().size(), dir);
            return CommandLine.OK;
        } catch (IOException | UncheckedIOException e) {
            err.println("charter-bot: cannot write " + dir + ": " + e.getMessage());
            return CommandLine.FAILED;
        }
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
