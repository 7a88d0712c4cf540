package com.charterbot.slack;

import com.charterbot.core.chat.PlatformApiErrors;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.Platform;
import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the adapter sends to Slack after it acknowledged a request: Web API calls, each with
 * the token of the workspace it is for ({@link WorkspaceBot}), and {@code response_url} posts. A failure (HTTP 429 or 5xx, a timeout, an {@code ok: false}) is
 * logged without secrets, counted with {@link PlatformApiErrors} and reported as {@code false}; nothing here throws, so a failed post can
 * never break a handler thread or reach Bolt. Nothing is retried: a reply that could not be posted
 * a few seconds after the question is better lost than late.
 */
final class SlackOutbox {

    private static final Logger log = LoggerFactory.getLogger(SlackOutbox.class);

    /** Hosts Slack's {@code response_url}s point at; anything else is not followed. */
    private static final Set<String> RESPONSE_URL_HOSTS = Set.of("hooks.slack.com", "hooks.slack-gov.com");

    private final Slack slack;
    private final BlockKitRenderer renderer;
    private final Redaction redaction;
    private final URI apiUrl;
    private final Gson gson;
    private final PlatformApiErrors apiErrors;

    SlackOutbox(
            Slack slack, BlockKitRenderer renderer, Redaction redaction, String apiUrl, PlatformApiErrors apiErrors) {
        this.slack = Objects.requireNonNull(slack, "slack");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.redaction = Objects.requireNonNull(redaction, "redaction");
        this.apiUrl = URI.create(apiUrl);
        this.gson = GsonFactory.createSnakeCase(slack.getConfig());
        this.apiErrors = Objects.requireNonNull(apiErrors, "apiErrors");
    }

    /** The Web API as this workspace's bot. */
    MethodsClient methods(WorkspaceBot bot) {
        return slack.methods(bot.token());
    }

    /** {@code chat.postMessage}, in the thread when {@code threadTs} is set. */
    boolean postMessage(WorkspaceBot bot, String channel, String threadTs, Reply reply) {
        return ok(
                "chat.postMessage",
                () -> methods(bot)
                        .chatPostMessage(r -> r.channel(channel)
                                .threadTs(threadTs)
                                .blocks(renderer.render(reply))
                                .text(renderer.fallbackText(reply))));
    }

    /** {@code chat.postMessage} like {@link #postMessage}, giving back the posted message's {@code ts} when Slack answered one. */
    Optional<String> post(WorkspaceBot bot, String channel, String threadTs, Reply reply) {
        return call(
                        "chat.postMessage",
                        () -> methods(bot)
                                .chatPostMessage(r -> r.channel(channel)
                                        .threadTs(threadTs)
                                        .blocks(renderer.render(reply))
                                        .text(renderer.fallbackText(reply))))
                .map(ChatPostMessageResponse::getTs)
                .filter(ts -> !ts.isBlank());
    }

    /** {@code chat.update} of a message the bot posted, with a reply in its place. */
    boolean update(WorkspaceBot bot, String channel, String ts, Reply reply) {
        return ok(
                "chat.update",
                () -> methods(bot)
                        .chatUpdate(r -> r.channel(channel)
                                .ts(ts)
                                .blocks(renderer.render(reply))
                                .text(renderer.fallbackText(reply))));
    }

    /** {@code chat.postMessage} of a bare text (a refusal from the core that comes without a reply). */
    boolean postText(WorkspaceBot bot, String channel, String text) {
        return ok(
                "chat.postMessage",
                () -> methods(bot)
                        .chatPostMessage(r -> r.channel(channel)
                                .blocks(renderer.renderText(text))
                                .text(BlockKitRenderer.escape(text))));
    }

    /** {@code chat.postEphemeral}: only {@code user} sees it, in the thread when {@code threadTs} is set. */
    boolean postEphemeral(WorkspaceBot bot, String channel, String user, String threadTs, Reply reply) {
        return ok(
                "chat.postEphemeral",
                () -> methods(bot)
                        .chatPostEphemeral(r -> r.channel(channel)
                                .user(user)
                                .threadTs(threadTs)
                                .blocks(renderer.render(reply))
                                .text(renderer.fallbackText(reply))));
    }

    /** {@code views.publish} of a person's App Home. */
    boolean publishHome(WorkspaceBot bot, String userId, View view) {
        return ok(
                "views.publish",
                () -> methods(bot).viewsPublish(r -> r.userId(userId).view(view)));
    }

    /** {@code views.open} of a modal, within the 3 seconds the trigger id lives. */
    boolean openView(WorkspaceBot bot, String triggerId, View view) {
        return ok(
                "views.open",
                () -> methods(bot).viewsOpen(r -> r.triggerId(triggerId).view(view)));
    }

    /** The channel's name from {@code conversations.info}, or empty when Slack does not tell (missing scope, error). */
    Optional<String> channelName(WorkspaceBot bot, String channel) {
        return call("conversations.info", () -> methods(bot).conversationsInfo(r -> r.channel(channel)))
                .map(ConversationsInfoResponse::getChannel)
                .map(found -> found.getName());
    }

    /**
     * Posts a JSON body ({@code ActionResponse}, {@code SlashCommandResponse}) to a {@code response_url};
     * only Slack's hooks hosts (and the Web API's host, for stand-ins) are followed.
     */
    boolean respond(String responseUrl, Object body) {
        if (!isResponseUrl(responseUrl)) {
            log.warn("Ignored a response_url that does not point at Slack");
            return false;
        }
        try {
            WebhookResponse response = slack.send(responseUrl, gson.toJson(body));
            if (response.getCode() == null || response.getCode() != 200) {
                log.warn("Slack response_url answered HTTP {}", response.getCode());
                count(response.getCode() == null ? "other" : String.valueOf(response.getCode()));
                return false;
            }
            return true;
        } catch (IOException | RuntimeException e) {
            failed("response_url", e);
            return false;
        }
    }

    boolean isResponseUrl(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            if ("https".equalsIgnoreCase(uri.getScheme()) && RESPONSE_URL_HOSTS.contains(host)) {
                return uri.getRawUserInfo() == null;
            }
            return Objects.equals(uri.getScheme(), apiUrl.getScheme())
                    && host.equalsIgnoreCase(apiUrl.getHost())
                    && uri.getPort() == apiUrl.getPort()
                    && uri.getRawUserInfo() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    @FunctionalInterface
    interface ApiCall<T extends SlackApiTextResponse> {
        T call() throws IOException, SlackApiException;
    }

    private boolean ok(String method, ApiCall<?> call) {
        return call(method, call).isPresent();
    }

    /** Runs one Web API call: its response when Slack answered {@code ok: true}, else empty. Logs every failure, masked. */
    <T extends SlackApiTextResponse> Optional<T> call(String method, ApiCall<T> call) {
        try {
            T response = call.call();
            if (response == null) {
                log.warn("Slack {} gave no response", method);
                count("other");
                return Optional.empty();
            }
            if (!response.isOk()) {
                log.warn("Slack {} answered {}", method, redaction.mask(response.getError()));
                count(errorCode(response.getError()));
                return Optional.empty();
            }
            return Optional.of(response);
        } catch (SlackApiException e) {
            int status = e.getResponse() == null ? -1 : e.getResponse().code();
            String code = e.getError() == null ? "" : " " + e.getError().getError();
            String retryAfter = status == 429 && e.getResponse() != null
                    ? " (Retry-After " + e.getResponse().header("Retry-After") + ")"
                    : "";
            log.warn("Slack {} failed: HTTP {}{}{}", method, status, redaction.mask(code), redaction.mask(retryAfter));
            count(status < 0 ? "other" : String.valueOf(status));
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            failed(method, e);
            return Optional.empty();
        }
    }

    /** Logs (masked) and counts a call that got no answer: a timeout, a network error, anything else. */
    private void failed(String method, Exception e) {
        if (e instanceof InterruptedIOException) {
            log.warn("Slack {} timed out: {}", method, redaction.describe(e));
            count("timeout");
        } else if (e instanceof IOException) {
            log.warn("Slack {} failed: network error {}", method, redaction.describe(e));
            count("network");
        } else {
            log.warn("Slack {} failed: {}", method, redaction.describe(e));
            count("other");
        }
    }

    /** A Slack error code as a metric label: Slack's codes are short snake case; anything else is "other". */
    static String errorCode(String error) {
        String code = error == null ? "" : error.strip().toLowerCase(Locale.ROOT);
        return code.matches("[a-z][a-z0-9_]{0,49}") ? code : "other";
    }

    private void count(String status) {
        apiErrors.count(Platform.SLACK, status);
    }
}
