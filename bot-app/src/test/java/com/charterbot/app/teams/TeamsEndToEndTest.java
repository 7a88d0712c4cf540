package com.charterbot.app.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.app.nudge.PlatformChannelMessenger;
import com.charterbot.core.i18n.Messages;
import com.charterbot.core.nudge.ChannelState;
import com.charterbot.core.nudge.ChannelStore;
import com.charterbot.core.nudge.SendOutcome;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.charterbot.teams.ConversationReferences;
import com.charterbot.teams.StoredReference;
import com.charterbot.teams.TeamsBot;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random port: Teams-shaped activities through the real
 * {@code /api/messages} endpoint, the real conversation, channel membership and database, and a
 * stand-in Bot Connector that captures what Teams would show. Authentication is off (no app id).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TeamsEndToEndTest {

    private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static final String BOT = "28:9f3c2b1a-0e4d-4c5b-8a7f-6e5d4c3b2a19";
    private static final String GENERAL = "19:5d1f0e7c3b2a4e6f8a9b0c1d2e3f4a5b@thread.tacv2";
    private static final ConnectorStandIn CONNECTOR = new ConnectorStandIn();

    @DynamicPropertySource
    static void teams(DynamicPropertyRegistry registry) {
        registry.add("charter.teams.allowed-service-urls", CONNECTOR::serviceUrl);
        registry.add("charter.teams.app-id", () -> "");
    }

    @AfterAll
    static void stopConnector() {
        CONNECTOR.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    ChannelStore channels;

    @Autowired
    ConversationReferences references;

    @Autowired
    List<PlatformChannelMessenger> messengers;

    @Autowired
    TeamsBot bot;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void clear() {
        CONNECTOR.clear();
    }

    @Test
    void answersAQuestionInAPersonalChatWithAnAdaptiveCard() throws Exception {
        HttpResponse<String> response = post("""
                {"type": "message", "id": "1741600000101", "timestamp": "2025-03-10T09:30:00.123Z", "channelId": "msteams",
                 "serviceUrl": "%s", "from": {"id": "29:1alice", "name": "Alice", "aadObjectId": "6b2c8a1e-3d4f-4a5b-9c8d-7e6f5a4b3c2d"},
                 "conversation": {"conversationType": "personal", "tenantId": "%s", "id": "a:1personal-alice"},
                 "recipient": {"id": "%s", "name": "Charter"}, "locale": "en-US", "text": "can I post this photo?",
                 "channelData": {"tenant": {"id": "%s"}}}
                """.formatted(CONNECTOR.serviceUrl(), TENANT, BOT, TENANT));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(CONNECTOR.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).startsWith("/teams/v3/conversations/a:1personal-alice/activities/1741600000101");
            assertThat(request.body())
                    .contains("application/vnd.microsoft.card.adaptive")
                    .contains("\"version\":\"1.5\"")
                    .contains("charter.feedback.helpful");
        });
    }

    @Test
    void welcomesATeamKeepsItsReferenceAndSendsItNudges() throws Exception {
        HttpResponse<String> response =
                post("""
                {"type": "conversationUpdate", "id": "f:1741600000202", "timestamp": "2025-03-10T09:31:00Z", "channelId": "msteams",
                 "serviceUrl": "%s", "from": {"id": "29:1alice", "aadObjectId": "6b2c8a1e-3d4f-4a5b-9c8d-7e6f5a4b3c2d"},
                 "conversation": {"isGroup": true, "conversationType": "channel", "tenantId": "%s", "id": "%s"},
                 "recipient": {"id": "%s", "name": "Charter"}, "membersAdded": [{"id": "%s"}],
                 "channelData": {"eventType": "teamMemberAdded", "team": {"id": "%s", "name": "Marketing"},
                                 "channel": {"id": "%s"}, "tenant": {"id": "%s"}}}
                """.formatted(CONNECTOR.serviceUrl(), TENANT, GENERAL, BOT, BOT, GENERAL, GENERAL, TENANT));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(CONNECTOR.requests())
                .singleElement()
                .satisfies(request ->
                        assertThat(request.body()).contains(Messages.get(Language.EN, "nudges.welcome.heading")));
        ChannelRef general = new ChannelRef(Platform.TEAMS, TENANT, GENERAL);
        StoredReference stored = references.find(general).orElseThrow();
        assertThat(stored.scope()).isEqualTo(StoredReference.Scope.CHANNEL);
        assertThat(stored.json()).doesNotContain("6b2c8a1e");
        ChannelState state = channels.find(general).orElseThrow();
        assertThat(state.status()).isEqualTo(ChannelState.Status.ACTIVE);
        CONNECTOR.clear();

        PlatformChannelMessenger teams = messengers.stream()
                .filter(m -> m.platform() == Platform.TEAMS)
                .findFirst()
                .orElseThrow();
        SendOutcome outcome = teams.messenger()
                .send(
                        state,
                        Reply.of(
                                Language.EN,
                                Reply.Delivery.CONVERSATION,
                                List.of(new Block.Text("A tip for the channel"))));

        assertThat(outcome).isEqualTo(new SendOutcome.Sent());
        assertThat(CONNECTOR.requests()).singleElement().satisfies(request -> {
            assertThat(request.path()).startsWith("/teams/v3/conversations/" + GENERAL + "/activities");
            assertThat(request.body()).contains("A tip for the channel");
        });
    }

    @Test
    void refusesSomethingThatIsNotAnActivity() throws Exception {
        HttpResponse<String> response = post("{\"hello\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.");
        assertThat(CONNECTOR.requests()).isEmpty();
    }

    /** Posts the activity, then waits for its turn, which a message finishes after Teams' 200. */
    private HttpResponse<String> post(String body) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!bot.idle() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(bot.idle()).as("the bot's turns finished").isTrue();
        return response;
    }
}
