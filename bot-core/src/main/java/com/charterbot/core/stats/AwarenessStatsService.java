package com.charterbot.core.stats;

import com.charterbot.core.activity.ActivityLog;
import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.activity.QuestionAsked;
import com.charterbot.core.activity.QuizAnswered;
import com.charterbot.core.activity.StatsScope;
import com.charterbot.core.values.UserRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

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
        return count(
                from,
                to,
                questionsIn(activity.questions(from, to), scope),
                answersIn(activity.quizAnswers(from, to), scope),
                nudgesIn(activity.nudges(from, to), scope));
    }

    private static List<QuestionAsked> questionsIn(List<QuestionAsked> asked, StatsScope scope) {
        return asked.stream()
                .filter(question -> scope.covers(question.tenant()))
                .toList();
    }

    private static List<QuizAnswered> answersIn(List<QuizAnswered> answered, StatsScope scope) {
        return answered.stream()
                .filter(answer -> scope.covers(answer.participant()))
                .toList();
    }

    private static List<NudgeSent> nudgesIn(List<NudgeSent> sent, StatsScope scope) {
        return sent.stream().filter(nudge -> scope.covers(nudge.channel())).toList();
    }

    private static AwarenessStats count(
            Instant from, Instant to, List<QuestionAsked> asked, List<QuizAnswered> answered, List<NudgeSent> sent) {
        Map<String, AwarenessStats.TierCounts> questions = new HashMap<>();
        for (QuestionAsked question : asked) {
            String sectionId =
                    question.sectionId() == null || question.sectionId().isBlank()
                            ? AwarenessStats.UNMATCHED
                            : question.sectionId();
            questions.merge(
                    sectionId, AwarenessStats.TierCounts.NONE.plus(question.tier()), (a, b) -> a.plus(question.tier()));
        }
        Map<String, AwarenessStats.QuizScore> quiz = new HashMap<>();
        Set<UserRef> participants = new HashSet<>();
        for (QuizAnswered answer : answered) {
            quiz.merge(
                    answer.sectionId(),
                    new AwarenessStats.QuizScore(0, 0).plus(answer.correct()),
                    (a, b) -> a.plus(answer.correct()));
            participants.add(answer.participant());
        }
        Map<NudgeSent.Kind, Integer> nudges = new EnumMap<>(NudgeSent.Kind.class);
        for (NudgeSent nudge : sent) {
            nudges.merge(nudge.kind(), 1, Integer::sum);
        }
        return new AwarenessStats(from, to, questions, participants.size(), quiz, nudges);
    }

    /** The last {@code count} weeks up to now, of every tenant; see {@link #weeks(int, ZoneId, Instant, StatsScope)}. */
    public WeeklyStats weeks(int count, ZoneId zone) {
        return weeks(count, zone, clock.instant(), StatsScope.EVERYTHING);
    }

    /**
     * The {@code count} weeks (1 to 520), Monday to Monday in this zone, that end with the week of
     * {@code until}, counting what happened before {@code until} only, in the tenants of the scope:
     * the same arguments give the same counts later. {@code nudgesFailed} is 0 (see {@link WeeklyStats#withFailures}). The log is read
     * once for the whole span.
     */
    public WeeklyStats weeks(int count, ZoneId zone, Instant until, StatsScope scope) {
        if (count < 1 || count > 520) {
            throw new IllegalArgumentException("1 to 520 weeks, not " + count);
        }
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(scope, "scope");
        LocalDate first = WeeklyStats.monday(until, zone).minusWeeks(count - 1L);
        List<Instant> bounds = new ArrayList<>();
        for (int i = 0; i <= count; i++) {
            bounds.add(first.plusWeeks(i).atStartOfDay(zone).toInstant());
        }
        Instant from = bounds.get(0);
        if (!from.isBefore(until)) {
            // Midnight on a Monday: the week of until has just begun and holds nothing yet.
            return new WeeklyStats(zone, emptyWeeks(bounds));
        }
        List<List<QuestionAsked>> questions =
                byWeek(questionsIn(activity.questions(from, until), scope), QuestionAsked::at, bounds);
        List<List<QuizAnswered>> answers =
                byWeek(answersIn(activity.quizAnswers(from, until), scope), QuizAnswered::at, bounds);
        List<List<NudgeSent>> nudges = byWeek(nudgesIn(activity.nudges(from, until), scope), NudgeSent::at, bounds);
        List<AwarenessStats> weeks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            weeks.add(count(bounds.get(i), bounds.get(i + 1), questions.get(i), answers.get(i), nudges.get(i)));
        }
        return new WeeklyStats(zone, weeks);
    }

    private static List<AwarenessStats> emptyWeeks(List<Instant> bounds) {
        List<AwarenessStats> weeks = new ArrayList<>();
        for (int i = 1; i < bounds.size(); i++) {
            weeks.add(count(bounds.get(i - 1), bounds.get(i), List.of(), List.of(), List.of()));
        }
        return weeks;
    }

    private static <T> List<List<T>> byWeek(List<T> events, Function<T, Instant> at, List<Instant> bounds) {
        List<List<T>> weeks = new ArrayList<>();
        for (int i = 1; i < bounds.size(); i++) {
            weeks.add(new ArrayList<>());
        }
        for (T event : events) {
            Instant when = at.apply(event);
            for (int i = 1; i < bounds.size(); i++) {
                if (when.isBefore(bounds.get(i))) {
                    weeks.get(i - 1).add(event);
                    break;
                }
            }
        }
        return weeks;
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
