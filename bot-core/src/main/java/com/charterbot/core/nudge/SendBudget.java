package com.charterbot.core.nudge;

import com.charterbot.core.values.ChannelRef;
import java.time.Duration;
import java.time.Instant;

/**
 * Paces outgoing nudges: books the earliest instant a message to a channel may go within its
 * tenant's budget (a Slack workspace, a Teams tenant) and its channel's spacing, by the rule of
 * {@link SendPacing}. The port the nudge dispatcher asks before each send; {@link OutboundLimiter}
 * keeps the bookings in one process, the application's implementation on the database the replicas
 * share, so that a budget holds for the whole cluster whatever the number of replicas.
 *
 * <p>Implementations must be thread-safe and, when shared, safe across processes. A store that
 * fails throws; the dispatcher then retries the delivery later.
 */
public interface SendBudget {

    /**
     * Books the next message to this channel if it may go within {@code maxWait}.
     *
     * @param now the caller's clock; replicas sharing a budget need synchronized clocks (as the
     *     scheduler's heartbeats already do)
     * @param maxWait the longest wait the caller accepts; null for any
     * @return how long to wait before sending; when longer than {@code maxWait} nothing was
     *     booked, and the caller should come back after that long (callers turned away one after
     *     the other are given times one tenant interval apart)
     */
    Duration reserve(ChannelRef channel, Instant now, Duration maxWait);

    /** Books the next message to this channel, however long the wait. */
    default Duration reserve(ChannelRef channel, Instant now) {
        return reserve(channel, now, null);
    }
}
