package com.charterbot.bench.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a request body the way Slack does: {@code v0=} followed by the hex HMAC-SHA256, keyed with the
 * app's signing secret, of {@code v0:<timestamp>:<raw body>}. Thread-safe.
 */
public final class SlackSigner {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    public SlackSigner(String signingSecret) {
        if (signingSecret == null || signingSecret.isEmpty()) {
            throw new IllegalArgumentException("a signing secret is required");
        }
        this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
        newMac();
    }

    /** The {@code X-Slack-Signature} header for {@code body} sent with {@code X-Slack-Request-Timestamp: timestamp}. */
    public String signature(long timestamp, String body) {
        Mac mac = macs.get();
        byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
        return "v0=" + HexFormat.of().formatHex(digest);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot compute " + ALGORITHM, e);
        }
    }
}
