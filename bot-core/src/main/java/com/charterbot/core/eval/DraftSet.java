package com.charterbot.core.eval;

import com.charterbot.core.values.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a labelled draft file: a YAML list of {@code {draft: ..., lang: en|fr, risk: stop|caution|clean,
 * topics: [ids]}}; other keys (such as {@code src}) are ignored.
 */
public final class DraftSet {

    private DraftSet() {}

    /** The drafts of the file; throws {@link IllegalArgumentException} saying which entry is malformed. */
    public static List<EvalDraft> parse(String yamlText) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("not valid YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof List<?> entries)) {
            throw new IllegalArgumentException("expected a YAML list of drafts");
        }
        List<EvalDraft> drafts = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            int number = i + 1;
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                throw new IllegalArgumentException("entry " + number + " is not a mapping");
            }
            if (!(entry.get("draft") instanceof String text) || text.isBlank()) {
                throw new IllegalArgumentException("entry " + number + ": draft must be a non-empty string");
            }
            Language language = Language.fromTag(String.valueOf(entry.get("lang")))
                    .orElseThrow(() -> new IllegalArgumentException("entry " + number + ": lang must be en or fr"));
            EvalDraft.Risk risk = EvalDraft.Risk.of(entry.get("risk") instanceof String label ? label : null);
            if (risk == null) {
                throw new IllegalArgumentException("entry " + number + ": risk must be stop, caution or clean");
            }
            Object topics = entry.get("topics");
            if (topics != null && !(topics instanceof List<?>)) {
                throw new IllegalArgumentException("entry " + number + ": topics must be a list of section ids");
            }
            List<String> ids = topics == null
                    ? List.of()
                    : ((List<?>) topics).stream().map(String::valueOf).toList();
            if (risk != EvalDraft.Risk.CLEAN && ids.isEmpty()) {
                throw new IllegalArgumentException(
                        "entry " + number + ": a risky draft lists the topics a finding may cite");
            }
            drafts.add(new EvalDraft(text, language, risk, ids));
        }
        return drafts;
    }
}
