package com.charterbot.slack;

import static com.charterbot.slack.SlackRig.BOT_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.charterbot.core.chat.PlatformApiErrors;
import com.charterbot.core.chat.PlatformEvents;
import com.charterbot.core.memory.InMemoryRepliedMessages;
import com.charterbot.core.net.NoDelaySockets;
import com.charterbot.core.nudge.ChannelState;
import com.charterbot.core.nudge.NudgeSettings;
import com.charterbot.core.nudge.SendOutcome;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.testing.TestConversation;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import java.time.ZoneId;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class SlackBotTest {

    @Test
    void buildingTheBotCallsNoWebApiAndItsMessengerSharesTheBotToken() throws Exception {
        try (SlackRig rig = SlackRig.coldStart(TestConversation.create())) {
            assertThat(rig.slack.getAllServeEvents())
                    .as("nothing talks to Slack while the bot is built")
                    .isEmpty();
            ChannelState channel = ChannelState.of(
                    new ChannelRef(Platform.SLACK, SlackRig.TEAM, "C0NUDGE"),
                    "nudges",
                    NudgeSettings.defaults(ZoneId.of("Europe/Paris"), Language.EN));

            SendOutcome outcome = rig.bot
                    .messenger()
                    .send(
                            channel,
                            Reply.of(Language.EN, Reply.Delivery.CONVERSATION, List.of(new Block.Text("A nudge"))));

            assertThat(outcome).isInstanceOf(SendOutcome.Sent.class);
            LoggedRequest post = rig.requests("chat.postMessage").get(0);
            assertThat(post.getHeader("Authorization")).isEqualTo("Bearer " + BOT_TOKEN);
            assertThat(SlackRig.formOf(post)).containsEntry("channel", "C0NUDGE");
        }
    }

    @Test
    void theWebApiClientKeepsTheConfigurationAndTurnsNagleOff() {
        SlackConfig config = new SlackConfig();
        config.setHttpClientReadTimeoutMillis(1_234);

        Slack slack = SlackBot.slack(config);

        assertThat(slack.getConfig()).isSameAs(config);
        OkHttpClient client = slack.getHttpClient().getOkHttpClient();
        assertThat(client.socketFactory())
                .as("posts over 8 KiB would wait for a delayed ACK")
                .isSameAs(NoDelaySockets.INSTANCE);
        assertThat(client.readTimeoutMillis()).isEqualTo(1_234);
    }

    @Test
    void theWebApiClientMakesNoHiddenAuthTestCalls() throws Exception {
        try (SlackRig rig = SlackRig.coldStart(TestConversation.create())) {
            // A token this JVM never used: the Slack client's metrics would resolve its team with auth.test first.
            String token = "xoxb-" + System.nanoTime() + "-fresh";
            SlackSettings settings =
                    new SlackSettings(SlackRig.SIGNING_SECRET, token, null, rig.settings.apiUrl(), null, null, null);
            try (SlackBot bot = new SlackBot(
                    settings,
                    new SlackBot.Parts(
                            rig.converse,
                            rig.membership,
                            rig.home,
                            rig.nudges,
                            rig.seen,
                            rig.clock,
                            PlatformApiErrors.NONE,
                            new InMemoryRepliedMessages(),
                            PlatformEvents.NONE))) {
                ChannelState channel = ChannelState.of(
                        new ChannelRef(Platform.SLACK, SlackRig.TEAM, "C0NUDGE"),
                        "nudges",
                        NudgeSettings.defaults(ZoneId.of("Europe/Paris"), Language.EN));

                bot.messenger()
                        .send(
                                channel,
                                Reply.of(Language.EN, Reply.Delivery.CONVERSATION, List.of(new Block.Text("A nudge"))));

                assertThat(rig.requests("chat.postMessage")).hasSize(1);
                assertThat(rig.requests("auth.test")).isEmpty();
            }
        }
    }

    @Test
    void closingTwiceIsHarmlessAndAClosedBotDoesNotStartSocketMode() throws Exception {
        try (SlackRig rig = SlackRig.socketModeOnly(TestConversation.create())) {
            rig.bot.close();
            rig.bot.close();

            assertThatIllegalStateException()
                    .isThrownBy(rig.bot::startSocketMode)
                    .withMessageContaining("closed");
        }
    }

    @Test
    void theBotShowsNoSecretAndNeedsAllItsParts() throws Exception {
        try (SlackRig rig = SlackRig.coldStart(TestConversation.create())) {
            assertThat(rig.bot.toString()).doesNotContain(BOT_TOKEN, SlackRig.SIGNING_SECRET);
            assertThatNullPointerException()
                    .isThrownBy(() -> new SlackBot.Parts(
                            rig.converse,
                            rig.membership,
                            rig.home,
                            null,
                            rig.seen,
                            rig.clock,
                            PlatformApiErrors.NONE,
                            new InMemoryRepliedMessages(),
                            PlatformEvents.NONE))
                    .withMessage("nudges");
        }
    }
}
