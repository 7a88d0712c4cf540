package com.charterbot.core.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.charterbot.core.answer.Tier;
import com.charterbot.core.memory.InMemoryActivityLog;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivityCountsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    private static final UserRef ANA = new UserRef(Platform.SLACK, "T0A", "U0ANA");
    private static final UserRef ANA_ELSEWHERE = new UserRef(Platform.SLACK, "T0B", "U0ANA");
    private static final ChannelRef GENERAL = new ChannelRef(Platform.SLACK, "T0A", "C0GENERAL");
    private static final ChannelRef TEAMS = new ChannelRef(Platform.TEAMS, "tenant-1", "19:x@thread.tacv2");

    @Test
    void countsQuestionsQuizAnswersPeopleAndNudges() {
        ActivityCounts counts = ActivityCounts.of(
                List.of(
                        new QuestionAsked(T0, Language.EN, Tier.ANSWER, "photos"),
                        new QuestionAsked(T0, Language.FR, Tier.ANSWER, "photos"),
                        new QuestionAsked(T0, Language.FR, Tier.FALLBACK, null),
                        new QuestionAsked(T0, Language.FR, Tier.SUGGEST, "  ")),
                List.of(
                        new QuizAnswered(T0, "photos", "photos#1", true, null, ANA),
                        new QuizAnswered(T0, "photos", "photos#2", false, null, ANA),
                        new QuizAnswered(T0, "leaks", "leaks#1", true, GENERAL, ANA_ELSEWHERE)),
                List.of(new NudgeSent(T0, GENERAL, NudgeSent.Kind.TIP), new NudgeSent(T0, TEAMS, NudgeSent.Kind.TIP)));

        assertThat(counts.questions())
                .isEqualTo(Map.of(
                        "photos",
                        Map.of(Tier.ANSWER, 2),
                        ActivityCounts.NO_SECTION,
                        Map.of(Tier.FALLBACK, 1, Tier.SUGGEST, 1)));
        assertThat(counts.quizAnswers()).isEqualTo(Map.of("photos", 2, "leaks", 1));
        assertThat(counts.quizCorrect()).isEqualTo(Map.of("photos", 1, "leaks", 1));
        assertThat(counts.quizParticipants()).as("one person per workspace").isEqualTo(2);
        assertThat(counts.nudges()).isEqualTo(Map.of(NudgeSent.Kind.TIP, 2));
    }

    @Test
    void theLogCountsEachPeriodAndOnlyTheTenantsInScope() {
        InMemoryActivityLog log = new InMemoryActivityLog();
        log.record(new QuestionAsked(T0.minusNanos(1), Language.EN, Tier.ANSWER, "photos", "slack:T0A"));
        log.record(new QuestionAsked(T0, Language.EN, Tier.ANSWER, "photos", "slack:T0A"));
        log.record(new QuestionAsked(T0, Language.EN, Tier.ANSWER, "photos", "slack:T0B"));
        log.record(new QuestionAsked(T0, Language.EN, Tier.ANSWER, "photos", null));
        log.record(new QuizAnswered(T0.plusSeconds(5), "photos", "photos#1", true, null, ANA_ELSEWHERE));
        log.record(new NudgeSent(T0.plusSeconds(86_400), GENERAL, NudgeSent.Kind.QUIZ));

        List<Instant> bounds = List.of(T0.minusSeconds(60), T0, T0, T0.plusSeconds(86_400), T0.plusSeconds(86_401));
        List<ActivityCounts.Period> periods = new ArrayList<>(ActivityCounts.Period.between(bounds));
        periods.add(new ActivityCounts.Period(T0.minusSeconds(60), T0.plusSeconds(86_401)));
        List<ActivityCounts> all = log.count(periods, StatsScope.EVERYTHING);
        List<ActivityCounts> workspaceA = log.count(periods, StatsScope.of(Platform.SLACK, List.of("T0A")));

        assertThat(all)
                .extracting(counts -> counts.questions().getOrDefault("photos", Map.of()))
                .containsExactly(
                        Map.of(Tier.ANSWER, 1), Map.of(), Map.of(Tier.ANSWER, 3), Map.of(), Map.of(Tier.ANSWER, 4));
        assertThat(all)
                .as("the last period overlaps all the others")
                .extracting(ActivityCounts::quizParticipants)
                .containsExactly(0, 0, 1, 0, 1);
        assertThat(all.get(4).nudges()).isEqualTo(Map.of(NudgeSent.Kind.QUIZ, 1));
        assertThat(workspaceA.get(4).questions()).isEqualTo(Map.of("photos", Map.of(Tier.ANSWER, 2)));
        assertThat(all.get(3).nudges()).isEqualTo(Map.of(NudgeSent.Kind.QUIZ, 1));
        assertThat(workspaceA.get(2).questions())
                .as("without a tenant, a question counts only for everything")
                .isEqualTo(Map.of("photos", Map.of(Tier.ANSWER, 1)));
        assertThat(workspaceA.get(2).quizParticipants()).isZero();
        assertThat(workspaceA.get(3).nudges()).isEqualTo(Map.of(NudgeSent.Kind.QUIZ, 1));
    }

    @Test
    void refusesBoundsThatCannotMakePeriods() {
        assertThatThrownBy(() -> ActivityCounts.requireBounds(List.of(T0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least two bounds");
        assertThatThrownBy(() -> ActivityCounts.requireBounds(List.of(T0, T0.minusSeconds(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("back in time");
        assertThatThrownBy(() -> ActivityCounts.requireBounds(Arrays.asList(T0, null)))
                .isInstanceOf(NullPointerException.class);
        ActivityCounts.requireBounds(List.of(T0, T0, T0.plusSeconds(1)));
        assertThatThrownBy(() -> new ActivityCounts.Period(T0, T0.minusNanos(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> ActivityCounts.Period.between(List.of(T0, T0.minusSeconds(1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
