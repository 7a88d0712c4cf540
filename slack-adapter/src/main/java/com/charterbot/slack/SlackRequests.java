package com.charterbot.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.response.Response;
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
 * {@code v0:<timestamp>:<body>} with the signing secret, compared in constant time), but with a
 * timestamp window of five minutes both ways: Bolt bounds only the past, so a request signed for
 * the future (by a leaked secret, or replayed later) would be accepted until then.
 */
final class SlackRequests {

    /** How far a request's timestamp may be from now, either way. */
    static final long MAX_CLOCK_SKEW_SECONDS = 5 * 60;

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
        if (timestamp == null || signature == null || !fresh(timestamp, nowMillis)) {
            return false;
        }
        String expected = generator.generate(timestamp, body);
        return expected != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the timestamp (seconds since the epoch, digits only) is within {@link #MAX_CLOCK_SKEW_SECONDS} of now. */
    static boolean fresh(String timestamp, long nowMillis) {
        if (timestamp.isEmpty() || timestamp.length() > 12 || !timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return Math.abs(nowMillis / 1000 - Long.parseLong(timestamp)) <= MAX_CLOCK_SKEW_SECONDS;
    }

    /**
     * Whether an unsigned body is Slack's SSL check and nothing else: form fields {@code ssl_check=1}
     * and optionally {@code token}, each once, read without decoding (Slack sends them plain). Bolt's
     * own detector URL-decodes any body first (a malformed escape such as {@code %zz} threw) and lets
     * any body with {@code ssl_check=1} among other fields through to its parser.
     */
    static boolean sslCheck(String body) {
        if (body.length() > 512) {
            return false;
        }
        boolean check = false;
        boolean token = false;
        for (String field : body.split("&", -1)) {
            if (field.equals("ssl_check=1") && !check) {
                check = true;
            } else if (field.startsWith("token=")
                    && !token
                    && field.substring(6)
                            .chars()
                            .allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_'))) {
                token = true;
            } else {
                return false;
            }
        }
        return check;
    }

    /**
     * Bolt's response, its body written as UTF-8 bytes with their length. Bolt's own
     * {@code ServletAdapterOps.writeResponse} goes through the servlet's {@code Writer}, which copies
     * the body char by char before encoding it: 16% of the CPU samples of the Slack path in
     * {@code bench/slack-load}, for an answer card of 5 to 10 KB.
     */
    static void write(HttpServletResponse response, Response bolt) throws IOException {
        response.setStatus(bolt.getStatusCode());
        bolt.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        if (bolt.getContentType() != null) {
            response.setHeader("Content-Type", bolt.getContentType());
        }
        if (bolt.getBody() != null) {
            byte[] body = bolt.getBody().getBytes(StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
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
