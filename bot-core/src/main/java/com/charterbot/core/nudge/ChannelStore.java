package com.charterbot.core.nudge;

import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.values.ChannelRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where the channels' nudge states are kept; one state per channel. */
public interface ChannelStore {

    Optional<ChannelState> find(ChannelRef channel);

    /** Adds the state, or replaces the one of the same channel. */
    void save(ChannelState state);

    /** Every state, in no particular order. */
    List<ChannelState> all();

    /**
     * Records a nudge delivered to the channel, unless its state already has a delivery as late. Only
     * the last delivery and its kind change, so settings saved meanwhile are kept; an unknown channel
     * is left unknown. Stores that can do it in one statement should.
     */
    default void markDelivered(ChannelRef channel, Instant at, NudgeSent.Kind kind) {
        find(channel)
                .filter(current -> !current.deliveredSince(at))
                .ifPresent(current -> save(current.delivered(at, kind)));
    }

    /** Forgets the channel; does nothing when it is unknown. */
    void remove(ChannelRef channel);

    /** The channels whose nudges are paused; stores that can pick them without loading every state should. */
    default List<ChannelState> paused() {
        return all().stream()
                .filter(channel -> channel.status() == ChannelState.Status.PAUSED)
                .toList();
    }

    /** How many channels have their nudges paused; stores that can count without loading every state should. */
    default int countPaused() {
        return paused().size();
    }
}
