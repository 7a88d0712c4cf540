package com.charterbot.app.persistence;

import com.charterbot.core.values.UserRef;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a platform user into the only form the database ever stores: an HMAC-SHA256 of the user's
 * platform, tenant and id under a secret key. Without the key, a database dump does not tell who
 * took which quiz, even to someone who knows every user id.
 */
public final class PseudonymousIds {

    /** Secrets shorter than this are refused. */
    public static final int MIN_SECRET_BYTES = 16;

    private final SecretKeySpec key;

    public PseudonymousIds(byte[] secret) {
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(
                    "the user-id hashing secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /** The user's pseudonym: 64 hex characters, the same for the same user and secret. */
    public String of(UserRef user) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(user.key().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "PseudonymousIds[key hidden]";
    }
}
