package com.charterbot.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.command.Command.SmallTalk.Kind;
import com.charterbot.core.text.UserText;
import com.charterbot.core.values.Language;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What clients really send: Unicode spaces around commands, and small talk before and after questions. */
class SpacesAndSmallTalkTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"\u00A0help", "help\u00A0", "\u202Fhelp\u2009", "\u200Bhelp", "\uFEFFhelp", "\u3000help\u2028"})
    void aCommandSurroundedByAnyKindOfSpaceIsStillTheCommand(String text) {
        assertThat(CommandParser.parse(text)).isEqualTo(new Command.Help(Optional.of(Language.EN)));
    }

    @Test
    void aNoBreakSpaceBetweenACommandAndItsArgumentSeparatesThem() {
        assertThat(CommandParser.parse("lang\u00A0fr"))
                .isEqualTo(new Command.SetLanguage(Language.FR, Optional.empty()));
        assertThat(CommandParser.parse("stats\u00A090")).isEqualTo(new Command.Stats(90, Optional.empty()));
        assertThat(CommandParser.parse("\u00A0quiz\u00A0!")).isInstanceOf(Command.StartQuiz.class);
        assertThat(CommandParser.parse("aide\u202F?")).isEqualTo(new Command.Help(Optional.of(Language.FR)));
    }

    @Test
    void aQuestionKeepsItsWordsWithPlainSpacesAndItsEmojiWhole() {
        assertThat(CommandParser.parse("can\u00A0I post\u2003this photo?\u00A0\uD83D\uDC69\u200D\uD83D\uDCBB"))
                .isEqualTo(new Command.Ask("can I post this photo? \uD83D\uDC69\u200D\uD83D\uDCBB"));
    }

    @Test
    void collapseMakesEveryRunOfSpacesOnePlainSpace() {
        assertThat(UserText.oneLine("\u00A0 a\u00A0\u00A0b\t\nc\u202F")).isEqualTo("a b c");
        assertThat(UserText.oneLine(null)).isEmpty();
        assertThat(UserText.oneLine("\u00A0\u2007")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "hi|GREETING|EN",
                "Hello!|GREETING|EN",
                "hey there|GREETING|EN",
                "Good morning :)|GREETING|EN",
                "hi all|GREETING|EN",
                "bonjour|GREETING|FR",
                "Bonjour !|GREETING|FR",
                "salut\u00A0!|GREETING|FR",
                "coucou|GREETING|FR",
                "Bonsoir à tous||",
                "thanks|THANKS|EN",
                "Thank you!|THANKS|EN",
                "thx|THANKS|EN",
                "thanks again|THANKS|EN",
                "ok thanks!|THANKS|EN",
                "merci|THANKS|FR",
                "Merci beaucoup !|THANKS|FR",
                "merci à vous|THANKS|FR",
                "Merci\u202F!|THANKS|FR",
                "who are you?|WHO|EN",
                "Who are you|WHO|EN",
                "are you a bot?|WHO|EN",
                "t'es qui ?|WHO|FR",
                "T\u2019es qui\u00A0?|WHO|FR",
                "qui es-tu ?|WHO|FR",
                "vous êtes qui ?|WHO|FR",
                "what can you do?|WHAT|EN",
                "How does this work?|WHAT|EN",
                "tu sais faire quoi ?|WHAT|FR",
                "qu'est-ce que tu sais faire ?|WHAT|FR",
                "comment ça marche ?|WHAT|FR",
                "hello, who are you?|WHO|EN",
                "bonjour, tu sais faire quoi ?|WHAT|FR"
            })
    void smallTalkIsRecognisedWithTheLanguageOfItsWords(String text, Kind kind, Language language) {
        Command command = CommandParser.parse(text);
        if (kind == null) {
            assertThat(command).isInstanceOf(Command.Ask.class);
        } else {
            assertThat(command).isEqualTo(new Command.SmallTalk(kind, Optional.of(language)));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "hello, can I post this photo?",
                "thanks, but can I share the job offer?",
                "bonjour, puis-je publier cette photo ?",
                "who are you talking to on LinkedIn?",
                "hi-vis vest in photos",
                "merci de me dire si je peux poster",
                "what can you do about a troll?"
            })
    void aMessageWithMoreThanSmallTalkIsAQuestion(String text) {
        assertThat(CommandParser.parse(text)).isInstanceOf(Command.Ask.class);
    }

    @Test
    void smallTalkNeedsNoAdministrator() {
        assertThat(CommandParser.parse("hello").administrative()).isFalse();
    }
}
