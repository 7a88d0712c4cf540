package com.charterbot.slack;

import com.slack.api.bolt.service.OAuthStateService;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt's OAuth {@code state} contract, with states that prove themselves: each is a random nonce
 * and an expiry signed with the state secret (HMAC-SHA256), set in the installing browser's cookie
 * as Bolt does. On the way back the state must be the cookie's, carry a valid signature, not be
 * expired, and be used for the first time ({@link OAuthStateStore}, shared by the replicas): a
 * forged state is refused without touching the database, a replayed one by the store, and any
 * replica finishes an install another started. Starting an install writes nothing, so the public
 * install page cannot be used to fill the database.
 */
final class SignedOAuthStates implements OAuthStateService {

    private static final Logger log = LoggerFactory.getLogger(SignedOAuthStates.class);
    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final int MAX_STATE = 200;

    private final byte[] secret;
    private final OAuthStateStore used;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    SignedOAuthStates(String stateSecret, OAuthStateStore used, Clock clock) {
        this.secret = Objects.requireNonNull(stateSecret, "stateSecret").getBytes(StandardCharsets.UTF_8);
        this.used = Objects.requireNonNull(used, "used");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lifetime = Duration.ofSeconds(getExpirationInSeconds());
    }

    /** {@code <nonce>.<expiry in epoch seconds>.<signature>}, URL-safe and without {@code =} (Bolt splits the cookie on it). */
    @Override
    public String generateNewStateValue() {
        byte[] nonce = new byte[18];
        random.nextBytes(nonce);
        String payload = BASE64.encodeToString(nonce) + "."
                + clock.instant().plus(lifetime).getEpochSecond();
        return payload + "." + sign(payload);
    }

    /** Nothing to store: the state carries its own proof. */
    @Override
    public void addNewStateToDatastore(String state) {
        // The signature stands in for a stored copy; only its first use is recorded.
    }

    /**
     * Whether the state is one of ours, unexpired, and used now for the first time; recording the
     * use is the last step, so that a forged or expired state never reaches the store.
     */
    @Override
    public boolean isAvailableInDatabase(String state) {
        if (state == null || state.length() > MAX_STATE) {
            return false;
        }
        int lastDot = state.lastIndexOf('.');
        int firstDot = state.indexOf('.');
        if (firstDot <= 0 || lastDot <= firstDot) {
            return false;
        }
        String payload = state.substring(0, lastDot);
        byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, state.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII))) {
            log.info("Refused a Slack install whose state was not signed by this app");
            return false;
        }
        Instant expiresAt;
        try {
            expiresAt = Instant.ofEpochSecond(Long.parseLong(payload.substring(firstDot + 1)));
        } catch (RuntimeException unreadable) {
            return false;
        }
        if (!expiresAt.isAfter(clock.instant())) {
            log.info(
                    "Refused a Slack install whose state expired (an install must finish within {} minutes)",
                    lifetime.toMinutes());
            return false;
        }
        if (!used.firstUse(hash(state), expiresAt)) {
            log.info("Refused a Slack install whose state was already used");
            return false;
        }
        return true;
    }

    /** Nothing to delete: the use was recorded by {@link #isAvailableInDatabase}, and expires with the state. */
    @Override
    public void deleteStateFromDatastore(String state) {
        // Kept until it expires, so that the same state can never be used again.
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            return BASE64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static String hash(String state) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
