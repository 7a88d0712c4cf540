package com.charterbot.core.values;

import java.util.Objects;

/**
 * A person on a chat platform, as the platform identifies them.
 *
 * @param tenant the Slack workspace (team) id or the Microsoft Entra tenant id
 * @param userId the platform's user id (Slack {@code U...}, Teams AAD object id)
 */
public record UserRef(Platform platform, String tenant, String userId) {

    public UserRef {
        Objects.requireNonNull(platform, "platform");
        requireText(tenant, "tenant");
        requireText(userId, "userId");
    }

    static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /** The workspace or tenant the person belongs to, as a key: {@code slack:T123} (see {@link ChannelRef#tenantKey()}). */
    public String tenantKey() {
        return platform.tenantKey(tenant);
    }

    /** A stable string key, e.g. for hashing: {@code slack:T123:U456}. */
    public String key() {
        return tenantKey() + ":" + userId;
    }
}
