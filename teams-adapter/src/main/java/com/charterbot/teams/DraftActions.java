package com.charterbot.teams;

import com.charterbot.core.values.Media;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import java.net.HttpURLConnection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The message action "Check with the charter" (a message-extension action command of the app
 * manifest, {@value #COMMAND_ID}): Teams asks for its dialog with {@code composeExtension/fetchTask}
 * (or, from clients that skip the dialog, submits it with {@code composeExtension/submitAction}),
 * carrying the message the person chose in {@code messagePayload}. Reads that message as a draft;
 * the answer is a dialog showing the findings card, which only that person sees.
 */
final class DraftActions {

    /** The command's id in the app manifest. */
    static final String COMMAND_ID = "checkDraft";

    private static final Set<String> INVOKES = Set.of("composeExtension/fetchTask", "composeExtension/submitAction");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private DraftActions() {}

    /** The message a person asked to check, as the core reads it. */
    record Shared(String text, boolean media) {}

    /** Whether the invoke is this bot's message action. */
    static boolean handles(Activity activity) {
        if (activity.getName() == null || !INVOKES.contains(activity.getName()) || activity.getValue() == null) {
            return false;
        }
        return COMMAND_ID.equals(Serialization.objectToTree(activity.getValue())
                .path("commandId")
                .asText(""));
    }

    /** The message the action was used on; empty when the invoke carries none (the compose box). */
    static Optional<Shared> shared(Activity activity, int max) {
        JsonNode payload = Serialization.objectToTree(activity.getValue()).path("messagePayload");
        if (!payload.isObject()) {
            return Optional.empty();
        }
        JsonNode body = payload.path("body");
        String content = body.path("content").asText("");
        String text = "text".equalsIgnoreCase(body.path("contentType").asText(""))
                ? Incoming.plain(content.replace("<", "&lt;"), max)
                : Incoming.plain(content, max);
        boolean media = content.toLowerCase(Locale.ROOT).contains("<img");
        for (JsonNode attachment : payload.path("attachments")) {
            if (Media.of(
                            attachment.path("contentType").asText(""),
                            attachment.path("name").asText(""))
                    .isPresent()) {
                media = true;
            }
        }
        return Optional.of(new Shared(text, media));
    }

    /** A dialog showing a card: the answer to the action's {@code fetchTask} or {@code submitAction}. */
    static InvokeResponse dialog(String title, ObjectNode card) {
        ObjectNode body = JSON.objectNode();
        ObjectNode value = body.putObject("task").put("type", "continue").putObject("value");
        value.put("title", AdaptiveCardRenderer.truncate(title, 64));
        value.put("height", "large");
        value.put("width", "medium");
        ObjectNode attachment = value.putObject("card");
        attachment.put("contentType", AdaptiveCardRenderer.CONTENT_TYPE);
        attachment.set("content", card);
        return new InvokeResponse(HttpURLConnection.HTTP_OK, body);
    }
}
