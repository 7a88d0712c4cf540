package com.charterbot.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokensTest {

    private static List<String> texts(String text) {
        return Tokens.scan(text).stream().map(Tokens.Token::text).toList();
    }

    private static List<Tokens.Kind> kinds(String text) {
        return Tokens.scan(text).stream().map(Tokens.Token::kind).toList();
    }

    @Test
    void foldsWordsAndCutsAtApostrophesAndHyphens() {
        assertThat(texts("L'Usine d'Œuvre: off-the-record, you’re RÉUNION"))
                .containsExactly("l", "usine", "d", "oeuvre", "off", "the", "record", "you", "re", "reunion");
    }

    @Test
    void keepsHashtagsMentionsNumbersAndSymbols() {
        String text = "#NorvaneEmployee @lena.k 4h12 Q3 12 M€ 🔥🔥";

        assertThat(texts(text))
                .containsExactly("#norvaneemployee", "@lena", "k", "4h12", "q3", "12", "m", "€", "🔥", "🔥");
        assertThat(kinds(text))
                .containsExactly(
                        Tokens.Kind.HASHTAG,
                        Tokens.Kind.MENTION,
                        Tokens.Kind.WORD,
                        Tokens.Kind.NUMBER,
                        Tokens.Kind.WORD,
                        Tokens.Kind.NUMBER,
                        Tokens.Kind.WORD,
                        Tokens.Kind.SYMBOL,
                        Tokens.Kind.SYMBOL,
                        Tokens.Kind.SYMBOL);
    }

    @Test
    void aSelfCensoredWordStaysOneTokenButMarkdownAndPunctuationStillSeparate() {
        assertThat(texts("this sh*t, a$$hole! f*** f***ing w**ker Enc*lé"))
                .containsExactly("this", "sh*t", "a$$hole", "f***", "f***ing", "w**ker", "enc*le");
        assertThat(kinds("sh*t c0nnard a55hole x20 win10 mp3 covid19"))
                .containsExactly(
                        Tokens.Kind.MASKED,
                        Tokens.Kind.MASKED,
                        Tokens.Kind.MASKED,
                        Tokens.Kind.WORD,
                        Tokens.Kind.WORD,
                        Tokens.Kind.WORD,
                        Tokens.Kind.WORD);
        assertThat(texts("*bold* **important** wow!!! great!! #team @lena 100% so_what"))
                .containsExactly("bold", "important", "wow", "great", "#team", "@lena", "100", "%", "so", "what");
    }

    @Test
    void readsLinksWithOrWithoutSchemeAndAddresses() {
        List<Tokens.Token> tokens =
                Tokens.scan("see (https://Intranet.Acme.local/hr?x=1), careers.norvane.com. mail jane.doe@acme.com!");

        assertThat(tokens)
                .extracting(Tokens.Token::kind)
                .containsExactly(
                        Tokens.Kind.WORD, Tokens.Kind.LINK, Tokens.Kind.LINK, Tokens.Kind.WORD, Tokens.Kind.EMAIL);
        assertThat(tokens.get(1).text()).isEqualTo("https://intranet.acme.local/hr?x=1");
        assertThat(tokens.get(2).text()).isEqualTo("careers.norvane.com");
        assertThat(tokens.get(4).text()).isEqualTo("jane.doe@acme.com");
        assertThat(Tokens.host("https://intranet.acme.local:8443/hr")).contains("intranet.acme.local");
        assertThat(Tokens.host("http://user@10.0.0.7/x")).contains("10.0.0.7");
        assertThat(Tokens.host("e.g")).isEmpty();
    }

    @Test
    void wordsThatMerelyHaveDotsAreNotLinks() {
        assertThat(kinds("e.g. 42.2 km, S&OP. Mr.Smith 3:12")).doesNotContain(Tokens.Kind.LINK, Tokens.Kind.EMAIL);
    }

    @Test
    void tokensSayWhereTheyAreInTheText() {
        String text = "  Hello, world";
        Tokens.Token world = Tokens.scan(text).get(1);

        assertThat(text.substring(world.start(), world.end())).isEqualTo("world");
    }
}
