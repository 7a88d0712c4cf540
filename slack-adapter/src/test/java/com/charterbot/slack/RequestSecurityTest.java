package com.charterbot.slack;

import static com.charterbot.slack.SlackRig.CHANNEL;
import static com.charterbot.slack.SlackRig.MEMBER;
import static com.charterbot.slack.SlackRig.SIGNING_SECRET;
import static com.charterbot.slack.SlackRig.sign;
import static com.charterbot.slack.SlackRig.slashCommand;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only Slack gets in: signatures, size limits and unreadable payloads, with no stack trace ever shown. */
class RequestSecurityTest extends SharedRigTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void aSignedRequestGetsIn() {
        assertThat(rig.postForm(slashCommand(MEMBER, CHANNEL, "help", rig.responseUrl()))
                        .statusCode())
                .isEqualTo(200);
        assertThat(rig.converse.calls()).isEqualTo(1);
    }

    @Test
    void aForgedSignatureIsRefused() {
        String body = slashCommand(MEMBER, CHANNEL, "help", rig.responseUrl());
        String timestamp = now();

        HttpResponse<String> response = send(
                body,
                Map.of(
                        "X-Slack-Request-Timestamp",
                        timestamp,
                        "X-Slack-Signature",
                        sign("not-the-secret", timestamp, body)));

        assertRefused(response);
    }

    @Test
    void aSignatureOfAnotherBodyIsRefused() {
        String body = slashCommand(MEMBER, CHANNEL, "help", rig.responseUrl());
        String timestamp = now();

        HttpResponse<String> response = send(
                body.replace("help", "stats"),
                Map.of(
                        "X-Slack-Request-Timestamp",
                        timestamp,
                        "X-Slack-Signature",
                        sign(SIGNING_SECRET, timestamp, body)));

        assertRefused(response);
    }

    @Test
    void aRequestOlderThanFiveMinutesIsRefused() {
        String body = slashCommand(MEMBER, CHANNEL, "help", rig.responseUrl());
        String sixMinutesAgo = String.valueOf(Instant.now().minusSeconds(6 * 60).getEpochSecond());

        HttpResponse<String> response = send(
                body,
                Map.of(
                        "X-Slack-Request-Timestamp",
                        sixMinutesAgo,
                        "X-Slack-Signature",
                        sign(SIGNING_SECRET, sixMinutesAgo, body)));

        assertRefused(response);
    }

    @ParameterizedTest
    @ValueSource(longs = {6 * 60, 365L * 24 * 60 * 60})
    void aRequestSignedForTheFutureIsRefused(long secondsAhead) {
        String body = slashCommand(MEMBER, CHANNEL, "help", rig.responseUrl());
        String ahead = String.valueOf(Instant.now().plusSeconds(secondsAhead).getEpochSecond());

        HttpResponse<String> events = send(
                body,
                Map.of("X-Slack-Request-Timestamp", ahead, "X-Slack-Signature", sign(SIGNING_SECRET, ahead, body)));
        HttpResponse<String> bare = rig.send(
                rig.bareUri(),
                body,
                FORM,
                Map.of("X-Slack-Request-Timestamp", ahead, "X-Slack-Signature", sign(SIGNING_SECRET, ahead, body)));

        assertRefused(events);
        assertThat(bare.statusCode()).isEqualTo(401);
    }

    @Test
    void aRequestSignedFourMinutesAheadIsStillWithinTheWindow() {
        String body = slashCommand(MEMBER, CHANNEL, "help", rig.responseUrl());
        String ahead = String.valueOf(Instant.now().plusSeconds(4 * 60).getEpochSecond());

        HttpResponse<String> response = send(
                body,
                Map.of("X-Slack-Request-Timestamp", ahead, "X-Slack-Signature", sign(SIGNING_SECRET, ahead, body)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(rig.converse.calls()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "%zz=1",
                "ssl_check=1&%zz",
                "ssl_check=1&text=help&command=%2Fcharter",
                "ssl_check=1&ssl_check=1",
                "ssl_check=2&token=x",
                "token=abc",
                "ssl_check=1&payload=%7B%7D",
                "ssl_check=1&token=a%20b"
            })
    void anUnsignedBodyThatIsNotExactlySlacksSslCheckIsRefusedQuietly(String body) {
        int logged = rig.logs.list.size();

        HttpResponse<String> response = send(body, Map.of());

        assertRefused(response);
        assertThat(List.copyOf(rig.logs.list).subList(logged, rig.logs.list.size()))
                .noneMatch(event -> event.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN));
    }

    @Test
    void anUnsignedRequestIsRefused() {
        assertRefused(send(slashCommand(MEMBER, CHANNEL, "help", rig.responseUrl()), Map.of()));
    }

    @Test
    void slacksUnsignedSslCheckIsAcknowledgedAndGoesNoFurther() {
        HttpResponse<String> response = send("ssl_check=1&token=legacy-verification_token42", Map.of());
        HttpResponse<String> withoutToken = send("ssl_check=1", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(withoutToken.statusCode()).isEqualTo(200);
        assertThat(rig.converse.calls()).isZero();
        assertThat(rig.requests("auth.test")).isEmpty();
    }

    @Test
    void aGarbledTimestampIsRefused() {
        String body = slashCommand(MEMBER, CHANNEL, "help", rig.responseUrl());

        assertRefused(send(
                body,
                Map.of("X-Slack-Request-Timestamp", "soon", "X-Slack-Signature", sign(SIGNING_SECRET, "soon", body))));
    }

    @Test
    void boltItselfRefusesAForgedRequest() throws Exception {
        // Past the servlet: Bolt's RequestVerification middleware is the second line, and it holds on its own.
        String body = slashCommand(MEMBER, CHANNEL, "help", rig.responseUrl());
        String timestamp = now();

        Response forged = rig.bot.app().run(boltRequest(body, timestamp, sign("not-the-secret", timestamp, body)));
        Response stale = rig.bot.app().run(boltRequest(body, "1500000000", sign(SIGNING_SECRET, "1500000000", body)));
        Response signed = rig.bot.app().run(boltRequest(body, timestamp, sign(SIGNING_SECRET, timestamp, body)));

        assertThat(forged.getStatusCode()).isEqualTo(401);
        assertThat(stale.getStatusCode()).isEqualTo(401);
        assertThat(signed.getStatusCode()).isEqualTo(200);
        assertThat(rig.converse.calls())
                .as("only the signed request reached the conversation")
                .isEqualTo(1);
    }

    @Test
    void aSignedEventWithAnAccentIsVerifiedOverItsUtf8Bytes() {
        String body = SlackRig.eventCallback(
                SlackRig.eventId(), EventsTest.directMessage(MEMBER, "Où est la charte ? Déjà vu, señor.", null));

        assertThat(rig.postJson(body).statusCode()).isEqualTo(200);
        SlackRig.awaitTrue(() -> rig.converse.messages.size() == 1, "the message to reach the conversation");
        assertThat(rig.converse.messages.get(0).text()).isEqualTo("Où est la charte ? Déjà vu, señor.");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "payload=not-json",
                "payload=%7B%22type%22%3A%22view_submission%22%7D",
                "payload=%7B%22type%22%3A%22block_actions%22%2C%22actions%22%3A%5B%7B%22action_id%22%3A%5B1%2C2%5D%7D%5D%7D",
                "payload=%5B1%2C2%5D",
                "hello=world",
                "text=100%&command=%2Fcharter",
                "garbage&&&=%%%",
                "payload=%7B%zz",
                ""
            })
    void anUnreadableFormPayloadIsABadRequestWithoutStackTrace(String body) {
        HttpResponse<String> response = rig.postSigned(body, FORM, Map.of());

        assertThat(response.statusCode()).isBetween(400, 499);
        assertNoStackTrace(response);
        assertThat(rig.converse.calls()).isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{",
                "{\"type\":\"event_callback\",\"team_id\":\"T0RIG\",\"event_id\":\"Ev1\"}",
                "{\"type\":\"event_callback\",\"team_id\":\"T0RIG\",\"event_id\":\"Ev2\",\"event\":{\"type\":\"app_mention\",\"text\":{\"a\":1}}}",
                "{\"type\":\"event_callback\",\"team_id\":\"T0RIG\",\"event_id\":\"Ev3\",\"event\":{\"no\":\"type\"}}"
            })
    void anUnreadableEventIsABadRequestWithoutStackTrace(String body) {
        HttpResponse<String> response = rig.postJson(body);

        assertThat(response.statusCode()).isBetween(400, 499);
        assertNoStackTrace(response);
        assertThat(rig.converse.calls()).isZero();
    }

    @Test
    void aBodyDeclaredOverOneMebibyteIsRefusedBeforeReading() {
        String body = "text=" + "a".repeat(SlackRequests.MAX_BODY_BYTES);

        HttpResponse<String> response = rig.postSigned(body, FORM, Map.of());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("Request body too large");
        assertThat(rig.converse.calls()).isZero();
    }

    @Test
    void aChunkedBodyOverOneMebibyteIsRefusedToo() {
        byte[] body = ("text=" + "a".repeat(SlackRequests.MAX_BODY_BYTES)).getBytes(StandardCharsets.UTF_8);
        String timestamp = now();

        HttpResponse<String> response = rig.sendRaw(
                rig.eventsUri(),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)),
                Map.of(
                        "Content-Type",
                        FORM,
                        "X-Slack-Request-Timestamp",
                        timestamp,
                        "X-Slack-Signature",
                        sign(SIGNING_SECRET, timestamp, new String(body, StandardCharsets.UTF_8))));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(rig.converse.calls()).isZero();
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() {
        String prefix = slashCommand(MEMBER, CHANNEL, "help", rig.responseUrl()) + "&padding=";
        String body = prefix + "a".repeat(SlackRequests.MAX_BODY_BYTES - prefix.length());

        HttpResponse<String> response = rig.postSigned(body, FORM, Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(rig.converse.calls()).isEqualTo(1);
    }

    @Test
    void aGetIsNotAllowedAndShowsNoStackTrace() throws Exception {
        HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(rig.eventsUri()).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
        assertThat(rig.converse.calls()).isZero();
    }

    @Test
    void theBareServletAnswersASignedRequestWithItsFixedAnswer() {
        String body = slashCommand(MEMBER, CHANNEL, "help", rig.responseUrl());
        String timestamp = now();

        HttpResponse<String> response = rig.send(
                rig.bareUri(),
                body,
                FORM,
                Map.of(
                        "X-Slack-Request-Timestamp",
                        timestamp,
                        "X-Slack-Signature",
                        sign(SIGNING_SECRET, timestamp, body)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SlackRig.json(response.body()).get("response_type").getAsString())
                .isEqualTo("ephemeral");
        assertThat(response.body()).isEqualTo(SlackBareServlet.ANSWER);
        assertThat(rig.converse.calls()).isZero();
    }

    @Test
    void theBareServletRefusesForgedAndStaleRequests() {
        String body = slashCommand(MEMBER, CHANNEL, "help", rig.responseUrl());
        String timestamp = now();
        String old = String.valueOf(Instant.now().minusSeconds(301).getEpochSecond());

        HttpResponse<String> forged = rig.send(
                rig.bareUri(),
                body,
                FORM,
                Map.of(
                        "X-Slack-Request-Timestamp",
                        timestamp,
                        "X-Slack-Signature",
                        sign("not-the-secret", timestamp, body)));
        HttpResponse<String> stale = rig.send(
                rig.bareUri(),
                body,
                FORM,
                Map.of("X-Slack-Request-Timestamp", old, "X-Slack-Signature", sign(SIGNING_SECRET, old, body)));
        HttpResponse<String> unsigned = rig.send(rig.bareUri(), body, FORM, Map.of());

        assertThat(List.of(forged.statusCode(), stale.statusCode(), unsigned.statusCode()))
                .containsOnly(401);
    }

    private static HttpResponse<String> send(String body, Map<String, String> headers) {
        return rig.send(rig.eventsUri(), body, FORM, headers);
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertNoStackTrace(response);
        assertThat(rig.converse.calls())
                .as("the conversation must not hear of a refused request")
                .isZero();
        assertThat(rig.requests("auth.test")).isEmpty();
    }

    private static void assertNoStackTrace(HttpResponse<String> response) {
        assertThat(response.body())
                .hasSizeLessThan(200)
                .doesNotContain("Exception", "\tat ", "com.slack", "com.charterbot");
    }

    private static Request<?> boltRequest(String body, String timestamp, String signature) {
        return new SlackRequestParser(rig.bot.app().config())
                .parse(SlackRequestParser.HttpRequest.builder()
                        .requestUri("/slack/events")
                        .queryString(Map.of())
                        .headers(new RequestHeaders(Map.of(
                                "Content-Type",
                                List.of(FORM),
                                "X-Slack-Request-Timestamp",
                                List.of(timestamp),
                                "X-Slack-Signature",
                                List.of(signature))))
                        .requestBody(body)
                        .remoteAddress("127.0.0.1")
                        .build());
    }

    private static String now() {
        return String.valueOf(Instant.now().getEpochSecond());
    }
}
