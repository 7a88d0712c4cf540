package com.charterbot.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
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
    private static final String KEY_ID = "charter-test-key";
    private static final String ISSUER = "https://api.botframework.com";

    private static WireMockServer identity;
    private static KeyPair botFrameworkKey;
    private static KeyPair otherKey;

    private TeamsRig rig;
    private Activities teams;

    @BeforeAll
    static void publishSigningKey() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        botFrameworkKey = generator.generateKeyPair();
        otherKey = generator.generateKeyPair();
        identity = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        identity.start();
        String base = "http://127.0.0.1:" + identity.port();
        identity.stubFor(get(urlPathEqualTo("/v1/.well-known/openidconfiguration")).willReturn(TeamsRig.okJson("""
                {"issuer": "%s", "authorization_endpoint": "%s/v1/authorize", "jwks_uri": "%s/v1/.well-known/keys",
                 "id_token_signing_alg_values_supported": ["RS256"], "token_endpoint_auth_methods_supported": ["private_key_jwt"]}
                """.formatted(ISSUER, base, base))));
        RSAPublicKey publicKey = (RSAPublicKey) botFrameworkKey.getPublic();
        identity.stubFor(get(urlPathEqualTo("/v1/.well-known/keys")).willReturn(TeamsRig.okJson("""
                {"keys": [{"kty": "RSA", "use": "sig", "kid": "%s", "n": "%s", "e": "%s", "endorsements": ["msteams"]}]}
                """.formatted(KEY_ID, unsigned(publicKey.getModulus().toByteArray()), unsigned(publicKey.getPublicExponent().toByteArray())))));
    }

    @AfterAll
    static void stopIdentity() {
        identity.stop();
    }

    @BeforeEach
    void start() {
        String metadata = "http://127.0.0.1:" + identity.port() + "/v1/.well-known/openidconfiguration";
        rig = new TeamsRig(serviceUrl -> new TeamsSettings(APP_ID, APP_PASSWORD, Activities.TENANT, List.of(serviceUrl), metadata),
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
        HttpResponse<String> response = rig.post(renamed().toString(), bearer(token(APP_ID, rig.serviceUrl(), botFrameworkKey)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(rig.membership.calls).containsExactly("renamed " + Activities.GENERAL + " Brand questions");
    }

    @Test
    void refusesARequestWithoutAToken() {
        assertRefused(rig.post(renamed().toString(), null));
    }

    @Test
    void refusesATokenSignedWithAnotherKey() {
        assertRefused(rig.post(renamed().toString(), bearer(token(APP_ID, rig.serviceUrl(), otherKey))));
    }

    @Test
    void refusesATokenForAnotherBot() {
        assertRefused(rig.post(renamed().toString(), bearer(token("00000000-1111-2222-3333-444444444444", rig.serviceUrl(), botFrameworkKey))));
    }

    @Test
    void refusesATokenWhoseServiceUrlIsNotTheActivitys() {
        assertRefused(rig.post(renamed().toString(), bearer(token(APP_ID, "https://smba.trafficmanager.net/emea/", botFrameworkKey))));
    }

    @Test
    void refusesATokenFromAnotherIssuer() {
        String token = JWT.create().withIssuer("https://sts.example.com/").withAudience(APP_ID).withKeyId(KEY_ID)
                .withClaim("serviceurl", rig.serviceUrl()).withExpiresAt(Date.from(Instant.now().plusSeconds(300)))
                .sign(Algorithm.RSA256((RSAPublicKey) botFrameworkKey.getPublic(), (RSAPrivateKey) botFrameworkKey.getPrivate()));

        assertRefused(rig.post(renamed().toString(), bearer(token)));
    }

    @Test
    void refusesAnExpiredToken() {
        String token = JWT.create().withIssuer(ISSUER).withAudience(APP_ID).withKeyId(KEY_ID).withClaim("serviceurl", rig.serviceUrl())
                .withExpiresAt(Date.from(Instant.now().minusSeconds(3_600)))
                .sign(Algorithm.RSA256((RSAPublicKey) botFrameworkKey.getPublic(), (RSAPrivateKey) botFrameworkKey.getPrivate()));

        assertRefused(rig.post(renamed().toString(), bearer(token)));
    }

    @Test
    void refusesSomethingThatIsNotAToken() {
        assertRefused(rig.post(renamed().toString(), "Bearer not.a.token"));
        assertRefused(rig.post(renamed().toString(), "Basic dXNlcjpwYXNz"));
    }

    @Test
    void refusesAValidTokenForAServiceUrlOffTheAllowList() {
        String offList = "http://127.0.0.1:" + identity.port() + "/elsewhere/";
        ObjectNode activity = renamed();
        activity.put("serviceUrl", offList);

        HttpResponse<String> response = rig.post(activity.toString(), bearer(token(APP_ID, offList, botFrameworkKey)));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(rig.membership.calls).isEmpty();
        assertThat(identity.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/elsewhere/.*")))).isEmpty();
    }

    @Test
    void refusesATokenWithoutAnExpiry() {
        String token = JWT.create().withIssuer(ISSUER).withAudience(APP_ID).withKeyId(KEY_ID).withClaim("serviceurl", rig.serviceUrl())
                .withNotBefore(Date.from(Instant.now().minusSeconds(60)))
                .sign(Algorithm.RSA256((RSAPublicKey) botFrameworkKey.getPublic(), (RSAPrivateKey) botFrameworkKey.getPrivate()));

        assertRefused(rig.post(renamed().toString(), bearer(token)));
    }

    @Test
    void refusesAValidTokenWithAnActivityFromAnotherTenant() {
        ObjectNode activity = renamed();
        ((ObjectNode) activity.get("channelData").get("tenant")).put("id", "11111111-2222-3333-4444-555555555555");
        if (activity.get("conversation").has("tenantId")) {
            ((ObjectNode) activity.get("conversation")).put("tenantId", "11111111-2222-3333-4444-555555555555");
        }

        HttpResponse<String> response = rig.post(activity.toString(), bearer(token(APP_ID, rig.serviceUrl(), botFrameworkKey)));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(rig.membership.calls).isEmpty();
        assertThat(rig.connector.getAllServeEvents()).isEmpty();
    }

    @Test
    void refusesAValidTokenWithAnActivityNamingNoTenant() {
        ObjectNode activity = renamed();
        ((ObjectNode) activity.get("channelData")).remove("tenant");
        ((ObjectNode) activity.get("conversation")).remove("tenantId");

        HttpResponse<String> response = rig.post(activity.toString(), bearer(token(APP_ID, rig.serviceUrl(), botFrameworkKey)));

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

    private static String token(String audience, String serviceUrl, KeyPair key) {
        Instant now = Instant.now();
        return JWT.create()
                .withIssuer(ISSUER)
                .withAudience(audience)
                .withKeyId(KEY_ID)
                .withClaim("serviceurl", serviceUrl)
                .withNotBefore(Date.from(now.minusSeconds(60)))
                .withIssuedAt(Date.from(now.minusSeconds(60)))
                .withExpiresAt(Date.from(now.plusSeconds(600)))
                .sign(Algorithm.RSA256((RSAPublicKey) key.getPublic(), (RSAPrivateKey) key.getPrivate()));
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    /** Base64url of a big integer's magnitude, without the sign byte Java adds. */
    private static String unsigned(byte[] bytes) {
        int start = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        byte[] magnitude = java.util.Arrays.copyOfRange(bytes, start, bytes.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(magnitude);
    }
}
