package com.charterbot.teams;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.charterbot.core.text.LinearText;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Teams adapter's passes over a person's text read each character a bounded number of times. */
class TextPassesTest {

    @Test
    void everyPatternOfTheAdapterIsLinearOnAnyRun() {
        for (Class<?> type : new Class<?>[] {TeamsBot.class, Incoming.class}) {
            for (Pattern pattern : LinearText.staticPatterns(type)) {
                for (String text : LinearText.runs(40_000)) {
                    LinearText.assertLinear(pattern, text);
                }
            }
        }
    }

    /** The tag pattern before the outside probe: "&lt;a" repeated made it read the rest of the text from every '&lt;'. */
    @Test
    void theCheckCatchesTheOldTagPattern() {
        assertThatThrownBy(() -> LinearText.assertLinear(Pattern.compile("</?[a-zA-Z][^>]*>"), "<a".repeat(10_000)))
                .isInstanceOf(AssertionError.class);
    }
}
