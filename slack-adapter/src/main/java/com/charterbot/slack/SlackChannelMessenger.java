package com.charterbot.slack;

import com.charterbot.core.nudge.ChannelMembershipService;
import com.charterbot.core.nudge.ChannelMessenger;
import com.charterbot.core.nudge.ChannelState;
import com.charterbot.core.nudge.SendOutcome;
import com.charterbot.core.reply.Reply;
import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.methods.Methods;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.RequestFormBuilder;
import com.slack.api.methods.SlackApiErrorResponse;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.util.http.SlackHttpClient;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Posts scheduled nudges into Slack channels with {@code chat.postMessage}, each with the token
 * of the installation serving the channel's workspace ({@link BotTokens}).
 *
 * <p>Outcomes:
 * <ul>
 *   <li>No installation serves the workspace (the app was uninstalled): {@link SendOutcome.Permanent}
 *       {@value ChannelMembershipService#REASON_UNINSTALLED}. The installations cannot be read:
 *       {@link SendOutcome.Transient}.
 *   <li>{@code ok: true}: {@link SendOutcome.Sent}.
 *   <li>HTTP 429: {@link SendOutcome.RateLimited} with the {@code Retry-After} seconds, 1 s when the
 *       header is missing or unreadable. A {@code ratelimited} error in a 200 body: 1 s.
 *   <li>Error codes that retrying cannot fix (see {@link #PERMANENT_ERRORS}): {@link SendOutcome.Permanent}
 *       with the code as reason.
 *   <li>A timeout after Slack received the whole request (waiting for its answer):
 *       {@link SendOutcome.Unconfirmed}; Slack most likely posted it, so it is not posted again.
 *   <li>Anything else (HTTP 5xx, other HTTP errors, network errors, timeouts before the request
 *       was sent whole, other error codes, unexpected exceptions): {@link SendOutcome.Transient}.
 * </ul>
 *
 * <p>Never throws. Outcome messages never contain the bot token (anything shaped like a Slack token
 * is masked) nor message content, and {@link #toString()} shows no credentials.
 *
 * <p>The post goes through the SDK's own form builder and HTTP client
 * ({@link MethodsClient#runPostFormWithToken}), but its answer is read with one {@link Gson} kept
 * here: {@code MethodsClient.chatPostMessage} builds a new {@code Gson} for every answer, so each
 * post paid again for Gson's reflective type adapters of the whole response model, which was
 * the largest CPU cost of a fan-out (measured with {@code bench/fanout}).
 *
 * <p>Thread-safe: the Slack {@link MethodsClient} and {@link Gson} are, and this class keeps no
 * mutable state.
 */
public final class SlackChannelMessenger implements ChannelMessenger {

    /** Slack error codes after which retrying the same post cannot succeed. */
    public static final Set<String> PERMANENT_ERRORS = Set.of(
            "channel_not_found",
            "not_in_channel",
            "is_archived",
            "account_inactive",
            "invalid_auth",
            "token_revoked",
            "missing_scope",
            "restricted_action",
            "channel_is_archived",
            "team_access_not_granted");

    /** Longest description kept in a {@link SendOutcome.Transient}. */
    static final int MAX_ERROR_LENGTH = 300;

    private static final Pattern SLACK_TOKEN = Pattern.compile("xox[a-zA-Z]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+");
    private static final String MASK = "[token]";

    /** A workspace's client and the token to post with. */
    private record Poster(MethodsClient client, String token) {}

    private final Function<String, Optional<Poster>> clients;
    private final Gson gson;
    private final BlockKitRenderer renderer;
    /** Masked out of every outcome message as well, whatever its shape; never shown. */
    private final String botToken;

    /**
     * Posts with this client; tokens of Slack's usual shapes are masked out of outcome messages.
     * Its timeouts are never told apart ({@link UnansweredCalls} is not on its HTTP client): all are
     * {@link SendOutcome.Transient}. For tests.
     */
    SlackChannelMessenger(MethodsClient methods, String botToken, BlockKitRenderer renderer) {
        this(
                team -> Optional.of(new Poster(Objects.requireNonNull(methods, "methods"), requireToken(botToken))),
                GsonFactory.createSnakeCase(),
                renderer,
                botToken);
    }

    /**
     * Posts with the bot token through this Slack's configuration and HTTP connections, its calls
     * watched by {@link UnansweredCalls}; the token is masked out of every outcome message.
     */
    public SlackChannelMessenger(Slack slack, String botToken, BlockKitRenderer renderer) {
        this(slack, BotTokens.fixed(requireToken(botToken)), renderer, botToken);
    }

    /** Posts with the token of whichever installation serves each channel's workspace, otherwise as above. */
    SlackChannelMessenger(Slack slack, BotTokens tokens, BlockKitRenderer renderer) {
        this(slack, tokens, renderer, null);
    }

    private SlackChannelMessenger(Slack slack, BotTokens tokens, BlockKitRenderer renderer, String botToken) {
        this(
                clients(watched(Objects.requireNonNull(slack, "slack")), Objects.requireNonNull(tokens, "tokens")),
                GsonFactory.createSnakeCase(slack.getConfig()),
                renderer,
                botToken);
    }

    private static Function<String, Optional<Poster>> clients(Slack slack, BotTokens tokens) {
        MethodsClient client = slack.methods();
        return team -> tokens.forWorkspace(team).map(bot -> new Poster(client, bot.token()));
    }

    /** The same Slack (configuration, connection pool, dispatcher), its calls watched by {@link UnansweredCalls}. */
    private static Slack watched(Slack slack) {
        OkHttpClient client = slack.getHttpClient()
                .getOkHttpClient()
                .newBuilder()
                .eventListenerFactory(UnansweredCalls.FACTORY)
                .build();
        return Slack.getInstance(slack.getConfig(), new SlackHttpClient(client));
    }

    private SlackChannelMessenger(
            Function<String, Optional<Poster>> clients, Gson gson, BlockKitRenderer renderer, String botToken) {
        this.clients = clients;
        this.gson = gson;
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.botToken = botToken;
    }

    private static String requireToken(String botToken) {
        if (botToken == null || botToken.isBlank()) {
            throw new IllegalArgumentException("a bot token is required");
        }
        return botToken;
    }

    @Override
    public SendOutcome send(ChannelState channel, Reply reply) {
        Optional<Poster> poster;
        try {
            poster = clients.apply(channel.channel().tenant());
        } catch (RuntimeException e) {
            return transientError("the workspace's installation could not be read: " + describe(e));
        }
        if (poster.isEmpty()) {
            return new SendOutcome.Permanent(ChannelMembershipService.REASON_UNINSTALLED);
        }
        try {
            ChatPostMessageRequest request = ChatPostMessageRequest.builder()
                    .channel(channel.channel().channelId())
                    .blocks(renderer.render(reply))
                    .text(renderer.fallbackText(reply))
                    .build();
            return outcome(post(poster.get(), request));
        } catch (SlackApiException e) {
            return outcome(e);
        } catch (InterruptedIOException e) {
            // SocketTimeoutException and okhttp's call timeout (InterruptedIOException "timeout").
            if (UnansweredCalls.requestWasSent(e)) {
                return new SendOutcome.Unconfirmed(
                        truncate(mask("timeout after the request was sent: " + describe(e))));
            }
            return transientError("timeout: " + describe(e));
        } catch (IOException e) {
            return transientError("network error: " + describe(e));
        } catch (RuntimeException e) {
            return transientError("unexpected error: " + describe(e));
        } catch (Exception e) {
            // MethodsClient declares only IOException and SlackApiException; kept for safety.
            return transientError("unexpected error: " + describe(e));
        }
    }

    /** What {@code chatPostMessage} does, minus its new Gson per answer (and its client metrics, not used here). */
    private ChatPostMessageResponse post(Poster poster, ChatPostMessageRequest request)
            throws IOException, SlackApiException {
        try (Response response = poster.client()
                .runPostFormWithToken(RequestFormBuilder.toForm(request), Methods.CHAT_POST_MESSAGE, poster.token())) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            if (!response.isSuccessful()) {
                throw new SlackApiException(response, text);
            }
            return gson.fromJson(text, ChatPostMessageResponse.class);
        }
    }

    private SendOutcome outcome(ChatPostMessageResponse response) {
        if (response == null) {
            return transientError("no response");
        }
        if (response.isOk()) {
            return new SendOutcome.Sent();
        }
        return errorCode(response.getError());
    }

    private SendOutcome outcome(SlackApiException e) {
        okhttp3.Response response = e.getResponse();
        int status = response == null ? -1 : response.code();
        if (status == 429) {
            return new SendOutcome.RateLimited(SendOutcome.RateLimited.retryAfter(response.header("Retry-After")));
        }
        SlackApiErrorResponse error = e.getError();
        String code = error == null ? null : error.getError();
        if (code != null && PERMANENT_ERRORS.contains(normalize(code))) {
            return new SendOutcome.Permanent(normalize(code));
        }
        String description = "HTTP " + status + (code == null || code.isBlank() ? "" : " " + code);
        return transientError(description);
    }

    private SendOutcome errorCode(String error) {
        if (error == null || error.isBlank()) {
            return transientError("error without a code");
        }
        String code = normalize(error);
        if (code.equals("ratelimited")) {
            return new SendOutcome.RateLimited(SendOutcome.RateLimited.DEFAULT_RETRY_AFTER);
        }
        if (PERMANENT_ERRORS.contains(code)) {
            return new SendOutcome.Permanent(code);
        }
        return transientError(code);
    }

    private static String normalize(String code) {
        return code.strip().toLowerCase(Locale.ROOT);
    }

    private SendOutcome.Transient transientError(String description) {
        return new SendOutcome.Transient(truncate(mask(description)));
    }

    private static String truncate(String description) {
        return description.length() > MAX_ERROR_LENGTH ? description.substring(0, MAX_ERROR_LENGTH) : description;
    }

    private String mask(String text) {
        String masked = text;
        if (botToken != null && !botToken.isEmpty()) {
            masked = masked.replace(botToken, MASK);
        }
        return SLACK_TOKEN.matcher(masked).replaceAll(MASK);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        String type = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message;
    }

    @Override
    public String toString() {
        return "SlackChannelMessenger[chat.postMessage]";
    }
}
