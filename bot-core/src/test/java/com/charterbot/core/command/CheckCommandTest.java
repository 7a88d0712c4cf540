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
    @CsvSource(
            delimiter = '|',
            value = {
                "check Proud of the team!|Proud of the team!|en",
                "check: Proud of the team!|Proud of the team!|en",
                "  CHECK :  Proud of the team!|Proud of the team!|en",
                "vérifier Fiers de l'équipe !|Fiers de l'équipe !|fr",
                "vérifier : Fiers de l'équipe !|Fiers de l'équipe !|fr",
                "Verifier:Fiers|Fiers|fr",
                "vérif : Fiers|Fiers|fr"
            })
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
        assertThat(CommandParser.parse(text))
                .isInstanceOf(Command.Invalid.class)
                .extracting(command -> ((Command.Invalid) command).messageKey())
                .isEqualTo("check.usage");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "checking my post",
                "check-in photos at the plant?",
                "check?",
                "can you check my post?",
                "checkpoint"
            })
    void otherSentencesStayQuestions(String text) {
        assertThat(CommandParser.parse(text)).isInstanceOf(Command.Ask.class);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "check: can I post a photo of the canteen?|can I post a photo of the canteen?",
                "check can we share the job offer on LinkedIn ?|can we share the job offer on LinkedIn ?",
                "check if I can post a photo of the canteen|I can post a photo of the canteen",
                "vérifier si je peux partager une offre d'emploi|je peux partager une offre d'emploi",
                "vérifier : est-ce que je peux poster une photo de la cantine ?|est-ce que je peux poster une photo de la cantine ?",
                "Vérifier s'il est possible de liker un post client|il est possible de liker un post client"
            })
    void aQuestionAfterTheWordIsAskedNotChecked(String text, String question) {
        assertThat(CommandParser.parse(text)).isEqualTo(new Command.Ask(question));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "check: If you're looking for an apprenticeship, we're hiring in Lyon!",
                "vérifier : Si vous cherchez un stage, on recrute à Lyon !",
                "check: Can I just say how proud I am of this team!",
                "check: je peux enfin vous l'annoncer : on ouvre un site à Valence",
                "check Who's coming to the fair next week?",
                "check: can I get a hell yeah?\nSecond line of the post"
            })
    void aDraftThatLooksLikeAQuestionIsStillChecked(String text) {
        assertThat(CommandParser.parse(text)).isInstanceOf(Command.Check.class);
    }

    @Test
    void decidesAfterReadingAFewCharacters() {
        CountingCharSequence question = new CountingCharSequence("checkpointing " + ".".repeat(100_000));

        CommandParser.parse(question);

        // The check rule reads the first word only; the rest is the ordinary parser's single pass.
        assertThat(question.reads()).isLessThan(4L * question.length());
    }
}
