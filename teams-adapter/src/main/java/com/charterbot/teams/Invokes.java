package com.charterbot.teams;

import com.charterbot.core.i18n.Messages;
import com.charterbot.core.values.Language;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.InvokeResponse;
import java.net.HttpURLConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers to the invokes the bot offers nothing for: dialogs (task modules), bot configuration,
 * sign-in, file consent, message extensions, tabs... Teams shows the person an error for any answer
 * but HTTP 200 with the body the invoke's contract defines, so each gets that, telling the person,
 * where the contract lets the bot say something, to write in the chat instead. Each is logged once
 * at DEBUG. Universal Actions ({@code adaptiveCard/action}) are the bot's own: see {@link Interactions}.
 */
final class Invokes {

    private static final Logger LOG = LoggerFactory.getLogger(Invokes.class);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Invokes() {}

    /**
     * The answer to an invoke the bot does not act on.
     *
     * @param name the invoke's name; null for a legacy card action
     * @param language the language of the person's client, for the sentence some contracts show
     */
    static InvokeResponse answer(String name, Language language) {
        String invoke = name == null ? "" : name;
        String sentence = Messages.get(language, "commands.unsupported-here");
        ObjectNode body = switch (invoke) {
            // A dialog the bot never offered: the dialog shows the sentence instead.
            case "task/fetch", "task/submit", "composeExtension/fetchTask" -> {
                ObjectNode task = JSON.objectNode();
                task.putObject("task").put("type", "message").put("value", sentence);
                yield task;
            }
            // Bot configuration in a team or group chat: a message ends it.
            case "config/fetch", "config/submit" -> {
                ObjectNode config = JSON.objectNode();
                config.put("responseType", "config");
                config.putObject("config").put("type", "message").put("value", sentence);
                yield config;
            }
            // Message extension commands: the extension pane shows the sentence.
            case "composeExtension/query",
                    "composeExtension/querySettingUrl",
                    "composeExtension/submitAction",
                    "composeExtension/selectItem" -> {
                ObjectNode extension = JSON.objectNode();
                extension.putObject("composeExtension").put("type", "message").put("text", sentence);
                yield extension;
            }
            // Link unfurling: no preview card.
            case "composeExtension/queryLink", "composeExtension/anonymousQueryLink" -> {
                ObjectNode extension = JSON.objectNode();
                ObjectNode result = extension.putObject("composeExtension");
                result.put("type", "result").put("attachmentLayout", "list");
                result.putArray("attachments");
                yield extension;
            }
            // A typeahead search of an Input.ChoiceSet: no results.
            case "application/search" -> {
                ObjectNode search = JSON.objectNode();
                search.put("statusCode", HttpURLConnection.HTTP_OK);
                search.put("type", "application/vnd.microsoft.search.searchResponse");
                search.putObject("value").putArray("results");
                yield search;
            }
            case "tab/fetch", "tab/submit" -> {
                ObjectNode tab = JSON.objectNode();
                ObjectNode card = tab.putObject("tab")
                        .put("type", "continue")
                        .putObject("value")
                        .putArray("cards")
                        .addObject()
                        .putObject("card");
                card.put("type", "AdaptiveCard").put("version", AdaptiveCardRenderer.VERSION);
                card.putArray("body")
                        .addObject()
                        .put("type", "TextBlock")
                        .put("text", sentence)
                        .put("wrap", true);
                yield tab;
            }
            case "healthCheck" -> {
                ObjectNode health = JSON.objectNode();
                health.putObject("healthResults").put("success", true);
                yield health;
            }
            // Sign-in, file consent cards the bot did not send, connector card actions, message actions, settings,
            // legacy card
            // actions and names Teams adds later: acknowledged, nothing to show.
            default -> null;
        };
        LOG.debug(
                "Teams invoke {} answered with {}",
                printable(invoke),
                body == null ? "an empty 200" : "its contract's 200 body");
        return new InvokeResponse(HttpURLConnection.HTTP_OK, body);
    }

    /** An invoke name fit for a log line: short, letters and a few signs only. */
    private static String printable(String name) {
        String cut = name.length() > 60 ? name.substring(0, 60) : name;
        return cut.isEmpty() ? "(no name)" : cut.replaceAll("[^A-Za-z0-9/._-]", "?");
    }
}
