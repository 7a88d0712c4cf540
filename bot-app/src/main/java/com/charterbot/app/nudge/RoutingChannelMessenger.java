package com.charterbot.app.nudge;

import com.charterbot.core.nudge.ChannelMessenger;
import com.charterbot.core.nudge.ChannelState;
import com.charterbot.core.nudge.SendOutcome;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.Platform;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Sends each nudge through the messenger of its channel's platform; a platform without an adapter
 * goes to a {@link LoggingChannelMessenger}, which pauses the channel. The adapters' messengers are
 * looked up on the first send, not at construction: an adapter's messenger may depend on the
 * conversation, which depends on the scheduler, which holds this router. Thread-safe.
 */
final class RoutingChannelMessenger implements ChannelMessenger {

    private final Supplier<? extends Collection<PlatformChannelMessenger>> messengers;
    private final ChannelMessenger missing = new LoggingChannelMessenger();
    private volatile Map<Platform, ChannelMessenger> byPlatform;

    RoutingChannelMessenger(Collection<PlatformChannelMessenger> messengers) {
        this(() -> messengers);
        byPlatform();
    }

    RoutingChannelMessenger(Supplier<? extends Collection<PlatformChannelMessenger>> messengers) {
        this.messengers = Objects.requireNonNull(messengers, "messengers");
    }

    @Override
    public SendOutcome send(ChannelState channel, Reply reply) {
        return byPlatform().getOrDefault(channel.channel().platform(), missing).send(channel, reply);
    }

    private Map<Platform, ChannelMessenger> byPlatform() {
        Map<Platform, ChannelMessenger> current = byPlatform;
        if (current == null) {
            Map<Platform, ChannelMessenger> map = new EnumMap<>(Platform.class);
            for (PlatformChannelMessenger messenger : messengers.get()) {
                if (map.putIfAbsent(messenger.platform(), messenger.messenger()) != null) {
                    throw new IllegalStateException("two messengers for " + messenger.platform());
                }
            }
            current = Collections.unmodifiableMap(map);
            byPlatform = current;
        }
        return current;
    }
}
