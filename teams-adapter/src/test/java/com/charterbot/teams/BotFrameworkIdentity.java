package com.charterbot.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * A stand-in for the Bot Framework's token service: WireMock publishes the OpenID metadata and the
 * public half of a key made here, and {@link #bearer} signs tokens with it as the Bot Connector
 * signs the requests it sends a bot (issuer, audience the bot's app id, the activity's service URL,
 * an expiry). The SDK validates them through its real path.
 */
final class BotFrameworkIdentity implements AutoCloseable {

    static final String ISSUER = "https://api.botframework.com";
    /** The id of the published key, which tokens name. */
    static final String KEY_ID = "charter-replay-key";

    private final WireMockServer server;
    private final KeyPair key;

    BotFrameworkIdentity() {
        key = newKey();
        server = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        String base = "http://127.0.0.1:" + server.port();
        server.stubFor(get(urlPathEqualTo("/v1/.well-known/openidconfiguration"))
                .willReturn(TeamsRig.okJson("""
                {"issuer": "%s", "authorization_endpoint": "%s/v1/authorize", "jwks_uri": "%s/v1/.well-known/keys",
                 "id_token_signing_alg_values_supported": ["RS256"], "token_endpoint_auth_methods_supported": ["private_key_jwt"]}
                """.formatted(ISSUER, base, base))));
        RSAPublicKey publicKey = (RSAPublicKey) key.getPublic();
        server.stubFor(get(urlPathEqualTo("/v1/.well-known/keys")).willReturn(TeamsRig.okJson("""
                {"keys": [{"kty": "RSA", "use": "sig", "kid": "%s", "n": "%s", "e": "%s", "endorsements": ["msteams"]}]}
                """.formatted(
                        KEY_ID,
                        unsigned(publicKey.getModulus().toByteArray()),
                        unsigned(publicKey.getPublicExponent().toByteArray())))));
    }

    /** Where the SDK reads the metadata. */
    String metadataUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1/.well-known/openidconfiguration";
    }

    /** The {@code Authorization} header the Bot Connector would send this bot for an activity of this service URL. */
    String bearer(String appId, String serviceUrl) {
        return "Bearer " + sign(claims(appId, serviceUrl));
    }

    /** Signs a token with the published key. */
    String sign(JWTCreator.Builder token) {
        return token.sign(algorithm(key));
    }

    /** What the Bot Connector's token says (issuer, audience, service URL, an expiry), unsigned, for a test to change. */
    static JWTCreator.Builder claims(String appId, String serviceUrl) {
        Instant now = Instant.now();
        return JWT.create()
                .withIssuer(ISSUER)
                .withAudience(appId)
                .withKeyId(KEY_ID)
                .withClaim("serviceurl", serviceUrl)
                .withNotBefore(Date.from(now.minusSeconds(60)))
                .withIssuedAt(Date.from(now.minusSeconds(60)))
                .withExpiresAt(Date.from(now.plusSeconds(600)));
    }

    /** A URL of the stand-in that serves nothing: a service URL no test stubbed. */
    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    /** The requests the stand-in received on paths matching this pattern. */
    List<LoggedRequest> requests(String pathRegex) {
        return server.findAll(anyRequestedFor(urlPathMatching(pathRegex)));
    }

    static KeyPair newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Algorithm algorithm(KeyPair key) {
        return Algorithm.RSA256((RSAPublicKey) key.getPublic(), (RSAPrivateKey) key.getPrivate());
    }

    /** Base64url of a big integer's magnitude, without the sign byte Java adds. */
    private static String unsigned(byte[] bytes) {
        int start = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOfRange(bytes, start, bytes.length));
    }

    @Override
    public void close() {
        server.stop();
    }
}
