package com.charterbot.core.memory;

import com.charterbot.core.tip.TipId;
import com.charterbot.core.tip.TipRotationStore;
import com.charterbot.core.values.ChannelRef;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A {@link TipRotationStore} in memory, for tests and single-process use. Thread-safe. */
public final class InMemoryTipRotationStore implements TipRotationStore {

    private final Map<ChannelRef, Set<String>> shown = new HashMap<>();
    private final Map<ChannelRef, String> last = new HashMap<>();

    @Override
    public synchronized Set<String> shown(ChannelRef channel) {
        Objects.requireNonNull(channel, "channel");
        return Set.copyOf(shown.getOrDefault(channel, Set.of()));
    }

    @Override
    public synchronized void markShown(ChannelRef channel, String tipId) {
        Objects.requireNonNull(channel, "channel");
        TipId.parse(tipId);
        shown.computeIfAbsent(channel, c -> new HashSet<>()).add(tipId);
        last.put(channel, tipId);
    }

    @Override
    public synchronized void reset(ChannelRef channel) {
        Objects.requireNonNull(channel, "channel");
        shown.remove(channel);
    }

    @Override
    public synchronized Optional<String> last(ChannelRef channel) {
        Objects.requireNonNull(channel, "channel");
        return Optional.ofNullable(last.get(channel));
    }
}
