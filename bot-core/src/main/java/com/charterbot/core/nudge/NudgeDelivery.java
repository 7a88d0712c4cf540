package com.charterbot.core.nudge;

import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.values.ChannelRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One nudge owed to a channel for one period of its schedule, and how its sending went. There is
 * at most one per channel and due instant: that key is what keeps replicas from sending a period's
 * nudge twice.
 *
 * @param id the store's id
 * @param due the slot that opened the period (a past slot when catching up after downtime)
 * @param kind what was sent; present once sent
 * @param attempts the failed attempts so far that count against {@link RetryPolicy#maxAttempts()}
 * @param rateLimited how many times the platform answered 429
 * @param lastError why the last attempt failed, or why the delivery was skipped; empty when none
 * @param sentAt when the platform accepted the nudge; present once sent
 */
public record NudgeDelivery(
        long id,
        ChannelRef channel,
        Instant due,
        Optional<NudgeSent.Kind> kind,
        Status status,
        int attempts,
        int rateLimited,
        String lastError,
        Optional<Instant> sentAt) {

    /** Where a delivery stands; only PENDING ones are ever sent. */
    public enum Status {
        /** Not sent yet: to be attempted (again). */
        PENDING,
        /** The platform accepted it. */
        SENT,
        /** Every attempt failed. */
        FAILED,
        /** Not sent on purpose: the channel was paused, removed or refused the bot for good. */
        SKIPPED;

        /** Whether the delivery is over (anything but PENDING). */
        public boolean terminal() {
            return this != PENDING;
        }
    }

    public NudgeDelivery {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(sentAt, "sentAt");
        if (attempts < 0 || rateLimited < 0) {
            throw new IllegalArgumentException("attempt counts must not be negative");
        }
        if ((status == Status.SENT) != sentAt.isPresent() || (status == Status.SENT) != kind.isPresent()) {
            throw new IllegalArgumentException("a delivery has a kind and a sending instant exactly when it was sent");
        }
    }

    /** A new delivery, not attempted yet. */
    public static NudgeDelivery pending(long id, ChannelRef channel, Instant due) {
        return new NudgeDelivery(id, channel, due, Optional.empty(), Status.PENDING, 0, 0, "", Optional.empty());
    }
}
