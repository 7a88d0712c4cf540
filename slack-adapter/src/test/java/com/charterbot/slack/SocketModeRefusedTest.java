package com.charterbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.charterbot.core.testing.TestConversation;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When Slack refuses or cannot be reached, Socket Mode does not start, and says why in one line. */
class SocketModeRefusedTest {

    private SlackRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = SlackRig.socketModeOnly(TestConversation.create());
    }

    @AfterEach
    void stop() throws Exception {
        rig.assertNoSecretLogged();
        rig.close();
    }

    @Test
    void aRefusedAppTokenSaysWhichTokenAndWhatToDo() {
        rig.slack.stubFor(post(urlEqualTo("/api/apps.connections.open"))
                .willReturn(okJson("{\"ok\":false,\"error\":\"invalid_auth\"}")));

        assertThatIllegalStateException()
                .isThrownBy(rig.bot::startSocketMode)
                .withMessageContaining("invalid_auth")
                .withMessageContaining("SLACK_APP_TOKEN")
                .withMessageNotContaining(SlackRig.APP_TOKEN)
                .withMessageNotContaining("\n");
        assertThat(rig.bot.socketModeConnected()).isFalse();
    }

    @Test
    void anUnreachableSlackNamesTheNetworkError() {
        rig.slack.stubFor(post(urlEqualTo("/api/apps.connections.open"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatIllegalStateException()
                .isThrownBy(rig.bot::startSocketMode)
                .withMessageStartingWith("cannot reach Slack at ")
                .withMessageContaining("Exception")
                .withMessageNotContaining("\n");
    }

    @Test
    void anErrorStatusIsReportedAsSuch() {
        rig.slack.stubFor(post(urlEqualTo("/api/apps.connections.open"))
                .willReturn(aResponse().withStatus(503)));

        assertThat(rig.bot.socketModeProblem())
                .contains("Slack answered HTTP 503 to the Socket Mode connection request");
    }
}
