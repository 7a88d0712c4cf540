package com.charterbot.core.activity;

import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whose activity an administrator's statistics count: every workspace and tenant (an administrator
 * named in the configuration), or only some, by tenant key ({@code slack:T0123}): a Slack workspace
 * admin sees their workspace, an Enterprise Grid org admin every workspace of the organization.
 * Activity recorded without a tenant (before tenants were recorded) counts only for everything.
 *
 * @param tenants the tenant keys covered; null for every tenant
 */
public record StatsScope(Set<String> tenants) {

    /** Every workspace and tenant. */
    public static final StatsScope EVERYTHING = new StatsScope(null);

    public StatsScope {
        tenants = tenants == null ? null : Set.copyOf(tenants);
    }

    /** These tenants of one platform. */
    public static StatsScope of(Platform platform, Collection<String> tenantIds) {
        Objects.requireNonNull(platform, "platform");
        return new StatsScope(tenantIds.stream()
                .filter(Objects::nonNull)
                .map(platform::tenantKey)
                .collect(Collectors.toSet()));
    }

    /** Whether every tenant is covered. */
    public boolean everything() {
        return tenants == null;
    }

    /** Whether activity recorded with this tenant key (possibly null) counts. */
    public boolean covers(String tenantKey) {
        return tenants == null || tenantKey != null && tenants.contains(tenantKey);
    }

    public boolean covers(ChannelRef channel) {
        return channel != null && covers(channel.tenantKey());
    }

    public boolean covers(UserRef user) {
        return user != null && covers(user.tenantKey());
    }
}
