package com.charterbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.values.Language;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading Teams messages as Teams writes them: mentions, markup, entities, spaces, pictures and locales. */
class IncomingTest {

    private static final String BOT = "28:11111111-2222-3333-4444-555555555555";
    private static final String BOT_MENTION = "{\"type\":\"mention\",\"mentioned\":{\"id\":\"" + BOT
            + "\",\"name\":\"Charter\"},\"text\":\"<at>Charter</at>\"}";
    private static final String ALEX_MENTION =
            "{\"type\":\"mention\",\"mentioned\":{\"id\":\"29:1alex\",\"name\":\"Alex Wilber\"},"
                    + "\"text\":\"<at>Alex Wilber</at>\"}";

    private static Activity activity(String text, String extra) {
        String json =
                "{\"type\":\"message\",\"id\":\"1\",\"serviceUrl\":\"https://smba.trafficmanager.net/emea/\",\"channelId\":\"msteams\","
                        + "\"from\":{\"id\":\"29:1alice\"},\"recipient\":{\"id\":\"" + BOT + "\",\"name\":\"Charter\"},"
                        + "\"conversation\":{\"id\":\"19:c@thread.tacv2\"},\"text\":"
                        + Serialization.toStringSilent(text) + extra + "}";
        try {
            return Serialization.treeToValue(Serialization.jsonToTree(json), Activity.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(String text, String... entities) {
        return Incoming.text(activity(text, ",\"entities\":[" + String.join(",", entities) + "]"), TeamsBot.MAX_TEXT);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "<at>Charter</at>\u00a0help|help",
                "<at>Charter</at>&nbsp;help|help",
                "<at>Charter</at>&#160;help|help",
                "<p><at>Charter</at>&nbsp;quiz</p>|quiz",
                "can I post this? <at>Charter</at>|can I post this?",
                "<div><div><at>Charter</at>\u00a0lang&nbsp;fr</div></div>|lang fr"
            })
    void theBotsMentionIsRemovedWhereverItIsAndEverySpaceIsPlain(String raw, String read) {
        assertThat(text(raw, BOT_MENTION)).isEqualTo(read);
    }

    @Test
    void othersMentionedBeforeTheBotOnlyAddressThePeopleAndAreDropped() {
        assertThat(text("<at>Alex Wilber</at> <at>Charter</at>\u00a0quiz", ALEX_MENTION, BOT_MENTION))
                .isEqualTo("quiz");
        assertThat(text("<at>Charter</at> <at>Alex Wilber</at>\u00a0tip", BOT_MENTION, ALEX_MENTION))
                .isEqualTo("tip");
    }

    @Test
    void othersMentionedInTheQuestionStayAsTheirNames() {
        assertThat(text("<at>Charter</at> can <at>Alex Wilber</at> post a photo of me?", BOT_MENTION, ALEX_MENTION))
                .isEqualTo("can Alex Wilber post a photo of me?");
    }

    @Test
    void theBotsMarkupWithoutItsEntityIsRemovedToo() {
        assertThat(Incoming.text(activity("<at>Charter</at> help", ""), TeamsBot.MAX_TEXT))
                .isEqualTo("help");
    }

    @Test
    void aMentionOfTheBotByItsBareAppIdCounts() {
        String bare =
                "{\"type\":\"mention\",\"mentioned\":{\"id\":\"11111111-2222-3333-4444-555555555555\"},\"text\":\"<at>Charter Bot</at>\"}";
        assertThat(text("<at>Charter Bot</at> help", bare)).isEqualTo("help");
    }

    @Test
    void entitiesAndMarkupCannotInjectTheMarksUsedForMentions() {
        assertThat(text("<at>Charter</at> \uE0000\uE001 help &#xE000;", BOT_MENTION))
                .isEqualTo("0 help");
        assertThat(text("<at>Charter</at> &#0; &#xD800; &#99999999; &lt;b&gt; &amp;amp;", BOT_MENTION))
                .isEqualTo("&#99999999; <b> &amp;");
    }

    @Test
    void pictures() {
        assertThat(Incoming.hasImage(activity(
                        "", ",\"attachments\":[{\"contentType\":\"image/*\",\"contentUrl\":\"https://x/1\"}]")))
                .isTrue();
        assertThat(Incoming.hasImage(activity(
                        "",
                        ",\"attachments\":[{\"contentType\":\"application/vnd.microsoft.teams.file.download.info\","
                                + "\"name\":\"a.JPG\",\"content\":{\"fileType\":\"JPG\"}}]")))
                .isTrue();
        assertThat(Incoming.hasImage(activity(
                        "",
                        ",\"attachments\":[{\"contentType\":\"application/vnd.microsoft.teams.file.download.info\","
                                + "\"name\":\"a.pdf\",\"content\":{\"fileType\":\"pdf\"}}]")))
                .isFalse();
        assertThat(Incoming.hasImage(
                        activity("", ",\"attachments\":[{\"contentType\":\"text/html\",\"content\":\"<img src=x>\"}]")))
                .isFalse();
        assertThat(Incoming.hasImage(activity("", ""))).isFalse();
    }

    @Test
    void theLanguageIsTheLocaleElseTheClientInfosElseNone() {
        assertThat(Incoming.language(activity(
                        "", ",\"locale\":\"fr-FR\",\"entities\":[{\"type\":\"clientInfo\",\"locale\":\"en-US\"}]")))
                .contains(Language.FR);
        assertThat(Incoming.language(activity("", ",\"entities\":[{\"type\":\"clientInfo\",\"locale\":\"fr-CA\"}]")))
                .contains(Language.FR);
        assertThat(Incoming.language(activity(
                        "", ",\"locale\":\"de-DE\",\"entities\":[{\"type\":\"clientInfo\",\"locale\":\"de-DE\"}]")))
                .isEqualTo(Optional.empty());
        assertThat(Incoming.language(activity("", ""))).isEmpty();
    }

    @Test
    void aMessageBodyInHtmlReadsAsTextWithItsLinksAddressesKept() {
        String html =
                "<p><at id=\"0\">Megan Bowen</at> see <a href=\"https://intranet.acme.local/plan\" title=\"x\">the plan</a></p>"
                        + "<p>R&amp;D &lt;b&gt; 1 &lt; 2<br>next line</p>";

        assertThat(Incoming.plain(html, TeamsBot.MAX_TEXT))
                .isEqualTo("Megan Bowen see https://intranet.acme.local/plan the plan\nR&D <b> 1 < 2\nnext line");
    }

    @Test
    void aLoneAngleBracketIsText() {
        assertThat(Incoming.plain("a < b <c", 100)).isEqualTo("a < b <c");
    }

    @Test
    void readingAMessageBodyIsLinearWhateverItHolds() {
        for (String text : com.charterbot.core.text.LinearText.runs(20_000)) {
            com.charterbot.core.text.LinearText.assertLinear(
                    "plain", html -> Incoming.plain(html.toString(), TeamsBot.MAX_TEXT), text);
        }
    }
}
