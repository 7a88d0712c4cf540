package com.charterbot.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Activities shaped like the ones Microsoft Teams posts to a bot (personal chat, team channel,
 * group chat, mentions, card submits, installation and conversation updates), as JSON.
 */
final class Activities {

    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String BOT_ID = "28:11111111-2222-3333-4444-555555555555";
    static final String BOT_NAME = "Charter";
    static final String ALICE_AAD = "6b2c8a1e-3d4f-4a5b-9c8d-7e6f5a4b3c2d";
    static final String ADMIN_AAD = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    static final String PERSONAL = "a:1XyZpersonal-chat-of-alice";
    static final String GENERAL = "19:0c5a7e9b2f4d4c1e8a6b3d5f7e9c1a2b@thread.tacv2";
    static final String GROUP_CHAT = "19:meeting_MjdhNjM4YzUtYzExZi00OTFkLTkzZTAtNTVlNmZmMDhkNGU2@thread.v2";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong(1_741_599_000_000L);

    private final String serviceUrl;

    Activities(String serviceUrl) {
        this.serviceUrl = serviceUrl;
    }

    /** A message in the person's personal chat with the bot. */
    ObjectNode personal(String userAad, String text, String locale) {
        ObjectNode activity = base("message", userAad, locale);
        conversation(activity, "personal", PERSONAL, false);
        activity.put("text", text);
        activity.put("textFormat", "plain");
        return activity;
    }

    /** A top-level post in the team's General channel mentioning the bot: {@code <at>Charter</at> text}. */
    ObjectNode channelMention(String userAad, String text, String locale) {
        ObjectNode activity = base("message", userAad, locale);
        String id = activity.get("id").asText();
        conversation(activity, "channel", GENERAL + ";messageid=" + id, true);
        teamChannelData(activity, null);
        mention(activity, text);
        return activity;
    }

    /** A message in a group chat mentioning the bot. */
    ObjectNode groupMention(String userAad, String text, String locale) {
        ObjectNode activity = base("message", userAad, locale);
        conversation(activity, "groupChat", GROUP_CHAT, true);
        mention(activity, text);
        return activity;
    }

    /** What Teams posts when someone clicks an {@code Action.Submit} of the card {@code cardId}. */
    ObjectNode submit(ObjectNode message, String cardId, ObjectNode data) {
        ObjectNode activity = message.deepCopy();
        activity.put("id", String.valueOf(IDS.incrementAndGet()));
        activity.remove("text");
        activity.remove("entities");
        activity.put("replyToId", cardId);
        activity.set("value", data);
        return activity;
    }

    /**
     * What Teams posts when someone clicks an {@code Action.Execute} of the card {@code cardId}: an
     * {@code adaptiveCard/action} invoke whose {@code value.action.data} holds the action's data merged with
     * the card's inputs, as in Microsoft's Universal Actions documentation.
     */
    ObjectNode execute(ObjectNode message, String cardId, ObjectNode data) {
        ObjectNode activity = message.deepCopy();
        activity.put("type", "invoke");
        activity.put("name", "adaptiveCard/action");
        activity.put("id", String.valueOf(IDS.incrementAndGet()));
        activity.remove("text");
        activity.remove("textFormat");
        activity.put("replyToId", cardId);
        ObjectNode value = activity.putObject("value");
        ObjectNode action = value.putObject("action");
        action.put("type", "Action.Execute");
        action.put("id", "");
        action.put("verb", data.path("actionId").asText());
        action.set("data", data);
        value.put("trigger", "manual");
        ArrayNode entities = JSON.createArrayNode();
        message.path("entities").forEach(entity -> {
            if (!"mention".equals(entity.path("type").asText())) {
                entities.add(entity.deepCopy());
            }
        });
        activity.set("entities", entities);
        return activity;
    }

    static ObjectNode data(String actionId, String value) {
        return JSON.createObjectNode().put("actionId", actionId).put("value", value);
    }

    /** The conversation update of the bot being added to a team (in its General channel). */
    ObjectNode botAddedToTeam(String installerAad) {
        ObjectNode activity = base("conversationUpdate", installerAad, null);
        activity.remove("text");
        conversation(activity, "channel", GENERAL, true);
        teamChannelData(activity, "teamMemberAdded");
        activity.putArray("membersAdded").addObject().put("id", BOT_ID);
        return activity;
    }

    /** The conversation update of the bot being removed from the team. */
    ObjectNode botRemovedFromTeam(String userAad) {
        ObjectNode activity = base("conversationUpdate", userAad, null);
        conversation(activity, "channel", GENERAL, true);
        teamChannelData(activity, "teamMemberRemoved");
        activity.putArray("membersRemoved").addObject().put("id", BOT_ID);
        return activity;
    }

    /** The installation update Teams also sends on install ({@code add}) and removal ({@code remove}). */
    ObjectNode installationUpdate(String action, String userAad) {
        ObjectNode activity = base("installationUpdate", userAad, null);
        conversation(activity, "channel", GENERAL, true);
        teamChannelData(activity, null);
        activity.put("action", action);
        return activity;
    }

    /** The bot added to the person's personal scope. */
    ObjectNode botAddedToPersonal(String userAad) {
        ObjectNode activity = base("conversationUpdate", userAad, "fr-FR");
        conversation(activity, "personal", PERSONAL, false);
        activity.putArray("membersAdded").addObject().put("id", BOT_ID);
        return activity;
    }

    // ----- parts -----

    private ObjectNode base(String type, String userAad, String locale) {
        ObjectNode activity = JSON.createObjectNode();
        activity.put("type", type);
        activity.put("id", String.valueOf(IDS.incrementAndGet()));
        activity.put("timestamp", "2025-03-10T09:30:00.1234567Z");
        activity.put("localTimestamp", "2025-03-10T10:30:00.1234567+01:00");
        activity.put("serviceUrl", serviceUrl);
        activity.put("channelId", "msteams");
        activity.putObject("from")
                .put("id", "29:1" + userAad.substring(0, 8) + "-teams-user-id")
                .put("name", "Alice Martin")
                .put("aadObjectId", userAad);
        activity.putObject("recipient").put("id", BOT_ID).put("name", BOT_NAME);
        if (locale != null) {
            activity.put("locale", locale);
            activity.putArray("entities")
                    .addObject()
                    .put("type", "clientInfo")
                    .put("locale", locale)
                    .put("country", "FR")
                    .put("platform", "Web")
                    .put("timezone", "Europe/Paris");
        }
        activity.putObject("channelData").putObject("tenant").put("id", TENANT);
        return activity;
    }

    private static void conversation(ObjectNode activity, String type, String id, boolean group) {
        ObjectNode conversation = activity.putObject("conversation");
        if (group) {
            conversation.put("isGroup", true);
        }
        conversation.put("conversationType", type);
        conversation.put("tenantId", TENANT);
        conversation.put("id", id);
    }

    private static void teamChannelData(ObjectNode activity, String eventType) {
        ObjectNode data = activity.putObject("channelData");
        data.put("teamsChannelId", GENERAL);
        data.put("teamsTeamId", GENERAL);
        if (eventType != null) {
            data.put("eventType", eventType);
        }
        data.putObject("channel").put("id", GENERAL);
        data.putObject("team").put("id", GENERAL).put("name", "Marketing");
        data.putObject("tenant").put("id", TENANT);
    }

    private static void mention(ObjectNode activity, String text) {
        activity.put("text", "<at>" + BOT_NAME + "</at> " + text);
        activity.put("textFormat", "plain");
        ArrayNode entities =
                activity.has("entities") ? (ArrayNode) activity.get("entities") : activity.putArray("entities");
        ObjectNode mention = entities.insertObject(0);
        mention.put("type", "mention");
        mention.put("text", "<at>" + BOT_NAME + "</at>");
        mention.putObject("mentioned").put("id", BOT_ID).put("name", BOT_NAME);
    }
}
