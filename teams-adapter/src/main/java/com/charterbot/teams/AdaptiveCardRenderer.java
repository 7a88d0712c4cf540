package com.charterbot.teams;

import com.charterbot.core.i18n.Messages;
import com.charterbot.core.nudge.NudgeForm;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Button;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.Language;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Lays a platform-neutral {@link Reply} or {@link NudgeForm} out as an Adaptive Card (schema
 * version {@value #VERSION}, the highest Teams renders). Every text is already final and localized:
 * this class only picks the elements and keeps the card within Teams' size limit; it adds no
 * user-visible wording of its own.
 *
 * <ul>
 *   <li>Texts are {@code RichTextBlock}s of {@code TextRun}s, which Teams shows literally: a
 *       {@code TextBlock} would interpret Markdown in charter or user text. A text with line
 *       breaks becomes one block per line.
 *   <li>{@link Block.Heading}: a large, bold run. {@link Block.Checklist}: the label in bold, then
 *       one {@code • item} block per item. {@link Block.CitedSection}: {@code label: title}, the
 *       title a link when the section has one. {@link Block.Context}: a small, subtle run.
 *   <li>{@link Block.Buttons}: {@code ActionSet}s of at most {@value #MAX_ACTIONS} {@code Action.Execute}
 *       each (Universal Actions: a click is an {@code adaptiveCard/action} invoke, answered with the card
 *       the clicking person sees), whose {@code verb} is the action id and {@code data}
 *       {@code {"actionId": ..., "value": ...}}, passed back untouched; each falls back to the same
 *       {@code Action.Submit} on clients without Universal Actions.
 *   <li>{@link Block.Suggestions}: the label in bold, then action sets.
 *   <li>{@link Block.AlsoApplies}: the label in bold, then per point its title in bold, its text and an
 *       action set with its button.
 *   <li>{@link Block.Picture}: an {@code Image} whose {@code url} is the PNG as a {@code data:} URI (Teams
 *       shows it without the bot hosting anything), its description as {@code altText}.
 *       {@link Block.File}: nothing here; the adapter offers the file with a file consent card ({@link TeamsFiles}).
 *   <li>{@link Block.Quoted}: one {@code RichTextBlock}, the label in bold, then the quotes as plain
 *       runs: a person's own words are never Markdown, links or mentions.
 *   <li>A reply with a {@link Reply#view() view}, rendered for given people: a {@code refresh} whose
 *       {@code Action.Execute} is the view and whose {@code userIds} are those people's Teams ids, so
 *       that their clients fetch the card as it stands for each of them (user-specific views).
 *   <li>A card shown to everyone but meant for one person (a private reply Teams cannot send
 *       privately): every action's {@code data} also carries {@code "personal": true}, so that what
 *       a click replaces stays with the person who clicked.
 * </ul>
 *
 * <p>The nudge form keeps {@code Action.Submit}: its inputs come back as a message.
 *
 * <p><b>Size.</b> Teams refuses messages over about 28 KB. When the card's JSON is over
 * {@value #MAX_CARD_BYTES} bytes, the longest texts are shortened (ending with an ellipsis) until
 * it fits, then trailing elements other than action sets are dropped; buttons stay, because they
 * carry the answer's actions. A picture too big for the card is dropped first: the reply's text
 * holds the same figures.
 *
 * <p>Thread-safe and stateless.
 */
public final class AdaptiveCardRenderer {

    /** The Adaptive Card schema version of every card. */
    public static final String VERSION = "1.5";
    /** The content type of an Adaptive Card attachment. */
    public static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    /** Largest card JSON, in UTF-8 bytes, leaving room for the activity around it under Teams' 28 KB. */
    public static final int MAX_CARD_BYTES = 26_000;
    /** Most actions shown in one action set (Teams shows at most six side by side). */
    public static final int MAX_ACTIONS = 6;
    /** Longest button title; longer ones are cut with an ellipsis. */
    public static final int MAX_BUTTON_TITLE = 120;
    /** The {@code data} key of a submitted action's id. */
    public static final String DATA_ACTION_ID = "actionId";
    /** The {@code data} key of a submitted action's value. */
    public static final String DATA_VALUE = "value";
    /** The {@code data} key saying the card is one person's, though others may see it. */
    public static final String DATA_PERSONAL = "personal";
    /** Most Teams ids in a refresh's {@code userIds} (Teams' limit). */
    public static final int MAX_REFRESH_USERS = 60;

    /** Adapter-only action: saves the nudge form; value: the channel id. Never reaches the core. */
    public static final String FORM_SUBMIT = "teams.nudges.form.submit";
    /** Adapter-only action: closes the nudge form; value: the channel id. Never reaches the core. */
    public static final String FORM_CANCEL = "teams.nudges.form.cancel";

    private static final String ELLIPSIS = "\u2026";
    private static final String BULLET = "\u2022 ";
    private static final int MIN_SHORTENED = 200;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The card of a reply, the same for everyone who sees it. */
    public ObjectNode card(Reply reply) {
        return card(reply, List.of(), false);
    }

    /**
     * The card of a reply shown per person.
     *
     * @param refreshFor the Teams ids (MRIs) of the people whose clients fetch the reply's view as it
     *     stands for them, at most {@value #MAX_REFRESH_USERS} kept; no refresh when empty or when the
     *     reply has no view
     * @param personal whether the card is one person's though others may see it
     */
    public ObjectNode card(Reply reply, List<String> refreshFor, boolean personal) {
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(refreshFor, "refreshFor");
        ArrayNode body = JSON.arrayNode();
        for (Block block : reply.blocks()) {
            if (block instanceof Block.Heading heading) {
                body.add(run(heading.text(), "large", true, false, null));
            } else if (block instanceof Block.Text text) {
                lines(text.text(), body, "default", false, false);
            } else if (block instanceof Block.Checklist checklist) {
                body.add(run(checklist.label(), "default", true, false, null));
                for (String item : checklist.items()) {
                    ObjectNode line = run(BULLET + item, "default", false, false, null);
                    line.put("spacing", "small");
                    body.add(line);
                }
            } else if (block instanceof Block.CitedSection cited) {
                body.add(citation(cited, reply.language()));
            } else if (block instanceof Block.Buttons buttons) {
                actionSets(buttons.buttons(), body, personal);
            } else if (block instanceof Block.Suggestions suggestions) {
                body.add(run(suggestions.label(), "default", true, false, null));
                actionSets(suggestions.buttons(), body, personal);
            } else if (block instanceof Block.AlsoApplies also) {
                body.add(run(also.label(), "default", true, false, null));
                for (Block.AlsoApplies.Point point : also.points()) {
                    body.add(run(point.title(), "default", true, false, null));
                    lines(point.text(), body, "default", false, false);
                    actionSets(List.of(point.open()), body, personal);
                }
            } else if (block instanceof Block.Context context) {
                lines(context.text(), body, "small", true, false);
            } else if (block instanceof Block.Quoted quoted) {
                ObjectNode quotes = JSON.objectNode();
                quotes.put("type", "RichTextBlock");
                ArrayNode inlines = quotes.putArray("inlines");
                inlines.addObject()
                        .put("type", "TextRun")
                        .put("text", quoted.label() + " ")
                        .put("weight", "bolder");
                inlines.addObject().put("type", "TextRun").put("text", String.join(", ", quoted.quotes()));
                body.add(quotes);
            } else if (block instanceof Block.Person person) {
                // Teams shows the name it gave; the id is no use to a reader.
                body.add(run(
                        Messages.labelled(reply.language(), person.label()) + " "
                                + (person.name().isBlank() ? person.userId() : person.name()),
                        "default",
                        false,
                        false,
                        null));
            } else if (block instanceof Block.Form form) {
                body.add(run(form.title(), "large", true, false, null));
                if (!form.intro().isBlank()) {
                    lines(form.intro(), body, "default", false, false);
                }
                for (Block.Form.Field field : form.fields()) {
                    body.add(input(field));
                }
                actionSets(List.of(form.submit()), body, personal);
            } else if (block instanceof Block.Picture picture) {
                body.add(image(picture));
            } else if (block instanceof Block.File) {
                continue;
            } else {
                throw new IllegalStateException("unhandled block " + block);
            }
        }
        ObjectNode card = card(body, reply.fallbackText());
        List<String> users = refreshFor.stream()
                .filter(id -> id != null && !id.isBlank())
                .distinct()
                .limit(MAX_REFRESH_USERS)
                .toList();
        if (reply.view().isPresent() && !users.isEmpty()) {
            Button view = reply.view().get();
            ObjectNode refresh = card.putObject("refresh");
            refresh.set(
                    "action",
                    execute(view.actionId(), view.value(), view.label(), Button.Style.DEFAULT, personal, false));
            ArrayNode ids = refresh.putArray("userIds");
            users.forEach(ids::add);
        }
        return fit(card);
    }

    /**
     * The card of the nudge form: one input per field (a compact choice set or a text input),
     * each field's hint under it and, after a rejected submission, its error in the attention
     * colour; then Save (which submits the inputs) and Cancel (which does not).
     *
     * @param errors a message per field id, shown under the field; empty for a fresh form
     */
    public ObjectNode form(NudgeForm form, Map<String, String> errors) {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(errors, "errors");
        ArrayNode body = JSON.arrayNode();
        body.add(run(form.title(), "large", true, false, null));
        StringBuilder fallback = new StringBuilder(form.title());
        for (NudgeForm.Field field : form.fields()) {
            ObjectNode input = JSON.objectNode();
            input.put("id", field.id());
            input.put("label", field.label());
            if (field.kind() == NudgeForm.Kind.CHOICE) {
                input.put("type", "Input.ChoiceSet");
                input.put("style", "compact");
                input.put("isMultiSelect", false);
                ArrayNode choices = input.putArray("choices");
                for (NudgeForm.Option option : field.options()) {
                    choices.addObject().put("title", option.label()).put("value", option.value());
                }
            } else {
                input.put("type", "Input.Text");
                input.put("maxLength", field.maxLength());
            }
            if (!field.value().isEmpty()) {
                input.put("value", field.value());
            }
            body.add(input);
            if (!field.hint().isBlank()) {
                body.add(run(field.hint(), "small", false, true, null));
            }
            String error = errors.get(field.id());
            if (error != null && !error.isBlank()) {
                body.add(run(error, "default", true, false, "attention"));
                fallback.append('\n').append(field.label()).append(": ").append(error);
            }
        }
        ObjectNode actions = JSON.objectNode();
        actions.put("type", "ActionSet");
        ArrayNode list = actions.putArray("actions");
        ObjectNode save = submit(FORM_SUBMIT, form.channel().channelId(), form.submitLabel(), Button.Style.PRIMARY);
        list.add(save);
        ObjectNode cancel = submit(FORM_CANCEL, form.channel().channelId(), form.cancelLabel(), Button.Style.DEFAULT);
        cancel.put("associatedInputs", "none");
        list.add(cancel);
        body.add(actions);
        return fit(card(body, fallback.toString()));
    }

    /** Size of a card's JSON in UTF-8 bytes. */
    static int size(JsonNode card) {
        return card.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    // ----- elements -----

    private static ObjectNode card(ArrayNode body, String fallbackText) {
        ObjectNode card = JSON.objectNode();
        card.put("type", "AdaptiveCard");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("version", VERSION);
        card.put("fallbackText", truncate(fallbackText, 2_000));
        card.set("body", body);
        card.putObject("msteams").put("width", "Full");
        return card;
    }

    private static void lines(String text, ArrayNode body, String size, boolean subtle, boolean bold) {
        boolean first = true;
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            ObjectNode block = run(line.strip(), size, bold, subtle, null);
            if (!first) {
                block.put("spacing", "small");
            }
            body.add(block);
            first = false;
        }
    }

    /** A RichTextBlock with one TextRun: shown literally, never as Markdown. */
    private static ObjectNode run(String text, String size, boolean bold, boolean subtle, String color) {
        ObjectNode block = JSON.objectNode();
        block.put("type", "RichTextBlock");
        ObjectNode run = block.putArray("inlines").addObject();
        run.put("type", "TextRun");
        run.put("text", text);
        if (!size.equals("default")) {
            run.put("size", size);
        }
        if (bold) {
            run.put("weight", "bolder");
        }
        if (subtle) {
            run.put("isSubtle", true);
        }
        if (color != null) {
            run.put("color", color);
        }
        return block;
    }

    private static ObjectNode image(Block.Picture picture) {
        ObjectNode image = JSON.objectNode();
        image.put("type", "Image");
        image.put("url", "data:image/png;base64," + Base64.getEncoder().encodeToString(picture.png()));
        image.put("altText", truncate(picture.description(), 1_000));
        image.put("size", "Stretch");
        return image;
    }

    private static ObjectNode citation(Block.CitedSection cited, Language language) {
        ObjectNode block = JSON.objectNode();
        block.put("type", "RichTextBlock");
        ArrayNode inlines = block.putArray("inlines");
        inlines.addObject()
                .put("type", "TextRun")
                .put("text", Messages.labelled(language, cited.label()) + " ")
                .put("size", "small")
                .put("isSubtle", true);
        ObjectNode title = inlines.addObject()
                .put("type", "TextRun")
                .put("text", cited.title())
                .put("size", "small");
        String link = cited.link() == null ? "" : cited.link().strip();
        if (link.startsWith("https://") || link.startsWith("http://")) {
            title.putObject("selectAction").put("type", "Action.OpenUrl").put("url", link);
        }
        return block;
    }

    /** A form's field: a compact choice set, or a text input (several lines for long texts); its value comes back under its id. */
    private static ObjectNode input(Block.Form.Field field) {
        ObjectNode input = JSON.objectNode();
        input.put("id", field.id());
        input.put("label", field.label());
        input.put("isRequired", !field.optional());
        if (field.choice()) {
            input.put("type", "Input.ChoiceSet");
            input.put("style", "compact");
            ArrayNode choices = input.putArray("choices");
            for (Button option : field.options()) {
                choices.addObject()
                        .put("title", truncate(option.label(), MAX_BUTTON_TITLE))
                        .put("value", option.value());
            }
        } else {
            input.put("type", "Input.Text");
            input.put("maxLength", field.maxLength());
            input.put("isMultiline", field.maxLength() > 300);
        }
        return input;
    }

    private static void actionSets(List<Button> buttons, ArrayNode body, boolean personal) {
        for (int from = 0; from < buttons.size(); from += MAX_ACTIONS) {
            ObjectNode set = JSON.objectNode();
            set.put("type", "ActionSet");
            ArrayNode actions = set.putArray("actions");
            for (Button button : buttons.subList(from, Math.min(buttons.size(), from + MAX_ACTIONS))) {
                actions.add(execute(button.actionId(), button.value(), button.label(), button.style(), personal, true));
            }
            body.add(set);
        }
    }

    /** An {@code Action.Execute} whose verb is the action id, with an {@code Action.Submit} of the same data as fallback when asked. */
    private static ObjectNode execute(
            String actionId, String value, String title, Button.Style style, boolean personal, boolean withFallback) {
        ObjectNode submit = submit(actionId, value, title, style);
        if (personal) {
            ((ObjectNode) submit.get("data")).put(DATA_PERSONAL, true);
        }
        ObjectNode execute = submit.deepCopy();
        execute.put("type", "Action.Execute");
        execute.put("verb", actionId);
        if (withFallback) {
            execute.set("fallback", submit);
        }
        return execute;
    }

    private static ObjectNode submit(String actionId, String value, String title, Button.Style style) {
        ObjectNode action = JSON.objectNode();
        action.put("type", "Action.Submit");
        action.put("title", truncate(title.isBlank() ? actionId : title, MAX_BUTTON_TITLE));
        switch (style) {
            case PRIMARY -> action.put("style", "positive");
            case DANGER -> action.put("style", "destructive");
            case DEFAULT -> {}
        }
        action.putObject("data").put(DATA_ACTION_ID, actionId).put(DATA_VALUE, value);
        return action;
    }

    // ----- size -----

    /** The card, shortened until its JSON is at most {@link #MAX_CARD_BYTES} bytes. */
    private static ObjectNode fit(ObjectNode card) {
        if (size(card) <= MAX_CARD_BYTES) {
            return card; // nearly every card: measured once
        }
        ArrayNode body = (ArrayNode) card.get("body");
        for (int i = body.size() - 1; i >= 0 && size(card) > MAX_CARD_BYTES; i--) {
            if ("Image".equals(body.get(i).path("type").asText())) {
                body.remove(i);
            }
        }
        while (size(card) > MAX_CARD_BYTES) {
            ObjectNode longest = longestRun(body);
            if (longest != null && longest.get("text").asText().length() > MIN_SHORTENED) {
                String text = longest.get("text").asText();
                longest.put("text", truncate(text, Math.max(MIN_SHORTENED, text.length() / 2)));
                continue;
            }
            int last = lastDroppable(body);
            if (last < 0) {
                break;
            }
            body.remove(last);
        }
        return card;
    }

    private static ObjectNode longestRun(ArrayNode body) {
        ObjectNode longest = null;
        for (JsonNode element : body) {
            JsonNode inlines = element.get("inlines");
            if (inlines == null) {
                continue;
            }
            for (JsonNode inline : inlines) {
                if (longest == null
                        || inline.get("text").asText().length()
                                > longest.get("text").asText().length()) {
                    longest = (ObjectNode) inline;
                }
            }
        }
        return longest;
    }

    private static int lastDroppable(ArrayNode body) {
        for (int i = body.size() - 1; i >= 0; i--) {
            if (!"ActionSet".equals(body.get(i).path("type").asText())) {
                return i;
            }
        }
        return -1;
    }

    /** A message activity carrying this card, its summary (the notification's text) cut to 300 characters. */
    static Activity message(ObjectNode card, String summary) {
        Attachment attachment = new Attachment();
        attachment.setContentType(CONTENT_TYPE);
        attachment.setContent(card);
        Activity activity = Activity.createMessageActivity();
        activity.setAttachments(List.of(attachment));
        activity.setSummary(truncate(summary, 300));
        return activity;
    }

    /** Text cut to {@code max} characters, ending with an ellipsis when cut; never splits a surrogate pair. */
    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = max - ELLIPSIS.length();
        if (cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut) + ELLIPSIS;
    }
}
