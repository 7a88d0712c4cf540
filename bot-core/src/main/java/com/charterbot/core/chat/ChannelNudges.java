package com.charterbot.core.chat;

import com.charterbot.core.nudge.ChannelStore;
import com.charterbot.core.nudge.DeliveryStore;
import com.charterbot.core.nudge.NudgeSettings;
import com.charterbot.core.nudge.NudgeTrigger;
import java.util.Objects;

/**
 * The channels' nudges as the conversation sees them: what {@code settings}, {@code nudges} and
 * the statistics read and change.
 *
 * @param deliveries the nudges sent or failed, for the statistics
 * @param trigger sends a channel its next nudge at once ({@code nudges now})
 * @param defaults the nudges of a channel nobody configured yet; their zone also dates the statistics
 */
public record ChannelNudges(
        ChannelStore channels, DeliveryStore deliveries, NudgeTrigger trigger, NudgeSettings defaults) {

    public ChannelNudges {
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(deliveries, "deliveries");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(defaults, "defaults");
    }
}
