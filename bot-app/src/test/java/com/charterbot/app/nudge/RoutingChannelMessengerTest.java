package com.charterbot.app.nudge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.charterbot.core.nudge.ChannelMessenger;
import com.charterbot.core.nudge.ChannelState;
import com.charterbot.core.nudge.NudgeSettings;
import com.charterbot.core.nudge.SendOutcome;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingChannelMessengerTest {

    private static final Reply TIP =
            Reply.of(Language.EN, Reply.Delivery.CONVERSATION, List.of(new Block.Text("A tip")));
    private static final NudgeSettings SETTINGS = NudgeSettings.defaults(ZoneId.of("Europe/Paris"), Language.EN);

    @Test
    void sendsEachChannelThroughItsPlatformsMessenger() {
        List<String> slackSent = new ArrayList<>();
        ChannelMessenger slack = (channel, reply) -> {
            slackSent.add(channel.channel().channelId());
            return new SendOutcome.Sent();
        };
        RoutingChannelMessenger router =
                new RoutingChannelMessenger(List.of(new PlatformChannelMessenger(Platform.SLACK, slack)));

        SendOutcome toSlack = router.send(channel(Platform.SLACK, "C0GENERAL"), TIP);
        SendOutcome toTeams = router.send(channel(Platform.TEAMS, "19:abc@thread.tacv2"), TIP);

        assertThat(toSlack).isInstanceOf(SendOutcome.Sent.class);
        assertThat(slackSent).containsExactly("C0GENERAL");
        assertThat(toTeams)
                .as("no Teams adapter: the channel is paused, not retried")
                .isEqualTo(new SendOutcome.Permanent("no adapter for teams"));
    }

    @Test
    void refusesTwoMessengersForOnePlatform() {
        ChannelMessenger any = (channel, reply) -> new SendOutcome.Sent();
        assertThatThrownBy(() -> new RoutingChannelMessenger(List.of(
                        new PlatformChannelMessenger(Platform.SLACK, any),
                        new PlatformChannelMessenger(Platform.SLACK, any))))
                .hasMessageContaining("two messengers for SLACK");
    }

    private static ChannelState channel(Platform platform, String id) {
        return ChannelState.of(new ChannelRef(platform, "T0ACME", id), "", SETTINGS);
    }
}
