package com.charterbot.core.eval;

import com.charterbot.core.values.Language;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads an evaluation file: a YAML list of {@code {q: ..., lang: en|fr, expect: [ids]}}, other keys
 * (such as {@code src}) ignored. The format is described in {@code docs/evaluation.md}.
 */
public final class EvalSet {

    /** A file that cannot be used, with every problem found as {@code source:line: message}. */
    public static final class InvalidEvalSet extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        private final List<String> problems;

        InvalidEvalSet(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private EvalSet() {}

    /** The questions of a text that comes from no file; problems then start with {@code questions:N:}. */
    public static List<EvalQuestion> parse(String yamlText) {
        return parse(yamlText, "questions");
    }

    /**
     * The questions of the file, each with its line.
     *
     * @param source how problems name the file, e.g. its path
     * @throws InvalidEvalSet listing every malformed entry
     */
    public static List<EvalQuestion> parse(String yamlText, String source) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yamlText));
        } catch (YAMLException e) {
            throw new InvalidEvalSet(List.of(source + ": not valid YAML: " + e.getMessage()));
        }
        if (!(root instanceof SequenceNode entries)) {
            throw new InvalidEvalSet(List.of(source + ": expected a YAML list of questions"));
        }
        List<String> problems = new ArrayList<>();
        List<EvalQuestion> questions = new ArrayList<>();
        for (Node entry : entries.getValue()) {
            int line = line(entry);
            String where = source + ":" + line + ": ";
            if (!(entry instanceof MappingNode mapping)) {
                problems.add(where + "an entry must be a mapping {q: ..., lang: ..., expect: [...]}");
                continue;
            }
            Node text = value(mapping, "q");
            Node lang = value(mapping, "lang");
            Node expect = value(mapping, "expect");
            String q = scalar(text).orElse("");
            Optional<Language> language = scalar(lang).flatMap(Language::fromTag);
            if (q.isBlank()) {
                problems.add(where + "q must be a non-empty string");
            }
            if (language.isEmpty()) {
                problems.add(where + "lang must be en or fr");
            }
            List<String> ids = new ArrayList<>();
            if (expect instanceof SequenceNode list) {
                for (Node id : list.getValue()) {
                    Optional<String> value = scalar(id).filter(s -> !s.isBlank());
                    if (value.isEmpty()) {
                        problems.add(source + ":" + line(id) + ": expect must list section ids");
                    } else {
                        ids.add(value.get().strip());
                    }
                }
            } else {
                problems.add(where
                        + "expect must be a list of section ids, [] when the charter does not cover the question");
            }
            if (!q.isBlank() && language.isPresent()) {
                questions.add(new EvalQuestion(q, language.get(), ids, line));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidEvalSet(problems);
        }
        return List.copyOf(questions);
    }

    /**
     * Checks that every expected id is one of the charter's sections: a typo would otherwise count
     * as a wrong answer without a word.
     *
     * @throws InvalidEvalSet naming each unknown id with its line
     */
    public static void checkIds(List<EvalQuestion> questions, Collection<String> sectionIds, String source) {
        List<String> problems = new ArrayList<>();
        for (EvalQuestion question : questions) {
            for (String id : question.expected()) {
                if (!sectionIds.contains(id)) {
                    problems.add(source + ":" + question.line() + ": unknown section id '" + id
                            + "' (the charter's ids: " + String.join(", ", new TreeSet<>(sectionIds)) + ")");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidEvalSet(problems);
        }
    }

    private static Node value(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode name && name.getValue().equals(key)) {
                return tuple.getValueNode();
            }
        }
        return null;
    }

    private static Optional<String> scalar(Node node) {
        return node instanceof ScalarNode scalar ? Optional.of(scalar.getValue()) : Optional.empty();
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
