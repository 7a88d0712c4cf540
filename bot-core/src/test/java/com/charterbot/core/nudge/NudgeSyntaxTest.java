package com.charterbot.core.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.values.Language;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NudgeSyntaxTest {

    static final NudgeSettings CURRENT = NudgeSettings.defaults(ZoneId.of("UTC"), Language.EN);

    static NudgeSettings change(String arguments) {
        return change(arguments, CURRENT);
    }

    static NudgeSettings change(String arguments, NudgeSettings current) {
        NudgeRequest request = NudgeSyntax.interpret(arguments, current);
        assertThat(request).as(arguments).isInstanceOf(NudgeRequest.Change.class);
        return ((NudgeRequest.Change) request).settings();
    }

    static NudgeRequest.Invalid invalid(String arguments) {
        NudgeRequest request = NudgeSyntax.interpret(arguments, CURRENT);
        assertThat(request).as(arguments).isInstanceOf(NudgeRequest.Invalid.class);
        return (NudgeRequest.Invalid) request;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n", " , "})
    void noArgumentsShowTheSettings(String arguments) {
        assertThat(NudgeSyntax.interpret(arguments, CURRENT)).isEqualTo(new NudgeRequest.Show());
    }

    @ParameterizedTest
    @ValueSource(strings = {"off", "stop", "arret", "arrêt", "ARRÊT", "Off"})
    void offStopsTheNudgesAndKeepsTheRest(String word) {
        assertThat(change(word)).isEqualTo(CURRENT.withFrequency(Frequency.OFF));
    }

    @Test
    void onGoesBackToWeeklyOnlyWhenOff() {
        assertThat(change("on", CURRENT.withFrequency(Frequency.OFF))).isEqualTo(CURRENT);
        assertThat(change("activer", CURRENT.withFrequency(Frequency.OFF))).isEqualTo(CURRENT);
        NudgeSettings monthly = CURRENT.withFrequency(Frequency.MONTHLY);
        assertThat(change("on", monthly)).isEqualTo(monthly);
        assertThat(change("on monthly 3", CURRENT.withFrequency(Frequency.OFF))).isEqualTo(monthly.withDayOfMonth(3));
    }

    @Test
    void dailyMeansWorkdaysWithAnOptionalTime() {
        assertThat(change("daily")).isEqualTo(CURRENT.withFrequency(Frequency.DAILY_WORKDAYS));
        assertThat(change("quotidien 8h"))
                .isEqualTo(CURRENT.withFrequency(Frequency.DAILY_WORKDAYS).withTime(LocalTime.of(8, 0)));
        assertThat(change("QUOTIDIENNE 08:15").time()).isEqualTo(LocalTime.of(8, 15));
    }

    @ParameterizedTest
    @CsvSource({
        "weekly friday 16:00, FRIDAY, 16:00",
        "hebdo vendredi 16h, FRIDAY, 16:00",
        "hebdomadaire Mercredi, WEDNESDAY, 10:00",
        "Weekly MON 9h30, MONDAY, 09:30",
        "hebdo sam 09h, SATURDAY, 09:00",
        "weekly sunday 4pm, SUNDAY, 16:00",
        "weekly thursday 12am, THURSDAY, 00:00",
        "weekly thu 12:30pm, THURSDAY, 12:30"
    })
    void weeklyTakesAWeekdayAndAnOptionalTime(String arguments, DayOfWeek day, LocalTime time) {
        assertThat(change(arguments))
                .isEqualTo(
                        CURRENT.withFrequency(Frequency.WEEKLY).withWeekday(day).withTime(time));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"fortnightly monday 9:30", "biweekly mon 09:30", "quinzaine lundi 9h30", "Quinzaine LUNDI 09h30"
            })
    void fortnightlyInBothLanguages(String arguments) {
        assertThat(change(arguments))
                .isEqualTo(CURRENT.withFrequency(Frequency.BIWEEKLY)
                        .withWeekday(DayOfWeek.MONDAY)
                        .withTime(LocalTime.of(9, 30)));
    }

    @ParameterizedTest
    @CsvSource({"monthly 15, 15", "mensuel 1er, 1", "monthly 31st, 31", "mensuelle 2, 2", "monthly 3rd 10h, 3"})
    void monthlyTakesADayOfMonth(String arguments, int day) {
        assertThat(change(arguments))
                .isEqualTo(CURRENT.withFrequency(Frequency.MONTHLY).withDayOfMonth(day));
    }

    @ParameterizedTest
    @CsvSource({
        "time 9h30, 09:30",
        "heure 09h, 09:00",
        "time 9:30, 09:30",
        "heure 23:59, 23:59",
        "time 0h, 00:00",
        "time 7AM, 07:00",
        "heure 14H05, 14:05"
    })
    void timeAloneChangesOnlyTheTime(String arguments, LocalTime time) {
        assertThat(change(arguments)).isEqualTo(CURRENT.withTime(time));
    }

    @Test
    void zoneIsAnIanaIdInAnyCase() {
        assertThat(change("zone Europe/Paris").zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(change("fuseau america/new_york").zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(change("timezone UTC").zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(change("fuseau-horaire Australia/Sydney").zone()).isEqualTo(ZoneId.of("Australia/Sydney"));
    }

    @Test
    void languageInBothLanguages() {
        assertThat(change("lang fr").language()).isEqualTo(Language.FR);
        assertThat(change("langue en", CURRENT.withLanguage(Language.FR)).language())
                .isEqualTo(Language.EN);
        assertThat(change("langue français").language()).isEqualTo(Language.FR);
        assertThat(change("language French").language()).isEqualTo(Language.FR);
        assertThat(change("lang FR-ca").language()).isEqualTo(Language.FR);
    }

    @ParameterizedTest
    @CsvSource({
        "content tips, TIPS",
        "contenu astuces, TIPS",
        "content quiz, QUIZ",
        "contenu QUIZ, QUIZ",
        "content both, ALTERNATE",
        "contenu les-deux, ALTERNATE",
        "contenu les deux, ALTERNATE",
        "content alternate, ALTERNATE"
    })
    void contentInBothLanguages(String arguments, NudgeContent content) {
        assertThat(change(
                                arguments,
                                CURRENT.withContent(
                                        content == NudgeContent.TIPS ? NudgeContent.QUIZ : NudgeContent.TIPS))
                        .content())
                .isEqualTo(content);
    }

    @Test
    void severalSettingsShareOneLine() {
        NudgeSettings expected = CURRENT.withFrequency(Frequency.WEEKLY)
                .withWeekday(DayOfWeek.FRIDAY)
                .withTime(LocalTime.of(16, 0))
                .withZone(ZoneId.of("Europe/Paris"))
                .withContent(NudgeContent.QUIZ);

        assertThat(change("weekly friday 16:00 zone Europe/Paris content quiz")).isEqualTo(expected);
        assertThat(change("hebdo vendredi 16h fuseau Europe/Paris contenu quiz"))
                .isEqualTo(expected);
        assertThat(change("content quiz, zone Europe/Paris; weekly friday time 16:00"))
                .isEqualTo(expected);
        assertThat(change("mensuel 31 heure 8h langue fr contenu astuces fuseau Asia/Kolkata"))
                .isEqualTo(CURRENT.withFrequency(Frequency.MONTHLY)
                        .withDayOfMonth(31)
                        .withTime(LocalTime.of(8, 0))
                        .withLanguage(Language.FR)
                        .withContent(NudgeContent.TIPS)
                        .withZone(ZoneId.of("Asia/Kolkata")));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "sometimes | nudges.invalid.unknown-word | sometimes",
                "weekly friday please | nudges.invalid.unknown-word | please",
                "Friday | nudges.invalid.stray-weekday | Friday",
                "16:00 | nudges.invalid.stray-number | 16:00",
                "weekly friday content quiz 15 | nudges.invalid.stray-number | 15",
                "UTC | nudges.invalid.stray-zone | UTC",
                "time 25:00 | nudges.invalid.bad-time | 25:00",
                "time 9:7 | nudges.invalid.bad-time | 9:7",
                "time noon | nudges.invalid.bad-time | noon",
                "time 13pm | nudges.invalid.bad-time | 13pm",
                "heure 9h61 | nudges.invalid.bad-time | 9h61",
                "weekly friday 16 | nudges.invalid.bad-time | 16",
                "daily 8.30 | nudges.invalid.bad-time | 8.30",
                "time | nudges.invalid.missing-time | time",
                "zone Mars/Olympus | nudges.invalid.bad-zone | Mars/Olympus",
                "zone +02:00 | nudges.invalid.bad-zone | +02:00",
                "fuseau | nudges.invalid.missing-zone | fuseau",
                "weekly someday | nudges.invalid.bad-weekday | someday",
                "weekly 16:00 | nudges.invalid.bad-weekday | 16:00",
                "weekly | nudges.invalid.missing-weekday | weekly",
                "quinzaine | nudges.invalid.missing-weekday | quinzaine",
                "monthly friday | nudges.invalid.stray-weekday | friday",
                "monthly 15.5 | nudges.invalid.bad-time | 15.5",
                "monthly 32 | nudges.invalid.day-out-of-range | 32",
                "mensuel 0 | nudges.invalid.day-out-of-range | 0",
                "monthly 999 | nudges.invalid.day-out-of-range | 999",
                "lang de | nudges.invalid.bad-language | de",
                "langue | nudges.invalid.missing-language | langue",
                "content memes | nudges.invalid.bad-content | memes",
                "contenu les | nudges.invalid.bad-content | les",
                "contenu | nudges.invalid.missing-content | contenu",
                "daily weekly friday | nudges.invalid.repeated | weekly",
                "weekly friday 16:00 time 17:00 | nudges.invalid.repeated | time",
                "time 9h daily 10h | nudges.invalid.repeated | 10h",
                "zone UTC fuseau UTC | nudges.invalid.repeated | fuseau",
                "lang en lang fr | nudges.invalid.repeated | lang",
                "content quiz content tips | nudges.invalid.repeated | content",
                "off stop | nudges.invalid.repeated | stop"
            })
    void anythingNotUnderstoodExactlyIsInvalidWithASpecificKey(String arguments, String key, String argument) {
        assertThat(invalid(arguments)).isEqualTo(new NudgeRequest.Invalid(key, List.of(argument)));
    }

    @Test
    void onAndOffTogetherContradict() {
        assertThat(invalid("on off"))
                .isEqualTo(new NudgeRequest.Invalid("nudges.invalid.conflict", List.of("on", "off")));
        assertThat(invalid("Arrêt activer"))
                .isEqualTo(new NudgeRequest.Invalid("nudges.invalid.conflict", List.of("activer", "Arrêt")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"help", "aide", "weekly friday help"})
    void helpAsksForTheUsage(String arguments) {
        assertThat(invalid(arguments)).isEqualTo(new NudgeRequest.Invalid("nudges.invalid.help", List.of()));
    }

    @Test
    void aRegionZoneNeedsNoKeywordAndMonthlyKeepsTheDay() {
        NudgeSettings current = NudgeSettings.defaults(java.time.ZoneId.of("Europe/Paris"), Language.EN)
                .withDayOfMonth(12);

        assertThat(NudgeSyntax.interpret("weekly tue 09:30 America/New_York", current))
                .isEqualTo(new NudgeRequest.Change(current.withWeekday(java.time.DayOfWeek.TUESDAY)
                        .withTime(java.time.LocalTime.of(9, 30))
                        .withZone(java.time.ZoneId.of("America/New_York"))));
        assertThat(NudgeSyntax.interpret("monthly", current))
                .isEqualTo(new NudgeRequest.Change(current.withFrequency(Frequency.MONTHLY)));
        assertThat(NudgeSyntax.interpret("mensuel 8h", current))
                .isEqualTo(new NudgeRequest.Change(
                        current.withFrequency(Frequency.MONTHLY).withTime(java.time.LocalTime.of(8, 0))));
    }

    @Test
    void everyInvalidMessageIsWrittenInBothLanguagesWithTheWordAsTyped() {
        String[] lines = {
            "sometimes",
            "Friday",
            "16:00",
            "UTC",
            "time 25:00",
            "time",
            "zone Mars/Olympus",
            "zone",
            "weekly someday",
            "weekly",
            "monthly friday",
            "monthly 32",
            "lang de",
            "lang",
            "content memes",
            "content",
            "daily weekly friday",
            "on off",
            "help"
        };
        for (String line : lines) {
            NudgeRequest.Invalid invalid = invalid(line);
            String english = invalid.message(Language.EN);
            String french = invalid.message(Language.FR);
            assertThat(english).as(line).isNotBlank().isNotEqualTo(french).doesNotContain("{");
            assertThat(french).as(line).isNotBlank().doesNotContain("{");
            for (String argument : invalid.arguments()) {
                assertThat(english).as(line).contains(argument);
                assertThat(french).as(line).contains(argument);
            }
        }
    }

    @Test
    void theUsageHasExamplesInBothLanguages() {
        String english = com.charterbot.core.i18n.Messages.get(Language.EN, NudgeSyntax.USAGE_KEY);
        String french = com.charterbot.core.i18n.Messages.get(Language.FR, NudgeSyntax.USAGE_KEY);

        assertThat(english.lines().count()).isGreaterThan(5);
        assertThat(french.lines().count()).isEqualTo(english.lines().count());
        assertThat(english).contains("nudges weekly friday 16:00 zone Europe/Paris content quiz");
        assertThat(french).contains("rappels hebdo vendredi 16h fuseau Europe/Paris contenu quiz", "l'heure");
    }

    @Test
    void theUsageExamplesAreUnderstood() {
        assertThat(NudgeSyntax.interpret("weekly friday 16:00 zone Europe/Paris content quiz", CURRENT))
                .isInstanceOf(NudgeRequest.Change.class);
        assertThat(NudgeSyntax.interpret("hebdo vendredi 16h fuseau Europe/Paris contenu quiz", CURRENT))
                .isInstanceOf(NudgeRequest.Change.class);
    }
}
