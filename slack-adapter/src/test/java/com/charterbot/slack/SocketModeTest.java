package com.charterbot.slack;

import static com.charterbot.slack.SlackRig.APP_TOKEN;
import static com.charterbot.slack.SlackRig.BOT_USER;
import static com.charterbot.slack.SlackRig.CHANNEL;
import static com.charterbot.slack.SlackRig.MEMBER;
import static com.charterbot.slack.SlackRig.TEAM;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.charterbot.core.testing.TestConversation;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Socket Mode end to end: a local WebSocket server plays Slack's Socket Mode endpoint (its URL
 * handed out by a stubbed {@code apps.connections.open}), sends envelopes and reads the acks.
 */
class SocketModeTest {

    private static SlackRig rig;
    private static FakeSocketModeServer socket;

    @BeforeAll
    static void start() throws Exception {
        socket = new FakeSocketModeServer();
        socket.start();
        SlackRig.awaitTrue(() -> socket.port() > 0, "the WebSocket server to listen");
        rig = SlackRig.socketModeOnly(TestConversation.create());
        rig.slack.stubFor(post(urlEqualTo("/api/apps.connections.open"))
                .willReturn(okJson("{\"ok\":true,\"url\":\"ws://127.0.0.1:" + socket.port()
                        + "/link/?ticket=rig-ticket&app_id=A0RIG\"}")));
        rig.bot.startSocketMode();
        SlackRig.awaitTrue(() -> !socket.connections.isEmpty(), "the bot to connect over Socket Mode");
        socket.connections
                .get(socket.connections.size() - 1)
                .send(
                        "{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"rig\"},\"connection_info\":{\"app_id\":\"A0RIG\"}}");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            rig.assertNoSecretLogged();
            rig.close();
        } finally {
            socket.stop(1_000);
        }
    }

    @Test
    void saysItIsConnectedOnceSlackSaidHello() {
        assertThat(rig.bot.socketModeConnected()).isTrue();
        assertThat(rig.bot.socketModeProblem()).isEmpty();
    }

    @Test
    void connectsWithTheAppToken() {
        LoggedRequest open = rig.requests("apps.connections.open").get(0);

        assertThat(open.getHeader("Authorization")).isEqualTo("Bearer " + APP_TOKEN);
    }

    @Test
    void anEventEnvelopeIsAcknowledgedAndHandled() {
        String envelope = "{\"envelope_id\":\"env-event-1\",\"type\":\"events_api\",\"accepts_response_payload\":false,"
                + "\"retry_attempt\":0,\"retry_reason\":\"\",\"payload\":"
                + SlackRig.eventCallback(
                        SlackRig.eventId(),
                        EventsTest.mention(MEMBER, "<@" + BOT_USER + "> help", "1741599100.000100", null))
                + "}";

        socket.sendToBot(envelope);

        JsonObject ack = socket.awaitAck("env-event-1");
        assertThat(ack.has("payload")).isFalse();
        LoggedRequest post = rig.await(
                        com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                                        urlEqualTo("/api/chat.postMessage"))
                                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(
                                        "1741599100.000100")),
                        1)
                .get(0);
        assertThat(SlackRig.formOf(post))
                .containsEntry("channel", CHANNEL)
                .containsEntry("thread_ts", "1741599100.000100");
        assertThat(SlackRig.texts(SlackRig.blocksOf(post)).get(0)).isEqualTo("What I can do");
    }

    @Test
    void aSlashCommandEnvelopeIsAnsweredInTheAck() {
        JsonObject command = new JsonObject();
        SlackRig.form(SlackRig.slashCommand(
                        MEMBER, CHANNEL, "Can I post a photo of the office on Instagram?", rig.responseUrl()))
                .forEach(command::addProperty);
        String envelope =
                "{\"envelope_id\":\"env-command-1\",\"type\":\"slash_commands\",\"accepts_response_payload\":true,\"payload\":"
                        + command + "}";

        socket.sendToBot(envelope);

        JsonObject payload = socket.awaitAck("env-command-1").getAsJsonObject("payload");
        assertThat(payload.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(SlackRig.texts(payload.getAsJsonArray("blocks")).get(0)).isEqualTo("Photos and videos at work");
        assertThat(rig.converse.messages)
                .anyMatch(m -> m.user().tenant().equals(TEAM) && m.text().startsWith("Can I post a photo"));
    }

    @Test
    void withoutASigningSecretNoHttpRequestGetsIn() {
        String body = SlackRig.slashCommand(MEMBER, CHANNEL, "help", rig.responseUrl());
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        int before = rig.converse.messages.size();

        // "---" is what Bolt checks HTTP requests against when an app has no signing secret.
        HttpResponse<String> placeholder = rig.send(
                rig.eventsUri(),
                body,
                "application/x-www-form-urlencoded",
                Map.of(
                        "X-Slack-Request-Timestamp",
                        timestamp,
                        "X-Slack-Signature",
                        SlackRig.sign("---", timestamp, body)));

        assertThat(placeholder.statusCode()).isEqualTo(401);
        assertThat(rig.converse.messages).hasSize(before);
    }

    @Test
    void socketModeNeedsAnAppToken() throws Exception {
        try (SlackBot httpOnly = new SlackBot(
                SlackSettings.http("secret", "xoxb-1-2-three"),
                new SlackBot.Parts(
                        rig.converse,
                        rig.membership,
                        rig.home,
                        rig.nudges,
                        rig.seen,
                        rig.clock,
                        com.charterbot.core.chat.PlatformApiErrors.NONE,
                        new com.charterbot.core.memory.InMemoryRepliedMessages(),
                        com.charterbot.core.chat.PlatformEvents.NONE))) {
            assertThatIllegalStateException()
                    .isThrownBy(httpOnly::startSocketMode)
                    .withMessageContaining("app token");
        }
    }

    /** Plays Slack's Socket Mode WebSocket endpoint. */
    static final class FakeSocketModeServer extends WebSocketServer {

        final List<WebSocket> connections = new CopyOnWriteArrayList<>();
        final List<String> received = new CopyOnWriteArrayList<>();
        private volatile int port;

        FakeSocketModeServer() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setReuseAddr(true);
        }

        int port() {
            return port;
        }

        void sendToBot(String message) {
            connections.get(connections.size() - 1).send(message);
        }

        JsonObject awaitAck(String envelopeId) {
            SlackRig.awaitTrue(
                    () -> received.stream().anyMatch(m -> m.contains("\"" + envelopeId + "\"")),
                    "the ack of " + envelopeId);
            String ack = received.stream()
                    .filter(m -> m.contains("\"" + envelopeId + "\""))
                    .findFirst()
                    .orElseThrow();
            JsonObject json = JsonParser.parseString(ack).getAsJsonObject();
            assertThat(json.get("envelope_id").getAsString()).isEqualTo(envelopeId);
            return json;
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            connections.add(conn);
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            connections.remove(conn);
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            received.add(message);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            // The test fails on what it does not receive.
        }

        @Override
        public void onStart() {
            port = getPort();
        }
    }
}
