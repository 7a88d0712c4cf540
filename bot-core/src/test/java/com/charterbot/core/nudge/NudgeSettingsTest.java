package com.charterbot.core.nudge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.charterbot.core.values.Language;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class NudgeSettingsTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final NudgeSettings DEFAULTS = NudgeSettings.defaults(PARIS, Language.EN);

    @Test
    void defaultsAreWeeklyOnMondayAtTenAlternating() {
        assertThat(DEFAULTS)
                .isEqualTo(new NudgeSettings(
                        Frequency.WEEKLY,
                        DayOfWeek.MONDAY,
                        1,
                        LocalTime.of(10, 0),
                        PARIS,
                        Language.EN,
                        NudgeContent.ALTERNATE));
        assertThat(DEFAULTS.enabled()).isTrue();
        assertThat(DEFAULTS.withFrequency(Frequency.OFF).enabled()).isFalse();
    }

    @Test
    void dayOfMonthMustBeOneToThirtyOne() {
        assertThat(DEFAULTS.withDayOfMonth(1).dayOfMonth()).isEqualTo(1);
        assertThat(DEFAULTS.withDayOfMonth(31).dayOfMonth()).isEqualTo(31);
        assertThatThrownBy(() -> DEFAULTS.withDayOfMonth(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DEFAULTS.withDayOfMonth(32)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyPartIsRequired() {
        assertThatThrownBy(() -> DEFAULTS.withFrequency(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> DEFAULTS.withWeekday(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> DEFAULTS.withTime(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> DEFAULTS.withZone(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> DEFAULTS.withLanguage(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> DEFAULTS.withContent(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void timeIsKeptToTheMinute() {
        assertThat(DEFAULTS.withTime(LocalTime.of(9, 30, 42, 5)).time()).isEqualTo(LocalTime.of(9, 30));
    }

    @Test
    void copiesChangeOnlyOnePart() {
        NudgeSettings changed = DEFAULTS.withWeekday(DayOfWeek.FRIDAY)
                .withZone(ZoneId.of("UTC"))
                .withLanguage(Language.FR)
                .withContent(NudgeContent.QUIZ)
                .withTime(LocalTime.of(16, 0))
                .withDayOfMonth(15)
                .withFrequency(Frequency.MONTHLY);

        assertThat(changed)
                .isEqualTo(new NudgeSettings(
                        Frequency.MONTHLY,
                        DayOfWeek.FRIDAY,
                        15,
                        LocalTime.of(16, 0),
                        ZoneId.of("UTC"),
                        Language.FR,
                        NudgeContent.QUIZ));
    }

    @Test
    void describesTheDefaultsInEnglishAndFrench() {
        assertThat(DEFAULTS.describe(Language.EN))
                .isEqualTo("Weekly on Monday at 10:00 (Europe/Paris): a tip and a quiz in turn, in English.");
        assertThat(DEFAULTS.describe(Language.FR))
                .isEqualTo(
                        "Chaque semaine le lundi à 10:00 (Europe/Paris) : une astuce et un quiz en alternance, en anglais.");
        assertThat(DEFAULTS.withLanguage(Language.FR).describe(Language.FR)).endsWith(", en français.");
        assertThat(DEFAULTS.withLanguage(Language.FR).describe(Language.EN)).endsWith(", in French.");
    }

    @Test
    void describesOff() {
        assertThat(DEFAULTS.withFrequency(Frequency.OFF).describe(Language.EN))
                .isEqualTo("Nudges are off in this channel.");
        assertThat(DEFAULTS.withFrequency(Frequency.OFF).describe(Language.FR))
                .isEqualTo("Les rappels sont désactivés dans ce canal.");
    }

    @Test
    void describesEachFrequency() {
        NudgeSettings quiz = DEFAULTS.withContent(NudgeContent.QUIZ)
                .withTime(LocalTime.of(9, 5))
                .withWeekday(DayOfWeek.FRIDAY);

        assertThat(quiz.withFrequency(Frequency.DAILY_WORKDAYS).describe(Language.EN))
                .isEqualTo("Every workday (Monday to Friday) at 09:05 (Europe/Paris): a quiz, in English.");
        assertThat(quiz.withFrequency(Frequency.DAILY_WORKDAYS).describe(Language.FR))
                .isEqualTo("Chaque jour ouvré (du lundi au vendredi) à 09:05 (Europe/Paris) : un quiz, en anglais.");
        assertThat(quiz.withFrequency(Frequency.BIWEEKLY).describe(Language.EN))
                .isEqualTo("Every other Friday at 09:05 (Europe/Paris): a quiz, in English.");
        assertThat(quiz.withFrequency(Frequency.BIWEEKLY).describe(Language.FR))
                .isEqualTo("Un vendredi sur deux à 09:05 (Europe/Paris) : un quiz, en anglais.");
        assertThat(quiz.withFrequency(Frequency.MONTHLY)
                        .withDayOfMonth(15)
                        .withContent(NudgeContent.TIPS)
                        .describe(Language.EN))
                .isEqualTo("Monthly on day 15 at 09:05 (Europe/Paris): a tip, in English.");
        assertThat(quiz.withFrequency(Frequency.MONTHLY)
                        .withDayOfMonth(15)
                        .withContent(NudgeContent.TIPS)
                        .describe(Language.FR))
                .isEqualTo("Chaque mois le jour 15 à 09:05 (Europe/Paris) : une astuce, en anglais.");
    }

    @Test
    void describesLateMonthlyDaysAsTheLastDayOfShorterMonths() {
        NudgeSettings day31 = DEFAULTS.withFrequency(Frequency.MONTHLY).withDayOfMonth(31);

        assertThat(day31.describe(Language.EN))
                .isEqualTo(
                        "Monthly on day 31, or the last day of shorter months, at 10:00 (Europe/Paris): a tip and a quiz in turn, in English.");
        assertThat(day31.describe(Language.FR)).contains("le jour 31 (ou le dernier jour des mois plus courts)");
        assertThat(day31.withDayOfMonth(28).describe(Language.EN)).doesNotContain("shorter");
    }

    @Test
    void everyShapeHasADescriptionInBothLanguages() {
        for (Frequency frequency : Frequency.values()) {
            for (NudgeContent content : NudgeContent.values()) {
                for (int day : new int[] {1, 30}) {
                    NudgeSettings settings = DEFAULTS.withFrequency(frequency)
                            .withContent(content)
                            .withDayOfMonth(day);
                    assertThat(settings.describe(Language.EN))
                            .as("%s", settings)
                            .isNotBlank()
                            .endsWith(".")
                            .isNotEqualTo(settings.describe(Language.FR));
                }
            }
        }
    }
}
