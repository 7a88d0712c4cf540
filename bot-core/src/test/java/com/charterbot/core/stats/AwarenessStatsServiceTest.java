package com.charterbot.core.stats;

import static com.charterbot.core.stats.StatsFixtures.FROM;
import static com.charterbot.core.stats.StatsFixtures.TO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.activity.StatsScope;
import com.charterbot.core.answer.Tier;
import com.charterbot.core.memory.InMemoryActivityLog;
import com.charterbot.core.stats.AwarenessStats.QuizScore;
import com.charterbot.core.stats.AwarenessStats.TierCounts;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwarenessStatsServiceTest {

    private static final Clock CLOCK = Clock.fixed(TO, ZoneOffset.UTC);

    private final AwarenessStatsService service = new AwarenessStatsService(StatsFixtures.may(), CLOCK);

    @Test
    void countsQuestionsBySectionAndTierWithUnmatchedOnesApart() {
        AwarenessStats stats = service.compute(FROM, TO);

        assertThat(stats.questionsBySection())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "photos-videos",
                        new TierCounts(2, 1, 0),
                        "media-inquiries",
                        new TierCounts(1, 0, 1),
                        AwarenessStats.UNMATCHED,
                        new TierCounts(0, 0, 2)));
        assertThat(stats.totalQuestions()).isEqualTo(7);
        assertThat(stats.questions(Tier.ANSWER)).isEqualTo(3);
        assertThat(stats.questions(Tier.SUGGEST)).isEqualTo(1);
        assertThat(stats.abstentions()).isEqualTo(3);
    }

    @Test
    void countsQuizAnswersBySectionAndDistinctParticipants() {
        AwarenessStats stats = service.compute(FROM, TO);

        assertThat(stats.quizBySection())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "sanctions", new QuizScore(4, 2),
                        "account-security", new QuizScore(3, 2),
                        "recruitment", new QuizScore(2, 0),
                        "scope", new QuizScore(3, 3)));
        assertThat(stats.quizAnswers()).isEqualTo(12);
        assertThat(stats.quizCorrect()).isEqualTo(7);
        assertThat(stats.quizParticipants()).isEqualTo(3);
        assertThat(stats.quizScore()).hasValueCloseTo(7.0 / 12, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void countsNudgesByKindWithFailuresLeftToTheCaller() {
        AwarenessStats stats = service.compute(FROM, TO);

        assertThat(stats.nudgesByKind())
                .containsExactlyInAnyOrderEntriesOf(Map.of(NudgeSent.Kind.TIP, 2, NudgeSent.Kind.QUIZ, 1));
        assertThat(stats.nudgesSent()).isEqualTo(3);
        assertThat(stats.nudgesFailed()).isZero();
        assertThat(stats.withNudgesFailed(4).nudgesFailed()).isEqualTo(4);
    }

    @Test
    void includesTheFirstInstantAndExcludesTheLast() {
        AwarenessStats firstInstant = service.compute(FROM, FROM.plusNanos(1));
        AwarenessStats lastInstant = service.compute(TO, TO.plusNanos(1));

        assertThat(firstInstant.totalQuestions()).isEqualTo(1);
        assertThat(firstInstant.questionsBySection()).containsOnlyKeys("photos-videos");
        assertThat(lastInstant.totalQuestions()).isEqualTo(1);
        assertThat(lastInstant.questionsBySection()).containsOnlyKeys("scope");
        assertThat(lastInstant.quizAnswers()).isEqualTo(1);
        assertThat(lastInstant.nudgesSent(NudgeSent.Kind.TIP)).isEqualTo(1);
    }

    @Test
    void lastDaysAndWeeksAreCountedTogetherAsEachWouldBeAlone() {
        AwarenessStatsService.DaysAndWeeks both =
                service.lastDaysAndWeeks(31, 12, ZoneOffset.UTC, TO, StatsScope.EVERYTHING);

        assertThat(both.days().from()).isEqualTo(TO.minus(Duration.ofDays(31)));
        assertThat(both.days().to()).isEqualTo(TO);
        assertThat(both.days()).isEqualTo(service.compute(TO.minus(Duration.ofDays(31)), TO));
        assertThat(both.days().totalQuestions()).isEqualTo(7);
        assertThat(both.weeks()).isEqualTo(service.weeks(12, ZoneOffset.UTC, TO, StatsScope.EVERYTHING));
        assertThat(both.weeks().weeks().stream()
                        .mapToInt(AwarenessStats::totalQuestions)
                        .sum())
                .as("the weeks overlap the days and reach back to April 30; each counts its own")
                .isEqualTo(8);
        AwarenessStatsService.DaysAndWeeks oneDay =
                service.lastDaysAndWeeks(1, 12, ZoneOffset.UTC, TO, StatsScope.EVERYTHING);
        assertThat(oneDay.days().totalQuestions())
                .as("the question just before the end")
                .isEqualTo(1);
        assertThat(oneDay.weeks()).isEqualTo(both.weeks());
        assertThatThrownBy(() -> service.lastDaysAndWeeks(0, 12, ZoneOffset.UTC, TO, StatsScope.EVERYTHING))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.lastDaysAndWeeks(
                        AwarenessStatsService.MAX_DAYS + 1, 12, ZoneOffset.UTC, TO, StatsScope.EVERYTHING))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyPeriodHasOnlyZeros() {
        AwarenessStats stats = new AwarenessStatsService(new InMemoryActivityLog(), CLOCK).compute(FROM, TO);

        assertThat(stats.isEmpty()).isTrue();
        assertThat(stats.totalQuestions()).isZero();
        assertThat(stats.quizParticipants()).isZero();
        assertThat(stats.quizScore()).isEmpty();
        assertThat(stats.nudgesByKind())
                .containsExactlyInAnyOrderEntriesOf(Map.of(NudgeSent.Kind.TIP, 0, NudgeSent.Kind.QUIZ, 0));
    }

    @Test
    void keepsNoPersonalData() {
        String stats = service.compute(FROM, TO).toString();

        assertThat(stats).doesNotContain("U0ALICE", "U0BOB", "c4r0l", "T1", "C-general");
    }

    @Test
    void refusesAPeriodThatDoesNotEndAfterItStarts() {
        assertThatThrownBy(() -> service.compute(TO, FROM)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.compute(TO, TO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statisticsValidateThemselves() {
        Map<String, QuizScore> quiz = Map.of("scope", new QuizScore(2, 1));
        assertThatThrownBy(() -> new AwarenessStats(FROM, TO, Map.of(), 3, quiz, Map.of()))
                .as("more participants than answers")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AwarenessStats(FROM, TO, Map.of(), 0, quiz, Map.of()))
                .as("answers without participants")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QuizScore(1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TierCounts(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AwarenessStats(FROM, TO, Map.of(), 0, Map.of(), Map.of(), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
