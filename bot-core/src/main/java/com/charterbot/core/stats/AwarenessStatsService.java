package com.charterbot.core.stats;

import com.charterbot.core.activity.ActivityLog;
import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.activity.QuestionAsked;
import com.charterbot.core.activity.QuizAnswered;
import com.charterbot.core.chat.UserRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Counts what the {@link ActivityLog} holds for a period, keeping no personal data in the result. */
public final class AwarenessStatsService {

    /** The longest period {@link #lastDays} accepts. */
    public static final int MAX_DAYS = 3_660;

    private final ActivityLog activity;
    private final Clock clock;

    public AwarenessStatsService(ActivityLog activity, Clock clock) {
        this.activity = Objects.requireNonNull(activity, "activity");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Statistics of every tenant for [from, to); {@code nudgesFailed} is 0 (see {@link AwarenessStats#withNudgesFailed}). */
    public AwarenessStats compute(Instant from, Instant to) {
        return compute(from, to, StatsScope.EVERYTHING);
    }

    /**
     * Statistics for [from, to) of the tenants in scope: questions by where they were asked, quiz
     * answers by their participant's tenant, nudges by their channel's.
     */
    public AwarenessStats compute(Instant from, Instant to, StatsScope scope) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a period ends after it starts: " + from + " to " + to);
        }
        Map<String, AwarenessStats.TierCounts> questions = new HashMap<>();
        for (QuestionAsked question : activity.questions(from, to)) {
            if (!scope.covers(question.tenant())) {
                continue;
            }
            String sectionId = question.sectionId() == null || question.sectionId().isBlank()
                    ? AwarenessStats.UNMATCHED : question.sectionId();
            questions.merge(sectionId, AwarenessStats.TierCounts.NONE.plus(question.tier()),
                    (a, b) -> a.plus(question.tier()));
        }
        Map<String, AwarenessStats.QuizScore> quiz = new HashMap<>();
        Set<UserRef> participants = new HashSet<>();
        for (QuizAnswered answer : activity.quizAnswers(from, to)) {
            if (!scope.covers(answer.participant())) {
                continue;
            }
            quiz.merge(answer.sectionId(), new AwarenessStats.QuizScore(0, 0).plus(answer.correct()),
                    (a, b) -> a.plus(answer.correct()));
            participants.add(answer.participant());
        }
        Map<NudgeSent.Kind, Integer> nudges = new EnumMap<>(NudgeSent.Kind.class);
        for (NudgeSent nudge : activity.nudges(from, to)) {
            if (!scope.covers(nudge.channel())) {
                continue;
            }
            nudges.merge(nudge.kind(), 1, Integer::sum);
        }
        return new AwarenessStats(from, to, questions, participants.size(), quiz, nudges);
    }

    /** Statistics for the {@code days} (1 to {@value #MAX_DAYS}) days up to now. */
    public AwarenessStats lastDays(int days) {
        return lastDays(days, StatsScope.EVERYTHING);
    }

    /** Statistics of the tenants in scope for the {@code days} (1 to {@value #MAX_DAYS}) days up to now. */
    public AwarenessStats lastDays(int days, StatsScope scope) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("a period is 1 to " + MAX_DAYS + " days, not " + days);
        }
        Instant now = clock.instant();
        return compute(now.minus(Duration.ofDays(days)), now, scope);
    }
}
