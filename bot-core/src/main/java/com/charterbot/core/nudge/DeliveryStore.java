package com.charterbot.core.nudge;

import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.values.ChannelRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where nudge deliveries are kept. The pair (channel, due) is unique: that is what makes
 * {@link #createIfAbsent} safe for any number of replicas planning at once. Implementations are
 * thread-safe.
 *
 * <p>The {@code mark...} methods change only a PENDING delivery and say whether they did, so a
 * late or repeated attempt never overwrites the outcome of another one.
 */
public interface DeliveryStore {

    /** At most this many characters of an error or reason are kept. */
    int MAX_ERROR = 1000;

    /**
     * Adds a PENDING delivery for this channel and due instant, unless one exists.
     *
     * @return the new delivery; empty when the (channel, due) pair already had one (created now by
     *     another replica or earlier)
     */
    Optional<NudgeDelivery> createIfAbsent(ChannelRef channel, Instant due);

    Optional<NudgeDelivery> find(long id);

    /** The delivery of this channel for this due instant, if any. */
    Optional<NudgeDelivery> find(ChannelRef channel, Instant due);

    /** A channel and the due instant of one of its deliveries: what identifies a delivery besides its id. */
    record Slot(ChannelRef channel, Instant due) {
        public Slot {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(due, "due");
        }
    }

    /**
     * The deliveries of these slots that exist, in no particular order. This default asks
     * {@link #find(ChannelRef, Instant)} for each; a store on a database answers in a few queries.
     */
    default List<NudgeDelivery> findAll(Collection<Slot> slots) {
        List<NudgeDelivery> found = new ArrayList<>();
        for (Slot slot : slots) {
            find(slot.channel(), slot.due()).ifPresent(found::add);
        }
        return found;
    }

    /**
     * Adds a PENDING delivery for each slot that has none, as {@link #createIfAbsent} would for
     * each in turn. This default does exactly that; a store on a database does it in a few
     * statements whatever the number.
     *
     * @return the new deliveries, in no particular order
     */
    default List<NudgeDelivery> createAllIfAbsent(Collection<Slot> slots) {
        List<NudgeDelivery> created = new ArrayList<>();
        for (Slot slot : slots) {
            createIfAbsent(slot.channel(), slot.due()).ifPresent(created::add);
        }
        return created;
    }

    /** PENDING deliveries, oldest first, at most {@code limit}. */
    List<NudgeDelivery> pending(int limit);

    /** PENDING -> SENT. */
    boolean markSent(long id, Instant at, NudgeSent.Kind kind);

    /** Stays PENDING with these counts and this error, for another attempt. */
    boolean markRetry(long id, int attempts, int rateLimited, String error);

    /** PENDING -> FAILED: no attempt left. */
    boolean markFailed(long id, int attempts, String error);

    /** PENDING -> SKIPPED, with the reason. */
    boolean markSkipped(long id, String reason);

    /** FAILED and SKIPPED deliveries due at or after {@code since}, latest due first. */
    List<NudgeDelivery> problems(Instant since);

    /** Deletes the finished (not PENDING) deliveries due before the cutoff; returns how many. */
    int purgeBefore(Instant cutoff);

    /** An error or reason cut to {@link #MAX_ERROR} characters. */
    static String clip(String text) {
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }
}
