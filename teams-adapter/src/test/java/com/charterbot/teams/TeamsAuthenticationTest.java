package com.charterbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Token validation through the SDK's real path (JwtTokenValidation, ChannelValidation, the
 * OpenID metadata and JWKS download): WireMock publishes the metadata and the public half of a key
 * made here, and the tests sign their own tokens with java-jwt, the JWT library the SDK uses.
 */
class TeamsAuthenticationTest {

    private static final String APP_ID = "9f3c2b1a-0e4d-4c5b-8a7f-6e5d4c3b2a19";
    private static final String APP_PASSWORD = "Xy8Q~s3cret-client-value.not-for-logs";

    private static BotFrameworkIdentity identity;
    /** A key the Bot Framework does not publish. */
    private static KeyPair otherKey;

    private TeamsRig rig;
    private Activities teams;

    @BeforeAll
    static void publishSigningKey() {
        identity = new BotFrameworkIdentity();
        otherKey = BotFrameworkIdentity.newKey();
    }

    @AfterAll
    static void stopIdentity() {
        identity.close();
    }

    @BeforeEach
    void start() {
        rig = new TeamsRig(
                serviceUrl -> new TeamsSettings(
                        APP_ID, APP_PASSWORD, Activities.TENANT, List.of(serviceUrl), identity.metadataUrl()),
                Optional.empty());
        teams = rig.activities;
    }

    @AfterEach
    void stop() throws Exception {
        String logs = rig.logText();
        rig.close();
        assertThat(logs).doesNotContain(APP_PASSWORD).doesNotContain("eyJ");
    }

    @Test
    void acceptsATokenOfTheBotFrameworkForThisBotAndItsServiceUrl() {
        HttpResponse<String> response = rig.post(renamed().toString(), identity.bearer(APP_ID, rig.serviceUrl()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(rig.membership.calls).containsExactly("renamed " + Activities.GENERAL + " Brand questions");
    }

    @Test
    void refusesARequestWithoutAToken() {
        assertRefused(rig.post(renamed().toString(), null));
    }

    @Test
    void refusesATokenSignedWithAnotherKey() {
        assertRefused(rig.post(
                renamed().toString(),
                "Bearer "
                        + BotFrameworkIdentity.claims(APP_ID, rig.serviceUrl())
                                .sign(BotFrameworkIdentity.algorithm(otherKey))));
    }

    @Test
    void refusesATokenForAnotherBot() {
        assertRefused(rig.post(
                renamed().toString(), identity.bearer("00000000-1111-2222-3333-444444444444", rig.serviceUrl())));
    }

    @Test
    void refusesATokenWhoseServiceUrlIsNotTheActivitys() {
        assertRefused(rig.post(renamed().toString(), identity.bearer(APP_ID, "https://smba.trafficmanager.net/emea/")));
    }

    @Test
    void refusesATokenFromAnotherIssuer() {
        String token = identity.sign(JWT.create()
                .withIssuer("https://sts.example.com/")
                .withAudience(APP_ID)
                .withKeyId(BotFrameworkIdentity.KEY_ID)
                .withClaim("serviceurl", rig.serviceUrl())
                .withExpiresAt(Date.from(Instant.now().plusSeconds(300))));

        assertRefused(rig.post(renamed().toString(), "Bearer " + token));
    }

    @Test
    void refusesAnExpiredToken() {
        String token = identity.sign(JWT.create()
                .withIssuer(BotFrameworkIdentity.ISSUER)
                .withAudience(APP_ID)
                .withKeyId(BotFrameworkIdentity.KEY_ID)
                .withClaim("serviceurl", rig.serviceUrl())
                .withExpiresAt(Date.from(Instant.now().minusSeconds(3_600))));

        assertRefused(rig.post(renamed().toString(), "Bearer " + token));
    }

    @Test
    void refusesSomethingThatIsNotAToken() {
        assertRefused(rig.post(renamed().toString(), "Bearer not.a.token"));
        assertRefused(rig.post(renamed().toString(), "Basic dXNlcjpwYXNz"));
    }

    @Test
    void refusesAValidTokenForAServiceUrlOffTheAllowList() {
        String offList = identity.url("/elsewhere/");
        ObjectNode activity = renamed();
        activity.put("serviceUrl", offList);

        HttpResponse<String> response = rig.post(activity.toString(), identity.bearer(APP_ID, offList));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(rig.membership.calls).isEmpty();
        assertThat(identity.requests("/elsewhere/.*")).isEmpty();
    }

    @Test
    void refusesATokenWithoutAnExpiry() {
        String token = identity.sign(JWT.create()
                .withIssuer(BotFrameworkIdentity.ISSUER)
                .withAudience(APP_ID)
                .withKeyId(BotFrameworkIdentity.KEY_ID)
                .withClaim("serviceurl", rig.serviceUrl())
                .withNotBefore(Date.from(Instant.now().minusSeconds(60))));

        assertRefused(rig.post(renamed().toString(), "Bearer " + token));
    }

    @Test
    void refusesAValidTokenWithAnActivityFromAnotherTenant() {
        ObjectNode activity = renamed();
        ((ObjectNode) activity.get("channelData").get("tenant")).put("id", "11111111-2222-3333-4444-555555555555");
        if (activity.get("conversation").has("tenantId")) {
            ((ObjectNode) activity.get("conversation")).put("tenantId", "11111111-2222-3333-4444-555555555555");
        }

        HttpResponse<String> response = rig.post(activity.toString(), identity.bearer(APP_ID, rig.serviceUrl()));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(rig.membership.calls).isEmpty();
        assertThat(rig.connector.getAllServeEvents()).isEmpty();
    }

    @Test
    void refusesAValidTokenWithAnActivityNamingNoTenant() {
        ObjectNode activity = renamed();
        ((ObjectNode) activity.get("channelData")).remove("tenant");
        ((ObjectNode) activity.get("conversation")).remove("tenantId");

        HttpResponse<String> response = rig.post(activity.toString(), identity.bearer(APP_ID, rig.serviceUrl()));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(rig.membership.calls).isEmpty();
    }

    private void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("unauthorized");
        assertThat(rig.membership.calls).as("the bot never saw the activity").isEmpty();
        assertThat(rig.connector.getAllServeEvents()).isEmpty();
    }

    /** A channel rename: handled without any reply, so the turn needs no token for the connector. */
    private ObjectNode renamed() {
        ObjectNode activity = teams.botAddedToTeam(Activities.ALICE_AAD);
        activity.remove("membersAdded");
        ObjectNode data = (ObjectNode) activity.get("channelData");
        data.put("eventType", "channelRenamed");
        ((ObjectNode) data.get("channel")).put("name", "Brand questions");
        return activity;
    }
}
