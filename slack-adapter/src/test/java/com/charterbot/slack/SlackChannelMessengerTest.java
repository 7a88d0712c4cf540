package com.charterbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.nudge.ChannelState;
import com.charterbot.core.nudge.NudgeSettings;
import com.charterbot.core.nudge.SendOutcome;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Button;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlackChannelMessengerTest {

    private static final String TOKEN = "xoxb-test-token";
    private static final String POST_MESSAGE = "/api/chat.postMessage";
    private static final String CHANNEL_ID = "C0123NUDGE";

    private static WireMockServer slackApi;
    private static Slack slack;
    /** Every outcome the tests saw, checked for the token at the end. */
    private static final List<SendOutcome> OUTCOMES = new ArrayList<>();

    private final BlockKitRenderer renderer = new BlockKitRenderer();
    private SlackChannelMessenger messenger;

    @BeforeAll
    static void startSlackStandIn() {
        slackApi = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        slackApi.start();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix("http://127.0.0.1:" + slackApi.port() + "/api/");
        config.setHttpClientReadTimeoutMillis(500);
        config.setHttpClientWriteTimeoutMillis(500);
        config.setHttpClientCallTimeoutMillis(1_500);
        // No client metrics: they would call the (unstubbed) auth.test first.
        config.setStatsEnabled(false);
        slack = Slack.getInstance(config);
    }

    @AfterAll
    static void stopSlackStandIn() throws Exception {
        try {
            assertThat(OUTCOMES).isNotEmpty();
            for (SendOutcome outcome : OUTCOMES) {
                assertThat(outcome.toString()).doesNotContain(TOKEN);
            }
        } finally {
            slack.close();
            slackApi.stop();
        }
    }

    @BeforeEach
    void resetStubs() {
        slackApi.resetAll();
        messenger = new SlackChannelMessenger(slack, TOKEN, renderer);
    }

    // ----- success -----

    @Test
    void postsTheRenderedReplyToTheChannelWithTheBotToken() {
        stub(okJson("{\"ok\":true,\"channel\":\"" + CHANNEL_ID + "\",\"ts\":\"1700000000.000100\"}"));
        Reply reply = reply();

        assertThat(send(reply)).isEqualTo(new SendOutcome.Sent());

        slackApi.verify(
                1, postRequestedFor(urlEqualTo(POST_MESSAGE)).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        LoggedRequest request =
                slackApi.findAll(postRequestedFor(urlEqualTo(POST_MESSAGE))).get(0);
        Map<String, String> form = form(request.getBodyAsString());
        assertThat(form).containsEntry("channel", CHANNEL_ID);
        assertThat(form).containsEntry("text", renderer.fallbackText(reply));
        assertThat(form.get("text")).contains("&lt;@U123&gt;");
        JsonElement expectedBlocks = GsonFactory.createSnakeCase().toJsonTree(renderer.render(reply));
        assertThat(JsonParser.parseString(form.get("blocks"))).isEqualTo(expectedBlocks);
        assertThat(form.get("blocks")).contains("\"type\":\"header\"", ActionIds.QUIZ_START);
        assertThat(request.getBodyAsString()).doesNotContain(TOKEN);
    }

    @Test
    void acceptsAMethodsClientDirectly() {
        stub(okJson("{\"ok\":true}"));
        SlackChannelMessenger direct = new SlackChannelMessenger(slack.methods(), TOKEN, renderer);

        assertThat(record(direct.send(channel(), reply()))).isEqualTo(new SendOutcome.Sent());
        assertThat(direct.toString()).doesNotContain(TOKEN);
    }

    // ----- rate limits -----

    @Test
    void http429UsesRetryAfterSeconds() {
        stub(aResponse()
                .withStatus(429)
                .withHeader("Retry-After", "7")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":false,\"error\":\"ratelimited\"}"));

        assertThat(send(reply())).isEqualTo(new SendOutcome.RateLimited(Duration.ofSeconds(7)));
    }

    @Test
    void http429WithoutRetryAfterWaitsOneSecond() {
        stub(aResponse()
                .withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":false,\"error\":\"ratelimited\"}"));

        assertThat(send(reply())).isEqualTo(new SendOutcome.RateLimited(Duration.ofSeconds(1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "-5", "1.5", "Wed, 21 Oct 2026 07:28:00 GMT", "", "99999999999999999999"})
    void http429WithAGarbledRetryAfterWaitsOneSecond(String header) {
        stub(aResponse().withStatus(429).withHeader("Retry-After", header).withBody(""));

        assertThat(send(reply())).isEqualTo(new SendOutcome.RateLimited(Duration.ofSeconds(1)));
    }

    @Test
    void ratelimitedErrorInA200BodyWaitsOneSecond() {
        stub(okJson("{\"ok\":false,\"error\":\"ratelimited\"}"));

        assertThat(send(reply())).isEqualTo(new SendOutcome.RateLimited(Duration.ofSeconds(1)));
    }

    // ----- transient failures -----

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void serverErrorsAreTransient(int status) {
        stub(aResponse().withStatus(status).withBody("upstream trouble"));

        SendOutcome outcome = send(reply());

        assertThat(outcome).isInstanceOf(SendOutcome.Transient.class);
        assertThat(((SendOutcome.Transient) outcome).error()).contains(String.valueOf(status));
    }

    @Test
    void connectionResetIsTransient() {
        stub(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(send(reply())).isInstanceOf(SendOutcome.Transient.class);
    }

    @Test
    void garbageResponseIsTransient() {
        stub(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));

        assertThat(send(reply())).isInstanceOf(SendOutcome.Transient.class);
    }

    @Test
    void aPostSlackReceivedButAnsweredTooLateIsUnconfirmedNotTransient() {
        stub(okJson("{\"ok\":true}").withFixedDelay(2_000));

        long start = System.nanoTime();
        SendOutcome outcome = record(messenger.send(channel(), reply()));

        assertThat(outcome).isInstanceOf(SendOutcome.Unconfirmed.class);
        assertThat(((SendOutcome.Unconfirmed) outcome).error()).startsWith("timeout after the request was sent");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_900));
        slackApi.verify(1, postRequestedFor(urlEqualTo(POST_MESSAGE)));
    }

    @Test
    void aSlowAnswerThroughAnUnwatchedClientIsTransient() {
        stub(okJson("{\"ok\":true}").withFixedDelay(2_000));
        SlackChannelMessenger direct = new SlackChannelMessenger(slack.methods(), TOKEN, renderer);

        SendOutcome outcome = record(direct.send(channel(), reply()));

        assertThat(outcome).isInstanceOf(SendOutcome.Transient.class);
        assertThat(((SendOutcome.Transient) outcome).error()).startsWith("timeout");
    }

    @Test
    void aBodyThatIsNotJsonIsTransient() {
        stub(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>proxy</html>"));

        assertThat(send(reply())).isInstanceOf(SendOutcome.Transient.class);
    }

    @Test
    void unknownErrorCodeIsTransientWithTheCode() {
        stub(okJson("{\"ok\":false,\"error\":\"some_brand_new_error\"}"));

        assertThat(send(reply())).isEqualTo(new SendOutcome.Transient("some_brand_new_error"));
    }

    // ----- permanent failures -----

    @ParameterizedTest
    @ValueSource(
            strings = {
                "channel_not_found", "not_in_channel", "is_archived", "account_inactive", "invalid_auth",
                "token_revoked", "missing_scope", "restricted_action", "channel_is_archived", "team_access_not_granted"
            })
    void errorCodesRetryingCannotFixArePermanent(String code) {
        stub(okJson("{\"ok\":false,\"error\":\"" + code + "\"}"));

        assertThat(send(reply())).isEqualTo(new SendOutcome.Permanent(code));
    }

    // ----- never throws, never leaks the token -----

    @Test
    void exceptionsThatMentionTheTokenAreMasked() {
        SlackChannelMessenger io = new SlackChannelMessenger(
                throwing(new IOException("refused for " + TOKEN + " and xoxp-1234-abcd")), TOKEN, renderer);
        SlackChannelMessenger runtime =
                new SlackChannelMessenger(throwing(new IllegalStateException("boom " + TOKEN)), TOKEN, renderer);

        SendOutcome ioOutcome = record(io.send(channel(), reply()));
        SendOutcome runtimeOutcome = record(runtime.send(channel(), reply()));

        assertThat(ioOutcome).isInstanceOf(SendOutcome.Transient.class);
        assertThat(ioOutcome.toString()).doesNotContain(TOKEN, "xoxp-1234-abcd");
        assertThat(runtimeOutcome).isInstanceOf(SendOutcome.Transient.class);
        assertThat(runtimeOutcome.toString()).doesNotContain(TOKEN).contains("IllegalStateException");
    }

    @Test
    void anOddlyShapedTokenIsMaskedToo() {
        String odd = "secret-not-xox-shaped";
        SlackChannelMessenger withOddToken = new SlackChannelMessenger(slack, odd, renderer);
        stub(aResponse().withStatus(500));

        SendOutcome outcome = record(withOddToken.send(channel(), reply()));

        assertThat(outcome).isInstanceOf(SendOutcome.Transient.class);
        assertThat(outcome.toString()).doesNotContain(odd);
        assertThat(withOddToken.toString()).doesNotContain(odd);
    }

    @Test
    void toStringShowsNoToken() {
        assertThat(messenger.toString()).doesNotContain(TOKEN).doesNotContain("xox");
    }

    // ----- helpers -----

    private SendOutcome send(Reply reply) {
        return record(messenger.send(channel(), reply));
    }

    private static SendOutcome record(SendOutcome outcome) {
        synchronized (OUTCOMES) {
            OUTCOMES.add(outcome);
        }
        assertThat(outcome.toString()).doesNotContain(TOKEN);
        return outcome;
    }

    private static void stub(ResponseDefinitionBuilder response) {
        slackApi.stubFor(post(urlEqualTo(POST_MESSAGE)).willReturn(response));
    }

    private static ResponseDefinitionBuilder okJson(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body);
    }

    private static ChannelState channel() {
        return ChannelState.of(
                new ChannelRef(Platform.SLACK, "T0123", CHANNEL_ID),
                "general",
                NudgeSettings.defaults(ZoneId.of("Europe/Paris"), Language.EN));
    }

    private static Reply reply() {
        return Reply.of(
                Language.EN,
                Reply.Delivery.CONVERSATION,
                List.of(
                        new Block.Heading("Weekly charter tip"),
                        new Block.Text("Ask before posting photos of <@U123> & colleagues."),
                        new Block.Buttons(List.of(Button.of(ActionIds.QUIZ_START, "q", "Start a quiz")))));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.put(name, value);
        }
        return fields;
    }

    /** A MethodsClient whose every method throws {@code failure}. */
    private static MethodsClient throwing(Throwable failure) {
        return (MethodsClient) Proxy.newProxyInstance(
                MethodsClient.class.getClassLoader(), new Class<?>[] {MethodsClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("toString")) {
                        return "throwing MethodsClient";
                    }
                    throw failure;
                });
    }
}
