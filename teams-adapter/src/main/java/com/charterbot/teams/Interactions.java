package com.charterbot.teams;

import com.charterbot.core.chat.Converse;
import com.charterbot.core.i18n.Messages;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Button;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ActionEvent;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Message;
import com.charterbot.core.values.UserRef;
import com.charterbot.teams.Incoming.Scope;
import com.charterbot.teams.Incoming.Where;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Clicks on the bot's cards, an accepted file and the message action, translated into the core's
 * {@link ActionEvent}s and draft {@link Message}s, the answers laid out for Teams.
 *
 * <ul>
 *   <li>{@code Action.Execute} (Universal Actions, the bot's buttons): an {@code adaptiveCard/action}
 *       invoke answered with the card the person sees from now on ({@link #onCardAction}).
 *   <li>{@code Action.Submit}: a message carrying the button's data (the nudge form, and clients
 *       without Universal Actions). A click's private reply is the card Teams shows only to the
 *       clicking person; a button of a card meant for one person but shown to everyone answers in
 *       that person's personal chat.
 *   <li>{@link ActionIds#NUDGES_EDIT} and the nudge form's own buttons: {@link NudgeFormCard}.
 *   <li>A file consent card accepted: the file uploaded where Teams says ({@link TeamsFiles}).
 *   <li>The message action "Check with the charter" ({@link DraftActions}): the findings in a dialog.
 * </ul>
 */
final class Interactions {

    private static final String CARD_RESPONSE_TYPE = "application/vnd.microsoft.card.adaptive";
    private static final String MESSAGE_RESPONSE_TYPE = "application/vnd.microsoft.activity.message";

    private final Converse converse;
    private final TeamsSettings settings;
    private final NudgeFormCard form;
    private final TeamsFiles files;
    private final AdaptiveCardRenderer renderer;
    private final TeamsOutbox outbox;

    Interactions(
            Converse converse,
            TeamsSettings settings,
            NudgeFormCard form,
            TeamsFiles files,
            AdaptiveCardRenderer renderer,
            TeamsOutbox outbox) {
        this.converse = Objects.requireNonNull(converse, "converse");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.form = Objects.requireNonNull(form, "form");
        this.files = Objects.requireNonNull(files, "files");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /** An {@code Action.Submit}'s data, delivered as a message. */
    void onSubmit(TurnContext turn, Activity activity, Where where, ObjectNode data) {
        String actionId = data.path(AdaptiveCardRenderer.DATA_ACTION_ID).asText();
        String value = data.path(AdaptiveCardRenderer.DATA_VALUE).isTextual()
                ? data.path(AdaptiveCardRenderer.DATA_VALUE).asText()
                : "";
        // A button of a card shown to everyone but meant for one person (a client without Universal Actions):
        // what replaces that card goes to the person's own chat, not to everyone.
        boolean personalCard =
                data.path(AdaptiveCardRenderer.DATA_PERSONAL).asBoolean(false) && where.scope() != Scope.PERSONAL;
        UserRef user = Incoming.user(activity, where);
        switch (actionId) {
            case ActionIds.NUDGES_EDIT -> form.open(turn, activity, where, user, value);
            case AdaptiveCardRenderer.FORM_SUBMIT -> form.submit(turn, activity, where, user, value, data);
            case AdaptiveCardRenderer.FORM_CANCEL -> form.close(turn, activity);
            default -> {
                ActionEvent click = new ActionEvent(
                        user,
                        where.conversation(),
                        actionId,
                        value,
                        Incoming.admin(activity),
                        Incoming.language(activity),
                        Incoming.name(activity),
                        Incoming.inputs(data));
                for (Reply reply : converse.onAction(click)) {
                    if (personalCard && reply.delivery() != Reply.Delivery.CONVERSATION) {
                        outbox.sendPrivately(turn, where, outbox.withFiles(outbox.card(reply), reply));
                    } else {
                        outbox.deliver(turn, where, reply);
                    }
                }
            }
        }
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
    InvokeResponse onCardAction(TurnContext turn, Activity activity) {
        Where where = Incoming.where(activity, settings.tenantId());
        JsonNode value = Incoming.value(activity);
        JsonNode action = value == null ? null : value.path("action");
        JsonNode data = action == null ? null : action.path("data");
        String actionId =
                data != null && data.path(AdaptiveCardRenderer.DATA_ACTION_ID).isTextual()
                        ? data.path(AdaptiveCardRenderer.DATA_ACTION_ID).asText()
                        : action == null ? "" : action.path("verb").asText("");
        String clickValue =
                data != null && data.path(AdaptiveCardRenderer.DATA_VALUE).isTextual()
                        ? data.path(AdaptiveCardRenderer.DATA_VALUE).asText()
                        : "";
        boolean personalCard =
                data != null && data.path(AdaptiveCardRenderer.DATA_PERSONAL).asBoolean(false);
        boolean refresh =
                value != null && "automatic".equals(value.path("trigger").asText());
        boolean shared = where.scope() != Scope.PERSONAL;
        String person = activity.getFrom().getId();
        UserRef user = Incoming.user(activity, where);
        if (ActionIds.NUDGES_EDIT.equals(actionId)) {
            return messageResponse(
                    form.open(turn, activity, where, user, clickValue).orElse(""));
        }
        ActionEvent click = new ActionEvent(
                user,
                where.conversation(),
                actionId,
                clickValue,
                Incoming.admin(activity),
                Incoming.language(activity),
                Incoming.name(activity),
                Incoming.inputs(data));
        List<Reply> replies = converse.onAction(click);
        boolean continues = replies.stream().anyMatch(reply -> reply.delivery() == Reply.Delivery.REPLACE_ORIGINAL);
        List<Reply> mine = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Reply reply : replies) {
            switch (reply.delivery()) {
                case CONVERSATION -> {
                    if (!refresh) {
                        outbox.send(turn, outbox.card(reply));
                    }
                }
                case REPLACE_ORIGINAL -> {
                    mine.add(reply);
                    if (!refresh && shared && !personalCard && activity.getReplyToId() != null) {
                        ObjectNode shown = renderer.card(reply, List.of(person), false);
                        Activity everyone = AdaptiveCardRenderer.message(shown, reply.fallbackText());
                        outbox.update(turn, activity.getReplyToId(), everyone, "update a card");
                    }
                }
                case PRIVATE -> {
                    if (continues || refresh) {
                        mine.add(reply);
                    } else if (reply.blocks().stream().allMatch(Block.Text.class::isInstance)) {
                        notes.add(reply.fallbackText());
                    } else if (!shared) {
                        outbox.send(turn, outbox.card(reply));
                    } else if (reply.view().isPresent()) {
                        outbox.deliver(turn, where, reply);
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
        boolean personal =
                shared && (personalCard || mine.stream().anyMatch(reply -> reply.delivery() == Reply.Delivery.PRIVATE));
        ObjectNode content = renderer.card(combined, List.of(person), personal);
        if (!refresh && !shared && activity.getReplyToId() != null) {
            // In a personal chat the card is the person's: keep it as they see it on every device.
            Activity updated = AdaptiveCardRenderer.message(content, combined.fallbackText());
            outbox.update(turn, activity.getReplyToId(), updated, "update a card");
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
    InvokeResponse onFileConsent(TurnContext turn, Activity activity) {
        Optional<TeamsFiles.Accepted> accepted = TeamsFiles.accepted(Incoming.value(activity));
        if (accepted.isEmpty()) {
            return Invokes.answer(
                    activity.getName(), Incoming.language(activity).orElse(Language.EN));
        }
        Where where = Incoming.where(activity, settings.tenantId());
        ActionEvent click = new ActionEvent(
                Incoming.user(activity, where),
                where.conversation(),
                accepted.get().actionId(),
                accepted.get().value(),
                Incoming.admin(activity),
                Incoming.language(activity));
        List<Reply> replies = converse.onAction(click);
        Optional<Block.File> file = TeamsFiles.file(replies);
        if (file.isEmpty()) {
            replies.forEach(reply -> outbox.deliver(turn, where, reply));
        } else if (files.upload(accepted.get(), file.get())) {
            outbox.send(turn, TeamsFiles.fileCard(accepted.get()));
        }
        return new InvokeResponse(HttpURLConnection.HTTP_OK, null);
    }

    /**
     * The message action "Check with the charter": the chosen message checked as a draft, the
     * findings shown in a dialog only the person sees. Without a message (the compose box), the
     * contract's "not offered here".
     */
    InvokeResponse onCheckAction(Activity activity) {
        Optional<DraftActions.Shared> shared = DraftActions.shared(activity, TeamsBot.MAX_TEXT);
        Optional<Language> language = Incoming.language(activity);
        if (shared.isEmpty()) {
            return Invokes.answer(activity.getName(), language.orElse(Language.EN));
        }
        Where where = Incoming.where(activity, settings.tenantId());
        Message draft = new Message(
                Incoming.user(activity, where),
                where.conversation(),
                shared.get().text(),
                Message.Origin.COMMAND,
                Incoming.admin(activity),
                language,
                shared.get().media());
        List<Reply> replies = converse.onDraft(draft);
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
        Optional<Button> view = Optional.empty();
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
}
