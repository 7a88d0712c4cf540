package com.charterbot.teams;

import com.charterbot.core.nudge.ChannelMessenger;
import com.charterbot.core.nudge.ChannelState;
import com.charterbot.core.nudge.SendOutcome;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.Platform;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Serialization;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts scheduled nudges (tips, channel micro-quizzes) into Teams channels and group chats with
 * {@code continueConversation} and the reference {@link ConversationReferences} kept for them.
 *
 * <p>Before any request the stored reference's service URL must be on the allow-list of
 * {@link TeamsSettings}: the SDK attaches the bot's token to whatever URL it is given.
 *
 * <p>Outcomes:
 * <ul>
 *   <li>2xx: {@link SendOutcome.Sent}.
 *   <li>HTTP 429: {@link SendOutcome.RateLimited} with the {@code Retry-After} seconds, 1 s when the
 *       header is missing or unreadable (the SDK neither retries 429 nor reads the header).
 *   <li>No answer within {@link TeamsAdapter#CONNECTOR_READ_TIMEOUT} to a request the connector
 *       received whole: {@link SendOutcome.Unconfirmed}; the connector most likely posted it, so it
 *       is not posted again.
 *   <li>HTTP 412, 408, 5xx (502, 504...; the SDK already retried 5xx three times), other 4xx,
 *       network errors, other timeouts, token failures: {@link SendOutcome.Transient}.
 *   <li>HTTP 401, 403 (the bot was removed from the team or chat, or blocked), 404 (the
 *       conversation is gone), no stored reference, an unreadable reference or a service URL off
 *       the allow-list: {@link SendOutcome.Permanent}.
 * </ul>
 *
 * <p>Never throws. Outcome texts hold neither tokens nor conversation ids nor message content.
 * Thread-safe: the adapter and the store are.
 */
public final class TeamsChannelMessenger implements ChannelMessenger {

    /**
     * How long one send may take in all (token, connection, the SDK's retries of 5xx, each call's
     * read timeout) before it counts as a {@link SendOutcome.Transient} timeout; a send stuck
     * outside any HTTP call, the token service for one, ends here.
     */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);

    private final BotFrameworkAdapter adapter;
    private final TeamsSettings settings;
    private final ConversationReferences references;
    private final AdaptiveCardRenderer renderer;
    private final Duration timeout;

    public TeamsChannelMessenger(
            TeamsAdapter adapter, ConversationReferences references, AdaptiveCardRenderer renderer, Duration timeout) {
        this.adapter = Objects.requireNonNull(adapter, "adapter").botFramework();
        this.settings = adapter.settings();
        this.references = Objects.requireNonNull(references, "references");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public SendOutcome send(ChannelState channel, Reply reply) {
        try {
            if (channel.channel().platform() != Platform.TEAMS) {
                return new SendOutcome.Permanent("not a Teams channel");
            }
            Optional<StoredReference> stored = references.find(channel.channel());
            if (stored.isEmpty()) {
                return new SendOutcome.Permanent("no conversation reference");
            }
            ConversationReference reference = read(stored.get().json());
            if (reference == null || reference.getConversation() == null || reference.getServiceUrl() == null) {
                return new SendOutcome.Permanent("unreadable conversation reference");
            }
            if (!settings.allowsServiceUrl(reference.getServiceUrl())) {
                return new SendOutcome.Permanent("service URL not on the allow-list");
            }
            Activity card = card(reply);
            adapter.continueConversation(
                            settings.appId(),
                            reference,
                            turn -> turn.sendActivity(card).thenApply(sent -> null))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new SendOutcome.Sent();
        } catch (TimeoutException e) {
            return new SendOutcome.Transient("timeout");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendOutcome.Transient("interrupted");
        } catch (ExecutionException | RuntimeException e) {
            return outcome(e);
        }
    }

    private static SendOutcome outcome(Throwable error) {
        if (UnansweredCalls.requestWasSent(error)
                && ConnectorErrors.find(error, InterruptedIOException.class) != null) {
            return new SendOutcome.Unconfirmed("timeout after the request was sent");
        }
        OptionalInt status = ConnectorErrors.status(error);
        if (status.isEmpty()) {
            return new SendOutcome.Transient(ConnectorErrors.describe(error));
        }
        int code = status.getAsInt();
        if (code == 429) {
            return new SendOutcome.RateLimited(ConnectorErrors.retryAfter(error));
        }
        if (code == 401 || code == 403 || code == 404) {
            return new SendOutcome.Permanent("HTTP " + code);
        }
        return new SendOutcome.Transient("HTTP " + code);
    }

    private static ConversationReference read(String json) {
        try {
            return Serialization.treeToValue(Serialization.jsonToTree(json), ConversationReference.class);
        } catch (Exception e) {
            return null;
        }
    }

    private Activity card(Reply reply) {
        return AdaptiveCardRenderer.message(renderer.card(reply), reply.fallbackText());
    }

    @Override
    public String toString() {
        return "TeamsChannelMessenger[continueConversation]";
    }
}
