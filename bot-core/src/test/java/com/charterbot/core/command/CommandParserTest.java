package com.charterbot.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.values.Language;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {

    @Test
    void blankTextAsksForHelp() {
        assertThat(CommandParser.parse("   ")).isInstanceOf(Command.Help.class);
        assertThat(CommandParser.parse(null)).isInstanceOf(Command.Help.class);
    }

    @Test
    void helpInBothLanguagesTellsTheLanguageOfTheWord() {
        assertThat(CommandParser.parse("help")).isEqualTo(new Command.Help(Optional.of(Language.EN)));
        assertThat(CommandParser.parse("Aide")).isEqualTo(new Command.Help(Optional.of(Language.FR)));
        assertThat(CommandParser.parse("?")).isEqualTo(new Command.Help(Optional.empty()));
    }

    @Test
    void aCommandWordFollowedByAQuestionIsAQuestion() {
        assertThat(CommandParser.parse("help me write a post about the trade fair"))
                .isEqualTo(new Command.Ask("help me write a post about the trade fair"));
        assertThat(CommandParser.parse("quiz my team on photos?")).isInstanceOf(Command.Ask.class);
        assertThat(CommandParser.parse("astuce pour publier une photo")).isInstanceOf(Command.Ask.class);
    }

    @Test
    void quizAndTipInBothLanguages() {
        assertThat(CommandParser.parse("quiz")).isInstanceOf(Command.StartQuiz.class);
        assertThat(CommandParser.parse("QUIZ!")).isInstanceOf(Command.StartQuiz.class);
        assertThat(CommandParser.parse("tip")).isEqualTo(new Command.ShowTip(Optional.of(Language.EN)));
        assertThat(CommandParser.parse("astuce")).isEqualTo(new Command.ShowTip(Optional.of(Language.FR)));
    }

    @Test
    void languageChoiceAcceptsCodesAndNamesInBothLanguages() {
        assertThat(CommandParser.parse("lang fr")).isEqualTo(new Command.SetLanguage(Language.FR, Optional.empty()));
        assertThat(CommandParser.parse("langue anglais"))
                .isEqualTo(new Command.SetLanguage(Language.EN, Optional.of(Language.FR)));
        assertThat(CommandParser.parse("language French"))
                .isEqualTo(new Command.SetLanguage(Language.FR, Optional.of(Language.EN)));
        assertThat(CommandParser.parse("langue Français"))
                .isEqualTo(new Command.SetLanguage(Language.FR, Optional.of(Language.FR)));
    }

    @Test
    void anUnknownLanguageGetsTheUsageNotAGuess() {
        assertThat(CommandParser.parse("lang de"))
                .isEqualTo(new Command.Invalid("commands.lang.usage", java.util.List.of("de"), Optional.empty()));
        assertThat(CommandParser.parse("lang")).isInstanceOf(Command.Invalid.class);
    }

    @Test
    void homeInBothLanguagesTellsTheLanguageOfTheWord() {
        assertThat(CommandParser.parse("home")).isEqualTo(new Command.Home(Optional.of(Language.EN)));
        assertThat(CommandParser.parse("HOME.")).isEqualTo(new Command.Home(Optional.of(Language.EN)));
        assertThat(CommandParser.parse("accueil")).isEqualTo(new Command.Home(Optional.of(Language.FR)));
        assertThat(CommandParser.parse("Accueil !")).isEqualTo(new Command.Home(Optional.of(Language.FR)));
    }

    @Test
    void homeFollowedByMoreWordsIsAQuestion() {
        assertThat(CommandParser.parse("home office: can I post a photo of my desk?"))
                .isInstanceOf(Command.Ask.class);
        assertThat(CommandParser.parse("accueil du site de Lyon"))
                .isEqualTo(new Command.Ask("accueil du site de Lyon"));
    }

    @Test
    void settingsInBothLanguages() {
        assertThat(CommandParser.parse("settings")).isEqualTo(new Command.Settings(Optional.of(Language.EN)));
        assertThat(CommandParser.parse("réglages")).isEqualTo(new Command.Settings(Optional.of(Language.FR)));
        assertThat(CommandParser.parse("reglages")).isEqualTo(new Command.Settings(Optional.of(Language.FR)));
    }

    @Test
    void nudgesKeepTheirArgumentsForTheNudgeSyntax() {
        assertThat(CommandParser.parse("nudges weekly Monday 09:30"))
                .isEqualTo(new Command.Nudges("weekly Monday 09:30", Optional.empty()));
        assertThat(CommandParser.parse("nudges")).isEqualTo(new Command.Nudges("", Optional.empty()));
        assertThat(CommandParser.parse("rappels off")).isEqualTo(new Command.Nudges("off", Optional.of(Language.FR)));
    }

    @Test
    void statsTakeAnOptionalNumberOfDays() {
        assertThat(CommandParser.parse("stats")).isEqualTo(new Command.Stats(30, Optional.empty()));
        assertThat(CommandParser.parse("stats 90")).isEqualTo(new Command.Stats(90, Optional.empty()));
        assertThat(CommandParser.parse("statistiques 7j")).isEqualTo(new Command.Stats(7, Optional.of(Language.FR)));
    }

    @Test
    void reloadInBothLanguagesAloneOnly() {
        assertThat(CommandParser.parse("reload")).isEqualTo(new Command.Reload(Optional.of(Language.EN)));
        assertThat(CommandParser.parse("Recharger!")).isEqualTo(new Command.Reload(Optional.of(Language.FR)));
        assertThat(CommandParser.parse("reload the page")).isEqualTo(new Command.Ask("reload the page"));
    }

    @Test
    void onlyNudgesStatsAndReloadAreForAdministrators() {
        assertThat(CommandParser.parse("reload").administrative()).isTrue();
        assertThat(CommandParser.parse("stats 7").administrative()).isTrue();
        assertThat(CommandParser.parse("rappels off").administrative()).isTrue();
        assertThat(CommandParser.parse("quiz").administrative()).isFalse();
        assertThat(CommandParser.parse("can I reload a post?").administrative()).isFalse();
    }

    @Test
    void statsExportInEitherLanguageAsksForTheCsvFile() {
        assertThat(CommandParser.parse("stats export")).isEqualTo(new Command.StatsExport(Optional.empty()));
        assertThat(CommandParser.parse("Stats CSV.")).isEqualTo(new Command.StatsExport(Optional.empty()));
        assertThat(CommandParser.parse("stats exporter")).isEqualTo(new Command.StatsExport(Optional.of(Language.FR)));
        assertThat(CommandParser.parse("statistiques export"))
                .isEqualTo(new Command.StatsExport(Optional.of(Language.FR)));
        assertThat(CommandParser.parse("statistics export"))
                .isEqualTo(new Command.StatsExport(Optional.of(Language.EN)));
        assertThat(CommandParser.parse("stats export").administrative()).isTrue();
        assertThat(CommandParser.parse("stats export to excel")).isInstanceOf(Command.Ask.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stats yesterday", "stats 0", "stats 400", "stats -3", "stats exports"})
    void malformedStatsGetTheUsage(String text) {
        assertThat(CommandParser.parse(text))
                .isInstanceOfSatisfying(
                        Command.Invalid.class,
                        invalid -> assertThat(invalid.messageKey()).isEqualTo("commands.stats.usage"));
    }

    @Test
    void aCommandWordStartingASentenceIsAQuestion() {
        assertThat(CommandParser.parse("stats about our followers: can I share them?"))
                .isInstanceOf(Command.Ask.class);
        assertThat(CommandParser.parse("nudges are annoying, can I mute them?")).isInstanceOf(Command.Ask.class);
    }

    @Test
    void languageWithoutAChoiceAsksToChoose() {
        assertThat(CommandParser.parse("lang"))
                .isEqualTo(new Command.Invalid("commands.lang.choose", java.util.List.of(), Optional.empty()));
    }

    @Test
    void forgetMeInBothLanguages() {
        assertThat(CommandParser.parse("forget me")).isEqualTo(new Command.ForgetMe(Optional.of(Language.EN)));
        assertThat(CommandParser.parse("Forget me!")).isEqualTo(new Command.ForgetMe(Optional.of(Language.EN)));
        assertThat(CommandParser.parse("oublie-moi")).isEqualTo(new Command.ForgetMe(Optional.of(Language.FR)));
        assertThat(CommandParser.parse("Oublie moi")).isEqualTo(new Command.ForgetMe(Optional.of(Language.FR)));
        assertThat(CommandParser.parse("forget me not, the song: can I use it in a video?"))
                .isInstanceOf(Command.Ask.class);
    }

    @Test
    void anythingElseIsAQuestionKeptAsTyped() {
        assertThat(CommandParser.parse("  Can I post   this photo? "))
                .isEqualTo(new Command.Ask("Can I post this photo?"));
        assertThat(CommandParser.parse("Puis-je publier cette photo ?"))
                .isEqualTo(new Command.Ask("Puis-je publier cette photo ?"));
    }
}
