package com.charterbot.core.tip;

import com.charterbot.core.values.ChannelRef;
import java.util.Optional;
import java.util.Set;

/**
 * Which tips a channel has seen in the current rotation cycle. Tip ids are
 * {@code <section id>#<index>}, the same in every language (see {@link TipId}).
 */
public interface TipRotationStore {

    /** The ids of the tips shown in this channel since the cycle last restarted; possibly ids that no longer exist. */
    Set<String> shown(ChannelRef channel);

    /** Records that this tip was just shown in this channel: adds it to the cycle and makes it the {@link #last}. */
    void markShown(ChannelRef channel, String tipId);

    /** Starts a new cycle for this channel: forgets {@link #shown} but keeps {@link #last}. */
    void reset(ChannelRef channel);

    /** The tip shown most recently in this channel, across cycles, so a new cycle does not open with it. */
    Optional<String> last(ChannelRef channel);
}
