package com.charterbot.teams;

import com.charterbot.core.chat.PlatformApiErrors;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.Platform;
import com.charterbot.teams.Incoming.Scope;
import com.charterbot.teams.Incoming.Where;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationResourceResponse;
import com.microsoft.bot.schema.ResourceResponse;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import com.microsoft.bot.schema.teams.TenantInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the bot sends back to Teams within a turn, through the Bot Connector: replies as
 * Adaptive Cards where their {@link Reply.Delivery} says, card updates and deletions, and private
 * replies in the person's personal chat with the bot.
 *
 * <p>A call the connector throttles (429, 412) is retried with back-off within the turn, as
 * {@link TeamsBot.ReplyRetry} says: the wait doubles from its first one, with jitter, and honours a
 * 429's {@code Retry-After}, never beyond the longest wait. 5xx are already retried by the SDK. A
 * call that still fails is logged without content, each failed try is counted with
 * {@link PlatformApiErrors}, and nothing here throws: the turn goes on with the next reply.
 */
final class TeamsOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsOutbox.class);

    /** Waits between two tries; {@link #SYSTEM} sleeps the calling thread, tests pass one that only records. */
    @FunctionalInterface
    interface Sleeper {
        /** Sleeps the thread. */
        Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }

    private final AdaptiveCardRenderer renderer;
    private final TeamsFiles files;
    private final PlatformApiErrors apiErrors;
    private final TeamsBot.ReplyRetry retry;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Object randomLock = new Object();

    /** {@code random} draws the jitter of the waits; it is used under a lock, so any generator will do. */
    TeamsOutbox(
            AdaptiveCardRenderer renderer,
            TeamsFiles files,
            PlatformApiErrors apiErrors,
            TeamsBot.ReplyRetry retry,
            Sleeper sleeper,
            RandomGenerator random) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.files = Objects.requireNonNull(files, "files");
        this.apiErrors = Objects.requireNonNull(apiErrors, "apiErrors");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Sends a reply where its delivery says, with its files' consent cards; the id of what was sent in
     * the conversation itself, if anything was.
     *
     * <ul>
     *   <li>{@link Reply.Delivery#CONVERSATION}: in the conversation, in the thread of the message in a channel.
     *   <li>{@link Reply.Delivery#REPLACE_ORIGINAL}: the card whose button was clicked is updated in place.
     *   <li>{@link Reply.Delivery#PRIVATE}: Teams has no ephemeral messages. In a personal chat the reply
     *       is sent there; elsewhere a reply with a {@link Reply#view() view} (a quiz) is posted in the
     *       conversation and shown to the person as it stands for them through a card refresh
     *       (user-specific views), and any other goes to the person's personal chat with the bot
     *       ({@link #sendPrivately}), never to the channel: a channel quiz promises that only the
     *       person sees their verdict.
     * </ul>
     */
    Optional<String> deliver(TurnContext turn, Where where, Reply reply) {
        Activity card = withFiles(card(reply), reply);
        switch (reply.delivery()) {
            case CONVERSATION -> {
                return send(turn, card);
            }
            case REPLACE_ORIGINAL -> replaceOrSend(turn, turn.getActivity(), card);
            case PRIVATE -> {
                if (where.scope() == Scope.PERSONAL) {
                    return send(turn, card);
                } else if (reply.view().isPresent() && turn.getActivity().getFrom() != null) {
                    // Teams has no private messages, but a card everyone sees can show one person their own
                    // state: their client fetches the reply's view (a quiz they are taking) in place.
                    String person = turn.getActivity().getFrom().getId();
                    ObjectNode theirs = renderer.card(reply, List.of(person), true);
                    send(turn, AdaptiveCardRenderer.message(theirs, reply.fallbackText()));
                } else {
                    sendPrivately(turn, where, card);
                }
            }
        }
        return Optional.empty();
    }

    /** Sends a card in the conversation; the id Teams gave it, if any. */
    Optional<String> send(TurnContext turn, Activity card) {
        ResourceResponse sent = call("send a reply", () -> turn.sendActivity(card));
        return sent == null || sent.getId() == null || sent.getId().isBlank()
                ? Optional.empty()
                : Optional.of(sent.getId());
    }

    /** Puts the card in place of the one whose button was clicked, or sends it when there is none. */
    void replaceOrSend(TurnContext turn, Activity clicked, Activity card) {
        String cardId = clicked.getReplyToId();
        if (cardId == null || cardId.isBlank()) {
            send(turn, card);
            return;
        }
        update(turn, cardId, card, "update a card");
    }

    /** Puts the card in place of the activity {@code id}; {@code what} names the call in the log. */
    void update(TurnContext turn, String id, Activity card, String what) {
        card.setId(id);
        call(what, () -> turn.updateActivity(card));
    }

    /** Deletes an activity the bot sent; {@code what} names the call in the log. */
    void delete(TurnContext turn, String id, String what) {
        call(what, () -> turn.deleteActivity(id));
    }

    /**
     * Sends to the person's personal chat with the bot, or in the conversation when it is one; the
     * personal chat is created through the connector, which a team installation allows.
     */
    void sendPrivately(TurnContext turn, Where where, Activity card) {
        if (where.scope() == Scope.PERSONAL) {
            send(turn, card);
            return;
        }
        Activity activity = turn.getActivity();
        ConnectorClient connector = turn.getTurnState().get(BotFrameworkAdapter.CONNECTOR_CLIENT_KEY);
        if (connector == null
                || activity.getFrom() == null
                || activity.getFrom().getId() == null) {
            LOG.warn("Teams private reply not delivered: no connector or no sender");
            return;
        }
        ConversationParameters parameters = new ConversationParameters();
        parameters.setIsGroup(false);
        parameters.setBot(activity.getRecipient());
        parameters.setMembers(List.of(new ChannelAccount(activity.getFrom().getId())));
        parameters.setTenantId(where.tenant());
        TeamsChannelData channelData = new TeamsChannelData();
        channelData.setTenant(new TenantInfo(where.tenant()));
        parameters.setChannelData(channelData);
        ConversationResourceResponse created =
                call("open a personal chat", () -> connector.getConversations().createConversation(parameters));
        if (created == null || created.getId() == null) {
            return;
        }
        card.setConversation(new ConversationAccount(created.getId()));
        card.setFrom(activity.getRecipient());
        card.setChannelId(activity.getChannelId());
        card.setServiceUrl(activity.getServiceUrl());
        call("send a private reply", () -> connector.getConversations().sendToConversation(created.getId(), card));
    }

    /** The reply as a message carrying its card. */
    Activity card(Reply reply) {
        return AdaptiveCardRenderer.message(renderer.card(reply), reply.fallbackText());
    }

    /**
     * The card with a file consent card after it for each file of the reply: files reach a person
     * only once they accept them ({@link TeamsFiles}). Replies with files are private, so the card
     * lands in the person's personal chat, the only place Teams offers file consent.
     */
    Activity withFiles(Activity card, Reply reply) {
        List<Attachment> consent = files.consentCards(reply);
        if (!consent.isEmpty()) {
            List<Attachment> attachments = new ArrayList<>(card.getAttachments());
            attachments.addAll(consent);
            card.setAttachments(attachments);
        }
        return card;
    }

    /**
     * Runs one connector call, retrying it after a 429 or 412 with back-off; returns null and logs
     * (status only) when it still fails.
     */
    private <T> T call(String what, Supplier<CompletableFuture<T>> request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return request.get().join();
            } catch (RuntimeException e) {
                OptionalInt status = ConnectorErrors.status(e);
                apiErrors.count(Platform.TEAMS, ConnectorErrors.label(e));
                boolean throttled = status.isPresent() && (status.getAsInt() == 429 || status.getAsInt() == 412);
                if (!throttled || attempt >= retry.attempts()) {
                    LOG.warn(
                            "Teams: could not {} ({}, attempt {} of {})",
                            what,
                            ConnectorErrors.describe(e),
                            attempt,
                            retry.attempts());
                    return null;
                }
                if (!pause(wait(e, attempt))) {
                    return null;
                }
            }
        }
    }

    /**
     * The wait after a throttled try: half to all of the first wait doubled per try before it, or the
     * 429's {@code Retry-After} when longer, never beyond the longest wait.
     */
    private Duration wait(Throwable error, int attempt) {
        long base = retry.firstWait().toMillis() << Math.min(attempt - 1, 10);
        long jitter;
        synchronized (randomLock) {
            jitter = random.nextLong(base / 2 + 1);
        }
        long jittered = base / 2 + jitter;
        long asked = ConnectorErrors.status(error).orElse(0) == 429
                ? ConnectorErrors.retryAfter(error).toMillis()
                : 0;
        return Duration.ofMillis(
                Math.min(Math.max(jittered, asked), retry.maxWait().toMillis()));
    }

    /** Waits; false when the thread was interrupted, which ends the retries (the flag is set again). */
    private boolean pause(Duration wait) {
        try {
            sleeper.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
