package com.charterbot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an incoming activity with the SDK's own {@link Serialization}, working around its
 * timestamp bug: 4.14.1 parses {@code timestamp} with the pattern {@code ss.n}, so a timestamp
 * without fractional seconds ({@code 2025-03-10T09:30:00Z}) makes the whole activity come back as
 * null. Such timestamps get {@code .0} added; a timestamp that still does not parse is dropped
 * rather than losing the activity.
 */
final class ActivityJson {

    /** What reading a request body gave: an activity, or why there is none. */
    sealed interface Parsed {
        record Read(Activity activity) implements Parsed {}

        record Unreadable(String problem) implements Parsed {}
    }

    private static final Pattern WHOLE_SECONDS =
            Pattern.compile("(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})(Z|[+-]\\d{2}:\\d{2})");

    private ActivityJson() {}

    static Parsed parse(String body) {
        JsonNode tree;
        try {
            tree = Serialization.jsonToTree(body);
        } catch (IOException | RuntimeException e) {
            return new Parsed.Unreadable("the body is not JSON");
        }
        if (!(tree instanceof ObjectNode object)) {
            return new Parsed.Unreadable("the body is not a JSON object");
        }
        addFraction(object, "timestamp");
        addFraction(object, "localTimestamp");
        Activity activity = Serialization.treeToValue(object, Activity.class);
        if (activity == null) {
            // Still unreadable: most often a timestamp in another shape. The bot never needs it.
            object.remove("timestamp");
            object.remove("localTimestamp");
            activity = Serialization.treeToValue(object, Activity.class);
        }
        if (activity == null) {
            return new Parsed.Unreadable("the body is not an activity");
        }
        return new Parsed.Read(activity);
    }

    private static void addFraction(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value != null && value.isTextual()) {
            Matcher matcher = WHOLE_SECONDS.matcher(value.asText().strip());
            if (matcher.matches()) {
                object.set(field, TextNode.valueOf(matcher.group(1) + ".0" + matcher.group(2)));
            }
        }
    }
}
