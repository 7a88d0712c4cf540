package com.charterbot.core.experts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class WorkingTimeTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static Instant paris(String local) {
        return ZonedDateTime.of(LocalDateTime.parse(local), PARIS).toInstant();
    }

    @Test
    void twoDaysWithinAWeekAreTwoCalendarDays() {
        assertThat(ExpertsDesk.workingTimeBefore(paris("2026-03-12T15:00"), Duration.ofDays(2), PARIS))
                .isEqualTo(paris("2026-03-10T15:00"));
    }

    @Test
    void theWeekendDoesNotCount() {
        // Asked on Friday 13 March at 15:00: two working days later is Tuesday 17 March at 15:00.
        assertThat(ExpertsDesk.workingTimeBefore(paris("2026-03-17T15:00"), Duration.ofDays(2), PARIS))
                .isEqualTo(paris("2026-03-13T15:00"));
        assertThat(ExpertsDesk.workingTimeBefore(paris("2026-03-16T15:00"), Duration.ofDays(2), PARIS))
                .isEqualTo(paris("2026-03-12T15:00"));
    }

    @Test
    void onAWeekendTheCountStartsFromFridayNight() {
        assertThat(ExpertsDesk.workingTimeBefore(paris("2026-03-15T11:00"), Duration.ofHours(3), PARIS))
                .isEqualTo(paris("2026-03-13T21:00"));
        assertThat(ExpertsDesk.workingTimeBefore(paris("2026-03-16T00:00"), Duration.ofDays(1), PARIS))
                .isEqualTo(paris("2026-03-13T00:00"));
    }
}
