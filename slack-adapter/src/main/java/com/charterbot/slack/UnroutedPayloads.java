package com.charterbot.slack;

import com.charterbot.core.chat.PlatformEvents;
import com.charterbot.core.values.Platform;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.app_backend.util.JsonPayloadExtractor;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signed payloads whose {@code type} Bolt has no request for: {@code app_rate_limited} (Slack
 * stopped sending the app events for the rest of the minute, having sent 30,000 in an hour to one
 * workspace) and whatever types Slack adds later. Bolt's parser would log the whole payload at WARN
 * and give nothing to run, which the endpoint answered 400. Here they are acknowledged with 200:
 * {@code app_rate_limited} is logged at INFO and counted ({@link PlatformEvents}), anything else
 * gets one DEBUG line. Checked after the signature, before Bolt.
 */
final class UnroutedPayloads {

    private static final Logger log = LoggerFactory.getLogger(UnroutedPayloads.class);

    /** The payload types Bolt 1.46's request parser knows. */
    private static final Set<String> BOLT_TYPES = Set.of(
            "interactive_message",
            "block_actions",
            "block_suggestion",
            "shortcut",
            "message_action",
            "event_callback",
            "url_verification",
            "dialog_cancellation",
            "dialog_submission",
            "dialog_suggestion",
            "view_submission",
            "view_closed",
            "workflow_step_edit");

    private static final String RATE_LIMITED = "app_rate_limited";

    private final JsonPayloadExtractor extractor = new JsonPayloadExtractor();
    private final PlatformEvents events;

    UnroutedPayloads(PlatformEvents events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    /** Whether the signed body is a payload Bolt cannot route, now taken care of: the caller answers 200. */
    boolean handled(String body) {
        String type = type(body);
        if (type == null || BOLT_TYPES.contains(type)) {
            return false;
        }
        if (RATE_LIMITED.equals(type)) {
            log.info(
                    "Slack held back events for the app for the rest of the minute (app_rate_limited): over 30,000 events "
                            + "in an hour for one workspace");
            events.eventsRateLimited(Platform.SLACK);
        } else {
            log.debug(
                    "Slack payload of type {} acknowledged, nothing to do",
                    type.length() > 40 ? type.substring(0, 40) : type);
        }
        return true;
    }

    /** The JSON payload's {@code type}, or null when the body is a slash command, an SSL check, or no JSON object with a text type. */
    private String type(String body) {
        String json;
        if (body.stripLeading().startsWith("{")) {
            // The Events API's JSON body; Bolt's extractor gives back only the types it knows.
            json = body;
        } else if (!body.contains("payload=")) {
            // A form without a payload parameter (a slash command): nothing for the extractor to decode.
            return null;
        } else {
            try {
                json = extractor.extractIfExists(body);
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
        if (json == null) {
            return null;
        }
        try {
            JsonElement tree = JsonParser.parseString(json);
            if (!tree.isJsonObject()) {
                return null;
            }
            JsonObject payload = tree.getAsJsonObject();
            JsonElement type = payload.get("type");
            return type != null
                            && type.isJsonPrimitive()
                            && type.getAsJsonPrimitive().isString()
                    ? type.getAsString()
                    : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
