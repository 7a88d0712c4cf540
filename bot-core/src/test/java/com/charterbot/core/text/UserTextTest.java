package com.charterbot.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserTextTest {

    @Test
    void dropsFormatAndControlCharactersButKeepsLinesAndTabs() {
        assertThat(UserText.received("lang \u202Een\u200b\u0000 ok\r\nnext\tline\u2028end"))
                .isEqualTo("lang en ok\n\nnext\tline\nend");
    }

    @Test
    void makesEveryUnicodeSpaceAPlainSpace() {
        assertThat(UserText.received("@Charter\u00a0help\u202fnow\u2003!")).isEqualTo("@Charter help now !");
        assertThat(UserText.oneLine("\u00a0 quiz \u00a0\n")).isEqualTo("quiz");
    }

    @Test
    void keepsEmojiWholeAndDropsLoneSurrogates() {
        assertThat(UserText.received("ok \ud83d\ude00 \ud83d")).isEqualTo("ok \ud83d\ude00 ");
    }

    @Test
    void capsAMessageWithoutCuttingASurrogatePair() {
        String text = "a".repeat(UserText.MAX_CHARS - 1) + "\ud83d\ude00" + "b".repeat(50);

        String kept = UserText.received(text);

        assertThat(kept).hasSize(UserText.MAX_CHARS - 1);
        assertThat(UserText.received("x".repeat(UserText.MAX_CHARS + 10))).hasSize(UserText.MAX_CHARS);
    }

    @Test
    void echoesAShortCleanLine() {
        assertThat(UserText.echo("\u202Eabc\u202C  def", 40)).isEqualTo("abc def");
        assertThat(UserText.echo("x".repeat(100), 10)).isEqualTo("xxxxxxxxxx\u2026");
    }

    @Test
    void foldsCaseAccentsAndTypographicMarks() {
        assertThat(UserText.fold("  Oublie\u2011Moi\u00a0 Réglages l\u2019Équipe "))
                .isEqualTo("oublie-moi reglages l'equipe");
    }

    @Test
    void stripsOnlyTheTrailingPunctuationAsked() {
        assertThat(UserText.withoutTrailing("forget me !?. . ", ".!?")).isEqualTo("forget me");
        assertThat(UserText.withoutTrailing("...x", ".!?")).isEqualTo("...x");
    }
}
