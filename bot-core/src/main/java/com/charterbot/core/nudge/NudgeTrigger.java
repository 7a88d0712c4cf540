package com.charterbot.core.nudge;

import com.charterbot.core.values.ChannelRef;

/** Sends a channel one nudge right away, on an administrator's request ({@code nudges now}). */
public interface NudgeTrigger {

    /**
     * Queues a nudge for this channel now; it is delivered, retried and counted like a scheduled
     * one. The channel must already be registered in the {@link ChannelStore}.
     *
     * @return false when the channel is unknown or paused
     */
    boolean nudgeNow(ChannelRef channel);
}
