package com.charterbot.app.persistence;

import com.charterbot.core.experts.ExpertsChannels;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Platform;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The experts' channel of each tenant read once per {@code keep} instead of on every answer: every
 * answer that may offer "Ask the communications team" looks it up, on the request thread. A change
 * made on this replica shows at once; one made on another replica shows here within {@code keep}
 * (10 s by default), as for language preferences. "No channel set" is remembered too. Thread-safe.
 */
public final class CachedExpertsChannels implements ExpertsChannels {

    static final int MAX_TENANTS = 10_000;

    private final ExpertsChannels stored;
    private final Cache<Tenant, Optional<ChannelRef>> recent;

    public CachedExpertsChannels(ExpertsChannels stored, Duration keep, Ticker ticker) {
        this.stored = Objects.requireNonNull(stored, "stored");
        this.recent = Caffeine.newBuilder()
                .maximumSize(MAX_TENANTS)
                .expireAfterWrite(keep)
                .ticker(ticker)
                .build();
    }

    @Override
    public Optional<ChannelRef> find(Platform platform, String tenant) {
        return recent.get(new Tenant(platform, tenant), key -> stored.find(key.platform(), key.tenant()));
    }

    @Override
    public void set(ChannelRef channel) {
        stored.set(channel);
        recent.put(new Tenant(channel.platform(), channel.tenant()), Optional.of(channel));
    }

    private record Tenant(Platform platform, String tenant) {
        Tenant {
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(tenant, "tenant");
        }
    }
}
