package com.charterbot.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
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
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Proactive nudges through the real adapter's continueConversation, against a WireMock connector. */
class TeamsChannelMessengerTest {

    private static final String PATH = "/amer/";
    private static final String ACTIVITIES = "/amer/v3/conversations/[^/]+/activities(/[^/]+)?";
    private static final ChannelRef CHANNEL = new ChannelRef(Platform.TEAMS, Activities.TENANT, Activities.GENERAL);
    private static final ChannelState STATE =
            ChannelState.of(CHANNEL, "General", NudgeSettings.defaults(ZoneId.of("Europe/Paris"), Language.EN));
    private static final Reply TIP = Reply.of(
            Language.EN,
            Reply.Delivery.CONVERSATION,
            List.of(
                    new Block.Heading("Tip of the week"),
                    new Block.Text("Check who can see a post before you share it."),
                    new Block.Buttons(List.of(Button.of(ActionIds.TIP_NEXT, "en~", "Another tip")))));

    private WireMockServer connector;
    private WireMockServer elsewhere;
    private InMemoryConversationReferences references;
    private TeamsChannelMessenger messenger;

    @BeforeEach
    void start() {
        connector = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        connector.start();
        connector.stubFor(post(urlPathMatching(ACTIVITIES)).willReturn(TeamsRig.okJson("{\"id\":\"1741600000000\"}")));
        elsewhere = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        elsewhere.start();
        TeamsSettings settings = TeamsSettings.unauthenticated(List.of(serviceUrl()));
        references = new InMemoryConversationReferences();
        references.save(reference(serviceUrl()));
        messenger = new TeamsChannelMessenger(
                TeamsAdapter.create(settings), references, new AdaptiveCardRenderer(), Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        connector.stop();
        elsewhere.stop();
    }

    private String serviceUrl() {
        return "http://127.0.0.1:" + connector.port() + PATH;
    }

    private static StoredReference reference(String serviceUrl) {
        String json = """
                {"bot": {"id": "%s", "name": "Charter"}, "conversation": {"isGroup": true, "conversationType": "channel",
                 "id": "%s", "tenantId": "%s"}, "channelId": "msteams", "serviceUrl": "%s"}
                """.formatted(Activities.BOT_ID, Activities.GENERAL, Activities.TENANT, serviceUrl);
        return new StoredReference(
                CHANNEL, StoredReference.Scope.CHANNEL, serviceUrl, json, Instant.parse("2025-03-10T09:30:00Z"));
    }

    @Test
    void postsTheNudgeCardIntoTheChannelWithItsReference() {
        SendOutcome outcome = messenger.send(STATE, TIP);

        assertThat(outcome).isEqualTo(new SendOutcome.Sent());
        List<LoggedRequest> posts = connector.findAll(anyRequestedFor(urlPathMatching(ACTIVITIES)));
        assertThat(posts)
                .singleElement()
                .satisfies(request -> assertThat(request.getUrl())
                        .startsWith(PATH + "v3/conversations/" + Activities.GENERAL + "/activities"));
        JsonNode activity = TeamsRig.read(posts.get(0).getBodyAsString());
        assertThat(activity.path("type").asText()).isEqualTo("message");
        assertThat(activity.path("from").path("id").asText()).isEqualTo(Activities.BOT_ID);
        JsonNode card = TeamsRig.card(activity);
        assertThat(TeamsRig.texts(card))
                .containsExactly("Tip of the week", "Check who can see a post before you share it.");
        assertThat(TeamsRig.actions(card))
                .singleElement()
                .satisfies(action -> assertThat(
                                action.path("data").path("actionId").asText())
                        .isEqualTo(ActionIds.TIP_NEXT));
    }

    @Test
    void mapsThrottlingToRateLimitedWithTheConnectorsRetryAfter() {
        connector.stubFor(post(urlPathMatching(ACTIVITIES))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));

        assertThat(messenger.send(STATE, TIP)).isEqualTo(new SendOutcome.RateLimited(Duration.ofSeconds(7)));
        assertThat(connector.findAll(anyRequestedFor(anyUrl())))
                .as("429 is not retried by the SDK")
                .hasSize(1);
    }

    @Test
    void mapsThrottlingWithoutRetryAfterToOneSecond() {
        connector.stubFor(
                post(urlPathMatching(ACTIVITIES)).willReturn(aResponse().withStatus(429)));

        assertThat(messenger.send(STATE, TIP)).isEqualTo(new SendOutcome.RateLimited(Duration.ofSeconds(1)));
    }

    @ParameterizedTest
    @ValueSource(ints = {412, 502, 504, 500, 400})
    void mapsPassingFailuresToTransient(int status) {
        connector.stubFor(
                post(urlPathMatching(ACTIVITIES)).willReturn(aResponse().withStatus(status)));

        assertThat(messenger.send(STATE, TIP)).isEqualTo(new SendOutcome.Transient("HTTP " + status));
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403, 404})
    void mapsRemovalAndMissingConversationsToPermanent(int status) {
        connector.stubFor(
                post(urlPathMatching(ACTIVITIES))
                        .willReturn(
                                aResponse()
                                        .withStatus(status)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"error\":{\"code\":\"BotNotInConversationRoster\",\"message\":\"The bot is not part of the conversation roster.\"}}")));

        assertThat(messenger.send(STATE, TIP)).isEqualTo(new SendOutcome.Permanent("HTTP " + status));
    }

    @Test
    void mapsANetworkFailureToTransient() {
        connector.stubFor(
                post(urlPathMatching(ACTIVITIES)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        SendOutcome outcome = messenger.send(STATE, TIP);

        assertThat(outcome).isInstanceOf(SendOutcome.Transient.class);
        assertThat(((SendOutcome.Transient) outcome).error())
                .startsWith("network error")
                .doesNotContain(Activities.GENERAL);
    }

    @Test
    void aSendStillRunningWhenTheMessengerStopsWaitingIsATransientTimeout() {
        connector.stubFor(post(urlPathMatching(ACTIVITIES))
                .willReturn(TeamsRig.okJson("{\"id\":\"1\"}").withFixedDelay(3_000)));
        TeamsSettings settings = TeamsSettings.unauthenticated(List.of(serviceUrl()));
        TeamsChannelMessenger impatient = new TeamsChannelMessenger(
                TeamsAdapter.create(settings), references, new AdaptiveCardRenderer(), Duration.ofMillis(300));

        assertThat(impatient.send(STATE, TIP)).isEqualTo(new SendOutcome.Transient("timeout"));
    }

    @Test
    void aSendTheConnectorReceivedButAnsweredTooLateIsUnconfirmedAndMadeOnce() {
        connector.stubFor(post(urlPathMatching(ACTIVITIES))
                .willReturn(TeamsRig.okJson("{\"id\":\"1\"}").withFixedDelay(2_000)));
        TeamsSettings settings = TeamsSettings.unauthenticated(List.of(serviceUrl()));
        TeamsAdapter quickToGiveUp =
                TeamsAdapter.create(settings, TeamsAdapter.TenantCredentials.MICROSOFT, Duration.ofMillis(400));
        TeamsChannelMessenger patient = new TeamsChannelMessenger(
                quickToGiveUp, references, new AdaptiveCardRenderer(), Duration.ofSeconds(10));

        SendOutcome outcome = patient.send(STATE, TIP);

        assertThat(outcome).isEqualTo(new SendOutcome.Unconfirmed("timeout after the request was sent"));
        assertThat(connector.findAll(anyRequestedFor(urlPathMatching(ACTIVITIES))))
                .as("the SDK did not send it again")
                .hasSize(1);
    }

    @Test
    void aSlowConversationDoesNotHoldUpSendsToOthers() throws Exception {
        connector.stubFor(post(urlPathMatching(PATH + "v3/conversations/19:slow[^/]*/activities(/[^/]+)?"))
                .atPriority(1)
                .willReturn(TeamsRig.okJson("{\"id\":\"1\"}").withFixedDelay(4_000)));
        List<ChannelState> slow = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ChannelRef ref = new ChannelRef(Platform.TEAMS, Activities.TENANT, "19:slow-" + i + "@thread.tacv2");
            references.save(new StoredReference(
                    ref,
                    StoredReference.Scope.CHANNEL,
                    serviceUrl(),
                    reference(serviceUrl()).json().replace(Activities.GENERAL, ref.channelId()),
                    Instant.EPOCH));
            slow.add(ChannelState.of(ref, "slow " + i, STATE.settings()));
        }
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(slow.size());
        try {
            slow.forEach(channel -> senders.submit(() -> messenger.send(channel, TIP)));
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (connector
                                    .findAll(anyRequestedFor(urlPathMatching(PATH + "v3/conversations/19:slow.*")))
                                    .size()
                            < 5
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            long start = System.nanoTime();
            SendOutcome outcome = messenger.send(STATE, TIP);

            assertThat(outcome).isEqualTo(new SendOutcome.Sent());
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("a send to another conversation waits for no slow one")
                    .isLessThan(Duration.ofMillis(2_500));
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void getsTheConnectorTokenAtStartUpAndSendsWithThatCredential() throws Exception {
        java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger tokens = new java.util.concurrent.atomic.AtomicInteger();
        TeamsSettings settings = new TeamsSettings(
                "9f3c2b1a-0e4d-4c5b-8a7f-6e5d4c3b2a19", "client-secret", Activities.TENANT, List.of(serviceUrl()), "");

        TeamsAdapter adapter = TeamsAdapter.create(
                settings,
                (tenant, scope) -> {
                    made.incrementAndGet();
                    return new FixedTokenCredentials(tenant.appId(), scope, tokens);
                },
                TeamsAdapter.CONNECTOR_READ_TIMEOUT);

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (tokens.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(tokens.get()).as("a token fetched before any message").isEqualTo(1);
        assertThat(connector.findAll(anyRequestedFor(anyUrl()))).isEmpty();

        SendOutcome outcome = new TeamsChannelMessenger(
                        adapter, references, new AdaptiveCardRenderer(), Duration.ofSeconds(10))
                .send(STATE, TIP);

        assertThat(outcome).isEqualTo(new SendOutcome.Sent());
        assertThat(made.get())
                .as("one credential, warmed at start-up and used for the send")
                .isEqualTo(1);
        assertThat(connector.findAll(anyRequestedFor(urlPathMatching(ACTIVITIES))))
                .singleElement()
                .satisfies(request ->
                        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer start-up-token"));
    }

    /** Credentials that hand out a fixed token and count how often they are asked. */
    private static final class FixedTokenCredentials extends com.microsoft.bot.connector.authentication.AppCredentials {

        private final java.util.concurrent.atomic.AtomicInteger tokens;

        FixedTokenCredentials(String appId, String scope, java.util.concurrent.atomic.AtomicInteger tokens) {
            super(Activities.TENANT, scope);
            setAppId(appId);
            this.tokens = tokens;
        }

        @Override
        public java.util.concurrent.CompletableFuture<String> getToken() {
            tokens.incrementAndGet();
            return java.util.concurrent.CompletableFuture.completedFuture("start-up-token");
        }

        @Override
        protected com.microsoft.bot.connector.authentication.Authenticator buildAuthenticator() {
            // getToken() above never asks an authenticator: reaching this means the adapter went to Microsoft's login.
            throw new AssertionError("the adapter asked Microsoft's login for a token instead of using the fixed one");
        }
    }

    @Test
    void refusesAServiceUrlOffTheAllowListWithoutAnyRequest() {
        String offList = "http://127.0.0.1:" + elsewhere.port() + PATH;
        references.save(reference(offList));

        assertThat(messenger.send(STATE, TIP))
                .isEqualTo(new SendOutcome.Permanent("service URL not on the allow-list"));

        assertThat(elsewhere.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(connector.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void pausesAChannelWithoutReference() {
        references.forget(CHANNEL);

        assertThat(messenger.send(STATE, TIP)).isEqualTo(new SendOutcome.Permanent("no conversation reference"));
        assertThat(connector.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void pausesAChannelWhoseReferenceCannotBeRead() {
        references.save(
                new StoredReference(CHANNEL, StoredReference.Scope.CHANNEL, serviceUrl(), "{not json", Instant.EPOCH));

        assertThat(messenger.send(STATE, TIP))
                .isEqualTo(new SendOutcome.Permanent("unreadable conversation reference"));
    }

    @Test
    void refusesAChannelOfAnotherPlatform() {
        ChannelState slack = ChannelState.of(new ChannelRef(Platform.SLACK, "T1", "C1"), "", STATE.settings());

        assertThat(messenger.send(slack, TIP)).isEqualTo(new SendOutcome.Permanent("not a Teams channel"));
    }
}
