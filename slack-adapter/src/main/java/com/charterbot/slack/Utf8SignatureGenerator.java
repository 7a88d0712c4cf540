package com.charterbot.slack;

import com.slack.api.app_backend.SlackSignature;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bolt's signature generator, computed over UTF-8 bytes. Bolt's own encodes the secret and the
 * body with the JVM's default charset: on Java 17 under a POSIX locale that is ASCII, and any
 * event with an accented letter ("é") would fail verification. Slack signs the UTF-8 bytes.
 */
final class Utf8SignatureGenerator extends SlackSignature.Generator {

    private final SecretKeySpec key;

    Utf8SignatureGenerator(String signingSecret) {
        super(signingSecret);
        this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), SlackSignature.ALGORITHM);
    }

    @Override
    public String generate(String slackRequestTimestamp, String requestBody) {
        if (slackRequestTimestamp == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance(SlackSignature.ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(("v0:" + slackRequestTimestamp + ":" + (requestBody == null ? "" : requestBody))
                    .getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            return null;
        }
    }
}
