package com.charterbot.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.text.CountingCharSequence;
import com.charterbot.core.values.Language;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CheckCommandTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "check Proud of the team!|Proud of the team!|en",
            "check: Proud of the team!|Proud of the team!|en",
            "  CHECK :  Proud of the team!|Proud of the team!|en",
            "vérifier Fiers de l'équipe !|Fiers de l'équipe !|fr",
            "vérifier : Fiers de l'équipe !|Fiers de l'équipe !|fr",
            "Verifier:Fiers|Fiers|fr",
            "vérif : Fiers|Fiers|fr"})
    void readsTheDraftAfterTheWordAndItsColon(String text, String draft, String language) {
        assertThat(CommandParser.parse(text)).isEqualTo(new Command.Check(draft, Language.fromTag(language)));
    }

    @Test
    void keepsTheDraftsLinesWhateverItsLength() {
        String draft = "First line\n\nSecond line " + "word ".repeat(2_000).strip();

        Command command = CommandParser.parse("check:\n" + draft);

        assertThat(command).isEqualTo(new Command.Check(draft, Optional.of(Language.EN)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"check", "check:", "vérifier :", "  check  "})
    void theWordAloneGetsItsUsage(String text) {
        assertThat(CommandParser.parse(text)).isInstanceOf(Command.Invalid.class)
                .extracting(command -> ((Command.Invalid) command).messageKey()).isEqualTo("check.usage");
    }

    @ParameterizedTest
    @ValueSource(strings = {"checking my post", "check-in photos at the plant?", "check?", "can you check my post?", "checkpoint"})
    void otherSentencesStayQuestions(String text) {
        assertThat(CommandParser.parse(text)).isInstanceOf(Command.Ask.class);
    }

    @Test
    void decidesAfterReadingAFewCharacters() {
        CountingCharSequence question = new CountingCharSequence("checkpointing " + ".".repeat(100_000));

        CommandParser.parse(question);

        // The check rule reads the first word only; the rest is the ordinary parser's single pass.
        assertThat(question.reads()).isLessThan(4L * question.length());
    }
}
