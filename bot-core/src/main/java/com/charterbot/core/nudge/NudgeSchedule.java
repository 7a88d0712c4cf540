package com.charterbot.core.nudge;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.Optional;

/**
 * When a channel's next nudge is due.
 *
 * <p>A channel's slots are local date-times at the settings' time in the settings' zone, on the
 * days its frequency picks; a slot becomes an instant as {@link ZonedDateTime#of} does (a time in
 * a spring-forward gap moves forward by the gap, a time in a fall-back overlap takes the earlier
 * offset). Each slot opens a period that lasts until the next slot: one delivery per period, no
 * period skipped, at most one catch-up after downtime.
 */
public final class NudgeSchedule {

    /** Monday 1970-01-05, the start of week 0 for {@link Frequency#BIWEEKLY}; even weeks have a slot. */
    static final LocalDate BIWEEKLY_EPOCH = LocalDate.of(1970, 1, 5);

    private NudgeSchedule() {}

    /**
     * The instant the next nudge is due, never before the clock's now; empty when nudges are off.
     *
     * <p>With a last delivery, that is the first slot after the slot of the period the delivery
     * belongs to (a late retry or a catch-up still belongs to its period). Without one, the first
     * slot at or after now. When that instant has already passed (the bot was down), now: a
     * single catch-up, whatever the number of periods missed.
     */
    public static Optional<Instant> nextDue(NudgeSettings settings, Optional<Instant> lastDelivery, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(lastDelivery, "lastDelivery");
        Objects.requireNonNull(clock, "clock");
        if (!settings.enabled()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant due = lastDelivery
                .map(last -> slotAfter(settings, latestSlotAtOrBefore(settings, last)))
                .orElseGet(() -> firstSlotAtOrAfter(settings, now));
        return Optional.of(due.isBefore(now) ? now : due);
    }

    /** Whether nudges with these settings have a slot on this local date. */
    static boolean isSlotDate(NudgeSettings settings, LocalDate date) {
        return switch (settings.frequency()) {
            case OFF -> false;
            case DAILY_WORKDAYS -> date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
            case WEEKLY -> date.getDayOfWeek() == settings.weekday();
            case BIWEEKLY -> date.getDayOfWeek() == settings.weekday() && isEvenWeek(date);
            case MONTHLY -> date.equals(monthlySlot(settings, YearMonth.from(date)));
        };
    }

    /** The slot on this date as an instant; only meaningful when the date is a slot date. */
    static Instant slotInstant(NudgeSettings settings, LocalDate date) {
        return ZonedDateTime.of(date, settings.time(), settings.zone()).toInstant();
    }

    /** A slot: its local date and its instant. */
    private record Slot(LocalDate date, Instant at) {}

    private static Slot latestSlotAtOrBefore(NudgeSettings settings, Instant instant) {
        // A day's slot may fall into the next day's first hours (a gap at midnight): start a day later and step back.
        LocalDate date = slotDateOnOrBefore(
                settings, instant.atZone(settings.zone()).toLocalDate().plusDays(1));
        Instant at = slotInstant(settings, date);
        while (at.isAfter(instant)) {
            date = slotDateOnOrBefore(settings, date.minusDays(1));
            at = slotInstant(settings, date);
        }
        return new Slot(date, at);
    }

    private static Instant slotAfter(NudgeSettings settings, Slot slot) {
        LocalDate date = slotDateOnOrAfter(settings, slot.date().plusDays(1));
        Instant at = slotInstant(settings, date);
        while (!at.isAfter(slot.at())) {
            date = slotDateOnOrAfter(settings, date.plusDays(1));
            at = slotInstant(settings, date);
        }
        return at;
    }

    private static Instant firstSlotAtOrAfter(NudgeSettings settings, Instant instant) {
        LocalDate date = slotDateOnOrAfter(
                settings, instant.atZone(settings.zone()).toLocalDate().minusDays(1));
        Instant at = slotInstant(settings, date);
        while (at.isBefore(instant)) {
            date = slotDateOnOrAfter(settings, date.plusDays(1));
            at = slotInstant(settings, date);
        }
        return at;
    }

    /** The first slot date on or after {@code date}, in constant time. */
    private static LocalDate slotDateOnOrAfter(NudgeSettings settings, LocalDate date) {
        return switch (settings.frequency()) {
            case DAILY_WORKDAYS ->
                switch (date.getDayOfWeek()) {
                    case SATURDAY -> date.plusDays(2);
                    case SUNDAY -> date.plusDays(1);
                    default -> date;
                };
            case WEEKLY -> date.with(TemporalAdjusters.nextOrSame(settings.weekday()));
            case BIWEEKLY -> {
                LocalDate candidate = date.with(TemporalAdjusters.nextOrSame(settings.weekday()));
                yield isEvenWeek(candidate) ? candidate : candidate.plusWeeks(1);
            }
            case MONTHLY -> {
                LocalDate candidate = monthlySlot(settings, YearMonth.from(date));
                yield candidate.isBefore(date)
                        ? monthlySlot(settings, YearMonth.from(date).plusMonths(1))
                        : candidate;
            }
            case OFF -> throw new IllegalStateException("nudges are off");
        };
    }

    /** The last slot date on or before {@code date}, in constant time. */
    private static LocalDate slotDateOnOrBefore(NudgeSettings settings, LocalDate date) {
        return switch (settings.frequency()) {
            case DAILY_WORKDAYS ->
                switch (date.getDayOfWeek()) {
                    case SATURDAY -> date.minusDays(1);
                    case SUNDAY -> date.minusDays(2);
                    default -> date;
                };
            case WEEKLY -> date.with(TemporalAdjusters.previousOrSame(settings.weekday()));
            case BIWEEKLY -> {
                LocalDate candidate = date.with(TemporalAdjusters.previousOrSame(settings.weekday()));
                yield isEvenWeek(candidate) ? candidate : candidate.minusWeeks(1);
            }
            case MONTHLY -> {
                LocalDate candidate = monthlySlot(settings, YearMonth.from(date));
                yield candidate.isAfter(date)
                        ? monthlySlot(settings, YearMonth.from(date).minusMonths(1))
                        : candidate;
            }
            case OFF -> throw new IllegalStateException("nudges are off");
        };
    }

    private static LocalDate monthlySlot(NudgeSettings settings, YearMonth month) {
        return month.atDay(Math.min(settings.dayOfMonth(), month.lengthOfMonth()));
    }

    private static boolean isEvenWeek(LocalDate date) {
        long week = Math.floorDiv(date.toEpochDay() - BIWEEKLY_EPOCH.toEpochDay(), 7);
        return Math.floorMod(week, 2) == 0;
    }
}
