package com.charterbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.text.LinearText;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Slack adapter's passes over a person's text read each character a bounded number of times. */
class TextPassesTest {

    @Test
    void removingTheBotsMentionIsLinearOnAnyRun() {
        for (String text : LinearText.runs(20_000)) {
            LinearText.assertLinear("withoutMention", t -> SlackMessages.withoutMention(t, "U1"), text);
            LinearText.assertLinear("withoutMention, no bot id", t -> SlackMessages.withoutMention(t, null), text);
        }
    }

    @Test
    void everyPatternOfTheAdapterIsLinearOnAnyRun() {
        for (Class<?> type : new Class<?>[] {SlackMessages.class, Events.class, Interactions.class}) {
            for (Pattern pattern : LinearText.staticPatterns(type)) {
                for (String text : LinearText.runs(20_000)) {
                    LinearText.assertLinear(pattern, text);
                }
            }
        }
    }

    @Test
    void stillRemovesTheMentionsOfTheBotOnly() {
        assertThat(SlackMessages.withoutMention("<@U1> can I post <@U2|ann>'s photo <@U1|charter>?", "U1"))
                .isEqualTo("can I post <@U2|ann>'s photo ?");
        assertThat(SlackMessages.withoutMention("<@U2|ann> <@U1> can I post this?", "U1"))
                .isEqualTo("can I post this?");
    }
}
