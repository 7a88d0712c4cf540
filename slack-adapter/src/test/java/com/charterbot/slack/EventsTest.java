package com.charterbot.slack;

import static com.charterbot.slack.SlackRig.BOT_USER;
import static com.charterbot.slack.SlackRig.CHANNEL;
import static com.charterbot.slack.SlackRig.MEMBER;
import static com.charterbot.slack.SlackRig.TEAM;
import static com.charterbot.slack.SlackRig.eventCallback;
import static com.charterbot.slack.SlackRig.eventId;
import static com.charterbot.slack.SlackRig.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Message;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Events API: mentions, direct messages, the bot joining and leaving channels, the app leaving the workspace. */
class EventsTest extends SharedRigTest {

    @Test
    void answersTheUrlVerificationChallenge() {
        HttpResponse<String> response = rig.postJson(
                "{\"token\":\"legacy\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void aMentionIsAnsweredInItsThreadWithoutTheMention() {
        HttpResponse<String> ack = rig.postJson(eventCallback(
                eventId(),
                mention(
                        MEMBER,
                        "<@" + BOT_USER + "> Can I post a photo of the office on Instagram?",
                        "1741599000.000100",
                        null)));

        assertThat(ack.statusCode()).isEqualTo(200);
        LoggedRequest post = rig.awaitApi("chat.postMessage", 1).get(0);
        Map<String, String> form = SlackRig.formOf(post);
        assertThat(form).containsEntry("channel", CHANNEL).containsEntry("thread_ts", "1741599000.000100");
        assertThat(form.get("text")).startsWith("Photos and videos at work");
        JsonArray blocks = SlackRig.blocksOf(post);
        assertThat(SlackRig.types(blocks).get(0)).isEqualTo("header");
        assertThat(SlackRig.texts(blocks)).contains("Source: Photos and videos at work");

        Message message = rig.converse.messages.get(0);
        assertThat(message.origin()).isEqualTo(Message.Origin.MENTION);
        assertThat(message.text()).isEqualTo("Can I post a photo of the office on Instagram?");
        assertThat(message.conversation().channelId()).isEqualTo(CHANNEL);
        assertThat(message.user().tenant()).isEqualTo(TEAM);
    }

    @Test
    void aMentionInsideAThreadIsAnsweredInThatThread() {
        rig.postJson(eventCallback(
                eventId(),
                mention(MEMBER, "<@" + BOT_USER + "|charter> help", "1741599000.000900", "1741598000.000100")));

        Map<String, String> form =
                SlackRig.formOf(rig.awaitApi("chat.postMessage", 1).get(0));
        assertThat(form).containsEntry("thread_ts", "1741598000.000100");
        assertThat(rig.converse.messages.get(0).text()).isEqualTo("help");
    }

    @Test
    void aPrivateReplyToAMentionIsEphemeral() {
        rig.converse.answerMessagesWith(
                message -> List.of(Reply.of(Language.EN, Reply.Delivery.PRIVATE, List.of(new Block.Text("only you")))));

        rig.postJson(
                eventCallback(eventId(), mention(MEMBER, "<@" + BOT_USER + "> settings", "1741599000.000100", null)));

        LoggedRequest ephemeral = rig.awaitApi("chat.postEphemeral", 1).get(0);
        assertThat(SlackRig.formOf(ephemeral))
                .containsEntry("channel", CHANNEL)
                .containsEntry("user", MEMBER)
                .containsEntry("thread_ts", "1741599000.000100");
        assertThat(SlackRig.texts(SlackRig.blocksOf(ephemeral))).containsExactly("only you");
        rig.awaitIdle();
        assertThat(rig.requests("chat.postMessage")).isEmpty();
    }

    @Test
    void aDirectMessageIsAnsweredInTheDm() {
        rig.postJson(eventCallback(
                eventId(), directMessage(MEMBER, "Puis-je publier une photo du bureau sur Instagram ?", null)));

        LoggedRequest post = rig.awaitApi("chat.postMessage", 1).get(0);
        assertThat(SlackRig.formOf(post)).containsEntry("channel", "D0DM").doesNotContainKey("thread_ts");
        assertThat(SlackRig.texts(SlackRig.blocksOf(post)).get(0)).isEqualTo("Photos et vidéos au travail");
        assertThat(rig.converse.messages.get(0).origin()).isEqualTo(Message.Origin.DIRECT);
        assertThat(rig.converse.messages.get(0).conversation().channelId()).isEqualTo("D0DM");
    }

    @Test
    void botsOwnMessagesSubtypesAndChannelMessagesAreIgnored() {
        JsonObject fromBot = directMessage(BOT_USER, "a reply of mine", null);
        JsonObject fromAnotherBot = directMessage("U0OTHERBOT", "beep", null);
        fromAnotherBot.addProperty("bot_id", "B0OTHER");
        JsonObject edit = directMessage(MEMBER, "edited", "message_changed");
        JsonObject inChannel = directMessage(MEMBER, "chatting in a channel", null);
        inChannel.addProperty("channel_type", "channel");
        JsonObject mentionByBot = mention("U0OTHERBOT", "<@" + BOT_USER + "> hi", "1741599000.000100", null);
        mentionByBot.addProperty("bot_id", "B0OTHER");

        for (JsonObject event : List.of(fromBot, fromAnotherBot, edit, inChannel, mentionByBot)) {
            assertThat(rig.postJson(eventCallback(eventId(), event)).statusCode())
                    .isEqualTo(200);
        }

        rig.awaitIdle();
        assertThat(rig.converse.messages).isEmpty();
        assertThat(rig.requests("chat.postMessage")).isEmpty();
        // No Web API call on the request path for bots' messages (Bolt's own filter would call bots.info).
        assertThat(rig.requests("bots.info")).isEmpty();
    }

    @Test
    void aRetriedEventIsHandledOnce() {
        String id = eventId();
        String body = eventCallback(id, mention(MEMBER, "<@" + BOT_USER + "> help", "1741599000.000100", null));

        HttpResponse<String> first = rig.postJson(body);
        HttpResponse<String> retry = rig.postSigned(
                body, "application/json", Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(retry.statusCode()).isEqualTo(200);
        rig.awaitApi("chat.postMessage", 1);
        rig.awaitIdle();
        assertThat(rig.requests("chat.postMessage")).hasSize(1);
        assertThat(rig.converse.messages).hasSize(1);
        assertThat(rig.seen.seen).containsKey("slack:" + id);
    }

    @Test
    void theBotJoiningAChannelRegistersItAndPostsTheWelcome() {
        rig.postJson(eventCallback(eventId(), memberJoined(BOT_USER)));

        LoggedRequest welcome = rig.awaitApi("chat.postMessage", 1).get(0);
        assertThat(SlackRig.formOf(welcome)).containsEntry("channel", CHANNEL).doesNotContainKey("thread_ts");
        assertThat(SlackRig.texts(SlackRig.blocksOf(welcome)))
                .containsExactly("Hello #general", FakeMembership.WELCOME);
        assertThat(SlackRig.formOf(rig.requests("conversations.info").get(0))).containsEntry("channel", CHANNEL);
        assertThat(rig.membership.calls).containsExactly("joined slack:" + TEAM + ":" + CHANNEL + " name=general");
    }

    @Test
    void aChannelNameSlackWillNotGiveIsEmpty() {
        rig.slack.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/api/conversations.info"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        "{\"ok\":false,\"error\":\"missing_scope\"}")));

        rig.postJson(eventCallback(eventId(), memberJoined(BOT_USER)));

        rig.awaitApi("chat.postMessage", 1);
        assertThat(rig.membership.calls).containsExactly("joined slack:" + TEAM + ":" + CHANNEL + " name=");
    }

    @Test
    void someoneElseJoiningIsNotTheBotJoining() {
        rig.postJson(eventCallback(eventId(), memberJoined(MEMBER)));

        rig.awaitIdle();
        assertThat(rig.membership.calls).isEmpty();
        assertThat(rig.requests("chat.postMessage")).isEmpty();
    }

    static Stream<Arguments> membershipEvents() {
        return Stream.of(
                Arguments.of(
                        object("type", "channel_left", "channel", CHANNEL, "actor_id", MEMBER),
                        "left slack:T0RIG:" + CHANNEL),
                Arguments.of(object("type", "group_left", "channel", "G0PRIVATE"), "left slack:T0RIG:G0PRIVATE"),
                Arguments.of(
                        object("type", "channel_archive", "channel", CHANNEL, "user", MEMBER),
                        "archived slack:T0RIG:" + CHANNEL),
                Arguments.of(object("type", "group_archive", "channel", "G0PRIVATE"), "archived slack:T0RIG:G0PRIVATE"),
                Arguments.of(
                        object("type", "channel_unarchive", "channel", CHANNEL, "user", MEMBER),
                        "unarchived slack:T0RIG:" + CHANNEL),
                Arguments.of(
                        object("type", "group_unarchive", "channel", "G0PRIVATE"), "unarchived slack:T0RIG:G0PRIVATE"),
                Arguments.of(
                        renamed("channel_rename", CHANNEL, "announcements"),
                        "renamed slack:T0RIG:" + CHANNEL + " name=announcements"),
                Arguments.of(
                        renamed("group_rename", "G0PRIVATE", "secret-project"),
                        "renamed slack:T0RIG:G0PRIVATE name=secret-project"),
                Arguments.of(object("type", "app_uninstalled"), "uninstalled SLACK:T0RIG"),
                Arguments.of(tokensRevoked(List.of(), List.of(BOT_USER)), "uninstalled SLACK:T0RIG"));
    }

    @ParameterizedTest
    @MethodSource("membershipEvents")
    void channelAndWorkspaceEventsReachTheMembership(JsonObject event, String expected) {
        HttpResponse<String> ack = rig.postJson(eventCallback(eventId(), event));

        assertThat(ack.statusCode()).isEqualTo(200);
        SlackRig.awaitTrue(() -> !rig.membership.calls.isEmpty(), "the membership to hear of " + event.get("type"));
        assertThat(rig.membership.calls).containsExactly(expected);
    }

    @Test
    void revokedUserTokensAloneDoNotUninstall() {
        rig.postJson(eventCallback(eventId(), tokensRevoked(List.of(MEMBER), List.of())));

        rig.awaitIdle();
        assertThat(rig.membership.calls).isEmpty();
    }

    @Test
    void anEventTypeWithoutHandlerIsAcknowledged() {
        HttpResponse<String> ack = rig.postJson(
                eventCallback(eventId(), object("type", "reaction_added", "user", MEMBER, "reaction", "thumbsup")));

        assertThat(ack.statusCode()).isEqualTo(200);
        rig.awaitIdle();
        assertThat(rig.converse.calls()).isZero();
    }

    static JsonObject mention(String user, String text, String ts, String threadTs) {
        JsonObject event = object(
                "type",
                "app_mention",
                "user",
                user,
                "text",
                text,
                "ts",
                ts,
                "channel",
                CHANNEL,
                "event_ts",
                ts,
                "team",
                TEAM);
        if (threadTs != null) {
            event.addProperty("thread_ts", threadTs);
        }
        return event;
    }

    static JsonObject directMessage(String user, String text, String subtype) {
        JsonObject event = object(
                "type",
                "message",
                "channel",
                "D0DM",
                "user",
                user,
                "text",
                text,
                "ts",
                "1741599000.000200",
                "event_ts",
                "1741599000.000200",
                "channel_type",
                "im",
                "team",
                TEAM);
        if (subtype != null) {
            event.addProperty("subtype", subtype);
        }
        return event;
    }

    private static JsonObject memberJoined(String user) {
        return object(
                "type",
                "member_joined_channel",
                "user",
                user,
                "channel",
                CHANNEL,
                "channel_type",
                "C",
                "team",
                TEAM,
                "inviter",
                MEMBER,
                "event_ts",
                "1741599000.000400");
    }

    private static JsonObject renamed(String type, String id, String name) {
        JsonObject event = object("type", type, "event_ts", "1741599000.000500");
        event.add("channel", object("id", id, "name", name, "name_normalized", name));
        return event;
    }

    private static JsonObject tokensRevoked(List<String> oauth, List<String> bot) {
        JsonObject tokens = new JsonObject();
        JsonArray oauthIds = new JsonArray();
        oauth.forEach(oauthIds::add);
        JsonArray botIds = new JsonArray();
        bot.forEach(botIds::add);
        tokens.add("oauth", oauthIds);
        tokens.add("bot", botIds);
        JsonObject event = object("type", "tokens_revoked", "event_ts", "1741599000.000600");
        event.add("tokens", tokens);
        return event;
    }
}
