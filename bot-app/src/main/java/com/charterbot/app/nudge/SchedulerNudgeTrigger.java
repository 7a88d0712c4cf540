package com.charterbot.app.nudge;

import com.charterbot.core.nudge.ChannelState;
import com.charterbot.core.nudge.ChannelStore;
import com.charterbot.core.nudge.DeliveryStore;
import com.charterbot.core.nudge.NudgeDelivery;
import com.charterbot.core.nudge.NudgeTrigger;
import com.charterbot.core.values.ChannelRef;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code nudges now}: a delivery due now, scheduled on the shared task table, so whichever replica
 * polls first sends it with the same retries, limits and records as a scheduled nudge.
 */
final class SchedulerNudgeTrigger implements NudgeTrigger {

    private final ChannelStore channels;
    private final DeliveryStore deliveries;
    private final NudgeTasks tasks;
    private final SchedulerClient client;
    private final Clock clock;

    SchedulerNudgeTrigger(
            ChannelStore channels, DeliveryStore deliveries, NudgeTasks tasks, SchedulerClient client, Clock clock) {
        this.channels = Objects.requireNonNull(channels, "channels");
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean nudgeNow(ChannelRef channel) {
        Optional<ChannelState> state = channels.find(channel);
        if (state.isEmpty()
                || state.get().status() != ChannelState.Status.ACTIVE
                || !state.get().settings().enabled()) {
            return false;
        }
        // Whole seconds: a second click within the same second asks for the same delivery.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Optional<NudgeDelivery> created = deliveries.createIfAbsent(channel, now);
        created.ifPresent(delivery -> tasks.scheduleDelivery(client, delivery.id(), now));
        return true;
    }
}
