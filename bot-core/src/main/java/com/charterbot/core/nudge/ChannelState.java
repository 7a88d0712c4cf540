package com.charterbot.core.nudge;

import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.values.ChannelRef;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the bot keeps about a channel it nudges.
 *
 * @param name the channel's display name, or empty when unknown
 * @param pauseReason why nudges are paused (e.g. the bot lost access); empty unless {@link Status#PAUSED}
 * @param lastDelivery when the last nudge was delivered; the schedule counts periods from it
 * @param lastKind what the last nudge was; present only with a last delivery
 */
public record ChannelState(
        ChannelRef channel,
        String name,
        NudgeSettings settings,
        Status status,
        String pauseReason,
        Optional<Instant> lastDelivery,
        Optional<NudgeSent.Kind> lastKind) {

    /** Whether the channel is nudged; PAUSED keeps the settings but sends nothing. */
    public enum Status {
        ACTIVE,
        PAUSED
    }

    public ChannelState {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(pauseReason, "pauseReason");
        Objects.requireNonNull(lastDelivery, "lastDelivery");
        Objects.requireNonNull(lastKind, "lastKind");
        if (status == Status.ACTIVE && !pauseReason.isEmpty()) {
            throw new IllegalArgumentException("an active channel has no pause reason");
        }
        if (lastKind.isPresent() && lastDelivery.isEmpty()) {
            throw new IllegalArgumentException("a last kind needs a last delivery");
        }
    }

    /** A channel that has never been nudged, active. */
    public static ChannelState of(ChannelRef channel, String name, NudgeSettings settings) {
        return new ChannelState(channel, name, settings, Status.ACTIVE, "", Optional.empty(), Optional.empty());
    }

    public ChannelState withName(String name) {
        return new ChannelState(channel, name, settings, status, pauseReason, lastDelivery, lastKind);
    }

    public ChannelState withSettings(NudgeSettings settings) {
        return new ChannelState(channel, name, settings, status, pauseReason, lastDelivery, lastKind);
    }

    /** Paused, for this reason (may be empty). */
    public ChannelState paused(String reason) {
        return new ChannelState(channel, name, settings, Status.PAUSED, reason, lastDelivery, lastKind);
    }

    /** Active again; the next nudge is a single catch-up if periods were missed. */
    public ChannelState resumed() {
        return new ChannelState(channel, name, settings, Status.ACTIVE, "", lastDelivery, lastKind);
    }

    /** Whether a delivery at this instant or later is already recorded. */
    public boolean deliveredSince(Instant at) {
        return lastDelivery.filter(last -> !last.isBefore(at)).isPresent();
    }

    /** After a nudge of this kind was delivered at this instant. */
    public ChannelState delivered(Instant at, NudgeSent.Kind kind) {
        return new ChannelState(channel, name, settings, status, pauseReason, Optional.of(at), Optional.of(kind));
    }

    /** When the next nudge is due; empty when paused or off. See {@link NudgeSchedule#nextDue}. */
    public Optional<Instant> nextDue(Clock clock) {
        return status == Status.PAUSED ? Optional.empty() : NudgeSchedule.nextDue(settings, lastDelivery, clock);
    }

    /** The kind the next nudge should be. */
    public NudgeSent.Kind nextKind() {
        return settings.content().next(lastKind);
    }
}
