package com.charterbot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.ServletAdapterOps;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OAuth flow's two pages, to map at {@value SlackSettings.Distribution#INSTALL_PATH} and
 * {@value SlackSettings.Distribution#REDIRECT_PATH}: what Bolt's {@code SlackOAuthAppServlet}
 * does (Bolt's own install and redirect handling, {@link SignedOAuthStates},
 * {@link Installations}), for GET only, with every answer uncacheable and unframeable, no referrer
 * leaving the redirect page (its address holds the one-time code), and no exception text or stack
 * trace in any answer: a query Bolt cannot read is a 400, a failure a 500 with a short page.
 */
public class SlackOAuthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(SlackOAuthServlet.class);
    private static final int MAX_QUERY = 4096;

    private final transient App app;
    private final transient SlackRequestParser parser;

    public SlackOAuthServlet(SlackBot bot) {
        Objects.requireNonNull(bot, "bot");
        if (!bot.settings().distributed()) {
            throw new IllegalArgumentException(
                    "the Slack bot is not installed through OAuth (it has one workspace's bot token)");
        }
        this.app = bot.app();
        this.parser = new SlackRequestParser(app.config());
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Referrer-Policy", "no-referrer");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader(
                "Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; form-action 'none'");
        try {
            String query = req.getQueryString();
            if (query != null && query.length() > MAX_QUERY) {
                SlackRequests.plain(resp, 414, "Request-URI too long");
                return;
            }
            Request<?> slackRequest = parse(req, query);
            if (slackRequest == null) {
                SlackRequests.plain(resp, 400, "Invalid request");
                return;
            }
            Response slackResponse = app.run(slackRequest);
            ServletAdapterOps.writeResponse(resp, slackResponse);
        } catch (Exception e) {
            log.error("Slack install page failed: {}", e.getClass().getSimpleName());
            if (!resp.isCommitted()) {
                resp.reset();
                resp.setHeader("Cache-Control", "no-store");
                SlackRequests.plain(
                        resp, 500, "The installation could not be handled. / L'installation n'a pas pu être traitée.");
            }
        }
    }

    private Request<?> parse(HttpServletRequest req, String query) {
        try {
            return parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(req.getRequestURI())
                    .queryString(QueryStringParser.toMap(query))
                    .headers(new RequestHeaders(ServletAdapterOps.toHeaderMap(req)))
                    .requestBody("")
                    .remoteAddress(req.getRemoteAddr())
                    .build());
        } catch (RuntimeException unreadable) {
            log.info(
                    "Unreadable Slack install request: {}",
                    unreadable.getClass().getSimpleName());
            return null;
        }
    }
}
