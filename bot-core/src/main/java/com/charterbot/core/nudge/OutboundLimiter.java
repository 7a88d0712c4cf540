package com.charterbot.core.nudge;

import com.charterbot.core.chat.ChannelRef;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Paces outgoing nudges inside one process: a token bucket per tenant (Slack workspace or Teams
 * tenant: {@code tenantPerSecond} messages a second with bursts of {@code tenantBurst}) and a
 * minimum spacing between two messages to the same channel (Slack allows about one message per
 * second per channel).
 *
 * <p>{@link #reserve} books the earliest instant a message may go and returns how long to wait
 * for it, so callers that wait that long never exceed the budget, whatever their number of
 * threads. Callers turned away (the wait is longer than they accept) are told to come back one
 * after the other at the tenant's rate, not all at the instant the budget frees up: a fan-out of
 * thousands behind a small budget then costs each delivery about one extra attempt instead of one
 * per turn of the queue. Thread-safe.
 *
 * <p>The budget is per process: with N replicas each applies its own, so configure about
 * {@code platform budget / N}. The platforms' 429 answers (handled by {@link NudgeDispatcher}
 * with {@link RetryPolicy}) remain the safety net.
 */
public final class OutboundLimiter {

    /** Forget idle tenants and channels once this many are tracked. */
    private static final int PRUNE_THRESHOLD = 4096;

    private int pruneAt = PRUNE_THRESHOLD;
    private final long intervalNanos;
    private final long burstToleranceNanos;
    private final Duration channelSpacing;
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
        if (!(tenantPerSecond > 0) || Double.isNaN(tenantPerSecond)) {
            throw new IllegalArgumentException("tenantPerSecond must be positive: " + tenantPerSecond);
        }
        if (tenantBurst < 1) {
            throw new IllegalArgumentException("tenantBurst must be at least 1: " + tenantBurst);
        }
        this.channelSpacing = Objects.requireNonNull(channelSpacing, "channelSpacing");
        if (channelSpacing.isNegative()) {
            throw new IllegalArgumentException("channelSpacing must not be negative: " + channelSpacing);
        }
        this.intervalNanos = Double.isInfinite(tenantPerSecond) ? 0 : Math.max(1, Math.round(1e9 / tenantPerSecond));
        this.burstToleranceNanos = saturatedProduct(intervalNanos, tenantBurst - 1L);
    }

    private static long saturatedProduct(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }

    /** A limiter whose tenant burst is one second's worth of messages (at least 1). */
    public static OutboundLimiter perSecond(double tenantPerSecond, Duration channelSpacing) {
        int burst = (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.floor(tenantPerSecond)));
        return new OutboundLimiter(tenantPerSecond, burst, channelSpacing);
    }

    /** Books the next message to this channel; returns how long to wait before sending it (zero: now). */
    public Duration reserve(ChannelRef channel, Instant now) {
        return reserve(channel, now, null);
    }

    /**
     * Books the next message to this channel if it may go within {@code maxWait}.
     *
     * @param maxWait the longest wait the caller accepts; null for any
     * @return how long to wait before sending; when longer than {@code maxWait} nothing was
     *     booked, and the caller should come back after that long (callers turned away one after
     *     the other are given times one tenant interval apart)
     */
    public synchronized Duration reserve(ChannelRef channel, Instant now, Duration maxWait) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(now, "now");
        String tenant = channel.tenantKey();
        Instant tenantAt = later(tenantNext.getOrDefault(tenant, now), now);
        Instant tenantFree = tenantAt.minusNanos(Math.min(burstToleranceNanos, Duration.between(now, tenantAt).toNanos()));
        Instant channelFree = later(channelNext.getOrDefault(channel, now), now);
        Instant sendAt = later(tenantFree, channelFree);
        Duration wait = Duration.between(now, sendAt);
        if (maxWait != null && wait.compareTo(maxWait) > 0) {
            Instant comeBack = later(tenantComeBack.getOrDefault(tenant, sendAt), sendAt);
            tenantComeBack.put(tenant, comeBack.plusNanos(intervalNanos));
            return Duration.between(now, comeBack);
        }
        tenantNext.put(tenant, later(tenantAt, sendAt).plusNanos(intervalNanos));
        channelNext.put(channel, sendAt.plus(channelSpacing));
        if (channelNext.size() + tenantNext.size() > pruneAt) {
            channelNext.values().removeIf(next -> !next.isAfter(now));
            tenantNext.values().removeIf(next -> !next.isAfter(now));
            tenantComeBack.values().removeIf(next -> !next.isAfter(now));
            // Still many busy ones: prune again only once as many more are tracked (amortized constant time).
            pruneAt = Math.max(PRUNE_THRESHOLD, 2 * (channelNext.size() + tenantNext.size()));
        }
        return wait;
    }

    /** How many tenants and channels are tracked; for tests. */
    synchronized int tracked() {
        return channelNext.size() + tenantNext.size();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
