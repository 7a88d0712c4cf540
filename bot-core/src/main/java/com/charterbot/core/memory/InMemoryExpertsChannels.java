package com.charterbot.core.memory;

import com.charterbot.core.experts.ExpertsChannels;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Platform;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ExpertsChannels} in memory, for tests and the command line. */
public final class InMemoryExpertsChannels implements ExpertsChannels {

    private final Map<String, ChannelRef> channels = new ConcurrentHashMap<>();

    @Override
    public Optional<ChannelRef> find(Platform platform, String tenant) {
        return Optional.ofNullable(channels.get(platform + ":" + tenant));
    }

    @Override
    public void set(ChannelRef channel) {
        channels.put(channel.platform() + ":" + channel.tenant(), channel);
    }
}
