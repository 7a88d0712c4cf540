package com.charterbot.bench.rehearsal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays the Bot Framework's token service: an RSA key whose public half the stubs publish as the
 * JWKS, and RS256 JSON Web Tokens signed with it as the Bot Connector sends them to a bot (issuer
 * {@value #ISSUER}, audience the bot's app id, {@code serviceurl} claim), plus the forged variants
 * the rehearsal mixes in: another key, another audience or issuer, expired, the wrong service URL,
 * unsigned ({@code alg: none}), without expiry. Thread-safe.
 */
final class BotFrameworkTokens {

    static final String ISSUER = "https://api.botframework.com";
    static final String KEY_ID = "rehearsal-key";
    /** Teams reuses a token for many requests; so does this, re-signing it after this long. */
    private static final Duration REUSE = Duration.ofMinutes(2);

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final String appId;
    private final KeyPair key;
    private final KeyPair otherKey;
    private final Clock clock;
    private final Map<String, Minted> valid = new ConcurrentHashMap<>();

    private record Minted(String token, Instant at) {}

    BotFrameworkTokens(String appId, Clock clock) {
        this.appId = appId;
        this.clock = clock;
        this.key = rsa();
        this.otherKey = rsa();
    }

    /** The JWKS document: the public key, endorsed for the {@code msteams} channel as the Bot Framework's are. */
    String jwks() {
        RSAPublicKey publicKey = (RSAPublicKey) key.getPublic();
        return """
                {"keys":[{"kty":"RSA","use":"sig","kid":"%s","n":"%s","e":"%s","endorsements":["msteams"]}]}""".formatted(KEY_ID, unsigned(publicKey.getModulus()), unsigned(publicKey.getPublicExponent()));
    }

    /** A valid token for requests whose activity names this service URL; the same one for a while. */
    String valid(String serviceUrl) {
        Instant now = clock.instant();
        Minted minted = valid.compute(
                serviceUrl,
                (url, old) -> old != null && old.at().plus(REUSE).isAfter(now)
                        ? old
                        : new Minted(
                                sign(
                                        claims(ISSUER, appId, url, now, now.plus(Duration.ofMinutes(10))),
                                        key.getPrivate(),
                                        KEY_ID),
                                now));
        return minted.token();
    }

    /** The kinds of forged or stale token the rehearsal sends. */
    enum Forgery {
        OTHER_KEY,
        OTHER_AUDIENCE,
        OTHER_ISSUER,
        EXPIRED,
        WRONG_SERVICE_URL,
        UNSIGNED,
        NOT_A_TOKEN,
        NO_EXPIRY
    }

    /** A token that the bot must refuse, for an activity naming {@code serviceUrl}. */
    String forged(Forgery forgery, String serviceUrl) {
        Instant now = clock.instant();
        Instant later = now.plus(Duration.ofMinutes(10));
        return switch (forgery) {
            case OTHER_KEY -> sign(claims(ISSUER, appId, serviceUrl, now, later), otherKey.getPrivate(), KEY_ID);
            case OTHER_AUDIENCE ->
                sign(
                        claims(ISSUER, "00000000-1111-2222-3333-444444444444", serviceUrl, now, later),
                        key.getPrivate(),
                        KEY_ID);
            case OTHER_ISSUER ->
                sign(claims("https://sts.example.com/", appId, serviceUrl, now, later), key.getPrivate(), KEY_ID);
            case EXPIRED ->
                sign(
                        claims(
                                ISSUER,
                                appId,
                                serviceUrl,
                                now.minus(Duration.ofHours(2)),
                                now.minus(Duration.ofHours(1))),
                        key.getPrivate(),
                        KEY_ID);
            case WRONG_SERVICE_URL ->
                sign(
                        claims(ISSUER, appId, "https://smba.trafficmanager.net/emea/", now, later),
                        key.getPrivate(),
                        KEY_ID);
            case UNSIGNED ->
                encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
                        + encode(claims(ISSUER, appId, serviceUrl, now, later)) + ".";
            case NOT_A_TOKEN -> "not.a.token";
            case NO_EXPIRY ->
                sign(
                        claims(ISSUER, appId, serviceUrl, now, later).replaceFirst(",\"exp\":\\d+", ""),
                        key.getPrivate(),
                        KEY_ID);
        };
    }

    private static String claims(String issuer, String audience, String serviceUrl, Instant issued, Instant expires) {
        long iat = issued.minusSeconds(30).getEpochSecond();
        return String.format(
                Locale.ROOT,
                "{\"iss\":\"%s\",\"aud\":\"%s\",\"serviceurl\":\"%s\",\"nbf\":%d,\"iat\":%d,\"exp\":%d}",
                issuer,
                audience,
                serviceUrl,
                iat,
                iat,
                expires.getEpochSecond());
    }

    private static String sign(String claims, PrivateKey privateKey, String keyId) {
        String signingInput =
                encode("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + keyId + "\"}") + "." + encode(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token with SHA256withRSA", e);
        }
    }

    private static String encode(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Base64url of a positive big integer's magnitude, without the sign byte Java adds. */
    static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int start = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        return B64.encodeToString(Arrays.copyOfRange(bytes, start, bytes.length));
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make an RSA key", e);
        }
    }
}
