package com.charterbot.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.CharterLoader;
import com.charterbot.core.charter.CharterSettings;
import com.charterbot.core.charter.LoadResult;
import com.charterbot.core.i18n.Messages;
import com.charterbot.core.values.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BadInputTest {

    static final AnswerEngine ENGINE = new AnswerEngine(
            ((LoadResult.Loaded) CharterLoader.load(CharterFiles.defaults(), CharterSettings.DEFAULTS)).charter(),
            Language.EN);

    /** Numbers as written in either language: 1000, 1,000, 1 000 (with any kind of space), 1.000. */
    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(?:[,.\\s\u00a0\u202f]\\d{3})+|\\d+");

    static List<Long> numbersIn(String text) {
        List<Long> numbers = new ArrayList<>();
        Matcher matcher = NUMBER.matcher(text);
        while (matcher.find()) {
            numbers.add(Long.parseLong(matcher.group().replaceAll("\\D", "")));
        }
        return numbers;
    }

    static String blankHelp(Language language) {
        return Messages.get(language, "answer.blank", "Acme Industries");
    }

    static void assertHelp(Answer answer, Language language) {
        assertThat(answer.issue()).isEqualTo(InputIssue.BLANK);
        assertThat(answer.tier()).isEqualTo(Tier.FALLBACK);
        assertThat(answer.replyLanguage()).isEqualTo(language);
        assertThat(answer.text()).isEqualTo(blankHelp(language)).contains("Acme Industries");
        assertThat(answer.citation()).isNull();
        assertThat(answer.suggestions()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   \t  ", "\n\n", "\u00a0\u2003"})
    void blankTextGetsHelpInTheDefaultLanguage(String text) {
        assertHelp(ENGINE.answer(Question.of(text)), Language.EN);
    }

    @Test
    void blankTextGetsHelpInThePreferredLanguage() {
        assertHelp(ENGINE.answer(Question.of("   ", Language.FR)), Language.FR);
        assertThat(blankHelp(Language.FR)).isNotEqualTo(blankHelp(Language.EN));
    }

    @Test
    void engineWithFrenchDefaultGivesFrenchHelp() {
        AnswerEngine french = new AnswerEngine(ENGINE.charter(), Language.FR);
        assertHelp(french.answer(Question.of("")), Language.FR);
    }

    @Test
    void nullTextIsTreatedAsBlank() {
        Answer answer = ENGINE.answer(new Question(null, Optional.empty()));
        assertHelp(answer, Language.EN);
    }

    @Test
    void emojiOnlyIsBlank() {
        assertHelp(ENGINE.answer(Question.of("😀🎉👍")), Language.EN);
        assertHelp(ENGINE.answer(Question.of("🤔 ?! ...")), Language.EN);
    }

    @Test
    void markupOnlyIsBlank() {
        assertHelp(ENGINE.answer(Question.of("<@U123ABC> <b></b>")), Language.EN);
    }

    @Test
    void tooLongTextSaysSoWithTheLimit() {
        String text = "photo ".repeat(2000).substring(0, 10_000);
        Answer answer = ENGINE.answer(Question.of(text));

        assertThat(answer.issue()).isEqualTo(InputIssue.TOO_LONG);
        assertThat(answer.tier()).isEqualTo(Tier.FALLBACK);
        assertThat(answer.citation()).isNull();
        assertThat(answer.replyLanguage()).isEqualTo(Language.EN);
        assertThat(numbersIn(answer.text())).contains(1000L, 10_000L);
    }

    @Test
    void tooLongTextInFrenchSaysSoInFrench() {
        String text = "Puis-je publier cette photo ? ".repeat(400);
        Answer answer = ENGINE.answer(Question.of(text, Language.FR));

        assertThat(answer.issue()).isEqualTo(InputIssue.TOO_LONG);
        assertThat(answer.replyLanguage()).isEqualTo(Language.FR);
        assertThat(answer.text()).contains("caractères");
        assertThat(numbersIn(answer.text())).contains(1000L, (long) text.length());
    }

    @Test
    void exactlyTheLimitIsStillSearched() {
        String question = "Can I post this photo? ";
        String atLimit = question + "a".repeat(Question.MAX_LENGTH - question.length());
        assertThat(atLimit).hasSize(Question.MAX_LENGTH);
        assertThat(ENGINE.answer(Question.of(atLimit)).issue()).isEqualTo(InputIssue.NONE);
        assertThat(ENGINE.answer(Question.of(atLimit + "a")).issue()).isEqualTo(InputIssue.TOO_LONG);
    }

    @Test
    void markupDoesNotCountTowardsTheLimit() {
        String mentions = "<@U0123ABCDE> ".repeat(100);
        assertThat(mentions.length()).isGreaterThan(Question.MAX_LENGTH);
        Answer answer = ENGINE.answer(Question.of(mentions + "Can I post this photo?"));
        assertThat(answer.issue()).isEqualTo(InputIssue.NONE);
    }

    @Test
    void emojiCountAsOneCharacterEach() {
        String emoji = "\uD83D\uDCF8".repeat(600);
        assertThat(emoji.length()).isEqualTo(1200);
        assertThat(ENGINE.answer(Question.of(emoji)).issue()).isEqualTo(InputIssue.BLANK);
    }

    @Test
    void controlCharactersAreIgnored() {
        Answer answer = ENGINE.answer(Question.of("\u0000\u0007Can I\u001b post\u200b this photo?\u007f"));
        assertThat(answer).isNotNull();
        assertThat(answer.issue()).isEqualTo(InputIssue.NONE);
        assertThat(answer.shownSectionIds()).contains("photos-videos");
    }

    @Test
    void slackMarkupIsStripped() {
        Answer answer = ENGINE.answer(Question.of("<@U123ABC> can I post this <https://example.com|photo>?"));
        assertThat(answer.issue()).isEqualTo(InputIssue.NONE);
        assertThat(answer.tier()).isEqualTo(Tier.ANSWER);
        assertThat(answer.citation().sectionId()).isEqualTo("photos-videos");
        assertThat(answer.replyLanguage()).isEqualTo(Language.EN);
    }

    @Test
    void htmlMarkupIsStripped() {
        Answer answer = ENGINE.answer(Question.of("<b>can I post</b> a <i>photo</i>"));
        assertThat(answer).isNotNull();
        assertThat(answer.issue()).isEqualTo(InputIssue.NONE);
        assertThat(answer.shownSectionIds()).contains("photos-videos");
    }

    @Test
    void mixedLanguagesStillGetAnAnswer() {
        Answer answer = ENGINE.answer(Question.of("can I publier une photo?"));
        assertThat(answer).isNotNull();
        assertThat(answer.issue()).isEqualTo(InputIssue.NONE);
        assertThat(answer.replyLanguage()).isNotNull();
        assertThat(answer.shownSectionIds()).contains("photos-videos");
    }

    @Test
    void cleaningRemovesChatMarkup() {
        assertThat(QuestionText.clean("<@U123ABC> can I post this <https://example.com|photo>?"))
                .isEqualTo("can I post this photo ?");
        assertThat(QuestionText.clean("<b>can I post</b> a <i>photo</i>")).isEqualTo("can I post a photo");
        assertThat(QuestionText.clean("<at>Charter Bot</at> hello &amp; bye")).isEqualTo("hello & bye");
        assertThat(QuestionText.hasWords(QuestionText.clean("😀 <#C123>"))).isFalse();
    }
}
