package com.charterbot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Platform;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@link RepliedMessages} does; each implementation's test extends this class. */
public abstract class RepliedMessagesContract {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final ChannelRef DM = new ChannelRef(Platform.SLACK, "T0ACME", "D0ALICE");
    private static final ChannelRef OTHER = new ChannelRef(Platform.TEAMS, "T0ACME", "D0ALICE");

    /** A new, empty store. */
    protected abstract RepliedMessages newStore();

    @Test
    void aReplyIsFoundFromItsMessageInItsConversationOnly() {
        RepliedMessages replies = newStore();
        replies.remember(DM, "1700000000.000100", "1700000001.000200", T0);

        assertThat(replies.replyTo(DM, "1700000000.000100", T0.plusSeconds(60))).contains("1700000001.000200");
        assertThat(replies.replyTo(OTHER, "1700000000.000100", T0.plusSeconds(60)))
                .isEmpty();
        assertThat(replies.replyTo(DM, "1700000000.000999", T0.plusSeconds(60))).isEmpty();
    }

    @Test
    void aLaterReplyToTheSameMessageReplacesTheFirst() {
        RepliedMessages replies = newStore();
        replies.remember(DM, "m1", "r1", T0);
        replies.remember(DM, "m1", "r2", T0.plusSeconds(5));

        assertThat(replies.replyTo(DM, "m1", T0.plusSeconds(10))).contains("r2");
    }

    @Test
    void nothingIsGivenBackAfterADayAndForgettingCounts() {
        RepliedMessages replies = newStore();
        replies.remember(DM, "m1", "r1", T0);
        replies.remember(DM, "m2", "r2", T0.plus(RepliedMessages.KEPT));

        assertThat(replies.replyTo(DM, "m1", T0.plus(RepliedMessages.KEPT).plusSeconds(1)))
                .isEmpty();
        assertThat(replies.forgetBefore(T0.plusSeconds(1))).isEqualTo(1);
        assertThat(replies.replyTo(DM, "m2", T0.plus(RepliedMessages.KEPT).plusSeconds(1)))
                .contains("r2");
    }

    @Test
    void idsLongerThanThePlatformsUseAreNotKept() {
        RepliedMessages replies = newStore();
        String tooLong = "m".repeat(RepliedMessages.MAX_ID + 1);
        replies.remember(DM, tooLong, "r1", T0);
        replies.remember(DM, "m1", "r".repeat(RepliedMessages.MAX_ID + 1), T0);

        assertThat(replies.replyTo(DM, tooLong, T0.plusSeconds(1))).isEmpty();
        assertThat(replies.replyTo(DM, "m1", T0.plusSeconds(1))).isEmpty();
    }
}
