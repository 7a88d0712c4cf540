package com.charterbot.app.cli;

import com.charterbot.core.phrasing.Candidate;
import com.charterbot.core.values.Language;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes approved phrasings into the charter's section files, at the end of each section's
 * {@code ## Questions} list, so that the Markdown stays the source of truth; or describes the change
 * as a unified diff without touching anything. A phrasing the file already lists is not written twice.
 */
final class PhrasingExport {

    private static final Pattern ID = Pattern.compile("(?m)^id:\\s*(\\S+)\\s*$");

    /** What an export changes: the new text of each file, and the diff from the old. */
    record Result(Map<Path, String> files, String patch, int written, List<Candidate> done) {}

    private PhrasingExport() {}

    static Result plan(Path charter, List<Candidate> approved) throws IOException {
        Map<Path, List<String>> lines = new LinkedHashMap<>();
        Map<Path, List<String>> original = new LinkedHashMap<>();
        List<Candidate> done = new ArrayList<>();
        int written = 0;
        for (Candidate candidate : approved) {
            Optional<Path> file = fileOf(charter, candidate.language(), candidate.sectionId());
            if (file.isEmpty()) {
                continue;
            }
            List<String> content = lines.computeIfAbsent(file.get(), path -> read(path));
            original.computeIfAbsent(file.get(), path -> List.copyOf(content));
            done.add(candidate);
            if (insert(content, candidate.text())) {
                written++;
            }
        }
        Map<Path, String> files = new LinkedHashMap<>();
        StringBuilder patch = new StringBuilder();
        for (Map.Entry<Path, List<String>> entry : lines.entrySet()) {
            List<String> before = original.get(entry.getKey());
            if (before.equals(entry.getValue())) {
                continue;
            }
            files.put(entry.getKey(), String.join("\n", entry.getValue()));
            patch.append(
                    diff(charter.relativize(entry.getKey()).toString().replace('\\', '/'), before, entry.getValue()));
        }
        return new Result(files, patch.toString(), written, done);
    }

    /** Adds {@code - text} after the last item of the {@code ## Questions} list; false when it is there already or there is no such list. */
    static boolean insert(List<String> content, String text) {
        int heading = -1;
        for (int i = 0; i < content.size(); i++) {
            if (content.get(i).strip().equalsIgnoreCase("## Questions")) {
                heading = i;
                break;
            }
        }
        if (heading < 0) {
            return false;
        }
        int last = heading;
        String folded = text.strip().toLowerCase(Locale.ROOT);
        for (int i = heading + 1; i < content.size() && !content.get(i).startsWith("#"); i++) {
            String line = content.get(i).strip();
            if (line.startsWith("- ")) {
                if (line.substring(2).strip().toLowerCase(Locale.ROOT).equals(folded)) {
                    return false;
                }
                last = i;
            }
        }
        content.add(last + 1, "- " + text.strip());
        return true;
    }

    private static Optional<Path> fileOf(Path charter, Language language, String sectionId) throws IOException {
        Path folder = charter.resolve(language.tag());
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".md"))
                    .sorted()
                    .filter(path -> {
                        Matcher id = ID.matcher(String.join("\n", read(path)));
                        return id.find() && id.group(1).equals(sectionId);
                    })
                    .findFirst();
        }
    }

    private static List<String> read(Path path) {
        try {
            return new ArrayList<>(
                    List.of(Files.readString(path, StandardCharsets.UTF_8).split("\\R", -1)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A unified diff of pure insertions, without context lines (apply with {@code git apply --unidiff-zero}). */
    private static String diff(String name, List<String> before, List<String> after) {
        StringBuilder out = new StringBuilder("--- a/" + name + "\n+++ b/" + name + "\n");
        int i = 0;
        int j = 0;
        while (j < after.size()) {
            if (i < before.size() && before.get(i).equals(after.get(j))) {
                i++;
                j++;
                continue;
            }
            int start = j;
            while (j < after.size() && (i >= before.size() || !before.get(i).equals(after.get(j)))) {
                j++;
            }
            out.append("@@ -")
                    .append(i)
                    .append(",0 +")
                    .append(start + 1)
                    .append(',')
                    .append(j - start)
                    .append(" @@\n");
            for (int k = start; k < j; k++) {
                out.append('+').append(after.get(k)).append('\n');
            }
        }
        return out.toString();
    }
}
