package com.charterbot.core.nudge;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The pacing rule every {@link SendBudget} applies, whatever keeps its state: per tenant a
 * generic cell rate algorithm ({@code perSecond} messages a second, {@code burst} of them at once
 * after an idle spell) and per channel a least spacing between two messages (Slack allows about
 * one message a second in a channel).
 *
 * <p>{@link #decide} is a pure function of what is remembered of the tenant and the channel, so an
 * in-memory budget and one on a shared database decide alike; they only differ in how they keep
 * {@link Slots} between two calls. Callers turned away (the wait is longer than they accept) are
 * told to come back one after the other at the tenant's rate, not all at the instant the budget
 * frees up: a fan-out of thousands behind a small budget then costs each delivery about one extra
 * attempt instead of one per turn of the queue.
 */
public final class SendPacing {

    private final long intervalNanos;
    private final long burstToleranceNanos;
    private final Duration channelSpacing;

    /**
     * @param perSecond messages per second per tenant; positive
     * @param burst how many messages a tenant may send at once after being idle; at least 1
     * @param channelSpacing the least time between two messages to one channel; not negative
     */
    public SendPacing(double perSecond, int burst, Duration channelSpacing) {
        if (!(perSecond > 0) || Double.isNaN(perSecond)) {
            throw new IllegalArgumentException("perSecond must be positive: " + perSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1: " + burst);
        }
        this.channelSpacing = Objects.requireNonNull(channelSpacing, "channelSpacing");
        if (channelSpacing.isNegative()) {
            throw new IllegalArgumentException("channelSpacing must not be negative: " + channelSpacing);
        }
        this.intervalNanos = Double.isInfinite(perSecond) ? 0 : Math.max(1, (long) Math.ceil(1e9 / perSecond));
        this.burstToleranceNanos = saturatedProduct(intervalNanos, burst - 1L);
    }

    /**
     * No burst: at most {@code perSecond} messages to a tenant in any second, one every
     * {@code 1 / perSecond} seconds.
     */
    public static SendPacing evenly(double perSecond, Duration channelSpacing) {
        return new SendPacing(perSecond, 1, channelSpacing);
    }

    /**
     * What is remembered between two decisions; a null instant: nothing (never used, or forgotten
     * once in the past).
     *
     * @param tenantNext the tenant's theoretical arrival time of its next message
     * @param tenantComeBack when the tenant's next caller turned away should come back
     * @param channelNext the earliest instant of the channel's next message
     */
    public record Slots(Instant tenantNext, Instant tenantComeBack, Instant channelNext) {

        /** Nothing remembered. */
        public static final Slots NONE = new Slots(null, null, null);
    }

    /**
     * The outcome of one request.
     *
     * @param booked whether a message was booked (else only the tenant's come-back slot moved)
     * @param delay how long to wait before sending; when not booked, when to come back
     * @param slots what to remember instead
     */
    public record Decision(boolean booked, Duration delay, Slots slots) {
        public Decision {
            Objects.requireNonNull(delay, "delay");
            Objects.requireNonNull(slots, "slots");
        }
    }

    /**
     * Books the next message to a channel if it may go within {@code maxWait} (null: any wait).
     *
     * @param slots what is remembered of the channel's tenant and of the channel
     */
    public Decision decide(Slots slots, Instant now, Duration maxWait) {
        Objects.requireNonNull(slots, "slots");
        Objects.requireNonNull(now, "now");
        Instant tenantAt = later(slots.tenantNext(), now);
        Instant tenantFree = tenantAt.minusNanos(
                Math.min(burstToleranceNanos, Duration.between(now, tenantAt).toNanos()));
        Instant sendAt = later(tenantFree, later(slots.channelNext(), now));
        Duration wait = Duration.between(now, sendAt);
        if (maxWait != null && wait.compareTo(maxWait) > 0) {
            Instant comeBack = later(slots.tenantComeBack(), sendAt);
            return new Decision(
                    false,
                    Duration.between(now, comeBack),
                    new Slots(slots.tenantNext(), comeBack.plusNanos(intervalNanos), slots.channelNext()));
        }
        return new Decision(
                true,
                wait,
                new Slots(
                        later(tenantAt, sendAt).plusNanos(intervalNanos),
                        slots.tenantComeBack(),
                        sendAt.plus(channelSpacing)));
    }

    /** The time between two messages of a tenant once its burst is spent. */
    public Duration interval() {
        return Duration.ofNanos(intervalNanos);
    }

    private static Instant later(Instant a, Instant b) {
        return a != null && a.isAfter(b) ? a : b;
    }

    private static long saturatedProduct(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }
}
