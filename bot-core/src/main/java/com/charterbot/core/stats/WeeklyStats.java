package com.charterbot.core.stats;

import com.charterbot.core.answer.Tier;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The statistics of consecutive weeks, Monday to Monday in the bot's time zone, oldest first; the
 * last week is the current one, still going on. Counts only, as {@link AwarenessStats}.
 *
 * @param zone where weeks start on Monday at midnight
 * @param weeks one {@link AwarenessStats} per week, oldest first, each from a Monday to the next
 */
public record WeeklyStats(ZoneId zone, List<AwarenessStats> weeks) {

    /** How many weeks the charts and the export cover. */
    public static final int WEEKS = 12;

    public WeeklyStats {
        Objects.requireNonNull(zone, "zone");
        weeks = List.copyOf(weeks);
        if (weeks.isEmpty()) {
            throw new IllegalArgumentException("weekly statistics cover at least one week");
        }
        for (int i = 0; i < weeks.size(); i++) {
            AwarenessStats week = weeks.get(i);
            LocalDate start = week.from().atZone(zone).toLocalDate();
            if (!week.from().equals(start.atStartOfDay(zone).toInstant())
                    || start.getDayOfWeek() != DayOfWeek.MONDAY
                    || !week.to().equals(start.plusWeeks(1).atStartOfDay(zone).toInstant())) {
                throw new IllegalArgumentException("week " + (i + 1) + " does not run from a Monday to the next: "
                        + week.from() + " to " + week.to());
            }
            if (i > 0 && !week.from().equals(weeks.get(i - 1).to())) {
                throw new IllegalArgumentException("week " + (i + 1) + " does not follow week " + i);
            }
        }
    }

    /** The Monday each week starts on, oldest first. */
    public List<LocalDate> starts() {
        return weeks.stream()
                .map(week -> week.from().atZone(zone).toLocalDate())
                .toList();
    }

    /** When the first week starts. */
    public Instant from() {
        return weeks.get(0).from();
    }

    /** When the last week ends (the Monday after the current week). */
    public Instant to() {
        return weeks.get(weeks.size() - 1).to();
    }

    /** Questions per section (or {@link AwarenessStats#UNMATCHED}) over every week, sorted by section id. */
    public Map<String, AwarenessStats.TierCounts> questionsBySection() {
        Map<String, AwarenessStats.TierCounts> totals = new TreeMap<>();
        for (AwarenessStats week : weeks) {
            week.questionsBySection().forEach((section, counts) -> totals.merge(section, counts, WeeklyStats::sum));
        }
        return new LinkedHashMap<>(totals);
    }

    /** Whether nothing happened in any week. */
    public boolean isEmpty() {
        return weeks.stream().allMatch(AwarenessStats::isEmpty);
    }

    /**
     * These weeks with the nudge deliveries that failed, each counted in the week it was due; failures due
     * outside the weeks are left out.
     */
    public WeeklyStats withFailures(List<Instant> failedDue) {
        Objects.requireNonNull(failedDue, "failedDue");
        List<AwarenessStats> counted = new ArrayList<>();
        for (AwarenessStats week : weeks) {
            int failed = (int) failedDue.stream()
                    .filter(due -> !due.isBefore(week.from()) && due.isBefore(week.to()))
                    .count();
            counted.add(week.withNudgesFailed(failed));
        }
        return new WeeklyStats(zone, counted);
    }

    /** The Monday, at midnight in {@code zone}, of the week {@code instant} falls in. */
    static LocalDate monday(Instant instant, ZoneId zone) {
        LocalDate day = instant.atZone(zone).toLocalDate();
        return day.minusDays(day.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
    }

    private static AwarenessStats.TierCounts sum(AwarenessStats.TierCounts a, AwarenessStats.TierCounts b) {
        return new AwarenessStats.TierCounts(
                a.count(Tier.ANSWER) + b.count(Tier.ANSWER),
                a.count(Tier.SUGGEST) + b.count(Tier.SUGGEST),
                a.count(Tier.FALLBACK) + b.count(Tier.FALLBACK));
    }
}
