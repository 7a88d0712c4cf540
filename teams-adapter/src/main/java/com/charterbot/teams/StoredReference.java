package com.charterbot.teams;

import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Platform;
import java.time.Instant;
import java.util.Objects;

/**
 * A conversation reference as {@link ConversationReferences} keeps it: the Bot Framework's
 * {@code ConversationReference} as JSON, without the person who wrote the message it was taken
 * from, and the fields a store may want to query.
 *
 * @param conversation the team channel or group chat, on {@link Platform#TEAMS}
 * @param serviceUrl the Bot Connector service URL of the conversation, also inside {@code json}
 * @param json the reference, written and read only by the adapter; never logged
 * @param updatedAt when the reference was last refreshed
 */
public record StoredReference(ChannelRef conversation, Scope scope, String serviceUrl, String json, Instant updatedAt) {

    /** The kind of conversation. */
    public enum Scope {
        /** A channel of a team (the team's General channel when it was installed in the team). */
        CHANNEL,
        /** A group chat. */
        GROUP_CHAT
    }

    public StoredReference {
        Objects.requireNonNull(conversation, "conversation");
        if (conversation.platform() != Platform.TEAMS) {
            throw new IllegalArgumentException("not a Teams conversation: " + conversation.platform());
        }
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(serviceUrl, "serviceUrl");
        Objects.requireNonNull(json, "json");
        if (json.isBlank()) {
            throw new IllegalArgumentException("a stored reference has its JSON");
        }
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    @Override
    public String toString() {
        // The reference names the bot, the tenant and the conversation: kept out of logs.
        return "StoredReference[" + scope + " " + conversation.tenant() + "]";
    }
}
