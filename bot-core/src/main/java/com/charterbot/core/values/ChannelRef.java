package com.charterbot.core.values;

import java.util.Objects;

/**
 * A place where the bot talks: a channel, a group chat or a direct conversation.
 *
 * @param tenant the Slack workspace (team) id or the Microsoft Entra tenant id
 * @param channelId the platform's conversation id
 */
public record ChannelRef(Platform platform, String tenant, String channelId) {

    public ChannelRef {
        Objects.requireNonNull(platform, "platform");
        UserRef.requireText(tenant, "tenant");
        UserRef.requireText(channelId, "channelId");
    }

    /** A stable string key: {@code teams:<tenant>:<conversation id>}. */
    public String key() {
        return tenantKey() + ":" + channelId;
    }

    /** The workspace or tenant the channel belongs to, as a key: {@code slack:T0123}; budgets are per tenant. */
    public String tenantKey() {
        return platform.tenantKey(tenant);
    }
}
