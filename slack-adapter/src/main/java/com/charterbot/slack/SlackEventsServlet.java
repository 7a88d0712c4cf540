package com.charterbot.slack;

import com.charterbot.core.chat.PlatformEvents;
import com.google.gson.JsonParseException;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.ServletAdapterOps;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's HTTP entry point, to map at {@code POST /slack/events} (slash command, interactivity and
 * Events API request URLs all point here).
 *
 * <p>Before Bolt sees a request: a body over 1 MiB (by {@code Content-Length} or as it arrives) is
 * answered 413; an unsigned, wrongly signed, stale or future-dated request is answered 401 (Bolt
 * checks again), so that nothing unauthenticated is even parsed. The one unsigned request answered
 * is Slack's exact SSL check ({@code ssl_check=1&token=...}): 200, and Bolt never sees it. A signed
 * payload of a type Bolt does not know ({@code app_rate_limited}...) is acknowledged with 200
 * ({@link UnroutedPayloads}). A payload Bolt cannot read is answered 400, and
 * any failure 500 with a short body: never a stack trace. The body is read from the input stream
 * as UTF-8, never through {@code getParameter()}, which would consume it.
 */
public class SlackEventsServlet extends SlackAppServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(SlackEventsServlet.class);

    private final transient App app;
    private final transient SlackRequestParser parser;
    private final transient SlackSignature.Generator signatures;
    private final transient Redaction redaction;
    private final transient UnroutedPayloads unrouted;

    public SlackEventsServlet(SlackBot bot) {
        this(Objects.requireNonNull(bot, "bot").app(), bot.platformEvents());
    }

    public SlackEventsServlet(App app) {
        this(app, PlatformEvents.NONE);
    }

    private SlackEventsServlet(App app, PlatformEvents platformEvents) {
        super(Objects.requireNonNull(app, "app"));
        this.unrouted = new UnroutedPayloads(platformEvents);
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        String secret = app.config().getSigningSecret();
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException(
                    "the Slack app has no signing secret: HTTP requests could not be verified");
        }
        this.signatures = new Utf8SignatureGenerator(secret);
        this.redaction = new Redaction(secret, app.config().getSingleTeamBotToken());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            String body = SlackRequests.body(req);
            if (body == null) {
                SlackRequests.plain(resp, 413, "Request body too large");
                return;
            }
            if (!SlackRequests.signed(signatures, req, body, System.currentTimeMillis())) {
                if (SlackRequests.sslCheck(body)) {
                    // Slack's unsigned SSL check needs only a 200; it never reaches Bolt.
                    resp.setStatus(200);
                } else {
                    SlackRequests.json(resp, 401, "{\"error\":\"invalid request\"}");
                }
                return;
            }
            if (unrouted.handled(body)) {
                SlackRequests.plain(resp, 200, "");
                return;
            }
            Request<?> slackRequest = parse(req, body);
            if (slackRequest == null) {
                SlackRequests.plain(resp, 400, "Invalid request");
                return;
            }
            Response slackResponse = app.run(slackRequest);
            SlackRequests.write(resp, slackResponse);
        } catch (Exception e) {
            failed(resp, e);
        }
    }

    /** The request as Bolt reads it; null when the signed body cannot be read at all (a bad percent-escape, broken JSON...). */
    private Request<?> parse(HttpServletRequest req, String body) {
        SlackRequestParser.HttpRequest raw = SlackRequestParser.HttpRequest.builder()
                .requestUri(req.getRequestURI())
                .queryString(QueryStringParser.toMap(req.getQueryString()))
                .headers(new RequestHeaders(ServletAdapterOps.toHeaderMap(req)))
                .requestBody(body)
                .remoteAddress(req.getRemoteAddr())
                .build();
        try {
            return parser.parse(raw);
        } catch (RuntimeException unreadable) {
            // Whatever Bolt's parser throws on a malformed body is the sender's fault: 400, never 500.
            log.info("Unreadable Slack request: {}", unreadable.getClass().getSimpleName());
            return null;
        }
    }

    /**
     * Whether Bolt's handlers or Gson threw this while {@code app.run} read a parsed payload of the
     * wrong shape: the sender's fault, answered 400. {@code RequestSecurityTest} sends each shape.
     */
    static boolean sendersFault(Exception e) {
        return e instanceof JsonParseException // not JSON at all
                || e instanceof IllegalStateException // an array or a primitive where Gson reads another kind
                || e instanceof NullPointerException // a field Bolt needs is missing
                || e instanceof ClassCastException // a value of another type where Bolt casts
                || e instanceof UnsupportedOperationException // an object where Gson reads a string
                || e instanceof NumberFormatException; // a number that is not one
    }

    private void failed(HttpServletResponse resp, Exception e) throws IOException {
        if (resp.isCommitted()) {
            return;
        }
        resp.reset();
        if (sendersFault(e)) {
            log.info("Unreadable Slack request: {}", e.getClass().getSimpleName());
            SlackRequests.plain(resp, 400, "Invalid request");
        } else {
            log.error("Slack request failed: {}", redaction.describe(e));
            SlackRequests.json(resp, 500, "{\"error\":\"internal error\"}");
        }
    }
}
