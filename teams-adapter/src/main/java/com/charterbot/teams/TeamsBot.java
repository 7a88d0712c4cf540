package com.charterbot.teams;

import com.charterbot.core.chat.Converse;
import com.charterbot.core.chat.PlatformApiErrors;
import com.charterbot.core.chat.RepliedMessages;
import com.charterbot.core.chat.SeenEvents;
import com.charterbot.core.home.ShowHome;
import com.charterbot.core.i18n.Messages;
import com.charterbot.core.nudge.ChannelMembership;
import com.charterbot.core.nudge.EditNudges;
import com.charterbot.core.nudge.NudgeForm;
import com.charterbot.core.nudge.NudgeFormOutcome;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.reply.TaggedValue;
import com.charterbot.core.values.ActionEvent;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Message;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.ConversationResourceResponse;
import com.microsoft.bot.schema.ResourceResponse;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import com.microsoft.bot.schema.teams.TenantInfo;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Teams bot: translates each activity into a call of the core and sends the core's replies back
 * as Adaptive Cards. It holds no conversation logic of its own.
 *
 * <ul>
 *   <li><b>Messages.</b> In a personal chat every text is a {@link Message.Origin#DIRECT} message;
 *       in team channels and group chats Teams only delivers messages that mention the bot, which
 *       become {@link Message.Origin#MENTION} messages with the mention removed ({@link Incoming}
 *       reads the text, pictures and language). A message carrying an
 *       {@code Action.Submit}'s data is a button click (the nudge form, and clients without
 *       Universal Actions).
 *   <li><b>Clicks.</b> Buttons are {@code Action.Execute}s: see {@link #onCardAction}. The message
 *       action "Check with the charter" is {@link DraftActions}'. Other invokes get their contract's
 *       answer from {@link Invokes}.
 *   <li><b>Files.</b> A reply's picture is an image in its card; a file (an export) is offered with a
 *       file consent card and uploaded once accepted ({@link TeamsFiles}, {@link #onFileConsent}).
 *   <li><b>Edits.</b> A {@code messageUpdate} of a message the bot answered is answered again, in
 *       place of the earlier reply ({@link RepliedMessages} keeps the ids, not the text).
 *   <li><b>Where replies go.</b> {@link Reply.Delivery#CONVERSATION}: in the conversation, in the
 *       thread of the message in a channel. {@link Reply.Delivery#REPLACE_ORIGINAL}: the card whose
 *       button was clicked is updated in place. {@link Reply.Delivery#PRIVATE}: Teams has no
 *       ephemeral messages; outside a personal chat a private reply with a {@link Reply#view() view}
 *       (a quiz) is posted in the conversation and shown to the person as it stands for them through
 *       a card refresh (user-specific views), a click's private reply is the card Teams shows only
 *       to the clicking person, and any other private reply goes to the person's personal chat with
 *       the bot (created through the connector; a team installation allows it), never to the
 *       channel: a channel quiz promises that only the person sees their verdict.
 *   <li><b>Installation.</b> When the bot is added to a team or group chat its conversation
 *       reference is saved and {@link ChannelMembership#joined} decides on a welcome; when it is
 *       removed the channel's nudges pause. The reference of a channel or group chat is also
 *       refreshed on every message there, so nudges can reach any channel the bot spoke in.
 *   <li><b>The nudge form.</b> {@link ActionIds#NUDGES_EDIT} opens {@link EditNudges}'s form as a
 *       card (privately); a submitted form is saved or shown again with its errors, in place.
 *   <li><b>Repeats.</b> A message or click Teams delivers twice (same activity id) is handled once
 *       ({@link SeenEvents}); a second answer to a quiz question changes nothing (the core ignores it).
 *   <li><b>Failures.</b> A reply the connector throttles (429, 412) is retried a few times with
 *       back-off within the request; 5xx are already retried by the SDK. A reply that still fails
 *       is logged without content and the turn goes on with the next reply.
 * </ul>
 *
 * <p>Thread-safe: it keeps no per-conversation state.
 */
public final class TeamsBot implements Bot {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsBot.class);

    /** Longest text passed to the core; the core itself refuses questions over its own, smaller limit. */
    static final int MAX_TEXT = 20_000;
    /** Most form fields read from a submission, and the longest value kept per field. */
    static final int MAX_FORM_FIELDS = 20;
    static final int MAX_FORM_VALUE = 2_000;

    /** The invoke of an {@code Action.Execute} (Universal Actions), and of a card's refresh. */
    static final String CARD_ACTION = "adaptiveCard/action";
    private static final String CARD_RESPONSE_TYPE = "application/vnd.microsoft.card.adaptive";
    private static final String MESSAGE_RESPONSE_TYPE = "application/vnd.microsoft.activity.message";
    /** How long putting an accepted file in the person's OneDrive may take; Teams waits about 15 s for the invoke's answer. */
    static final Duration FILE_UPLOAD_TIMEOUT = Duration.ofSeconds(10);

    /**
     * What the bot works with.
     *
     * @param home shows a person's page when the bot is installed in a personal scope; may be absent
     * @param apiErrors told of each error the Bot Connector answers to a reply (every failed try)
     * @param replies which reply answered which message, so that an edited question's answer replaces it
     */
    public record Parts(Converse converse, ChannelMembership membership, EditNudges editNudges, SeenEvents seenEvents,
            Optional<ShowHome> home, ConversationReferences references, Clock clock, PlatformApiErrors apiErrors,
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
     * How a throttled reply is retried within the request (Teams waits about 15 s for the answer).
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
    private final AdaptiveCardRenderer renderer;
    private final ReplyRetry retry;
    private final TeamsFiles files;

    public TeamsBot(Parts parts, TeamsSettings settings, AdaptiveCardRenderer renderer, ReplyRetry retry) {
        this.parts = Objects.requireNonNull(parts, "parts");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.files = new TeamsFiles(settings, FILE_UPLOAD_TIMEOUT);
    }

    @Override
    public CompletableFuture<Void> onTurn(TurnContext turn) {
        Activity activity = turn.getActivity();
        if (!settings.allowsServiceUrl(activity.getServiceUrl())) {
            // Whatever the authentication mode (the token's serviceurl claim matched, or there is no token): the bot
            // never sends off the allow-list, so it refuses before any reply.
            return CompletableFuture.failedFuture(ActivityRefusedException.serviceUrl(TeamsMessagesServlet.host(activity.getServiceUrl())));
        }
        if (!settings.allowsTenant(tenants(activity))) {
            return CompletableFuture.failedFuture(ActivityRefusedException.tenant());
        }
        String type = activity.getType();
        try {
            if (ActivityTypes.MESSAGE.equals(type)) {
                onMessage(turn, activity);
            } else if (ActivityTypes.CONVERSATION_UPDATE.equals(type)) {
                onConversationUpdate(turn, activity);
            } else if (ActivityTypes.INSTALLATION_UPDATE.equals(type)) {
                onInstallationUpdate(turn, activity);
            } else if (ActivityTypes.INVOKE.equals(type)) {
                onInvoke(turn, activity);
            } else if (ActivityTypes.MESSAGE_UPDATE.equals(type)) {
                onMessageUpdate(turn, activity);
            } else {
                LOG.debug("Teams activity of type {} ignored", type);
            }
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    // ----- messages and clicks -----

    private void onMessage(TurnContext turn, Activity activity) {
        Where where = where(activity);
        if (!firstTime(activity)) {
            LOG.debug("Teams activity delivered again, ignored");
            return;
        }
        refreshReference(activity, where, false);
        JsonNode value = activity.getValue() == null ? null : Serialization.objectToTree(activity.getValue());
        if (value instanceof ObjectNode data && data.path(AdaptiveCardRenderer.DATA_ACTION_ID).isTextual()) {
            onSubmit(turn, activity, where, data);
            return;
        }
        String text = text(activity);
        boolean remembered = false;
        for (Reply reply : parts.converse().onMessage(message(activity, where, text))) {
            Optional<String> sent = deliver(turn, where, reply);
            if (!remembered && sent.isPresent()) {
                parts.replies().remember(where.conversation(), activity.getId(), sent.get(), parts.clock().instant());
                remembered = true;
            }
        }
    }

    private Message message(Activity activity, Where where, String text) {
        Message.Origin origin = where.scope() == Scope.PERSONAL ? Message.Origin.DIRECT : Message.Origin.MENTION;
        return new Message(user(activity, where), where.conversation(), text, origin, admin(activity), language(activity),
                Incoming.hasImage(activity));
    }

    /**
     * An edited message the bot answered less than {@link RepliedMessages#KEPT} ago: the new text is
     * answered in place of the earlier reply (its first reply shown in the conversation; the others
     * follow). Edits of messages the bot did not answer, and restored messages, are ignored.
     */
    private void onMessageUpdate(TurnContext turn, Activity activity) {
        Where where = where(activity);
        TeamsChannelData data = channelData(activity);
        String event = data == null || data.getEventType() == null ? "" : data.getEventType();
        if (!event.equals("editMessage") || activity.getFrom() == null || activity.getFrom().getId() == null || activity.getId() == null) {
            LOG.debug("Teams message update ({}) ignored", event.isEmpty() ? "no event type" : event);
            return;
        }
        Optional<String> earlier = parts.replies().replyTo(where.conversation(), activity.getId(), parts.clock().instant());
        if (earlier.isEmpty()) {
            LOG.debug("Teams edit of a message without a known reply, ignored");
            return;
        }
        boolean replaced = false;
        for (Reply reply : parts.converse().onMessage(message(activity, where, text(activity)))) {
            if (!replaced && (reply.delivery() != Reply.Delivery.PRIVATE || where.scope() == Scope.PERSONAL)) {
                Activity card = card(renderer.card(reply), reply.fallbackText());
                card.setId(earlier.get());
                call("update a reply", () -> turn.updateActivity(card));
                replaced = true;
            } else {
                deliver(turn, where, reply);
            }
        }
    }

    private void onSubmit(TurnContext turn, Activity activity, Where where, ObjectNode data) {
        String actionId = data.path(AdaptiveCardRenderer.DATA_ACTION_ID).asText();
        String value = data.path(AdaptiveCardRenderer.DATA_VALUE).isTextual() ? data.path(AdaptiveCardRenderer.DATA_VALUE).asText() : "";
        // A button of a card shown to everyone but meant for one person (a client without Universal Actions):
        // what replaces that card goes to the person's own chat, not to everyone.
        boolean personalCard = data.path(AdaptiveCardRenderer.DATA_PERSONAL).asBoolean(false) && where.scope() != Scope.PERSONAL;
        UserRef user = user(activity, where);
        switch (actionId) {
            case ActionIds.NUDGES_EDIT -> openForm(turn, activity, where, user, value);
            case AdaptiveCardRenderer.FORM_SUBMIT -> submitForm(turn, activity, where, user, value, data);
            case AdaptiveCardRenderer.FORM_CANCEL -> closeForm(turn, activity);
            default -> {
                ActionEvent click = new ActionEvent(user, where.conversation(), actionId, value, admin(activity), language(activity),
                        name(activity), inputs(data));
                for (Reply reply : parts.converse().onAction(click)) {
                    if (personalCard && reply.delivery() != Reply.Delivery.CONVERSATION) {
                        sendPrivately(turn, where, withFiles(card(renderer.card(reply), reply.fallbackText()), reply));
                    } else {
                        deliver(turn, where, reply);
                    }
                }
            }
        }
    }

    /** Opens the nudge form in the person's chat; the form's title, or why there is none, for a Universal Action's answer. */
    private Optional<String> openForm(TurnContext turn, Activity activity, Where where, UserRef user, String value) {
        TaggedValue tagged = TaggedValue.read(value);
        String channelId = tagged.value();
        Optional<Language> language = tagged.language().or(() -> language(activity));
        if (channelId.isBlank()) {
            LOG.debug("Teams nudge form asked for no channel, ignored");
            return Optional.empty();
        }
        ChannelRef channel = new ChannelRef(Platform.TEAMS, where.tenant(), channelId);
        NudgeFormOutcome outcome = parts.editNudges().open(user, admin(activity), channel, language);
        if (outcome instanceof NudgeFormOutcome.Form form) {
            sendPrivately(turn, where, card(renderer.form(form.form(), Map.of()), form.form().title()));
            return Optional.of(form.form().title());
        } else if (outcome instanceof NudgeFormOutcome.Denied denied) {
            deliver(turn, where, textReply(denied.message(), language, Reply.Delivery.PRIVATE));
            return Optional.of(denied.message());
        }
        LOG.warn("Teams nudge form: unexpected outcome {} on open", outcome.getClass().getSimpleName());
        return Optional.empty();
    }

    private void submitForm(TurnContext turn, Activity activity, Where where, UserRef user, String channelId, ObjectNode data) {
        if (channelId.isBlank()) {
            LOG.debug("Teams nudge form submitted for no channel, ignored");
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = data.fields();
        while (fields.hasNext() && values.size() < MAX_FORM_FIELDS) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals(AdaptiveCardRenderer.DATA_ACTION_ID) || field.getKey().equals(AdaptiveCardRenderer.DATA_VALUE)
                    || !field.getValue().isValueNode()) {
                continue;
            }
            String text = field.getValue().asText();
            values.put(field.getKey(), text.length() > MAX_FORM_VALUE ? text.substring(0, MAX_FORM_VALUE) : text);
        }
        ChannelRef channel = new ChannelRef(Platform.TEAMS, where.tenant(), channelId);
        NudgeFormOutcome outcome = parts.editNudges().submit(user, admin(activity), channel, values, language(activity));
        Activity card;
        if (outcome instanceof NudgeFormOutcome.Saved saved) {
            card = card(renderer.card(saved.confirmation()), saved.confirmation().fallbackText());
        } else if (outcome instanceof NudgeFormOutcome.Rejected rejected) {
            card = card(renderer.form(rejected.form(), rejected.errors()), rejected.form().title());
        } else if (outcome instanceof NudgeFormOutcome.Denied denied) {
            Reply reply = textReply(denied.message(), language(activity), Reply.Delivery.REPLACE_ORIGINAL);
            card = card(renderer.card(reply), reply.fallbackText());
        } else {
            NudgeForm form = ((NudgeFormOutcome.Form) outcome).form();
            card = card(renderer.form(form, Map.of()), form.title());
        }
        replaceOrSend(turn, where, activity, card);
    }

    private void closeForm(TurnContext turn, Activity activity) {
        String cardId = activity.getReplyToId();
        if (cardId == null || cardId.isBlank()) {
            return;
        }
        call("delete the nudge form", () -> turn.deleteActivity(cardId));
    }

    // ----- Universal Actions and other invokes -----

    private void onInvoke(TurnContext turn, Activity activity) {
        boolean sender = activity.getFrom() != null && activity.getFrom().getId() != null;
        InvokeResponse response;
        if (CARD_ACTION.equals(activity.getName()) && sender) {
            response = onCardAction(turn, activity);
        } else if (TeamsFiles.CONSENT_INVOKE.equals(activity.getName()) && sender) {
            response = onFileConsent(turn, activity);
        } else if (DraftActions.handles(activity) && sender) {
            response = onCheckAction(activity);
        } else {
            response = Invokes.answer(activity.getName(), language(activity).orElse(Language.EN));
        }
        Activity answer = new Activity(ActivityTypes.INVOKE_RESPONSE);
        answer.setValue(response);
        turn.sendActivity(answer).join();
    }

    /**
     * A click on an {@code Action.Execute}, or a card's refresh ({@code trigger: automatic}), answered
     * with the card the person sees from now on; Teams shows that card to that person only.
     *
     * <ul>
     *   <li>What replaces the clicked card ({@link Reply.Delivery#REPLACE_ORIGINAL}) and what is private
     *       to the person ({@link Reply.Delivery#PRIVATE}) make one card, the answer: a channel quiz's
     *       verdict under its question, a personal quiz's feedback then its next question.
     *   <li>A card everyone sees is also updated for everyone (a channel quiz's tally), with a refresh
     *       for the person who clicked so their own view survives the update; a card that is one
     *       person's ({@code personal} in its data) and a personal chat's are not shared.
     *   <li>A private sentence alone ("thanks for your feedback") is the answer's message; the card
     *       stays. Another private reply that does not continue the clicked card is, in a personal chat,
     *       a new message; elsewhere a new card in the conversation shown to the person through its view
     *       (a new quiz), or, without a view, the answer in place of the clicked card (a charter section).
     *   <li>A refresh only answers: nothing is sent or updated.
     * </ul>
     */
    private InvokeResponse onCardAction(TurnContext turn, Activity activity) {
        Where where = where(activity);
        JsonNode value = activity.getValue() == null ? null : Serialization.objectToTree(activity.getValue());
        JsonNode action = value == null ? null : value.path("action");
        JsonNode data = action == null ? null : action.path("data");
        String actionId = data != null && data.path(AdaptiveCardRenderer.DATA_ACTION_ID).isTextual()
                ? data.path(AdaptiveCardRenderer.DATA_ACTION_ID).asText() : action == null ? "" : action.path("verb").asText("");
        String clickValue = data != null && data.path(AdaptiveCardRenderer.DATA_VALUE).isTextual()
                ? data.path(AdaptiveCardRenderer.DATA_VALUE).asText() : "";
        boolean personalCard = data != null && data.path(AdaptiveCardRenderer.DATA_PERSONAL).asBoolean(false);
        boolean refresh = value != null && "automatic".equals(value.path("trigger").asText());
        boolean shared = where.scope() != Scope.PERSONAL;
        String person = activity.getFrom().getId();
        UserRef user = user(activity, where);
        if (ActionIds.NUDGES_EDIT.equals(actionId)) {
            return messageResponse(openForm(turn, activity, where, user, clickValue).orElse(""));
        }
        ActionEvent click = new ActionEvent(user, where.conversation(), actionId, clickValue, admin(activity), language(activity),
                name(activity), inputs(data));
        List<Reply> replies = parts.converse().onAction(click);
        boolean continues = replies.stream().anyMatch(reply -> reply.delivery() == Reply.Delivery.REPLACE_ORIGINAL);
        List<Reply> mine = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Reply reply : replies) {
            switch (reply.delivery()) {
                case CONVERSATION -> {
                    if (!refresh) {
                        send(turn, card(renderer.card(reply), reply.fallbackText()));
                    }
                }
                case REPLACE_ORIGINAL -> {
                    mine.add(reply);
                    if (!refresh && shared && !personalCard && activity.getReplyToId() != null) {
                        Activity everyone = card(renderer.card(reply, List.of(person), false), reply.fallbackText());
                        everyone.setId(activity.getReplyToId());
                        call("update a card", () -> turn.updateActivity(everyone));
                    }
                }
                case PRIVATE -> {
                    if (continues || refresh) {
                        mine.add(reply);
                    } else if (reply.blocks().stream().allMatch(Block.Text.class::isInstance)) {
                        notes.add(reply.fallbackText());
                    } else if (!shared) {
                        send(turn, card(renderer.card(reply), reply.fallbackText()));
                    } else if (reply.view().isPresent()) {
                        deliver(turn, where, reply);
                    } else {
                        mine.add(reply);
                    }
                }
            }
        }
        if (mine.isEmpty()) {
            return messageResponse(String.join("\n", notes));
        }
        Reply combined = combined(mine);
        boolean personal = shared && (personalCard || mine.stream().anyMatch(reply -> reply.delivery() == Reply.Delivery.PRIVATE));
        ObjectNode content = renderer.card(combined, List.of(person), personal);
        if (!refresh && !shared && activity.getReplyToId() != null) {
            // In a personal chat the card is the person's: keep it as they see it on every device.
            Activity updated = card(content, combined.fallbackText());
            updated.setId(activity.getReplyToId());
            call("update a card", () -> turn.updateActivity(updated));
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("statusCode", HttpURLConnection.HTTP_OK);
        body.put("type", CARD_RESPONSE_TYPE);
        body.set("value", content);
        return new InvokeResponse(HttpURLConnection.HTTP_OK, body);
    }

    /**
     * A file consent card answered: when accepted, the core makes the file again (checking again that the
     * person may have it), the bot puts it where Teams said and posts the card that opens it; the core's
     * refusal, if it refuses, is delivered instead. A declined card, or one the bot did not send, gets the
     * empty answer only.
     */
    private InvokeResponse onFileConsent(TurnContext turn, Activity activity) {
        JsonNode value = activity.getValue() == null ? null : Serialization.objectToTree(activity.getValue());
        Optional<TeamsFiles.Accepted> accepted = TeamsFiles.accepted(value);
        if (accepted.isEmpty()) {
            return Invokes.answer(activity.getName(), language(activity).orElse(Language.EN));
        }
        Where where = where(activity);
        ActionEvent click = new ActionEvent(user(activity, where), where.conversation(), accepted.get().actionId(), accepted.get().value(),
                admin(activity), language(activity));
        List<Reply> replies = parts.converse().onAction(click);
        Optional<Block.File> file = TeamsFiles.file(replies);
        if (file.isEmpty()) {
            replies.forEach(reply -> deliver(turn, where, reply));
        } else if (files.upload(accepted.get(), file.get())) {
            send(turn, TeamsFiles.fileCard(accepted.get()));
        }
        return new InvokeResponse(HttpURLConnection.HTTP_OK, null);
    }

    /**
     * The message action "Check with the charter": the chosen message checked as a draft, the
     * findings shown in a dialog only the person sees. Without a message (the compose box), the
     * contract's "not offered here".
     */
    private InvokeResponse onCheckAction(Activity activity) {
        Optional<DraftActions.Shared> shared = DraftActions.shared(activity, MAX_TEXT);
        Optional<Language> language = language(activity);
        if (shared.isEmpty()) {
            return Invokes.answer(activity.getName(), language.orElse(Language.EN));
        }
        Where where = where(activity);
        Message draft = new Message(user(activity, where), where.conversation(), shared.get().text(), Message.Origin.COMMAND, admin(activity),
                language, shared.get().media());
        List<Reply> replies = parts.converse().onDraft(draft);
        if (replies.isEmpty()) {
            return Invokes.answer(activity.getName(), language.orElse(Language.EN));
        }
        Reply reply = combined(replies);
        return DraftActions.dialog(Messages.get(reply.language(), "check.action.title"), renderer.card(reply));
    }

    /** Several replies as one card: their blocks in order, the last view. */
    private static Reply combined(List<Reply> replies) {
        if (replies.size() == 1) {
            return replies.get(0);
        }
        List<Block> blocks = new ArrayList<>();
        List<String> text = new ArrayList<>();
        Optional<com.charterbot.core.reply.Button> view = Optional.empty();
        for (Reply reply : replies) {
            blocks.addAll(reply.blocks());
            text.add(reply.fallbackText());
            if (reply.view().isPresent()) {
                view = reply.view();
            }
        }
        Reply last = replies.get(replies.size() - 1);
        return new Reply(last.language(), Reply.Delivery.REPLACE_ORIGINAL, blocks, String.join("\n", text), view);
    }

    /** A Universal Action's answer that leaves the card as it is and shows a short message; an empty message shows nothing. */
    private static InvokeResponse messageResponse(String text) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("statusCode", HttpURLConnection.HTTP_OK);
        body.put("type", MESSAGE_RESPONSE_TYPE);
        body.put("value", AdaptiveCardRenderer.truncate(text, 1_000));
        return new InvokeResponse(HttpURLConnection.HTTP_OK, body);
    }

    // ----- installation and conversation updates -----

    private void onConversationUpdate(TurnContext turn, Activity activity) {
        Where where = where(activity);
        String botId = activity.getRecipient() == null ? null : activity.getRecipient().getId();
        if (contains(activity.getMembersAdded(), botId)) {
            installed(turn, activity, where, true);
        }
        if (contains(activity.getMembersRemoved(), botId)) {
            removed(where);
        }
        TeamsChannelData data = channelData(activity);
        String event = data == null || data.getEventType() == null ? "" : data.getEventType();
        String channelId = data == null || data.getChannel() == null || data.getChannel().getId() == null ? "" : data.getChannel().getId();
        ChannelRef channel = channelId.isBlank() ? null : new ChannelRef(Platform.TEAMS, where.tenant(), baseId(channelId));
        switch (event) {
            case "channelRenamed" -> {
                if (channel != null && data.getChannel().getName() != null) {
                    parts.membership().renamed(channel, data.getChannel().getName());
                }
            }
            case "channelDeleted" -> {
                if (channel != null) {
                    parts.membership().left(channel);
                    parts.references().forget(channel);
                }
            }
            case "teamArchived" -> parts.membership().archived(where.conversation());
            case "teamUnarchived" -> parts.membership().unarchived(where.conversation());
            case "teamDeleted", "teamHardDeleted" -> {
                parts.membership().left(where.conversation());
                parts.references().forget(where.conversation());
            }
            default -> { }
        }
    }

    private void onInstallationUpdate(TurnContext turn, Activity activity) {
        Where where = where(activity);
        String action = activity.getAction() == null ? "" : activity.getAction();
        if (action.equals("add") || action.equals("add-upgrade")) {
            // Teams also sends a conversation update on install: joined() welcomes once, and the
            // personal page is only shown for the conversation update.
            installed(turn, activity, where, false);
        } else if (action.equals("remove") || action.equals("remove-upgrade")) {
            removed(where);
        }
    }

    private void installed(TurnContext turn, Activity activity, Where where, boolean showHome) {
        if (where.scope() == Scope.PERSONAL) {
            if (showHome && parts.home().isPresent() && activity.getFrom() != null) {
                deliver(turn, where, parts.home().get().home(user(activity, where), admin(activity), language(activity)));
            }
            return;
        }
        refreshReference(activity, where, true);
        Optional<Reply> welcome = parts.membership().joined(where.conversation(), where.name(), language(activity));
        welcome.ifPresent(reply -> deliver(turn, where, reply));
    }

    private void removed(Where where) {
        if (where.scope() != Scope.PERSONAL) {
            parts.membership().left(where.conversation());
        }
    }

    // ----- replies -----

    /** Sends a reply where its delivery says; the id of what was sent in the conversation itself, if anything was. */
    private Optional<String> deliver(TurnContext turn, Where where, Reply reply) {
        Activity card = withFiles(card(renderer.card(reply), reply.fallbackText()), reply);
        switch (reply.delivery()) {
            case CONVERSATION -> {
                return send(turn, card);
            }
            case REPLACE_ORIGINAL -> replaceOrSend(turn, where, turn.getActivity(), card);
            case PRIVATE -> {
                if (where.scope() == Scope.PERSONAL) {
                    return send(turn, card);
                } else if (reply.view().isPresent() && turn.getActivity().getFrom() != null) {
                    // Teams has no private messages, but a card everyone sees can show one person their own
                    // state: their client fetches the reply's view (a quiz they are taking) in place.
                    String person = turn.getActivity().getFrom().getId();
                    send(turn, card(renderer.card(reply, List.of(person), true), reply.fallbackText()));
                } else {
                    sendPrivately(turn, where, card);
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> send(TurnContext turn, Activity card) {
        ResourceResponse sent = call("send a reply", () -> turn.sendActivity(card));
        return sent == null || sent.getId() == null || sent.getId().isBlank() ? Optional.empty() : Optional.of(sent.getId());
    }

    private void replaceOrSend(TurnContext turn, Where where, Activity clicked, Activity card) {
        String cardId = clicked.getReplyToId();
        if (cardId == null || cardId.isBlank()) {
            send(turn, card);
            return;
        }
        card.setId(cardId);
        call("update a card", () -> turn.updateActivity(card));
    }

    /** Sends to the person's personal chat with the bot, or in the conversation when it is one. */
    private void sendPrivately(TurnContext turn, Where where, Activity card) {
        if (where.scope() == Scope.PERSONAL) {
            send(turn, card);
            return;
        }
        Activity activity = turn.getActivity();
        ConnectorClient connector = turn.getTurnState().get(BotFrameworkAdapter.CONNECTOR_CLIENT_KEY);
        if (connector == null || activity.getFrom() == null || activity.getFrom().getId() == null) {
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
        ConversationResourceResponse created = call("open a personal chat",
                () -> connector.getConversations().createConversation(parameters));
        if (created == null || created.getId() == null) {
            return;
        }
        card.setConversation(new ConversationAccount(created.getId()));
        card.setFrom(activity.getRecipient());
        card.setChannelId(activity.getChannelId());
        card.setServiceUrl(activity.getServiceUrl());
        call("send a private reply", () -> connector.getConversations().sendToConversation(created.getId(), card));
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
                parts.apiErrors().count(Platform.TEAMS, ConnectorErrors.label(e));
                boolean throttled = status.isPresent() && (status.getAsInt() == 429 || status.getAsInt() == 412);
                if (!throttled || attempt >= retry.attempts()) {
                    LOG.warn("Teams: could not {} ({}, attempt {} of {})", what, ConnectorErrors.describe(e), attempt, retry.attempts());
                    return null;
                }
                if (!pause(wait(e, attempt))) {
                    return null;
                }
            }
        }
    }

    private Duration wait(Throwable error, int attempt) {
        long base = retry.firstWait().toMillis() << Math.min(attempt - 1, 10);
        long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        long asked = ConnectorErrors.status(error).orElse(0) == 429 ? ConnectorErrors.retryAfter(error).toMillis() : 0;
        return Duration.ofMillis(Math.min(Math.max(jittered, asked), retry.maxWait().toMillis()));
    }

    private static boolean pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Activity card(ObjectNode content, String summary) {
        return AdaptiveCardRenderer.message(content, summary);
    }

    /**
     * The card with a file consent card after it for each file of the reply: files reach a person
     * only once they accept them ({@link TeamsFiles}). Replies with files are private, so the card
     * lands in the person's personal chat, the only place Teams offers file consent.
     */
    private Activity withFiles(Activity card, Reply reply) {
        List<Attachment> consent = files.consentCards(reply);
        if (!consent.isEmpty()) {
            List<Attachment> attachments = new ArrayList<>(card.getAttachments());
            attachments.addAll(consent);
            card.setAttachments(attachments);
        }
        return card;
    }

    private static Reply textReply(String text, Optional<Language> language, Reply.Delivery delivery) {
        return Reply.of(language.orElse(Language.EN), delivery, List.of(new Block.Text(text.isBlank() ? "-" : text)));
    }

    // ----- references -----

    /** Saves the conversation's reference when it changed (or always, on install); personal chats are not kept. */
    private void refreshReference(Activity activity, Where where, boolean always) {
        if (where.scope() == Scope.PERSONAL || activity.getServiceUrl() == null) {
            return;
        }
        ConversationReference reference = new ConversationReference();
        reference.setChannelId(activity.getChannelId());
        reference.setServiceUrl(activity.getServiceUrl());
        ChannelAccount bot = activity.getRecipient() == null ? null : new ChannelAccount(activity.getRecipient().getId(), activity.getRecipient().getName());
        reference.setBot(bot);
        ConversationAccount conversation = new ConversationAccount();
        conversation.setId(where.conversation().channelId());
        conversation.setConversationType(where.scope() == Scope.CHANNEL ? "channel" : "groupChat");
        conversation.setIsGroup(true);
        conversation.setTenantId(where.tenant());
        reference.setConversation(conversation);
        String json = Serialization.toStringSilent(reference);
        if (json == null) {
            return;
        }
        StoredReference.Scope scope = where.scope() == Scope.CHANNEL ? StoredReference.Scope.CHANNEL : StoredReference.Scope.GROUP_CHAT;
        if (!always) {
            Optional<StoredReference> stored = parts.references().find(where.conversation());
            if (stored.isPresent() && stored.get().json().equals(json)) {
                return;
            }
        }
        parts.references().save(new StoredReference(where.conversation(), scope, activity.getServiceUrl(), json, parts.clock().instant()));
    }

    // ----- reading activities -----

    private enum Scope { PERSONAL, CHANNEL, GROUP_CHAT }

    /** Where an activity happened. {@code conversation} is the channel without a thread's {@code ;messageid=}. */
    private record Where(String tenant, ChannelRef conversation, Scope scope, String name) {}

    private Where where(Activity activity) {
        TeamsChannelData data = channelData(activity);
        ConversationAccount conversation = activity.getConversation();
        String tenant = firstText(conversation.getTenantId(),
                data == null || data.getTenant() == null ? null : data.getTenant().getId(),
                settings.tenantId(), "default");
        String type = conversation.getConversationType() == null ? "" : conversation.getConversationType();
        Scope scope;
        if (type.equals("channel") || data != null && data.getTeam() != null && !type.equals("personal") && !type.equals("groupChat")) {
            scope = Scope.CHANNEL;
        } else if (type.equals("groupChat") || !type.equals("personal") && conversation.isGroup()) {
            scope = Scope.GROUP_CHAT;
        } else {
            scope = Scope.PERSONAL;
        }
        String name = scope == Scope.CHANNEL && data != null && data.getTeam() != null && data.getTeam().getName() != null
                ? data.getTeam().getName()
                : conversation.getName() == null ? "" : conversation.getName();
        ChannelRef ref = new ChannelRef(Platform.TEAMS, tenant, baseId(conversation.getId()));
        return new Where(tenant, ref, scope, name);
    }

    /** The tenant ids an activity names (the conversation's and the channel data's), absent ones left out. */
    private static List<String> tenants(Activity activity) {
        TeamsChannelData data = channelData(activity);
        return java.util.stream.Stream.of(activity.getConversation() == null ? null : activity.getConversation().getTenantId(),
                        data == null || data.getTenant() == null ? null : data.getTenant().getId())
                .filter(id -> id != null && !id.isBlank())
                .map(String::strip)
                .toList();
    }

    private static String baseId(String conversationId) {
        int thread = conversationId.indexOf(";messageid=");
        return thread < 0 ? conversationId : conversationId.substring(0, thread);
    }

    /** The clicking person's name as Teams gives it, or empty. */
    private static String name(Activity activity) {
        return activity.getFrom() == null || activity.getFrom().getName() == null ? "" : activity.getFrom().getName();
    }

    /** What a person entered in a card's inputs: Teams merges them into the action's data, beside the bot's own keys. */
    static Map<String, String> inputs(JsonNode data) {
        Map<String, String> inputs = new java.util.LinkedHashMap<>();
        if (data == null || !data.isObject()) {
            return inputs;
        }
        data.properties().forEach(field -> {
            String key = field.getKey();
            if (field.getValue().isValueNode() && !key.equals(AdaptiveCardRenderer.DATA_ACTION_ID) && !key.equals(AdaptiveCardRenderer.DATA_VALUE)
                    && !key.equals(AdaptiveCardRenderer.DATA_PERSONAL) && inputs.size() < 20) {
                inputs.put(key, field.getValue().asText());
            }
        });
        return inputs;
    }

    private static UserRef user(Activity activity, Where where) {
        ChannelAccount from = activity.getFrom();
        String id = firstText(from.getAadObjectId(), from.getId());
        return new UserRef(Platform.TEAMS, where.tenant(), id);
    }

    /**
     * Whether the platform says the person is an administrator: never, for Teams. Activities do not
     * tell who owns a team; only Microsoft Graph does, with a resource-specific permission the bot
     * does not ask for. Charter administrators are configured by Entra object id
     * ({@code charter.admins.teams-user-ids}, {@code charter.teams.admin-user-ids}) in the core.
     */
    private static boolean admin(Activity activity) {
        return false;
    }

    private static Optional<Language> language(Activity activity) {
        return Incoming.language(activity);
    }

    /** The message's text without the bot's mention, markup and entities (see {@link Incoming#text}). */
    static String text(Activity activity) {
        return Incoming.text(activity, MAX_TEXT);
    }

    private boolean firstTime(Activity activity) {
        String id = activity.getId();
        if (id == null || id.isBlank()) {
            return true;
        }
        // Teams activity ids are unique within a conversation only.
        String key = "teams:" + sha256(activity.getConversation().getId()).substring(0, 32) + ":"
                + (id.length() > 120 ? sha256(id) : id);
        return parts.seenEvents().firstTime(key, parts.clock().instant());
    }

    private static TeamsChannelData channelData(Activity activity) {
        if (activity.getChannelData() == null) {
            return null;
        }
        return Serialization.getAs(activity.getChannelData(), TeamsChannelData.class);
    }

    private static boolean contains(List<ChannelAccount> members, String id) {
        if (members == null || id == null) {
            return false;
        }
        return members.stream().anyMatch(member -> member != null && id.equals(member.getId()));
    }

    private static String firstText(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return "";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
