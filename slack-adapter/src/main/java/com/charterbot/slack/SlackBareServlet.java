package com.charterbot.slack;

import com.slack.api.app_backend.SlackSignature;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * Benchmark baseline: what a Slack endpoint costs without Bolt and without the bot. Checks the
 * request's signature exactly as {@link SlackEventsServlet} and Bolt do (same secret, same
 * 5-minute window, 1 MiB body limit) and answers every signed request with the same fixed
 * ephemeral message, {@value #ANSWER}; anything else gets 401. Not for users.
 */
public class SlackBareServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The fixed answer to every signed request. */
    public static final String ANSWER = "{\"response_type\":\"ephemeral\",\"text\":\"ok\"}";

    private final transient SlackSignature.Generator signatures;

    public SlackBareServlet(String signingSecret) {
        if (signingSecret == null || signingSecret.isBlank()) {
            throw new IllegalArgumentException("a signing secret is required");
        }
        this.signatures = new Utf8SignatureGenerator(signingSecret.strip());
    }

    public SlackBareServlet(SlackSettings settings) {
        this(Objects.requireNonNull(settings, "settings").signingSecret());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String body = SlackRequests.body(req);
        if (body == null) {
            SlackRequests.plain(resp, 413, "Request body too large");
        } else if (!SlackRequests.signed(signatures, req, body, System.currentTimeMillis())) {
            SlackRequests.json(resp, 401, "{\"error\":\"invalid request\"}");
        } else {
            SlackRequests.json(resp, 200, ANSWER);
        }
    }
}
