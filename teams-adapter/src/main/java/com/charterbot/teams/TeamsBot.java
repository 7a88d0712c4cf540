package com.charterbot.teams;

import com.charterbot.core.chat.Converse;
import com.charterbot.core.chat.PlatformApiErrors;
import com.charterbot.core.chat.RepliedMessages;
import com.charterbot.core.chat.SeenEvents;
import com.charterbot.core.home.ShowHome;
import com.charterbot.core.nudge.ChannelMembership;
import com.charterbot.core.nudge.EditNudges;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Message;
import com.charterbot.teams.Incoming.Scope;
import com.charterbot.teams.Incoming.Where;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Teams bot: refuses an activity from a service URL or tenant it does not serve, then hands each
 * one to the core through the class that translates its kind, and sends the core's replies back as
 * Adaptive Cards. It holds no conversation logic of its own.
 *
 * <ul>
 *   <li><b>Messages.</b> In a personal chat every text is a {@link Message.Origin#DIRECT} message;
 *       in team channels and group chats Teams only delivers messages that mention the bot, which
 *       become {@link Message.Origin#MENTION} messages with the mention removed ({@link Incoming}
 *       reads where, who, the text, pictures and language). A message carrying an
 *       {@code Action.Submit}'s data is a button click ({@link Interactions}). Teams gets its 200
 *       once the activity is accepted (authenticated, from a served URL and tenant); the answer and
 *       its replies follow on a thread of {@link AfterAcknowledgement}, as do edits'.
 *   <li><b>Edits.</b> A {@code messageUpdate} of a message the bot answered is answered again, in
 *       place of the earlier reply ({@link RepliedMessages} keeps the ids, not the text).
 *   <li><b>Invokes.</b> Buttons ({@code Action.Execute}), accepted files and the message action
 *       "Check with the charter" are {@link Interactions}'; other invokes get their contract's answer
 *       from {@link Invokes}.
 *   <li><b>Installation.</b> Conversation and installation updates: {@link InstallationUpdates}. The
 *       reference of a channel or group chat is also refreshed on every message there
 *       ({@link SavedReferences}), so nudges can reach any channel the bot spoke in.
 *   <li><b>Replies.</b> Where each goes, and the retries of a throttled one: {@link TeamsOutbox}.
 *   <li><b>Repeats.</b> A message or click Teams delivers twice (same activity id) is handled once
 *       ({@link SeenEvents}); a second answer to a quiz question changes nothing (the core ignores it).
 * </ul>
 *
 * <p>Thread-safe: it keeps no per-conversation state.
 */
public final class TeamsBot implements Bot, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsBot.class);

    /** Longest text passed to the core; the core itself refuses questions over its own, smaller limit. */
    static final int MAX_TEXT = 20_000;

    /** The invoke of an {@code Action.Execute} (Universal Actions), and of a card's refresh. */
    static final String CARD_ACTION = "adaptiveCard/action";
    /** How many message turns run at once after their acknowledgement ({@link AfterAcknowledgement}). */
    static final int TURN_THREADS = 16;
    /** How many more wait before a request runs its own turn. */
    static final int TURN_QUEUE = 2_000;
    /** How long putting an accepted file in the person's OneDrive may take; Teams waits about 15 s for the invoke's answer. */
    static final Duration FILE_UPLOAD_TIMEOUT = Duration.ofSeconds(10);

    /**
     * What the bot works with.
     *
     * @param home shows a person's page when the bot is installed in a personal scope; may be absent
     * @param apiErrors told of each error the Bot Connector answers to a reply (every failed try)
     * @param replies which reply answered which message, so that an edited question's answer replaces it
     */
    public record Parts(
            Converse converse,
            ChannelMembership membership,
            EditNudges editNudges,
            SeenEvents seenEvents,
            Optional<ShowHome> home,
            ConversationReferences references,
            Clock clock,
            PlatformApiErrors apiErrors,
            RepliedMessages replies) {

        public Parts {
            Objects.requireNonNull(converse, "converse");
            Objects.requireNonNull(membership, "membership");
            Objects.requireNonNull(editNudges, "editNudges");
            Objects.requireNonNull(seenEvents, "seenEvents");
            Objects.requireNonNull(home, "home");
            Objects.requireNonNull(references, "references");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(apiErrors, "apiErrors");
            Objects.requireNonNull(replies, "replies");
        }
    }

    /**
     * How a throttled reply is retried within the turn. A message's turn runs after Teams got its
     * 200; an invoke's answer waits for it, and Teams waits about 15 s for that answer.
     *
     * @param attempts tries per reply, the first included
     * @param firstWait the wait before the second try; it doubles after each, with jitter
     * @param maxWait the longest single wait, whatever the connector's {@code Retry-After}
     */
    public record ReplyRetry(int attempts, Duration firstWait, Duration maxWait) {
        public static final ReplyRetry DEFAULT = new ReplyRetry(3, Duration.ofMillis(500), Duration.ofSeconds(2));

        public ReplyRetry {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be at least 1");
            }
            Objects.requireNonNull(firstWait, "firstWait");
            Objects.requireNonNull(maxWait, "maxWait");
        }
    }

    private final Parts parts;
    private final TeamsSettings settings;
    private final TeamsOutbox outbox;
    private final SavedReferences references;
    private final Interactions interactions;
    private final InstallationUpdates installations;
    private final AfterAcknowledgement later =
            new AfterAcknowledgement(TURN_THREADS, TURN_QUEUE, Duration.ofSeconds(10));

    public TeamsBot(Parts parts, TeamsSettings settings, AdaptiveCardRenderer renderer, ReplyRetry retry) {
        this(parts, settings, renderer, retry, TeamsOutbox.Sleeper.SYSTEM, new SplittableRandom());
    }

    /**
     * @param sleeper waits between two tries of a throttled reply
     * @param random draws the jitter of those waits
     */
    TeamsBot(
            Parts parts,
            TeamsSettings settings,
            AdaptiveCardRenderer renderer,
            ReplyRetry retry,
            TeamsOutbox.Sleeper sleeper,
            RandomGenerator random) {
        this.parts = Objects.requireNonNull(parts, "parts");
        this.settings = Objects.requireNonNull(settings, "settings");
        TeamsFiles files = new TeamsFiles(settings, FILE_UPLOAD_TIMEOUT);
        this.outbox = new TeamsOutbox(renderer, files, parts.apiErrors(), retry, sleeper, random);
        this.references = new SavedReferences(parts.references(), parts.clock());
        NudgeFormCard form = new NudgeFormCard(parts.editNudges(), renderer, outbox);
        this.interactions = new Interactions(parts.converse(), settings, form, files, renderer, outbox);
        this.installations = new InstallationUpdates(parts.membership(), parts.home(), references, outbox);
    }

    @Override
    public CompletableFuture<Void> onTurn(TurnContext turn) {
        Activity activity = turn.getActivity();
        if (!settings.allowsServiceUrl(activity.getServiceUrl())) {
            // Whatever the authentication mode (the token's serviceurl claim matched, or there is no token): the bot
            // never sends off the allow-list, so it refuses before any reply.
            return CompletableFuture.failedFuture(
                    ActivityRefusedException.serviceUrl(TeamsMessagesServlet.host(activity.getServiceUrl())));
        }
        if (!settings.allowsTenant(Incoming.tenants(activity))) {
            return CompletableFuture.failedFuture(ActivityRefusedException.tenant());
        }
        String type = activity.getType();
        try {
            if (ActivityTypes.MESSAGE.equals(type)) {
                later.run("message", () -> onMessage(turn, activity));
            } else if (ActivityTypes.CONVERSATION_UPDATE.equals(type)) {
                installations.onConversationUpdate(turn, activity, where(activity));
            } else if (ActivityTypes.INSTALLATION_UPDATE.equals(type)) {
                installations.onInstallationUpdate(turn, activity, where(activity));
            } else if (ActivityTypes.INVOKE.equals(type)) {
                onInvoke(turn, activity);
            } else if (ActivityTypes.MESSAGE_UPDATE.equals(type)) {
                later.run("message update", () -> onMessageUpdate(turn, activity));
            } else {
                LOG.debug("Teams activity of type {} ignored", type);
            }
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Whether no message turn is waiting or running after its acknowledgement. */
    public boolean idle() {
        return later.idle();
    }

    /** Lets the message turns already acknowledged finish (up to 10 s). */
    @Override
    public void close() {
        later.close();
    }

    // ----- messages -----

    private void onMessage(TurnContext turn, Activity activity) {
        Where where = where(activity);
        if (!firstTime(activity)) {
            LOG.debug("Teams activity delivered again, ignored");
            return;
        }
        references.refresh(activity, where);
        JsonNode value = Incoming.value(activity);
        if (value instanceof ObjectNode data
                && data.path(AdaptiveCardRenderer.DATA_ACTION_ID).isTextual()) {
            interactions.onSubmit(turn, activity, where, data);
            return;
        }
        String text = Incoming.text(activity, MAX_TEXT);
        boolean remembered = false;
        for (Reply reply : parts.converse().onMessage(message(activity, where, text))) {
            Optional<String> sent = outbox.deliver(turn, where, reply);
            if (!remembered && sent.isPresent()) {
                parts.replies()
                        .remember(
                                where.conversation(),
                                activity.getId(),
                                sent.get(),
                                parts.clock().instant());
                remembered = true;
            }
        }
    }

    private Message message(Activity activity, Where where, String text) {
        Message.Origin origin = where.scope() == Scope.PERSONAL ? Message.Origin.DIRECT : Message.Origin.MENTION;
        return new Message(
                Incoming.user(activity, where),
                where.conversation(),
                text,
                origin,
                Incoming.admin(activity),
                Incoming.language(activity),
                Incoming.hasImage(activity));
    }

    /**
     * An edited message the bot answered less than {@link RepliedMessages#KEPT} ago: the new text is
     * answered in place of the earlier reply (its first reply shown in the conversation; the others
     * follow). Edits of messages the bot did not answer, and restored messages, are ignored.
     */
    private void onMessageUpdate(TurnContext turn, Activity activity) {
        Where where = where(activity);
        String event = Incoming.eventType(activity);
        if (!event.equals("editMessage")
                || activity.getFrom() == null
                || activity.getFrom().getId() == null
                || activity.getId() == null) {
            LOG.debug("Teams message update ({}) ignored", event.isEmpty() ? "no event type" : event);
            return;
        }
        Optional<String> earlier = parts.replies()
                .replyTo(where.conversation(), activity.getId(), parts.clock().instant());
        if (earlier.isEmpty()) {
            LOG.debug("Teams edit of a message without a known reply, ignored");
            return;
        }
        boolean replaced = false;
        for (Reply reply : parts.converse().onMessage(message(activity, where, Incoming.text(activity, MAX_TEXT)))) {
            if (!replaced && (reply.delivery() != Reply.Delivery.PRIVATE || where.scope() == Scope.PERSONAL)) {
                outbox.update(turn, earlier.get(), outbox.card(reply), "update a reply");
                replaced = true;
            } else {
                outbox.deliver(turn, where, reply);
            }
        }
    }

    // ----- invokes -----

    private void onInvoke(TurnContext turn, Activity activity) {
        boolean sender = activity.getFrom() != null && activity.getFrom().getId() != null;
        InvokeResponse response;
        if (CARD_ACTION.equals(activity.getName()) && sender) {
            response = interactions.onCardAction(turn, activity);
        } else if (TeamsFiles.CONSENT_INVOKE.equals(activity.getName()) && sender) {
            response = interactions.onFileConsent(turn, activity);
        } else if (DraftActions.handles(activity) && sender) {
            response = interactions.onCheckAction(activity);
        } else {
            response = Invokes.answer(
                    activity.getName(), Incoming.language(activity).orElse(Language.EN));
        }
        Activity answer = new Activity(ActivityTypes.INVOKE_RESPONSE);
        answer.setValue(response);
        turn.sendActivity(answer).join();
    }

    // ----- reading and repeats -----

    private Where where(Activity activity) {
        return Incoming.where(activity, settings.tenantId());
    }

    private boolean firstTime(Activity activity) {
        String id = activity.getId();
        if (id == null || id.isBlank()) {
            return true;
        }
        // Teams activity ids are unique within a conversation only.
        String key = "teams:" + sha256(activity.getConversation().getId()).substring(0, 32) + ":"
                + (id.length() > 120 ? sha256(id) : id);
        try {
            return parts.seenEvents().firstTime(key, parts.clock().instant());
        } catch (RuntimeException e) {
            // Better twice than never: the store is down (Teams already has its 200), so answer anyway.
            LOG.warn(
                    "Could not record a Teams activity as seen: {}",
                    e.getClass().getSimpleName());
            return true;
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
