package com.charterbot.slack;

import static com.charterbot.slack.SlackRig.BOT_USER;
import static com.charterbot.slack.SlackRig.CHANNEL;
import static com.charterbot.slack.SlackRig.MEMBER;
import static com.charterbot.slack.SlackRig.eventCallback;
import static com.charterbot.slack.SlackRig.eventId;
import static com.charterbot.slack.SlackRig.slashCommand;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.testing.TestConversation;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Slack failing while the bot replies (429, 5xx, timeouts, refusals): logged without secrets, and the next request works. */
class SlackApiFailureTest extends SharedRigTest {

    @BeforeEach
    void reset() {
        rig.logs.list.clear();
        rig.apiErrors.clear();
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(
                        "HTTP 429",
                        aResponse()
                                .withStatus(429)
                                .withHeader("Retry-After", "30")
                                .withBody("{\"ok\":false,\"error\":\"ratelimited\"}"),
                        "HTTP 429",
                        "429"),
                Arguments.of(
                        "HTTP 500",
                        aResponse().withStatus(500).withBody("oops " + SlackRig.BOT_TOKEN),
                        "HTTP 500",
                        "500"),
                Arguments.of("HTTP 503", aResponse().withStatus(503), "HTTP 503", "503"),
                Arguments.of(
                        "timeout",
                        aResponse()
                                .withStatus(200)
                                .withFixedDelay((int) SlackRig.API_TIMEOUT.toMillis() * 3)
                                .withBody("{\"ok\":true}"),
                        "timed out",
                        "timeout"),
                Arguments.of(
                        "connection reset",
                        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                        "network error",
                        "network"),
                Arguments.of(
                        "ok false",
                        okJson("{\"ok\":false,\"error\":\"not_in_channel\"}"),
                        "not_in_channel",
                        "not_in_channel"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void aFailedMentionReplyIsLoggedCountedAndTheNextRequestIsAnswered(
            String name, ResponseDefinitionBuilder failure, String logged, String counted) {
        rig.slack.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(failure));

        HttpResponse<String> ack = rig.postJson(eventCallback(
                eventId(), EventsTest.mention(MEMBER, "<@" + BOT_USER + "> help", "1741599000.000100", null)));

        assertThat(ack.statusCode()).isEqualTo(200);
        rig.awaitApi("chat.postMessage", 1);
        rig.awaitIdle();
        assertThat(rig.logLines()).anyMatch(line -> line.startsWith("Slack chat.postMessage") && line.contains(logged));
        assertThat(rig.apiErrors).containsExactly("SLACK " + counted);

        rig.slack.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson("{\"ok\":true}")));
        HttpResponse<String> next = rig.postForm(slashCommand(MEMBER, CHANNEL, "help", rig.responseUrl()));
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(SlackRig.json(next.body()).get("text").getAsString()).startsWith("What I can do");
        rig.postJson(eventCallback(
                eventId(), EventsTest.mention(MEMBER, "<@" + BOT_USER + "> help", "1741599000.000200", null)));
        rig.awaitApi("chat.postMessage", 2);
    }

    @Test
    void aFailingResponseUrlIsLoggedCountedAndNothingElseBreaks() {
        rig.slack.stubFor(post(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/hooks/.*"))
                .willReturn(aResponse().withStatus(404).withBody("expired_url")));

        HttpResponse<String> ack =
                rig.postForm(SlackRig.blockActions(MEMBER, CHANNEL, "charter.tip.next", "en~", rig.responseUrl()));

        assertThat(ack.statusCode()).isEqualTo(200);
        rig.awaitHooks(1);
        rig.awaitIdle();
        assertThat(rig.logLines()).anyMatch(line -> line.equals("Slack response_url answered HTTP 404"));
        assertThat(rig.apiErrors).containsExactly("SLACK 404");
        assertThat(rig.postForm(slashCommand(MEMBER, CHANNEL, "help", rig.responseUrl()))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aFailingAuthTestOnTheFirstRequestIsRetriedOnTheNext() throws Exception {
        try (SlackRig cold = SlackRig.coldStart(TestConversation.create())) {
            cold.slack.stubFor(
                    post(urlEqualTo("/api/auth.test")).willReturn(aResponse().withStatus(500)));

            HttpResponse<String> failed = cold.postForm(slashCommand(MEMBER, CHANNEL, "help", cold.responseUrl()));

            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(failed.body()).isEqualTo("{\"error\":\"internal error\"}");
            cold.reset();
            HttpResponse<String> next = cold.postForm(slashCommand(MEMBER, CHANNEL, "help", cold.responseUrl()));
            assertThat(next.statusCode()).isEqualTo(200);
            assertThat(cold.requests("auth.test")).hasSize(1);
            cold.postForm(slashCommand(MEMBER, CHANNEL, "help", cold.responseUrl()));
            assertThat(cold.requests("auth.test"))
                    .as("kept after the first success")
                    .hasSize(1);
            cold.assertNoSecretLogged();
        }
    }
}
