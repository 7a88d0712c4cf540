package com.charterbot.core.eval;

import com.charterbot.core.charter.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads an evaluation file: a YAML list of {@code {q: ..., lang: en|fr, expect: [ids]}}. */
public final class EvalSet {

    private EvalSet() {}

    /** The questions of the file; throws {@link IllegalArgumentException} saying which entry is malformed. */
    public static List<EvalQuestion> parse(String yamlText) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("not valid YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof List<?> entries)) {
            throw new IllegalArgumentException("expected a YAML list of questions");
        }
        List<EvalQuestion> questions = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                throw new IllegalArgumentException("entry " + (i + 1) + " is not a mapping");
            }
            Object text = entry.get("q");
            Language language = Language.fromTag(String.valueOf(entry.get("lang")))
                    .orElseThrow(() -> new IllegalArgumentException("entry " + (entries.indexOf(entry) + 1) + ": lang must be en or fr"));
            if (!(text instanceof String q) || q.isBlank()) {
                throw new IllegalArgumentException("entry " + (i + 1) + ": q must be a non-empty string");
            }
            Object expect = entry.get("expect");
            if (!(expect instanceof List<?> ids)) {
                throw new IllegalArgumentException("entry " + (i + 1) + ": expect must be a list of section ids");
            }
            questions.add(new EvalQuestion(q, language, ids.stream().map(String::valueOf).toList()));
        }
        return questions;
    }
}
