package com.charterbot.core.charter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a vocabulary file ({@code ## Same meaning} and {@code ## Ignore} lists of comma-separated
 * entries) and reports every problem with its line. The format is in {@code docs/charter-format.md}.
 */
final class VocabularyParser {

    /** An expression longer than this is a sentence, not vocabulary. */
    static final int MAX_WORDS = 4;

    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*[-*]\\s+(.*)$");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]");

    private enum Block {
        SAME,
        IGNORE
    }

    private static final Map<String, Block> HEADINGS = Map.of(
            "same meaning", Block.SAME,
            "meme sens", Block.SAME,
            "ignore", Block.IGNORE,
            "a ignorer", Block.IGNORE,
            "ignorer", Block.IGNORE);

    /** The vocabulary of a file (what could be read of it) and its problems. */
    record Parsed(Vocabulary vocabulary, List<CharterProblem> problems) {}

    private VocabularyParser() {}

    static Parsed parse(String name, String text) {
        List<CharterProblem> problems = new ArrayList<>();
        List<List<String>> groups = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        Map<String, Integer> ignoredLines = new HashMap<>();
        Map<String, Integer> groupedLines = new HashMap<>();
        Set<Block> seen = new HashSet<>();
        String[] lines = text.replace("\uFEFF", "")
                .replace("\r\n", "\n")
                .replace('\r', '\n')
                .split("\n", -1);
        Block block = null;
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || (line.startsWith("# ") && block == null)) {
                continue;
            }
            if (line.startsWith("##")) {
                String heading = line.substring(2).strip();
                block = HEADINGS.get(SectionFileParser.normalizeHeading(heading));
                if (block == null) {
                    problems.add(problem(name, lineNumber, "charter.problem.vocabulary-unknown-heading", heading));
                } else if (!seen.add(block)) {
                    problems.add(problem(name, lineNumber, "charter.problem.heading-twice", heading));
                }
                continue;
            }
            var item = LIST_ITEM.matcher(lines[i]);
            if (!item.matches()) {
                problems.add(problem(name, lineNumber, "charter.problem.expected-list-item"));
                continue;
            }
            if (block == null) {
                problems.add(problem(name, lineNumber, "charter.problem.text-before-heading"));
                continue;
            }
            List<String> entries = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            int problemsBefore = problems.size();
            for (String raw : item.group(1).split(",", -1)) {
                String entry = raw.strip().replaceAll("\\s+", " ");
                if (!WORD.matcher(entry).find()) {
                    problems.add(problem(name, lineNumber, "charter.problem.vocabulary-empty-entry"));
                } else if (entry.split(" ").length > MAX_WORDS) {
                    problems.add(problem(
                            name,
                            lineNumber,
                            "charter.problem.vocabulary-entry-too-long",
                            entry,
                            Integer.toString(MAX_WORDS)));
                } else if (!keys.add(key(entry))) {
                    problems.add(problem(name, lineNumber, "charter.problem.vocabulary-entry-twice", entry));
                } else {
                    entries.add(entry);
                }
            }
            if (block == Block.IGNORE) {
                for (String entry : entries) {
                    ignored.add(entry);
                    ignoredLines.putIfAbsent(key(entry), lineNumber);
                }
            } else if (entries.size() < 2 && problems.size() == problemsBefore) {
                problems.add(problem(name, lineNumber, "charter.problem.vocabulary-single-entry"));
            } else if (entries.size() >= 2) {
                groups.add(entries);
                entries.forEach(entry -> groupedLines.putIfAbsent(key(entry), lineNumber));
            }
        }
        groupedLines.forEach((entry, line) -> {
            Integer ignoredAt = ignoredLines.get(entry);
            if (ignoredAt != null) {
                problems.add(problem(
                        name,
                        ignoredAt,
                        "charter.problem.vocabulary-ignored-and-grouped",
                        entry,
                        Integer.toString(line)));
            }
        });
        problems.sort(null);
        return new Parsed(new Vocabulary(groups, ignored), problems);
    }

    private static String key(String entry) {
        return SectionFileParser.normalizeHeading(entry).toLowerCase(Locale.ROOT);
    }

    private static CharterProblem problem(String name, int line, String key, String... arguments) {
        return new CharterProblem(name, line, key, List.of(arguments));
    }
}
