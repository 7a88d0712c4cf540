package com.charterbot.core.stats;

import com.charterbot.core.activity.ActivityCounts;
import com.charterbot.core.activity.ActivityLog;
import com.charterbot.core.activity.StatsScope;
import com.charterbot.core.answer.Tier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Counts what the {@link ActivityLog} holds for a period, keeping no personal data in the result. */
public final class AwarenessStatsService {

    /** The longest period {@link #lastDaysAndWeeks} accepts, in days. */
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
        return stats(
                from,
                to,
                activity.count(List.of(new ActivityCounts.Period(from, to)), scope)
                        .get(0));
    }

    private static AwarenessStats stats(Instant from, Instant to, ActivityCounts counts) {
        Map<String, AwarenessStats.TierCounts> questions = new HashMap<>();
        counts.questions()
                .forEach((section, tiers) -> questions.put(
                        section.equals(ActivityCounts.NO_SECTION) ? AwarenessStats.UNMATCHED : section,
                        new AwarenessStats.TierCounts(
                                tiers.getOrDefault(Tier.ANSWER, 0),
                                tiers.getOrDefault(Tier.SUGGEST, 0),
                                tiers.getOrDefault(Tier.FALLBACK, 0))));
        Map<String, AwarenessStats.QuizScore> quiz = new HashMap<>();
        counts.quizAnswers()
                .forEach((section, answered) -> quiz.put(
                        section,
                        new AwarenessStats.QuizScore(
                                answered, counts.quizCorrect().getOrDefault(section, 0))));
        return new AwarenessStats(from, to, questions, counts.quizParticipants(), quiz, counts.nudges());
    }

    /** The last {@code count} weeks up to now, of every tenant; see {@link #weeks(int, ZoneId, Instant, StatsScope)}. */
    public WeeklyStats weeks(int count, ZoneId zone) {
        return weeks(count, zone, clock.instant(), StatsScope.EVERYTHING);
    }

    /**
     * The {@code count} weeks (1 to 520), Monday to Monday in this zone, that end with the week of
     * {@code until}, counting what happened before {@code until} only, in the tenants of the scope:
     * the same arguments give the same counts later. {@code nudgesFailed} is 0 (see {@link WeeklyStats#withFailures}). The log
     * counts the whole span at once.
     */
    public WeeklyStats weeks(int count, ZoneId zone, Instant until, StatsScope scope) {
        List<Instant> bounds = weekBounds(count, zone, until);
        Objects.requireNonNull(scope, "scope");
        return weekly(zone, bounds, activity.count(weekPeriods(bounds, until), scope));
    }

    /**
     * The {@code days} (1 to {@value #MAX_DAYS}) days up to {@code until} and the {@code count} weeks
     * of {@link #weeks(int, ZoneId, Instant, StatsScope)}, counted by the log in one go.
     */
    public DaysAndWeeks lastDaysAndWeeks(int days, int count, ZoneId zone, Instant until, StatsScope scope) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("a period is 1 to " + MAX_DAYS + " days, not " + days);
        }
        List<Instant> bounds = weekBounds(count, zone, until);
        Objects.requireNonNull(scope, "scope");
        List<ActivityCounts.Period> periods = new ArrayList<>(weekPeriods(bounds, until));
        Instant from = until.minus(Duration.ofDays(days));
        periods.add(new ActivityCounts.Period(from, until));
        List<ActivityCounts> counts = activity.count(periods, scope);
        return new DaysAndWeeks(stats(from, until, counts.get(count)), weekly(zone, bounds, counts.subList(0, count)));
    }

    /** The statistics of the last days up to an instant, and of the weeks that end with that instant's week. */
    public record DaysAndWeeks(AwarenessStats days, WeeklyStats weeks) {
        public DaysAndWeeks {
            Objects.requireNonNull(days, "days");
            Objects.requireNonNull(weeks, "weeks");
        }
    }

    /** The Mondays that start the {@code count} weeks ending with the week of until, and the Monday after. */
    private static List<Instant> weekBounds(int count, ZoneId zone, Instant until) {
        if (count < 1 || count > 520) {
            throw new IllegalArgumentException("1 to 520 weeks, not " + count);
        }
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(until, "until");
        LocalDate first = WeeklyStats.monday(until, zone).minusWeeks(count - 1L);
        List<Instant> bounds = new ArrayList<>();
        for (int i = 0; i <= count; i++) {
            bounds.add(first.plusWeeks(i).atStartOfDay(zone).toInstant());
        }
        return bounds;
    }

    /** The weeks' periods, the last one ending at until, inside its week (or at its very start: then it is empty). */
    private static List<ActivityCounts.Period> weekPeriods(List<Instant> bounds, Instant until) {
        List<Instant> ends = new ArrayList<>(bounds.subList(0, bounds.size() - 1));
        ends.add(until);
        return ActivityCounts.Period.between(ends);
    }

    private static WeeklyStats weekly(ZoneId zone, List<Instant> bounds, List<ActivityCounts> counts) {
        List<AwarenessStats> weeks = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            weeks.add(stats(bounds.get(i), bounds.get(i + 1), counts.get(i)));
        }
        return new WeeklyStats(zone, weeks);
    }
}
