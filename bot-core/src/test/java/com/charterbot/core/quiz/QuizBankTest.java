package com.charterbot.core.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.QuizQuestion;
import com.charterbot.core.values.Language;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QuizBankTest {

    @Test
    void bundledCharterHasTwoQuestionsForEachOfItsTwentyOneSections() {
        QuizBank bank = QuizBank.of(QuizFixtures.bundled());

        assertThat(bank.size()).isEqualTo(42);
        assertThat(bank.ids()).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z0-9-]+#[01]"));
        assertThat(bank.ids().stream()
                        .map(id -> bank.sectionId(id).orElseThrow())
                        .collect(Collectors.toSet()))
                .hasSize(21)
                .containsExactlyInAnyOrderElementsOf(QuizFixtures.bundled().topicIds());
    }

    @Test
    void aQuestionIdMeansTheSameQuestionInEveryLanguage() {
        QuizBank bank = QuizBank.of(QuizFixtures.bundled());

        for (String id : bank.ids()) {
            QuizQuestion en = bank.question(id, Language.EN).orElseThrow();
            QuizQuestion fr = bank.question(id, Language.FR).orElseThrow();
            assertThat(fr.options()).as(id).hasSameSizeAs(en.options());
            assertThat(fr.correctIndex()).as(id).isEqualTo(en.correctIndex());
            assertThat(fr.text()).as(id).isNotEqualTo(en.text());
            assertThat(bank.section(id, Language.FR).orElseThrow().id())
                    .isEqualTo(bank.sectionId(id).orElseThrow());
        }
    }

    @Test
    void idsFollowTheSectionAndTheIndexInItsQuizList() {
        Charter charter = QuizFixtures.tiny(2, "alpha", "beta");
        QuizBank bank = QuizBank.of(charter);

        assertThat(bank.ids()).containsExactly("alpha#0", "alpha#1", "beta#0", "beta#1");
        assertThat(QuizBank.id("alpha", 1)).isEqualTo("alpha#1");
        assertThat(bank.question("beta#1", Language.FR).orElseThrow())
                .isEqualTo(charter.section("beta", Language.FR)
                        .orElseThrow()
                        .quiz()
                        .get(1));
        assertThat(bank.section("alpha#0", Language.EN).orElseThrow().title()).isEqualTo("Title of alpha");
    }

    @Test
    void notCoveredEntriesAndUnknownIdsHaveNoQuestions() {
        QuizBank bank = QuizBank.of(QuizFixtures.tiny(1, "alpha"));

        assertThat(bank.ids()).containsExactly("alpha#0");
        for (String unknown : new String[] {"not-covered-it#0", "alpha#1", "alpha", "#0", "", "gamma#0"}) {
            assertThat(bank.contains(unknown)).as(unknown).isFalse();
            assertThat(bank.question(unknown, Language.EN)).as(unknown).isEmpty();
            assertThat(bank.section(unknown, Language.EN)).as(unknown).isEmpty();
        }
        assertThat(bank.question(null, Language.EN)).isEmpty();
        assertThatThrownBy(() -> QuizBank.id("alpha", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCharterWithoutQuizQuestionsGivesAnEmptyBank() {
        assertThat(QuizBank.of(QuizFixtures.tiny(0, "alpha", "beta")).size()).isZero();
    }
}
