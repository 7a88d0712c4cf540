package com.charterbot.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The waits between the tries of a reply the Bot Connector throttles, through the real endpoint and
 * adapter against the WireMock connector: the rig's sleeper records each wait instead of sleeping,
 * under {@link TeamsBot.ReplyRetry#DEFAULT}.
 */
class TeamsOutboxTest {

    private static final TeamsBot.ReplyRetry POLICY = TeamsBot.ReplyRetry.DEFAULT;

    private TeamsRig rig;

    @BeforeEach
    void start() {
        rig = TeamsRig.unauthenticated();
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    @Test
    void waitsHalfToAllOfTheFirstWaitBeforeTryingAThrottledReplyAgain() {
        throttle(1, 429, "0");

        askForHelp();

        assertThat(rig.requests(RequestMethod.POST, TeamsRig.ACTIVITIES))
                .as("throttled once, then delivered")
                .hasSize(2);
        assertThat(rig.waits)
                .singleElement()
                .satisfies(wait -> assertThat(wait).isBetween(POLICY.firstWait().dividedBy(2), POLICY.firstWait()));
    }

    @Test
    void doublesTheWaitAfterEachThrottledTry() {
        throttle(2, 429, "0");

        askForHelp();

        assertThat(rig.requests(RequestMethod.POST, TeamsRig.ACTIVITIES)).hasSize(3);
        assertThat(rig.waits).hasSize(2);
        assertThat(rig.waits.get(0)).isBetween(POLICY.firstWait().dividedBy(2), POLICY.firstWait());
        assertThat(rig.waits.get(1))
                .isBetween(POLICY.firstWait(), POLICY.firstWait().multipliedBy(2));
        assertThat(rig.apiErrors).containsExactly("TEAMS 429", "TEAMS 429");
    }

    @Test
    void waitsAsLongAsA429sRetryAfterAsksWhenThePolicyAllowsIt() {
        throttle(1, 429, "1");

        askForHelp();

        assertThat(rig.requests(RequestMethod.POST, TeamsRig.ACTIVITIES)).hasSize(2);
        assertThat(rig.waits).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void neverWaitsLongerThanTheLongestWaitWhateverRetryAfterSays() {
        rig.connector.stubFor(post(urlPathMatching(TeamsRig.ACTIVITIES))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));

        askForHelp();

        assertThat(rig.requests(RequestMethod.POST, TeamsRig.ACTIVITIES)).hasSize(POLICY.attempts());
        assertThat(rig.waits)
                .as("one wait between two tries, each capped")
                .hasSize(POLICY.attempts() - 1)
                .containsOnly(POLICY.maxWait());
    }

    @Test
    void readsRetryAfterOnlyFromA429() {
        throttle(1, 412, "1");

        askForHelp();

        assertThat(rig.requests(RequestMethod.POST, TeamsRig.ACTIVITIES)).hasSize(2);
        assertThat(rig.waits)
                .singleElement()
                .satisfies(wait -> assertThat(wait).isBetween(POLICY.firstWait().dividedBy(2), POLICY.firstWait()));
    }

    @Test
    void doesNotWaitForAFailureItDoesNotRetry() {
        rig.connector.stubFor(post(urlPathMatching(TeamsRig.ACTIVITIES))
                .willReturn(aResponse().withStatus(403)));

        askForHelp();

        assertThat(rig.requests(RequestMethod.POST, TeamsRig.ACTIVITIES)).hasSize(1);
        assertThat(rig.waits).isEmpty();
        assertThat(rig.logText()).contains("could not send a reply (HTTP 403, attempt 1 of " + POLICY.attempts() + ")");
    }

    /** The connector answers the first {@code times} replies with {@code status}, then takes them. */
    private void throttle(int times, int status, String retryAfter) {
        String state = Scenario.STARTED;
        for (int i = 1; i <= times; i++) {
            String next = "throttled " + i;
            rig.connector.stubFor(post(urlPathMatching(TeamsRig.ACTIVITIES))
                    .inScenario("throttled")
                    .whenScenarioStateIs(state)
                    .willReturn(aResponse().withStatus(status).withHeader("Retry-After", retryAfter))
                    .willSetStateTo(next));
            state = next;
        }
        rig.connector.stubFor(post(urlPathMatching(TeamsRig.ACTIVITIES))
                .inScenario("throttled")
                .whenScenarioStateIs(state)
                .willReturn(TeamsRig.okJson("{\"id\":\"1741599999000\"}")));
    }

    private void askForHelp() {
        assertThat(rig.post(rig.activities.personal(Activities.ALICE_AAD, "help", "en-US"))
                        .statusCode())
                .isEqualTo(200);
    }
}
