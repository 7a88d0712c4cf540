package com.charterbot.app.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.app.nudge.PlatformChannelMessenger;
import com.charterbot.core.activity.ActivityLog;
import com.charterbot.core.nudge.ChannelState;
import com.charterbot.core.nudge.ChannelStore;
import com.charterbot.core.nudge.Frequency;
import com.charterbot.core.nudge.SendOutcome;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random port with the Slack adapter on: requests signed like Slack's
 * through the real {@code /slack/events} endpoint, the real conversation, channel membership and
 * database, and WireMock standing in for Slack's Web API.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SlackEndToEndTest {

    private static final String SECRET = "e2e-signing-secret-5b1d0c";
    private static final String TEAM = "T0ACME";
    private static final String BOT_USER = "U0CHARTER";
    private static final String ADMIN = "U0COMMS";
    private static final String EMPLOYEE = "U0ALICE";
    private static final String GENERAL = "C0GENERAL";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final WireMockServer SLACK = new WireMockServer(
            WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());

    static {
        SLACK.start();
    }

    @DynamicPropertySource
    static void slack(DynamicPropertyRegistry registry) {
        registry.add("charter.slack.signing-secret", () -> SECRET);
        registry.add("charter.slack.bot-token", () -> "xoxb-e2e-0000-token");
        registry.add("charter.slack.app-token", () -> "");
        registry.add("charter.slack.api-url", () -> "http://127.0.0.1:" + SLACK.port() + "/api/");
        registry.add("charter.slack.admin-user-ids", () -> ADMIN);
        registry.add("charter.scheduler.enabled", () -> "false");
    }

    @AfterAll
    static void stopSlack() {
        SLACK.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    ChannelStore channels;

    @Autowired
    List<PlatformChannelMessenger> messengers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ActivityLog activity;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void stubSlack() {
        SLACK.resetAll();
        SLACK.stubFor(post(urlEqualTo("/api/auth.test"))
                .willReturn(okJson("{\"ok\":true,\"url\":\"https://acme.slack.com/\",\"team\":\"Acme\","
                        + "\"user\":\"charter\",\"team_id\":\"" + TEAM + "\",\"user_id\":\"" + BOT_USER
                        + "\",\"bot_id\":\"B0CHARTER\"}")));
        SLACK.stubFor(post(urlEqualTo("/api/chat.postMessage"))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"" + GENERAL + "\",\"ts\":\"1741600000.000100\"}")));
        SLACK.stubFor(post(urlEqualTo("/api/users.info"))
                .willReturn(okJson("{\"ok\":true,\"user\":{\"id\":\"" + EMPLOYEE
                        + "\",\"is_admin\":false,\"is_owner\":false,\"is_primary_owner\":false}}")));
        SLACK.stubFor(post(urlEqualTo("/api/conversations.info"))
                .willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"" + GENERAL
                        + "\",\"name\":\"general\",\"is_channel\":true}}")));
    }

    @Test
    void answersASignedSlashCommandInItsResponseWithACitedSection() throws Exception {
        HttpResponse<String> response =
                postSigned(slashCommand(EMPLOYEE, "can I post a photo of the factory floor?"), Instant.now());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"response_type\":\"ephemeral\"", "\"blocks\"", "charter.feedback.helpful");
        assertThat(questionsCounted()).isEqualTo(1);
    }

    /** The request-id filter runs before Bolt and reads headers only, so Slack's signature over the raw form body still verifies. */
    @Test
    void aSignedFormPostVerifiesThroughTheRequestIdFilterAndCarriesItsId() throws Exception {
        HttpResponse<String> response = postSigned(
                slashCommand(EMPLOYEE, "help"),
                Instant.now(),
                Map.of(com.charterbot.app.ops.RequestIdFilter.HEADER, "slack-e2e-42"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue(com.charterbot.app.ops.RequestIdFilter.HEADER))
                .contains("slack-e2e-42");
        assertThat(response.body())
                .as("the command text was read from the verified body")
                .contains("\"blocks\"", com.charterbot.core.i18n.Messages.get(Language.EN, "commands.help.title"));
    }

    @Test
    void answersInFrenchAQuestionAskedInFrench() throws Exception {
        HttpResponse<String> response =
                postSigned(slashCommand(EMPLOYEE, "puis-je publier une photo de l'usine ?"), Instant.now());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Source").contains("\"blocks\"").contains("Utile");
    }

    @Test
    void refusesForgedAndStaleRequestsWithoutTouchingAnything() throws Exception {
        int before = questionsCounted();
        String body = slashCommand(EMPLOYEE, "can I post a photo of the factory floor?");

        HttpResponse<String> forged = send(body, Instant.now(), "v0=" + "0".repeat(64));
        HttpResponse<String> stale = postSigned(body, Instant.now().minus(Duration.ofMinutes(6)));
        HttpResponse<String> unsigned = http.send(
                HttpRequest.newBuilder(events())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(List.of(forged.statusCode(), stale.statusCode(), unsigned.statusCode()))
                .containsOnly(401);
        assertThat(forged.body() + stale.body() + unsigned.body()).doesNotContain("Exception", "at com.");
        assertThat(questionsCounted()).isEqualTo(before);
    }

    @Test
    void registersAChannelOnceWhenTheBotJoinsItEvenIfSlackRetriesTheEvent() throws Exception {
        String channel = "C0JOINED" + Long.toString(System.nanoTime(), 36).toUpperCase();
        String event = eventCallback("Ev0JOIN" + channel, """
                {"type":"member_joined_channel","user":"%s","channel":"%s","channel_type":"C","team":"%s","inviter":"%s",
                 "event_ts":"1741600000.000200"}""".formatted(BOT_USER, channel, TEAM, ADMIN));

        assertThat(postSigned(event, Instant.now()).statusCode()).isEqualTo(200);
        assertThat(postSigned(
                                event,
                                Instant.now(),
                                Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"))
                        .statusCode())
                .isEqualTo(200);

        ChannelRef ref = new ChannelRef(Platform.SLACK, TEAM, channel);
        ChannelState state = waitFor(() -> channels.find(ref));
        assertThat(state.status()).isEqualTo(ChannelState.Status.ACTIVE);
        List<LoggedRequest> welcomes = waitForPosts(channel, 1);
        assertThat(welcomes.get(0).getBodyAsString()).contains("blocks");
        Thread.sleep(500);
        assertThat(posts(channel))
                .as("the retried event posts no second welcome")
                .hasSize(1);
    }

    @Test
    void letsAConfiguredAdministratorChangeTheChannelsNudgesFromSlack() throws Exception {
        HttpResponse<String> response = postSigned(slashCommand(ADMIN, "nudges daily 09:15"), Instant.now());

        assertThat(response.statusCode()).isEqualTo(200);
        ChannelState state =
                channels.find(new ChannelRef(Platform.SLACK, TEAM, GENERAL)).orElseThrow();
        assertThat(state.settings().frequency()).isEqualTo(Frequency.DAILY_WORKDAYS);
        assertThat(state.settings().time().toString()).isEqualTo("09:15");

        HttpResponse<String> denied = postSigned(slashCommand(EMPLOYEE, "nudges off"), Instant.now());
        assertThat(denied.statusCode()).isEqualTo(200);
        assertThat(channels.find(new ChannelRef(Platform.SLACK, TEAM, GENERAL))
                        .orElseThrow()
                        .settings()
                        .frequency())
                .as("an employee cannot turn the nudges off")
                .isEqualTo(Frequency.DAILY_WORKDAYS);
    }

    @Test
    void postsScheduledNudgesToSlackChannelsThroughTheWebApi() throws Exception {
        PlatformChannelMessenger slack = messengers.stream()
                .filter(m -> m.platform() == Platform.SLACK)
                .findFirst()
                .orElseThrow();
        ChannelState channel = ChannelState.of(
                new ChannelRef(Platform.SLACK, TEAM, "C0NUDGED"),
                "nudged",
                com.charterbot.core.nudge.NudgeSettings.defaults(java.time.ZoneId.of("Europe/Paris"), Language.EN));

        SendOutcome outcome = slack.messenger()
                .send(
                        channel,
                        Reply.of(
                                Language.EN,
                                Reply.Delivery.CONVERSATION,
                                List.of(new Block.Text("Check who is in the background before you post a photo."))));

        assertThat(outcome).isInstanceOf(SendOutcome.Sent.class);
        assertThat(posts("C0NUDGED"))
                .singleElement()
                .satisfies(request -> assertThat(request.getBodyAsString()).contains("background"));
    }

    // ----- helpers -----

    private int questionsCounted() {
        // Questions are written in batches off the request thread; reading them back writes what waits.
        activity.questions(Instant.EPOCH, Instant.now().plusSeconds(60));
        return jdbc.sql("SELECT COUNT(*) FROM activity_question")
                .query(Integer.class)
                .single();
    }

    private URI events() {
        return URI.create("http://127.0.0.1:" + port + "/slack/events");
    }

    private static String slashCommand(String user, String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("token", "deprecated-verification-token");
        fields.put("team_id", TEAM);
        fields.put("team_domain", "acme");
        fields.put("channel_id", GENERAL);
        fields.put("channel_name", "general");
        fields.put("user_id", user);
        fields.put("user_name", "someone");
        fields.put("command", "/charter");
        fields.put("text", text);
        fields.put("api_app_id", "A0CHARTER");
        fields.put("response_url", "http://127.0.0.1:" + SLACK.port() + "/hooks/commands/" + TEAM + "/1/abc");
        fields.put("trigger_id", "1.2.abc");
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String eventCallback(String eventId, String event) {
        return """
                {"token":"deprecated","team_id":"%s","api_app_id":"A0CHARTER","event":%s,"type":"event_callback",
                 "event_id":"%s","event_time":1741600000,"authorizations":[{"team_id":"%s","user_id":"%s","is_bot":true}]}""".formatted(TEAM, event, eventId, TEAM, BOT_USER);
    }

    private HttpResponse<String> postSigned(String body, Instant at) throws Exception {
        return postSigned(body, at, Map.of());
    }

    private HttpResponse<String> postSigned(String body, Instant at, Map<String, String> headers) throws Exception {
        return send(body, at, signature(body, at), headers);
    }

    private HttpResponse<String> send(String body, Instant at, String signature) throws Exception {
        return send(body, at, signature, Map.of());
    }

    private HttpResponse<String> send(String body, Instant at, String signature, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(events())
                .header("Content-Type", body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", Long.toString(at.getEpochSecond()))
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Slack's request signature, computed here independently of the adapter. */
    private static String signature(String body, Instant at) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] digest = mac.doFinal(("v0:" + at.getEpochSecond() + ":" + body).getBytes(StandardCharsets.UTF_8));
        return "v0=" + HexFormat.of().formatHex(digest);
    }

    private static List<LoggedRequest> posts(String channel) {
        return SLACK.findAll(
                postRequestedFor(urlEqualTo("/api/chat.postMessage")).withRequestBody(containing(channel)));
    }

    private static List<LoggedRequest> waitForPosts(String channel, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (posts(channel).size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        List<LoggedRequest> found = posts(channel);
        assertThat(found).hasSizeGreaterThanOrEqualTo(count);
        return found;
    }

    private static <T> T waitFor(Supplier<Optional<T>> probe) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        Optional<T> value = probe.get();
        while (value.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
            value = probe.get();
        }
        return value.orElseThrow(() -> new AssertionError("nothing after " + WAIT));
    }
}
