package com.charterbot.core.nudge;

import com.charterbot.core.values.ChannelRef;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link SendBudget} inside one process: the {@link SendPacing} rule with its slots kept in
 * memory, for tests and single-process tools. Replicas sharing a database use the application's
 * budget on that database instead, so that the budget holds for the cluster. Thread-safe; idle
 * tenants and channels are forgotten once many are tracked.
 */
public final class OutboundLimiter implements SendBudget {

    /** Forget idle tenants and channels once this many are tracked. */
    private static final int PRUNE_THRESHOLD = 4096;

    private int pruneAt = PRUNE_THRESHOLD;
    private final SendPacing pacing;
    /** Per tenant, the theoretical arrival time of the next message (GCRA). */
    private final Map<String, Instant> tenantNext = new HashMap<>();
    /** Per channel, the earliest instant of its next message. */
    private final Map<ChannelRef, Instant> channelNext = new HashMap<>();
    /** Per tenant, when the next caller turned away should come back. */
    private final Map<String, Instant> tenantComeBack = new HashMap<>();

    /**
     * @param tenantPerSecond messages per second per tenant; positive
     * @param tenantBurst how many messages a tenant may send at once after being idle; at least 1
     * @param channelSpacing the least time between two messages to one channel; not negative
     */
    public OutboundLimiter(double tenantPerSecond, int tenantBurst, Duration channelSpacing) {
        this.pacing = new SendPacing(tenantPerSecond, tenantBurst, channelSpacing);
    }

    /** A limiter whose tenant burst is one second's worth of messages (at least 1). */
    public static OutboundLimiter perSecond(double tenantPerSecond, Duration channelSpacing) {
        int burst = (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.floor(tenantPerSecond)));
        return new OutboundLimiter(tenantPerSecond, burst, channelSpacing);
    }

    @Override
    public synchronized Duration reserve(ChannelRef channel, Instant now, Duration maxWait) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(now, "now");
        String tenant = channel.tenantKey();
        SendPacing.Decision decision = pacing.decide(
                new SendPacing.Slots(tenantNext.get(tenant), tenantComeBack.get(tenant), channelNext.get(channel)),
                now,
                maxWait);
        SendPacing.Slots slots = decision.slots();
        if (!decision.booked()) {
            tenantComeBack.put(tenant, slots.tenantComeBack());
            return decision.delay();
        }
        tenantNext.put(tenant, slots.tenantNext());
        channelNext.put(channel, slots.channelNext());
        if (channelNext.size() + tenantNext.size() > pruneAt) {
            channelNext.values().removeIf(next -> !next.isAfter(now));
            tenantNext.values().removeIf(next -> !next.isAfter(now));
            tenantComeBack.values().removeIf(next -> !next.isAfter(now));
            // Still many busy ones: prune again only once as many more are tracked (amortized constant time).
            pruneAt = Math.max(PRUNE_THRESHOLD, 2 * (channelNext.size() + tenantNext.size()));
        }
        return decision.delay();
    }

    /** How many tenants and channels are tracked; for tests. */
    synchronized int tracked() {
        return channelNext.size() + tenantNext.size();
    }
}
