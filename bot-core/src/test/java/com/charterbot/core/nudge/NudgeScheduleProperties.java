package com.charterbot.core.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.values.Language;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Properties of {@link NudgeSchedule#nextDue}, checked against a plain day-by-day enumeration of
 * the slots (the oracle) over random settings, zones and instants.
 */
class NudgeScheduleProperties {

    static final List<ZoneId> ZONES = List.of(
            ZoneId.of("Europe/Paris"),
            ZoneId.of("America/New_York"),
            ZoneId.of("Australia/Sydney"),
            ZoneId.of("Asia/Kolkata"),
            ZoneId.of("UTC"));
    static final Instant FROM = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant TO = Instant.parse("2100-01-01T00:00:00Z");

    record Case(NudgeSettings settings, Instant now, Optional<Instant> lastDelivery) {}

    @Property(tries = 400)
    void resultFollowsTheRuleAndIsNeverBeforeNow(@ForAll("cases") Case c) {
        Instant result = NudgeSchedule.nextDue(c.settings(), c.lastDelivery(), Clock.fixed(c.now(), ZoneOffset.UTC))
                .orElseThrow();

        assertThat(result).isAfterOrEqualTo(c.now());
        assertThat(result.equals(c.now()) || isSlot(c.settings(), result))
                .as("a slot or now")
                .isTrue();
        Instant earliest =
                c.lastDelivery().filter(last -> last.isBefore(c.now())).orElse(c.now());
        Instant latest = c.lastDelivery().filter(last -> last.isAfter(c.now())).orElse(c.now());
        List<Instant> slots =
                slots(c.settings(), earliest.minus(40, ChronoUnit.DAYS), latest.plus(80, ChronoUnit.DAYS));
        Instant expected = c.lastDelivery()
                .map(last -> {
                    Instant period = slots.stream()
                            .filter(slot -> !slot.isAfter(last))
                            .reduce((a, b) -> b)
                            .orElseThrow();
                    return slots.stream()
                            .filter(slot -> slot.isAfter(period))
                            .findFirst()
                            .orElseThrow();
                })
                .orElseGet(() -> slots.stream()
                        .filter(slot -> !slot.isBefore(c.now()))
                        .findFirst()
                        .orElseThrow());
        assertThat(result).isEqualTo(expected.isBefore(c.now()) ? c.now() : expected);
    }

    @Property(tries = 400)
    void afterADeliveryTheNextIsLaterByAtMostOnePeriod(@ForAll("cases") Case c) {
        Instant delivered = NudgeSchedule.nextDue(c.settings(), c.lastDelivery(), Clock.fixed(c.now(), ZoneOffset.UTC))
                .orElseThrow();

        Instant next = NudgeSchedule.nextDue(
                        c.settings(), Optional.of(delivered), Clock.fixed(delivered, ZoneOffset.UTC))
                .orElseThrow();

        assertThat(next).isAfter(delivered);
        assertThat(Duration.between(delivered, next))
                .isLessThanOrEqualTo(longestPeriod(c.settings().frequency()).plusHours(1));
        assertThat(isSlot(c.settings(), next)).isTrue();
    }

    @Property(tries = 120)
    void deliveringOnTimeForAYearGivesExactlyOneDeliveryPerPeriod(@ForAll("cases") Case c) {
        Instant start = c.now();
        Instant end = start.atZone(c.settings().zone()).plusYears(1).toInstant();
        List<Instant> deliveries = new ArrayList<>();
        Optional<Instant> last = Optional.empty();
        Instant now = start;
        while (true) {
            Instant due = NudgeSchedule.nextDue(c.settings(), last, Clock.fixed(now, ZoneOffset.UTC))
                    .orElseThrow();
            if (!due.isBefore(end)) {
                break;
            }
            deliveries.add(due);
            last = Optional.of(due);
            now = due;
        }

        assertThat(deliveries).doesNotHaveDuplicates().isSorted().isEqualTo(slots(c.settings(), start, end));
        int[] expectedCount = switch (c.settings().frequency()) {
            case DAILY_WORKDAYS -> new int[] {260, 262};
            case WEEKLY -> new int[] {52, 53};
            case BIWEEKLY -> new int[] {26, 27};
            case MONTHLY -> new int[] {12, 12};
            case OFF -> throw new AssertionError();
        };
        // A slot moved forward by a spring gap can fall on either side of the window's start.
        int slack = c.settings().zone().getRules().isFixedOffset() ? 0 : 1;
        assertThat(deliveries).hasSizeBetween(expectedCount[0] - slack, expectedCount[1] + slack);
    }

    @Property(tries = 200)
    void deliveringLateInTheSamePeriodDoesNotDeliverTwice(
            @ForAll("cases") Case c, @ForAll("fractions") double fraction) {
        Clock clock = Clock.fixed(c.now(), ZoneOffset.UTC);
        Instant due =
                NudgeSchedule.nextDue(c.settings(), c.lastDelivery(), clock).orElseThrow();
        Instant following = NudgeSchedule.nextDue(c.settings(), Optional.of(due), Clock.fixed(due, ZoneOffset.UTC))
                .orElseThrow();
        Instant retried =
                due.plusMillis((long) (Duration.between(due, following).toMillis() * fraction));

        Instant next = NudgeSchedule.nextDue(c.settings(), Optional.of(retried), Clock.fixed(retried, ZoneOffset.UTC))
                .orElseThrow();

        assertThat(next).isEqualTo(following);
    }

    @Property(tries = 50)
    void offIsNeverDue(@ForAll("cases") Case c) {
        NudgeSettings off = c.settings().withFrequency(Frequency.OFF);

        assertThat(NudgeSchedule.nextDue(off, c.lastDelivery(), Clock.fixed(c.now(), ZoneOffset.UTC)))
                .isEmpty();
    }

    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(0.0, 0.999).ofScale(3);
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<LocalTime> anyTime = Combinators.combine(
                        Arbitraries.integers().between(0, 23),
                        Arbitraries.integers().between(0, 59))
                .as(LocalTime::of);
        Arbitrary<LocalTime> nearChanges = Arbitraries.of(
                LocalTime.of(2, 0),
                LocalTime.of(2, 30),
                LocalTime.of(1, 30),
                LocalTime.of(3, 0),
                LocalTime.MIDNIGHT,
                LocalTime.of(23, 59));
        Arbitrary<NudgeSettings> settings = Combinators.combine(
                        Arbitraries.of(
                                Frequency.DAILY_WORKDAYS, Frequency.WEEKLY, Frequency.BIWEEKLY, Frequency.MONTHLY),
                        Arbitraries.of(DayOfWeek.class),
                        Arbitraries.oneOf(
                                Arbitraries.integers().between(1, 31),
                                Arbitraries.integers().between(28, 31)),
                        Arbitraries.frequencyOf(Tuple.of(3, anyTime), Tuple.of(1, nearChanges)),
                        Arbitraries.of(ZONES),
                        Arbitraries.of(NudgeContent.class))
                .as((frequency, weekday, day, time, zone, content) ->
                        new NudgeSettings(frequency, weekday, day, time, zone, Language.EN, content));
        Arbitrary<Instant> uniform = Arbitraries.longs()
                .between(FROM.getEpochSecond(), TO.getEpochSecond())
                .map(Instant::ofEpochSecond);
        Arbitrary<Long> nearOffset = Arbitraries.longs().between(-10 * 86_400, 10 * 86_400);
        Arbitrary<Optional<Long>> lastOffset = Arbitraries.oneOf(
                        Arbitraries.longs().between(-120 * 86_400, 2 * 86_400),
                        Arbitraries.longs().between(-86_400, 86_400))
                .optional(0.8);
        return Combinators.combine(settings, uniform, Arbitraries.of(true, false), nearOffset, lastOffset)
                .as((s, instant, nearTransition, offset, last) -> {
                    Instant now = instant;
                    if (nearTransition) {
                        ZoneOffsetTransition transition = s.zone().getRules().nextTransition(instant);
                        if (transition != null && transition.getInstant().isBefore(TO)) {
                            now = transition.getInstant().plusSeconds(offset);
                        }
                    }
                    Instant at = now;
                    return new Case(s, now, last.map(at::plusSeconds));
                });
    }

    /** The longest time between two consecutive slots, DST aside. */
    static Duration longestPeriod(Frequency frequency) {
        return switch (frequency) {
            case DAILY_WORKDAYS -> Duration.ofDays(3);
            case WEEKLY -> Duration.ofDays(7);
            case BIWEEKLY -> Duration.ofDays(14);
            case MONTHLY -> Duration.ofDays(31);
            case OFF -> throw new AssertionError();
        };
    }

    /** The oracle: whether the settings have a slot on this date, written independently of the schedule. */
    static boolean isSlotDate(NudgeSettings settings, LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return switch (settings.frequency()) {
            case OFF -> false;
            case DAILY_WORKDAYS -> day.getValue() <= 5;
            case WEEKLY -> day == settings.weekday();
            case BIWEEKLY ->
                day == settings.weekday()
                        && ChronoUnit.WEEKS.between(LocalDate.of(1970, 1, 5), date.with(DayOfWeek.MONDAY)) % 2 == 0;
            case MONTHLY -> date.getDayOfMonth() == Math.min(settings.dayOfMonth(), date.lengthOfMonth());
        };
    }

    /** Every slot instant in [from, to), by walking day by day. */
    static List<Instant> slots(NudgeSettings settings, Instant from, Instant to) {
        List<Instant> result = new ArrayList<>();
        LocalDate last = to.atZone(settings.zone()).toLocalDate().plusDays(1);
        for (LocalDate date = from.atZone(settings.zone()).toLocalDate().minusDays(1);
                !date.isAfter(last);
                date = date.plusDays(1)) {
            if (isSlotDate(settings, date)) {
                Instant slot =
                        ZonedDateTime.of(date, settings.time(), settings.zone()).toInstant();
                if (!slot.isBefore(from) && slot.isBefore(to)) {
                    result.add(slot);
                }
            }
        }
        return result;
    }

    static boolean isSlot(NudgeSettings settings, Instant instant) {
        return slots(settings, instant, instant.plusNanos(1)).contains(instant);
    }
}
