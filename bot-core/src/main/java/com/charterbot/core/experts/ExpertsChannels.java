package com.charterbot.core.experts;

import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Platform;
import java.util.Optional;

/**
 * The channel of each workspace or tenant where the communications team receives questions, as an
 * administrator set it in chat ({@code experts channel here}); shared by every replica.
 */
public interface ExpertsChannels {

    /** The channel set in chat for this tenant of this platform. */
    Optional<ChannelRef> find(Platform platform, String tenant);

    /** Makes this channel the tenant's experts' channel, replacing the previous one. */
    void set(ChannelRef channel);
}
