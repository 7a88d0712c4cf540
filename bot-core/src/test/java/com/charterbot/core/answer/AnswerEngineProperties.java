package com.charterbot.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.CharterLoader;
import com.charterbot.core.charter.CharterSettings;
import com.charterbot.core.charter.LoadResult;
import com.charterbot.core.values.Language;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

class AnswerEngineProperties {

    static final AnswerEngine ENGINE = new AnswerEngine(
            ((LoadResult.Loaded) CharterLoader.load(CharterFiles.defaults(), CharterSettings.DEFAULTS)).charter(),
            Language.EN);

    @Property(tries = 300, shrinking = ShrinkingMode.BOUNDED)
    void answerIsAlwaysWellFormed(@ForAll("questions") String text, @ForAll("languages") Optional<Language> preferred) {
        Answer answer = ENGINE.answer(new Question(text, preferred));

        assertThat(answer).isNotNull();
        assertThat(answer.replyLanguage()).isNotNull();
        preferred.ifPresent(language -> assertThat(answer.replyLanguage()).isEqualTo(language));
        assertThat(answer.confidence()).isBetween(0.0, 1.0);
        assertThat(answer.suggestions()).hasSizeLessThanOrEqualTo(3);
        assertThat(answer.shownSectionIds()).hasSizeLessThanOrEqualTo(3).doesNotHaveDuplicates();
        assertThat(answer.text()).isNotBlank();
        assertThat(answer.issue()).isNotNull();
        assertThat(answer.charterVersion()).isEqualTo(ENGINE.charter().version());
        assertThat(answer.citation() != null).isEqualTo(answer.tier() == Tier.ANSWER);
        if (text.length() > Question.MAX_LENGTH) {
            assertThat(answer.issue()).isEqualTo(InputIssue.TOO_LONG);
        }
    }

    @Provide
    Arbitrary<Optional<Language>> languages() {
        return Arbitraries.of(Language.class).optional(0.3);
    }

    @Provide
    Arbitrary<String> questions() {
        Arbitrary<String> anyUnicode = Arbitraries.strings().all().ofMaxLength(200);
        Arbitrary<String> words = Arbitraries.of(
                        "can",
                        "I",
                        "post",
                        "photo",
                        "puis-je",
                        "publier",
                        "journaliste",
                        "LinkedIn",
                        "password",
                        "mot",
                        "de",
                        "passe",
                        "l'",
                        "?",
                        "!",
                        "😀",
                        "ça",
                        "ß",
                        "İ",
                        "\u0301",
                        "\u200b",
                        "<@U123ABC>",
                        "<https://example.com|photo>",
                        "<#C42|general>",
                        "<!here>",
                        "<b>",
                        "</i>",
                        "<at>Bot</at>",
                        "&amp;",
                        "&lt;",
                        "{{company}}",
                        "{0}",
                        "'",
                        "''",
                        "\\",
                        "$1",
                        "\u0000",
                        "\ud83d",
                        "\ud800\udc00",
                        "ﾃｽﾄ",
                        "写真",
                        "صورة",
                        "фото")
                .list()
                .ofMaxSize(60)
                .map(list -> String.join(" ", list));
        Arbitrary<String> glued = Arbitraries.strings()
                .withChars("<>|@#!&;{}[]()*_~`'\"\\/:xX- \n\t")
                .ofMaxLength(300);
        Arbitrary<String> longOnes =
                Arbitraries.strings().all().ofMinLength(900).ofMaxLength(1_200);
        Arbitrary<String> manyWords = Arbitraries.strings()
                .alpha()
                .ofMinLength(1)
                .ofMaxLength(12)
                .list()
                .ofMinSize(50)
                .ofMaxSize(160)
                .map(list -> String.join(" ", list));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, anyUnicode),
                net.jqwik.api.Tuple.of(4, words),
                net.jqwik.api.Tuple.of(2, glued),
                net.jqwik.api.Tuple.of(1, longOnes),
                net.jqwik.api.Tuple.of(2, manyWords),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", " ", "\n", "?", "a", "é")));
    }
}
