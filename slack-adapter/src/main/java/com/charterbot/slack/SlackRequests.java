package com.charterbot.slack;

import com.slack.api.app_backend.SlackSignature;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * What both servlets do before anything else: read the body within a size limit and check Slack's
 * signature the way Bolt's {@code RequestVerification} does (HMAC-SHA256 over
 * {@code v0:<timestamp>:<body>} with the signing secret, timestamps older than 5 minutes refused),
 * compared in constant time.
 */
final class SlackRequests {

    /** The largest body accepted: Slack's payloads are a few kilobytes; Block Kit messages stay well under this. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private SlackRequests() {}

    /**
     * The body as UTF-8 (what Slack sends and signs), or null when it is over {@link #MAX_BODY_BYTES},
     * by its {@code Content-Length} or by what actually arrives.
     */
    static String body(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.max(0, Math.min(declared, 16 * 1024)));
        byte[] buffer = new byte[8 * 1024];
        try (InputStream in = request.getInputStream()) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (bytes.size() + read > MAX_BODY_BYTES) {
                    return null;
                }
                bytes.write(buffer, 0, read);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Whether the request carries a valid, fresh signature of {@code body}. */
    static boolean signed(SlackSignature.Generator generator, HttpServletRequest request, String body, long nowMillis) {
        String timestamp = request.getHeader(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
        String signature = request.getHeader(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
        if (timestamp == null || signature == null || !SlackSignature.TimestampVerifier.isValidTimestamp(timestamp, nowMillis)) {
            return false;
        }
        String expected = generator.generate(timestamp, body);
        return expected != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
    }

    static void plain(HttpServletResponse response, int status, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(text);
    }

    static void json(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(json);
    }
}
