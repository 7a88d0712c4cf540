package com.charterbot.core.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QuizSelectorTest {

    private static final Instant NOW = QuizFixtures.T0;
    private final QuizSelector selector = new QuizSelector();
    private final QuizBank bundled = QuizBank.of(QuizFixtures.bundled());

    @Test
    void theSameSeedGivesTheSameQuiz() {
        List<String> first = selector.select(bundled, Map.of(), 5, NOW, new SplittableRandom(7));
        List<String> second = selector.select(bundled, Map.of(), 5, NOW, new SplittableRandom(7));

        assertThat(first).hasSize(5).isEqualTo(second);
    }

    @Test
    void differentSeedsVaryTheQuiz() {
        long distinct = java.util.stream.LongStream.range(0, 20)
                .mapToObj(seed -> selector.select(bundled, Map.of(), 3, NOW, new SplittableRandom(seed)))
                .distinct()
                .count();

        assertThat(distinct).isGreaterThan(10);
    }

    @Test
    void aNewUserGetsDifferentTopics() {
        for (long seed = 0; seed < 50; seed++) {
            List<String> quiz = selector.select(bundled, Map.of(), 10, NOW, new SplittableRandom(seed));
            assertThat(quiz.stream()
                            .map(id -> bundled.sectionId(id).orElseThrow())
                            .distinct())
                    .as("seed " + seed)
                    .hasSize(10);
        }
    }

    @Test
    void dueQuestionsComeFirstLowestBoxThenMostOverdue() {
        Map<String, CardState> progress = new HashMap<>();
        progress.put("alpha#0", new CardState(3, NOW.minus(Duration.ofDays(5)), 3, 3));
        progress.put("beta#0", new CardState(1, NOW.minus(Duration.ofMinutes(1)), 1, 0));
        progress.put("gamma#0", new CardState(1, NOW.minus(Duration.ofHours(2)), 2, 1));
        progress.put("delta#0", new CardState(2, NOW.plus(Duration.ofDays(1)), 1, 1));
        QuizBank bank = QuizBank.of(QuizFixtures.tiny(1, "alpha", "beta", "gamma", "delta", "epsilon"));

        List<String> quiz = selector.select(bank, progress, 4, NOW, new SplittableRandom(1));

        assertThat(quiz).containsExactly("gamma#0", "beta#0", "alpha#0", "epsilon#0");
    }

    @Test
    void newQuestionsAvoidTopicsAlreadyInTheQuiz() {
        QuizBank bank = QuizBank.of(QuizFixtures.tiny(3, "alpha", "beta", "gamma"));
        Map<String, CardState> progress = Map.of("alpha#0", new CardState(1, NOW.minusSeconds(1), 1, 0));

        for (long seed = 0; seed < 20; seed++) {
            List<String> quiz = selector.select(bank, progress, 3, NOW, new SplittableRandom(seed));
            assertThat(quiz.get(0)).isEqualTo("alpha#0");
            assertThat(quiz.subList(1, 3))
                    .extracting(id -> bank.sectionId(id).orElseThrow())
                    .containsExactlyInAnyOrder("beta", "gamma");
        }
    }

    @Test
    void whenEverythingIsKnownAndNotDueTheSoonestDueComeFirst() {
        QuizBank bank = QuizBank.of(QuizFixtures.tiny(1, "alpha", "beta", "gamma"));
        Map<String, CardState> progress = Map.of(
                "alpha#0", new CardState(5, NOW.plus(Duration.ofDays(30)), 5, 5),
                "beta#0", new CardState(2, NOW.plus(Duration.ofDays(2)), 2, 2),
                "gamma#0", new CardState(3, NOW.plus(Duration.ofDays(6)), 3, 3));

        assertThat(selector.select(bank, progress, 2, NOW, new SplittableRandom(3)))
                .containsExactly("beta#0", "gamma#0");
    }

    @Test
    void aSmallBankGivesFewerQuestionsNeverTwice() {
        QuizBank bank = QuizBank.of(QuizFixtures.tiny(1, "alpha", "beta"));
        Map<String, CardState> progress = Map.of("alpha#0", new CardState(1, NOW.minusSeconds(1), 1, 0));

        List<String> quiz = selector.select(bank, progress, 10, NOW, new SplittableRandom(3));

        assertThat(quiz).containsExactly("alpha#0", "beta#0");
        assertThat(selector.select(
                        QuizBank.of(QuizFixtures.tiny(0, "alpha")), Map.of(), 3, NOW, new SplittableRandom(3)))
                .isEmpty();
    }

    @Test
    void progressOnQuestionsNoLongerInTheCharterIsIgnored() {
        QuizBank bank = QuizBank.of(QuizFixtures.tiny(1, "alpha", "beta"));
        Map<String, CardState> progress = Map.of("gone#0", new CardState(1, NOW.minusSeconds(60), 1, 0));

        assertThat(selector.select(bank, progress, 3, NOW, new SplittableRandom(3)))
                .containsExactlyInAnyOrder("alpha#0", "beta#0");
    }
}
