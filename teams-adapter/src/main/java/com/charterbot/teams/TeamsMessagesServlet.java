package com.charterbot.teams;

import com.auth0.jwt.JWT;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Serialization;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bot Framework messaging endpoint ({@code POST /api/messages}).
 *
 * <ul>
 *   <li>A body over the size cap: 413. Not JSON, not an activity, or without the fields the bot
 *       needs ({@code type}, {@code serviceUrl}, {@code conversation.id}, and {@code from.id} for a
 *       message): 400 with a one-line reason. Timestamps without fractional seconds are accepted
 *       (see {@link ActivityJson}).
 *   <li>The activity goes through {@link BotFrameworkHttpAdapter#processIncomingActivity}, which
 *       validates the {@code Authorization} token when an app id is configured: any failure there
 *       (no token, bad signature, wrong audience or issuer, {@code serviceurl} claim mismatch,
 *       expired, or without {@code exp}) is 401. A service URL off the allow-list or a tenant other
 *       than the registration's (checked after authentication) is 403. With authentication off
 *       (no app id: the Bot Framework Emulator), only requests from this machine are served (403
 *       otherwise), and the allow-list still applies.
 *   <li>An invoke's response is returned with its status and JSON body; other activities get 200
 *       with no body, a message (or an edit) as soon as it is accepted, before its answer is sent
 *       (see {@link TeamsBot}). Anything unexpected is 500 with a short text, never a stack trace.
 * </ul>
 *
 * <p>Logs say what happened (status, activity type, failure kind), never the token, the body or
 * the conversation reference.
 */
public final class TeamsMessagesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TeamsMessagesServlet.class);

    /** The default body size cap: Teams activities are a few KB, cards submitted back a few more. */
    public static final int DEFAULT_MAX_BODY_BYTES = 256 * 1024;

    private final transient BotFrameworkHttpAdapter adapter;
    private final transient TeamsSettings settings;
    private final transient Bot bot;
    private final int maxBodyBytes;

    public TeamsMessagesServlet(TeamsAdapter adapter, TeamsBot bot, int maxBodyBytes) {
        this.adapter = Objects.requireNonNull(adapter, "adapter").botFramework();
        this.settings = adapter.settings();
        this.bot = Objects.requireNonNull(bot, "bot");
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!settings.authenticationEnabled() && !loopback(request.getRemoteAddr())) {
            // Without authentication anyone could claim any identity: only the machine itself (the Emulator) is served.
            LOG.info("Teams request refused (403): authentication is off and the request is not from this machine");
            plain(response, HttpServletResponse.SC_FORBIDDEN, "forbidden");
            return;
        }
        if (settings.authenticationEnabled() && withoutExpiry(request.getHeader("Authorization"))) {
            // The SDK accepts a token without exp, which would then never expire.
            LOG.info("Teams request refused (401): token without expiry");
            plain(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized");
            return;
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            plain(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "request body too large");
            return;
        }
        byte[] body = read(request.getInputStream());
        if (body == null) {
            plain(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "request body too large");
            return;
        }
        ActivityJson.Parsed parsed = ActivityJson.parse(new String(body, StandardCharsets.UTF_8));
        if (parsed instanceof ActivityJson.Parsed.Unreadable unreadable) {
            LOG.info("Teams request refused (400): {}", unreadable.problem());
            plain(response, HttpServletResponse.SC_BAD_REQUEST, unreadable.problem());
            return;
        }
        Activity activity = ((ActivityJson.Parsed.Read) parsed).activity();
        String missing = missingField(activity);
        if (missing != null) {
            LOG.info("Teams request refused (400): activity without {}", missing);
            plain(response, HttpServletResponse.SC_BAD_REQUEST, "activity without " + missing);
            return;
        }
        AtomicBoolean turnStarted = new AtomicBoolean();
        Bot tracked = turn -> {
            turnStarted.set(true);
            return bot.onTurn(turn);
        };
        InvokeResponse invoke;
        try {
            invoke = adapter.processIncomingActivity(request.getHeader("Authorization"), activity, tracked)
                    .join();
        } catch (RuntimeException e) {
            fail(response, activity, e, turnStarted.get());
            return;
        }
        if (invoke == null) {
            response.setStatus(HttpServletResponse.SC_OK);
            return;
        }
        response.setStatus(invoke.getStatus());
        if (invoke.getBody() != null) {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(Serialization.toString(invoke.getBody()));
        }
    }

    private void fail(HttpServletResponse response, Activity activity, RuntimeException error, boolean turnStarted)
            throws IOException {
        Throwable cause = ConnectorErrors.unwrap(error);
        ActivityRefusedException refused = ConnectorErrors.find(cause, ActivityRefusedException.class);
        if (refused != null) {
            LOG.warn("Teams request refused (403): {}", refused.getMessage());
            plain(response, HttpServletResponse.SC_FORBIDDEN, "forbidden");
        } else if (!turnStarted
                && (ConnectorErrors.find(cause, AuthenticationException.class) != null
                        || ConnectorErrors.find(cause, JWTVerificationException.class) != null)) {
            // JWTVerificationException also covers tokens that do not even decode.
            LOG.info("Teams request refused (401): {}", cause.getClass().getSimpleName());
            plain(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized");
        } else if (!turnStarted && ConnectorErrors.find(cause, IllegalArgumentException.class) != null) {
            LOG.info("Teams request refused (400): {}", cause.getClass().getSimpleName());
            plain(response, HttpServletResponse.SC_BAD_REQUEST, "invalid activity");
        } else {
            LOG.error("Teams activity of type {} failed", activity.getType(), cause);
            plain(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "internal error");
        }
    }

    /** Whether the request comes from this machine (the Bot Framework Emulator). */
    static boolean loopback(String remoteAddress) {
        if (remoteAddress == null) {
            return false;
        }
        String address = remoteAddress.startsWith("[") && remoteAddress.endsWith("]")
                ? remoteAddress.substring(1, remoteAddress.length() - 1)
                : remoteAddress;
        return address.startsWith("127.") || address.equals("::1") || address.equals("0:0:0:0:0:0:0:1");
    }

    /** Whether the header carries a bearer token that decodes but has no {@code exp} claim. Anything else is the SDK's to judge. */
    static boolean withoutExpiry(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        try {
            return JWT.decode(authorization.substring(7).strip()).getExpiresAt() == null;
        } catch (JWTDecodeException notAToken) {
            return false;
        }
    }

    /** The first required field the activity lacks, or null. */
    static String missingField(Activity activity) {
        if (blank(activity.getType())) {
            return "type";
        }
        if (blank(activity.getServiceUrl())) {
            return "serviceUrl";
        }
        if (activity.getConversation() == null
                || blank(activity.getConversation().getId())) {
            return "conversation.id";
        }
        if (ActivityTypes.MESSAGE.equals(activity.getType())
                && (activity.getFrom() == null || blank(activity.getFrom().getId()))) {
            return "from.id";
        }
        return null;
    }

    /** The body, or null when it is over the cap. */
    private byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            if (out.size() + read > maxBodyBytes) {
                return null;
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static void plain(HttpServletResponse response, int status, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(text);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static String host(String url) {
        try {
            String host = java.net.URI.create(url.strip()).getHost();
            return host == null ? "(none)" : host;
        } catch (RuntimeException e) {
            return "(unreadable)";
        }
    }
}
