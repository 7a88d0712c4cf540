package com.charterbot.app.slack;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts Slack tokens at rest: AES-256-GCM with a random 96-bit nonce per value, under the key
 * of {@code charter.slack.token-encryption-key}. A stored value reads
 * {@code v1:<key id>:<base64 of nonce, ciphertext and tag>}; the key id (a hash of the key, not the
 * key) says which key decrypts it, so a rotated key can be kept among the previous keys until every
 * value was written again. Each value is bound to where it is stored (the installation and the
 * column, as associated data): a ciphertext copied to another row or column does not decrypt.
 *
 * <p>Keys are 32 random bytes in base64 ({@code openssl rand -base64 32}); anything else is
 * refused with a message that never repeats it. Thread-safe.
 */
final class TokenCipher {

    static final String PROPERTY = "charter.slack.token-encryption-key";
    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey current;
    private final String currentId;
    private final Map<String, SecretKey> byId = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /**
     * @param key the current key, base64 of 32 bytes
     * @param previous keys values may still be encrypted with (decrypt only)
     */
    TokenCipher(String key, List<String> previous) {
        this.current = key(key, PROPERTY);
        this.currentId = id(current);
        byId.put(currentId, current);
        int index = 0;
        for (String old : previous == null ? List.<String>of() : previous) {
            SecretKey decoded = key(old, "charter.slack.token-encryption-previous-keys[" + index++ + "]");
            byId.putIfAbsent(id(decoded), decoded);
        }
    }

    /** The ciphertext of {@code plaintext}, bound to {@code context} (where it is stored). */
    String encrypt(String plaintext, String context) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, current, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(context));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return VERSION + ":" + currentId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The plaintext of a stored value.
     *
     * @throws IllegalStateException when the value is not ours, was stored with a key that is not
     *     configured, or was changed or moved (the message holds neither key nor value)
     */
    String decrypt(String stored, String context) {
        Objects.requireNonNull(stored, "stored");
        String[] parts = stored.split(":", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new IllegalStateException(
                    "a stored Slack token is not in the encrypted format (" + VERSION + ":...)");
        }
        SecretKey key = byId.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("a stored Slack token was encrypted with another key (key id " + parts[1]
                    + "): set that key in " + "charter.slack.token-encryption-previous-keys, or install the app again");
        }
        try {
            byte[] in = Base64.getDecoder().decode(parts[2]);
            if (in.length <= NONCE_BYTES) {
                throw new IllegalStateException("a stored Slack token is truncated");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(aad(context));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "a stored Slack token does not decrypt: it was changed, or copied from elsewhere");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Whether a stored value was encrypted with the current key (else it is written again on rotation). */
    boolean current(String stored) {
        return stored.startsWith(VERSION + ":" + currentId + ":");
    }

    private static byte[] aad(String context) {
        return ("charter-bot/slack-token/" + Objects.requireNonNull(context, "context"))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static SecretKey key(String base64, String name) {
        List<String> problems = new ArrayList<>();
        byte[] bytes = null;
        String value = base64 == null ? "" : base64.strip();
        if (value.isEmpty()) {
            problems.add(name + " is not set");
        } else {
            try {
                bytes = (value.contains("-") || value.contains("_") ? Base64.getUrlDecoder() : Base64.getDecoder())
                        .decode(value);
            } catch (IllegalArgumentException notBase64) {
                problems.add(name + " is not base64");
            }
            if (bytes != null && bytes.length != 32) {
                problems.add(name + " must be 32 bytes (AES-256), not " + bytes.length);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    String.join("; ", problems) + ": use 32 random bytes in base64, e.g. the output of "
                            + "'openssl rand -base64 32', from a secret");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static String id(SecretKey key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("charter-bot/token-key-id/".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(key.getEncoded())).substring(0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
