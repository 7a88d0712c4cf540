package com.charterbot.bench;

import com.charterbot.core.answer.Question;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.CharterLoader;
import com.charterbot.core.charter.CharterSettings;
import com.charterbot.core.charter.LoadResult;
import com.charterbot.core.eval.EvalQuestion;
import com.charterbot.core.eval.EvalSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What the benchmarks start from: the bundled charter and the evaluation questions. */
final class Fixtures {

    /** Copied from bot-core's test resources when the module is built. */
    static final String QUESTIONS_RESOURCE = "eval/questions.yaml";

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

    private static String readResource(String name) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " (was the bench module built with -Pbench?)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
