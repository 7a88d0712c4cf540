package com.charterbot.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.CharterLoader;
import com.charterbot.core.charter.CharterSettings;
import com.charterbot.core.charter.Language;
import com.charterbot.core.charter.LoadResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Guards answer quality on the bundled charter: the build fails when a change to the engine,
 * the synonyms or the charter drops a metric below the level reached. Floors are set one or two
 * questions under the measured levels, so noise-free changes pass and real regressions do not.
 */
class EvalQualityTest {

    private static AnswerEngine engine;

    @BeforeAll
    static void buildEngine() {
        LoadResult result = CharterLoader.load(CharterFiles.defaults(), CharterSettings.DEFAULTS);
        engine = new AnswerEngine(((LoadResult.Loaded) result).charter(), Language.EN);
    }

    /** The shared development set; its targets come from the answer-engine issue. */
    @ParameterizedTest
    @EnumSource(Language.class)
    void meetsTheTargetsOnTheSharedQuestionSet(Language language) throws IOException {
        Evaluation.Metrics metrics = run("eval/questions.yaml").of(language);

        assertThat(metrics.answeredAt1()).as("answered@1 " + language).isGreaterThanOrEqualTo(0.90);
        assertThat(metrics.hitAt3()).as("hit@3 " + language).isGreaterThanOrEqualTo(0.97);
        assertThat(metrics.wrong()).as("wrong " + language).isLessThanOrEqualTo(0.05);
        assertThat(metrics.abstain()).as("abstain " + language).isGreaterThanOrEqualTo(0.99);
    }

    /** Questions written without seeing the charter's phrasings: how well the engine generalises. */
    @ParameterizedTest
    @EnumSource(Language.class)
    void generalisesToTheHeldOutQuestionSet(Language language) throws IOException {
        Evaluation.Metrics metrics = run("eval/heldout-questions.yaml").of(language);

        assertThat(metrics.answeredAt1()).as("answered@1 " + language).isGreaterThanOrEqualTo(0.87);
        assertThat(metrics.hitAt3()).as("hit@3 " + language).isGreaterThanOrEqualTo(0.96);
        assertThat(metrics.wrong()).as("wrong " + language).isLessThanOrEqualTo(0.06);
        assertThat(metrics.abstain()).as("abstain " + language).isGreaterThanOrEqualTo(0.92);
    }

    private static Evaluation.Report run(String resource) throws IOException {
        try (InputStream in = EvalQualityTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return Evaluation.run(engine, EvalSet.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }
}
