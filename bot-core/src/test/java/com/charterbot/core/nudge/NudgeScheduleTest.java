package com.charterbot.core.nudge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.charterbot.core.values.Language;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NudgeScheduleTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    static final ZoneId UTC = ZoneId.of("UTC");

    static NudgeSettings weekly(DayOfWeek day, String time, ZoneId zone) {
        return NudgeSettings.defaults(zone, Language.EN).withWeekday(day).withTime(LocalTime.parse(time));
    }

    static NudgeSettings monthly(int day, String time, ZoneId zone) {
        return NudgeSettings.defaults(zone, Language.EN)
                .withFrequency(Frequency.MONTHLY)
                .withDayOfMonth(day)
                .withTime(LocalTime.parse(time));
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    static Instant next(NudgeSettings settings, String lastDelivery, String now) {
        Optional<Instant> last = Optional.ofNullable(lastDelivery).map(Instant::parse);
        return NudgeSchedule.nextDue(settings, last, Clock.fixed(at(now), ZoneOffset.UTC))
                .orElseThrow();
    }

    @Test
    void offHasNoNextNudge() {
        NudgeSettings off = NudgeSettings.defaults(PARIS, Language.EN).withFrequency(Frequency.OFF);

        assertThat(NudgeSchedule.nextDue(
                        off, Optional.empty(), Clock.fixed(at("2024-03-04T09:00:00Z"), ZoneOffset.UTC)))
                .isEmpty();
        assertThat(NudgeSchedule.nextDue(off, Optional.of(at("2024-01-01T00:00:00Z")), Clock.systemUTC()))
                .isEmpty();
    }

    @Test
    void withoutDeliveryTheFirstSlotFromNowIsDue() {
        NudgeSettings tuesdays = weekly(DayOfWeek.TUESDAY, "10:00", PARIS);

        assertThat(next(tuesdays, null, "2024-03-04T09:00:00Z")).isEqualTo(at("2024-03-05T09:00:00Z"));
        assertThat(next(tuesdays, null, "2024-03-05T09:00:00Z"))
                .as("now is a slot")
                .isEqualTo(at("2024-03-05T09:00:00Z"));
        assertThat(next(tuesdays, null, "2024-03-05T09:00:01Z"))
                .as("no catch-up without a delivery")
                .isEqualTo(at("2024-03-12T09:00:00Z"));
    }

    @Test
    void afterAnOnTimeDeliveryTheNextPeriodIsDue() {
        NudgeSettings tuesdays = weekly(DayOfWeek.TUESDAY, "10:00", PARIS);

        assertThat(next(tuesdays, "2024-03-05T09:00:00Z", "2024-03-05T09:00:00Z"))
                .isEqualTo(at("2024-03-12T09:00:00Z"));
    }

    @Test
    void aLateRetryInTheSamePeriodDoesNotCauseASecondDelivery() {
        NudgeSettings tuesdays = weekly(DayOfWeek.TUESDAY, "10:00", PARIS);

        assertThat(next(tuesdays, "2024-03-05T15:00:00Z", "2024-03-05T15:01:00Z"))
                .isEqualTo(at("2024-03-12T09:00:00Z"));
        assertThat(next(tuesdays, "2024-03-11T22:00:00Z", "2024-03-11T22:00:00Z"))
                .isEqualTo(at("2024-03-12T09:00:00Z"));
    }

    @Test
    void afterDowntimeASingleCatchUpIsDueNowThenTheScheduleResumes() {
        NudgeSettings tuesdays = weekly(DayOfWeek.TUESDAY, "10:00", PARIS);

        assertThat(next(tuesdays, "2024-03-05T09:00:00Z", "2024-03-28T12:00:00Z"))
                .isEqualTo(at("2024-03-28T12:00:00Z"));
        assertThat(next(tuesdays, "2024-03-28T12:00:00Z", "2024-03-28T12:00:05Z"))
                .as("after the catch-up, CEST from March 31")
                .isEqualTo(at("2024-04-02T08:00:00Z"));
    }

    @Test
    void aPeriodMissedByMinutesIsCaughtUpNotSkipped() {
        NudgeSettings tuesdays = weekly(DayOfWeek.TUESDAY, "10:00", PARIS);

        assertThat(next(tuesdays, "2024-03-05T09:00:00Z", "2024-03-12T09:05:00Z"))
                .isEqualTo(at("2024-03-12T09:05:00Z"));
    }

    @Test
    void workdaysSkipTheWeekend() {
        NudgeSettings workdays = weekly(DayOfWeek.TUESDAY, "10:00", PARIS).withFrequency(Frequency.DAILY_WORKDAYS);

        assertThat(next(workdays, "2024-03-08T09:00:00Z", "2024-03-09T12:00:00Z"))
                .isEqualTo(at("2024-03-11T09:00:00Z"));
        assertThat(next(workdays, "2024-03-29T09:00:00Z", "2024-03-29T09:00:00Z"))
                .as("across the spring change")
                .isEqualTo(at("2024-04-01T08:00:00Z"));
        assertThat(next(workdays, "2024-03-11T09:00:00Z", "2024-03-11T09:00:00Z"))
                .isEqualTo(at("2024-03-12T09:00:00Z"));
    }

    @Test
    void fortnightlyParityCountsWeeksFromMondayTheFifthOfJanuary1970() {
        NudgeSettings mondays = weekly(DayOfWeek.MONDAY, "09:00", UTC).withFrequency(Frequency.BIWEEKLY);

        assertThat(next(mondays, null, "1970-01-05T00:00:00Z")).isEqualTo(at("1970-01-05T09:00:00Z"));
        assertThat(next(mondays, null, "2024-01-01T00:00:00Z")).isEqualTo(at("2024-01-08T09:00:00Z"));
        assertThat(next(mondays, null, "2024-01-07T00:00:00Z")).isEqualTo(at("2024-01-08T09:00:00Z"));
        assertThat(next(mondays, "2024-01-08T09:00:00Z", "2024-01-08T09:00:00Z"))
                .isEqualTo(at("2024-01-22T09:00:00Z"));
        assertThat(next(mondays, "2024-01-15T12:00:00Z", "2024-01-15T12:00:00Z"))
                .as("a delivery in the off week belongs to the previous period")
                .isEqualTo(at("2024-01-22T09:00:00Z"));
    }

    @Test
    void parisSpringChangeSundayKeepsTheLocalTime() {
        NudgeSettings sundays = weekly(DayOfWeek.SUNDAY, "10:00", PARIS);

        assertThat(next(sundays, "2024-03-24T09:00:00Z", "2024-03-25T00:00:00Z"))
                .isEqualTo(at("2024-03-31T08:00:00Z"));
    }

    @Test
    void parisSpringGapMovesATwoThirtySlotForwardByTheGap() {
        NudgeSettings sundays = weekly(DayOfWeek.SUNDAY, "02:30", PARIS);

        assertThat(next(sundays, "2024-03-24T01:30:00Z", "2024-03-24T01:30:00Z"))
                .as("03:30 CEST")
                .isEqualTo(at("2024-03-31T01:30:00Z"));
        assertThat(next(sundays, "2024-03-31T01:30:00Z", "2024-03-31T01:30:00Z"))
                .as("02:30 CEST")
                .isEqualTo(at("2024-04-07T00:30:00Z"));
        assertThat(next(sundays, null, "2024-03-31T01:00:00Z"))
                .as("03:00 CEST, before the moved slot")
                .isEqualTo(at("2024-03-31T01:30:00Z"));
    }

    @Test
    void parisFallBackOverlapUsesTheEarlierOffsetAndDeliversOnce() {
        NudgeSettings sundays = weekly(DayOfWeek.SUNDAY, "02:30", PARIS);

        assertThat(next(sundays, "2024-10-20T00:30:00Z", "2024-10-20T00:30:00Z"))
                .as("02:30 CEST")
                .isEqualTo(at("2024-10-27T00:30:00Z"));
        assertThat(next(sundays, "2024-10-27T00:30:00Z", "2024-10-27T01:30:00Z"))
                .as("the second 02:30 is not a new period")
                .isEqualTo(at("2024-11-03T01:30:00Z"));
    }

    @Test
    void newYorkChangeSundays() {
        assertThat(next(weekly(DayOfWeek.SUNDAY, "02:30", NEW_YORK), "2024-03-03T07:30:00Z", "2024-03-03T07:30:00Z"))
                .as("02:30 does not exist: 03:30 EDT")
                .isEqualTo(at("2024-03-10T07:30:00Z"));
        assertThat(next(weekly(DayOfWeek.SUNDAY, "10:00", NEW_YORK), "2024-03-03T15:00:00Z", "2024-03-03T15:00:00Z"))
                .isEqualTo(at("2024-03-10T14:00:00Z"));
        assertThat(next(weekly(DayOfWeek.SUNDAY, "01:30", NEW_YORK), "2024-10-27T05:30:00Z", "2024-10-27T05:30:00Z"))
                .as("01:30 twice: EDT")
                .isEqualTo(at("2024-11-03T05:30:00Z"));
        assertThat(next(weekly(DayOfWeek.SUNDAY, "01:30", NEW_YORK), "2024-11-03T05:30:00Z", "2024-11-03T06:30:00Z"))
                .isEqualTo(at("2024-11-10T06:30:00Z"));
    }

    @Test
    void sydneyChangeSundays() {
        assertThat(next(weekly(DayOfWeek.SUNDAY, "10:00", SYDNEY), "2024-09-29T00:00:00Z", "2024-09-29T00:00:00Z"))
                .as("10:00 AEDT from October 6")
                .isEqualTo(at("2024-10-05T23:00:00Z"));
        assertThat(next(weekly(DayOfWeek.SUNDAY, "02:30", SYDNEY), "2024-09-28T16:30:00Z", "2024-09-28T16:30:00Z"))
                .as("02:30 does not exist: 03:30 AEDT")
                .isEqualTo(at("2024-10-05T16:30:00Z"));
        assertThat(next(weekly(DayOfWeek.SUNDAY, "02:30", SYDNEY), "2024-03-30T15:30:00Z", "2024-03-30T15:30:00Z"))
                .as("02:30 twice on April 7: AEDT")
                .isEqualTo(at("2024-04-06T15:30:00Z"));
        assertThat(next(weekly(DayOfWeek.SUNDAY, "02:30", SYDNEY), "2024-04-06T15:30:00Z", "2024-04-06T16:30:00Z"))
                .isEqualTo(at("2024-04-13T16:30:00Z"));
    }

    @Test
    void monthlyOnTheThirtyFirstFallsOnTheLastDayOfShorterMonths() {
        NudgeSettings day31 = monthly(31, "10:00", UTC);

        assertThat(next(day31, "2024-01-31T10:00:00Z", "2024-01-31T10:00:00Z"))
                .as("leap February")
                .isEqualTo(at("2024-02-29T10:00:00Z"));
        assertThat(next(day31, "2023-01-31T10:00:00Z", "2023-01-31T10:00:00Z")).isEqualTo(at("2023-02-28T10:00:00Z"));
        assertThat(next(day31, "2024-02-29T10:00:00Z", "2024-02-29T10:00:00Z")).isEqualTo(at("2024-03-31T10:00:00Z"));
        assertThat(next(day31, "2024-03-31T10:00:00Z", "2024-03-31T10:00:00Z")).isEqualTo(at("2024-04-30T10:00:00Z"));
        assertThat(next(day31, "2024-04-30T10:00:00Z", "2024-04-30T10:00:00Z")).isEqualTo(at("2024-05-31T10:00:00Z"));
    }

    @Test
    void monthlyOnTheTwentyNinthAndThirtiethInFebruaryAndApril() {
        assertThat(next(monthly(29, "10:00", UTC), "2023-01-29T10:00:00Z", "2023-01-29T10:00:00Z"))
                .isEqualTo(at("2023-02-28T10:00:00Z"));
        assertThat(next(monthly(29, "10:00", UTC), "2024-01-29T10:00:00Z", "2024-01-29T10:00:00Z"))
                .isEqualTo(at("2024-02-29T10:00:00Z"));
        assertThat(next(monthly(29, "10:00", UTC), "2023-02-28T10:00:00Z", "2023-02-28T10:00:00Z"))
                .isEqualTo(at("2023-03-29T10:00:00Z"));
        assertThat(next(monthly(30, "10:00", UTC), "2023-01-30T10:00:00Z", "2023-01-30T10:00:00Z"))
                .isEqualTo(at("2023-02-28T10:00:00Z"));
        assertThat(next(monthly(30, "10:00", UTC), "2024-01-30T10:00:00Z", "2024-01-30T10:00:00Z"))
                .isEqualTo(at("2024-02-29T10:00:00Z"));
        assertThat(next(monthly(30, "10:00", UTC), "2024-03-30T10:00:00Z", "2024-03-30T10:00:00Z"))
                .isEqualTo(at("2024-04-30T10:00:00Z"));
    }

    @Test
    void monthlyInParisFollowsTheLocalClock() {
        NudgeSettings day31 = monthly(31, "10:00", PARIS);

        assertThat(next(day31, null, "2024-02-01T00:00:00Z")).isEqualTo(at("2024-02-29T09:00:00Z"));
        assertThat(next(day31, "2024-02-29T09:00:00Z", "2024-02-29T09:00:00Z"))
                .as("CEST on March 31")
                .isEqualTo(at("2024-03-31T08:00:00Z"));
    }

    @Test
    void aMonthlyDeliveryRetriedLateStillBelongsToItsMonth() {
        NudgeSettings day15 = monthly(15, "10:00", UTC);

        assertThat(next(day15, "2024-05-20T08:00:00Z", "2024-05-20T08:00:00Z")).isEqualTo(at("2024-06-15T10:00:00Z"));
        assertThat(next(day15, "2024-05-15T09:59:59Z", "2024-05-20T08:00:00Z"))
                .as("delivered early: belongs to April's period, May's is due")
                .isEqualTo(at("2024-05-20T08:00:00Z"));
    }

    @Test
    void theResultDoesNotDependOnTheClocksZone() {
        NudgeSettings tuesdays = weekly(DayOfWeek.TUESDAY, "10:00", PARIS);
        Instant now = at("2024-03-04T09:00:00Z");

        assertThat(NudgeSchedule.nextDue(tuesdays, Optional.empty(), Clock.fixed(now, SYDNEY)))
                .isEqualTo(NudgeSchedule.nextDue(tuesdays, Optional.empty(), Clock.fixed(now, ZoneOffset.UTC)));
    }

    /**
     * A last delivery a century before now costs no walk over the days in between: 10,000 such calls
     * take well under a second; a day-by-day walk (36,500 days each) would take minutes. The limit
     * only catches that, not a slow machine.
     */
    @Test
    void farFutureAndPastLastDeliveriesDoNotWalkTheDaysBetween() {
        NudgeSettings workdays = weekly(DayOfWeek.TUESDAY, "10:00", PARIS).withFrequency(Frequency.DAILY_WORKDAYS);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < 10_000; i++) {
                next(workdays, "1990-01-01T00:00:00Z", "2090-06-01T00:00:00Z");
            }
        });
        assertThat(next(workdays, "1990-01-01T00:00:00Z", "2090-06-01T00:00:00Z"))
                .isEqualTo(at("2090-06-01T00:00:00Z"));
    }
}
