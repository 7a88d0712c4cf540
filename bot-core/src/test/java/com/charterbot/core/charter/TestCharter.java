package com.charterbot.core.charter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small charters into a folder for tests: valid section and not-covered files in both
 * languages (French ones use the French headings), which a test then breaks in one place.
 */
public final class TestCharter {

    private TestCharter() {}

    /** A valid English section with this id and title, related to the given ids. */
    public static String enSection(String id, String title, String... related) {
        return String.join(
                "\n",
                "---",
                "id: " + id,
                "title: " + title,
                relatedLine(related),
                "---",
                "",
                "## Rule",
                "Rule of " + title + " at {{company}}: think before you post.",
                "Ask {{communications_contact}} when in doubt.",
                "",
                "## Checklist",
                "- Did I check the " + id + " rule?",
                "",
                "## Do",
                "- Do ask first.",
                "- Do read the " + id + " rule.",
                "",
                "## Don't",
                "- Don't post in a hurry.",
                "",
                "## Questions",
                questions(id, 8),
                "",
                "## Tips",
                "- First tip about " + id + ".",
                "- Second tip about " + id + ".",
                "",
                "## Quiz",
                "",
                "### What is right about " + id + "?",
                "- [ ] Wrong answer one",
                "- [x] Right answer",
                "- [ ] Wrong answer two",
                "Explanation: because the rule says so.",
                "",
                "### What else is right about " + id + "?",
                "- [x] Right answer",
                "- [ ] Wrong answer one",
                "- [ ] Wrong answer two",
                "- [ ] Wrong answer three",
                "Explanation: because the rule says so too.",
                "");
    }

    /** The French version of {@link #enSection}, written with the French headings. */
    public static String frSection(String id, String title, String... related) {
        return String.join(
                "\n",
                "---",
                "id: " + id,
                "title: " + title,
                relatedLine(related),
                "---",
                "",
                "## Règle",
                "Règle de " + title + " chez {{company}} : réfléchissez avant de publier.",
                "Demandez à {{communications_contact}} en cas de doute.",
                "",
                "## Avant d'agir",
                "- Ai-je vérifié la règle " + id + " ?",
                "",
                "## À faire",
                "- Demander d'abord.",
                "- Lire la règle " + id + ".",
                "",
                "## À éviter",
                "- Publier dans la précipitation.",
                "",
                "## Questions",
                questions(id, 8),
                "",
                "## Astuces",
                "- Première astuce sur " + id + ".",
                "- Deuxième astuce sur " + id + ".",
                "",
                "## Quiz",
                "",
                "### Qu'est-ce qui est juste sur " + id + " ?",
                "- [ ] Mauvaise réponse un",
                "- [x] Bonne réponse",
                "- [ ] Mauvaise réponse deux",
                "Explication : parce que la règle le dit.",
                "",
                "### Quoi d'autre est juste sur " + id + " ?",
                "- [x] Bonne réponse",
                "- [ ] Mauvaise réponse un",
                "- [ ] Mauvaise réponse deux",
                "- [ ] Mauvaise réponse trois",
                "Explication : parce que la règle le dit aussi.",
                "");
    }

    /** A valid not-covered entry; {@code french} picks the French heading. */
    public static String notCovered(String id, String title, boolean french) {
        return String.join(
                "\n",
                "---",
                "id: " + id,
                "type: not-covered",
                "title: " + title,
                "---",
                "",
                french ? "## Où s'adresser" : "## Where to go",
                "Contact {{it_contact}}.",
                "",
                "## Questions",
                "- my laptop does not start",
                "- the printer is broken",
                "- what is the wifi code",
                "");
    }

    /** Eight (or {@code count}) question items, one per line. */
    public static String questions(String id, int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add("- question number " + i + " about " + id);
        }
        return String.join("\n", lines);
    }

    private static String relatedLine(String... related) {
        return related.length == 0 ? "# no related sections" : "related: " + String.join(", ", related);
    }

    /** A valid two-section charter (alpha related to beta) plus one not-covered entry, in both languages. */
    public static Path writeValid(Path dir) {
        write(dir, "en/alpha.md", enSection("alpha", "Alpha things", "beta"));
        write(dir, "en/beta.md", enSection("beta", "Beta things"));
        write(dir, "en/not-covered-it.md", notCovered("not-covered-it", "IT support", false));
        write(dir, "fr/alpha.md", frSection("alpha", "Choses alpha", "beta"));
        write(dir, "fr/beta.md", frSection("beta", "Choses bêta"));
        write(dir, "fr/not-covered-it.md", notCovered("not-covered-it", "Support informatique", true));
        return dir;
    }

    /**
     * The valid charter with signals: alpha's as given (a {@code ## Signals} and a {@code ## Signaux}
     * block), beta's a caution on {@code prototype*} in both languages and a tip on mentions in English.
     */
    public static void writeSignalled(Path dir, String enAlphaSignals, String frAlphaSignals) {
        writeValid(dir);
        write(dir, "en/alpha.md", withSignals(enSection("alpha", "Alpha things", "beta"), enAlphaSignals));
        write(dir, "fr/alpha.md", withSignals(frSection("alpha", "Choses alpha", "beta"), frAlphaSignals));
        write(
                dir,
                "en/beta.md",
                withSignals(
                        enSection("beta", "Beta things"),
                        "## Signals\nCheck it.\n\n- caution: prototype*\n- tip: [mention]\n"));
        write(
                dir,
                "fr/beta.md",
                withSignals(frSection("beta", "Choses bêta"), "## Signaux\nVérifiez.\n\n- attention : prototype*\n"));
    }

    /** A section file's text with a {@code ## Signals} block put before its quiz. */
    public static String withSignals(String section, String signals) {
        int quiz = section.indexOf("## Quiz");
        return section.substring(0, quiz) + signals + "\n" + section.substring(quiz);
    }

    /** Writes one file (creating its folder) as UTF-8. */
    public static void write(Path dir, String name, String text) {
        writeBytes(dir, name, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void writeBytes(Path dir, String name, byte[] bytes) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-based number of the first line of {@code text} that contains {@code needle}. */
    public static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no line contains " + needle);
    }

    /** Copies the bundled charter (as listed by its classpath index) into {@code dir}. */
    public static Path copyDefaults(Path dir) {
        for (String name : defaultIndex()) {
            try (InputStream in = TestCharter.class
                    .getClassLoader()
                    .getResourceAsStream(CharterFiles.DEFAULT_CLASSPATH_ROOT + "/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("missing bundled file " + name);
                }
                writeBytes(dir, name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    /** The file names listed by the bundled charter's {@code index.txt}, comments and blanks skipped. */
    public static List<String> defaultIndex() {
        try (InputStream in = TestCharter.class
                .getClassLoader()
                .getResourceAsStream(CharterFiles.DEFAULT_CLASSPATH_ROOT + "/index.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing bundled index.txt");
            }
            List<String> names = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name);
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a folder with the default settings. */
    public static LoadResult load(Path dir) {
        return CharterLoader.load(CharterFiles.fromDirectory(dir), CharterSettings.DEFAULTS);
    }
}
