package com.charterbot.core.memory;

import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.nudge.ChannelState;
import com.charterbot.core.nudge.ChannelStore;
import com.charterbot.core.values.ChannelRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link ChannelStore} in memory, for tests and single-process use. Thread-safe. */
public final class InMemoryChannelStore implements ChannelStore {

    private final ConcurrentMap<ChannelRef, ChannelState> states = new ConcurrentHashMap<>();

    @Override
    public Optional<ChannelState> find(ChannelRef channel) {
        return Optional.ofNullable(states.get(Objects.requireNonNull(channel, "channel")));
    }

    @Override
    public void save(ChannelState state) {
        states.put(state.channel(), state);
    }

    @Override
    public List<ChannelState> all() {
        return List.copyOf(states.values());
    }

    /** Atomic for the channel: a state saved meanwhile keeps its settings. */
    @Override
    public void markDelivered(ChannelRef channel, Instant at, NudgeSent.Kind kind) {
        states.computeIfPresent(
                Objects.requireNonNull(channel, "channel"),
                (key, current) -> current.deliveredSince(at) ? current : current.delivered(at, kind));
    }

    @Override
    public void remove(ChannelRef channel) {
        states.remove(Objects.requireNonNull(channel, "channel"));
    }
}
