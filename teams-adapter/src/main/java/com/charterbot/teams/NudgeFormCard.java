package com.charterbot.teams;

import com.charterbot.core.nudge.EditNudges;
import com.charterbot.core.nudge.NudgeForm;
import com.charterbot.core.nudge.NudgeFormOutcome;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.reply.TaggedValue;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import com.charterbot.teams.Incoming.Where;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nudge form of {@link EditNudges} as a card: {@link ActionIds#NUDGES_EDIT} opens it privately
 * (in the person's personal chat), a submitted form is saved or shown again with its errors in
 * place of the form, and its cancel button deletes it. The channel's id, tagged with the form's
 * language, travels in the buttons' value; the core checks every value it gets back.
 */
final class NudgeFormCard {

    private static final Logger LOG = LoggerFactory.getLogger(NudgeFormCard.class);

    /** Most form fields read from a submission, and the longest value kept per field. */
    static final int MAX_FORM_FIELDS = 20;

    static final int MAX_FORM_VALUE = 2_000;

    private final EditNudges editNudges;
    private final AdaptiveCardRenderer renderer;
    private final TeamsOutbox outbox;

    NudgeFormCard(EditNudges editNudges, AdaptiveCardRenderer renderer, TeamsOutbox outbox) {
        this.editNudges = Objects.requireNonNull(editNudges, "editNudges");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /** Opens the nudge form in the person's chat; the form's title, or why there is none, for a Universal Action's answer. */
    Optional<String> open(TurnContext turn, Activity activity, Where where, UserRef user, String value) {
        TaggedValue tagged = TaggedValue.read(value);
        String channelId = tagged.value();
        Optional<Language> language = tagged.language().or(() -> Incoming.language(activity));
        if (channelId.isBlank()) {
            LOG.debug("Teams nudge form asked for no channel, ignored");
            return Optional.empty();
        }
        ChannelRef channel = new ChannelRef(Platform.TEAMS, where.tenant(), channelId);
        NudgeFormOutcome outcome = editNudges.open(user, Incoming.admin(activity), channel, language);
        if (outcome instanceof NudgeFormOutcome.Form form) {
            Activity card = AdaptiveCardRenderer.message(
                    renderer.form(form.form(), Map.of()), form.form().title());
            outbox.sendPrivately(turn, where, card);
            return Optional.of(form.form().title());
        } else if (outcome instanceof NudgeFormOutcome.Denied denied) {
            outbox.deliver(turn, where, textReply(denied.message(), language, Reply.Delivery.PRIVATE));
            return Optional.of(denied.message());
        }
        LOG.warn(
                "Teams nudge form: unexpected outcome {} on open",
                outcome.getClass().getSimpleName());
        return Optional.empty();
    }

    /** Saves a submitted form, or shows it again with its errors, in place of the form. */
    void submit(TurnContext turn, Activity activity, Where where, UserRef user, String channelId, ObjectNode data) {
        if (channelId.isBlank()) {
            LOG.debug("Teams nudge form submitted for no channel, ignored");
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = data.properties().iterator();
        while (fields.hasNext() && values.size() < MAX_FORM_FIELDS) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals(AdaptiveCardRenderer.DATA_ACTION_ID)
                    || field.getKey().equals(AdaptiveCardRenderer.DATA_VALUE)
                    || !field.getValue().isValueNode()) {
                continue;
            }
            String text = field.getValue().asText();
            values.put(field.getKey(), text.length() > MAX_FORM_VALUE ? text.substring(0, MAX_FORM_VALUE) : text);
        }
        ChannelRef channel = new ChannelRef(Platform.TEAMS, where.tenant(), channelId);
        NudgeFormOutcome outcome =
                editNudges.submit(user, Incoming.admin(activity), channel, values, Incoming.language(activity));
        Activity card;
        if (outcome instanceof NudgeFormOutcome.Saved saved) {
            card = outbox.card(saved.confirmation());
        } else if (outcome instanceof NudgeFormOutcome.Rejected rejected) {
            card = AdaptiveCardRenderer.message(
                    renderer.form(rejected.form(), rejected.errors()),
                    rejected.form().title());
        } else if (outcome instanceof NudgeFormOutcome.Denied denied) {
            card = outbox.card(
                    textReply(denied.message(), Incoming.language(activity), Reply.Delivery.REPLACE_ORIGINAL));
        } else {
            NudgeForm form = ((NudgeFormOutcome.Form) outcome).form();
            card = AdaptiveCardRenderer.message(renderer.form(form, Map.of()), form.title());
        }
        outbox.replaceOrSend(turn, activity, card);
    }

    /** Deletes the form whose cancel button was clicked. */
    void close(TurnContext turn, Activity activity) {
        String cardId = activity.getReplyToId();
        if (cardId == null || cardId.isBlank()) {
            return;
        }
        outbox.delete(turn, cardId, "delete the nudge form");
    }

    private static Reply textReply(String text, Optional<Language> language, Reply.Delivery delivery) {
        return Reply.of(language.orElse(Language.EN), delivery, List.of(new Block.Text(text.isBlank() ? "-" : text)));
    }
}
