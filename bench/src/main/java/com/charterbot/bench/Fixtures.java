package com.charterbot.bench;

import com.charterbot.core.answer.Question;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.CharterLoader;
import com.charterbot.core.charter.CharterSettings;
import com.charterbot.core.charter.LoadResult;
import com.charterbot.core.check.Draft;
import com.charterbot.core.eval.DraftSet;
import com.charterbot.core.eval.EvalDraft;
import com.charterbot.core.eval.EvalQuestion;
import com.charterbot.core.eval.EvalSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** What the benchmarks start from: the bundled charter, the evaluation questions and the labelled drafts. */
final class Fixtures {

    /** Copied from bot-core's test resources when the module is built. */
    static final String QUESTIONS_RESOURCE = "eval/questions.yaml";
    /** The labelled development drafts, copied the same way. */
    static final String DRAFTS_RESOURCE = "eval/drafts-dev.yaml";

    private Fixtures() {}

    /** The charter that ships with the bot; fails loudly if it does not load. */
    static Charter bundledCharter() {
        LoadResult result = CharterLoader.load(CharterFiles.defaults(), CharterSettings.DEFAULTS);
        if (result instanceof LoadResult.Loaded loaded) {
            return loaded.charter();
        }
        LoadResult.Rejected rejected = (LoadResult.Rejected) result;
        throw new IllegalStateException("the bundled charter was rejected: " + rejected.problems());
    }

    /** Every question of the evaluation set, in file order, as an employee would type it. */
    static Question[] evalQuestions() {
        List<EvalQuestion> questions = EvalSet.parse(readResource(QUESTIONS_RESOURCE));
        if (questions.isEmpty()) {
            throw new IllegalStateException(QUESTIONS_RESOURCE + " holds no questions");
        }
        return questions.stream().map(q -> Question.of(q.text())).toArray(Question[]::new);
    }

    /**
     * Drafts of exactly {@code chars} characters (cut at a word), each the labelled drafts run
     * together from a different one onwards, so that every draft differs.
     */
    static Draft[] drafts(int chars) {
        List<EvalDraft> labelled = DraftSet.parse(readResource(DRAFTS_RESOURCE));
        if (labelled.isEmpty()) {
            throw new IllegalStateException(DRAFTS_RESOURCE + " holds no drafts");
        }
        Draft[] drafts = new Draft[labelled.size()];
        for (int first = 0; first < labelled.size(); first++) {
            StringBuilder text = new StringBuilder();
            for (int i = first; text.length() < chars; i = (i + 1) % labelled.size()) {
                text.append(labelled.get(i).text()).append('\n');
            }
            drafts[first] = Draft.of(text.substring(0, chars), Optional.empty());
        }
        return drafts;
    }

    static String readResource(String name) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(
                        "missing resource " + name + " (was the bench module built with -Pbench?)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
