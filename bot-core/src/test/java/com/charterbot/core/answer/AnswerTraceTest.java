package com.charterbot.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.values.Language;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the playground shows its authors behind an answer: the ranking and the words that matched. */
class AnswerTraceTest {

    private final AnswerEngine engine = AnswerEngineTest.ENGINE;

    @Test
    void traceGivesTheSameAnswerAndTheSectionsRankedBestFirstWithTheWordsEachContains() {
        AnswerTrace trace = engine.trace(Question.of("Can I post this photo of the plant on LinkedIn?"));

        assertThat(trace.answer())
                .isEqualTo(engine.answer(Question.of("Can I post this photo of the plant on LinkedIn?")));
        assertThat(trace.ranked()).isNotEmpty();
        assertThat(trace.ranked().get(0).sectionId())
                .isEqualTo(trace.answer().citation().sectionId())
                .isEqualTo("photos-videos");
        assertThat(trace.ranked())
                .isSortedAccordingTo(
                        Comparator.comparingDouble(AnswerTrace.Ranked::score).reversed());
        assertThat(trace.ranked())
                .extracting(AnswerTrace.Ranked::sectionId)
                .containsAll(trace.answer().shownSectionIds());
        List<String> words = trace.ranked().get(0).matchedWords();
        assertThat(words).contains("photo").doesNotContain("Can", "I", "this", "the", "of", "on");
        assertThat(trace.ranked())
                .allSatisfy(ranked -> assertThat(ranked.coverage()).isBetween(0.0, 1.0));
    }

    @Test
    void frenchWordsMatchAsTypedThroughElisionAndStemming() {
        AnswerTrace trace = engine.trace(Question.of("Un journaliste m'a appelé pour une interview, que faire ?"));

        AnswerTrace.Ranked best = trace.ranked().get(0);
        assertThat(best.sectionId()).isEqualTo("media-inquiries");
        assertThat(best.matchedWords()).contains("journaliste").doesNotContain("que", "une");
        assertThat(trace.answer().replyLanguage()).isEqualTo(Language.FR);
    }

    @Test
    void aQuestionRefusedBeforeAnySearchHasNoRanking() {
        assertThat(engine.trace(Question.of("   ")).ranked()).isEmpty();
        assertThat(engine.trace(Question.of("photo ".repeat(2_000))).ranked()).isEmpty();
    }

    @Test
    void offTopicQuestionsRankTheNotCoveredEntry() {
        AnswerTrace trace = engine.trace(Question.of("How do I reset my laptop password?"));

        assertThat(trace.answer().tier()).isEqualTo(Tier.FALLBACK);
        assertThat(trace.ranked())
                .anySatisfy(ranked -> assertThat(ranked.notCovered()).isTrue());
    }
}
