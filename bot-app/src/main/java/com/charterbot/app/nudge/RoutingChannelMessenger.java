package com.charterbot.app.nudge;

import com.charterbot.core.chat.Platform;
import com.charterbot.core.nudge.ChannelMessenger;
import com.charterbot.core.nudge.ChannelState;
import com.charterbot.core.nudge.SendOutcome;
import com.charterbot.core.reply.Reply;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * Sends each nudge through the messenger of its channel's platform; a platform without an adapter
 * goes to a {@link LoggingChannelMessenger}, which pauses the channel. Thread-safe (read-only map).
 */
final class RoutingChannelMessenger implements ChannelMessenger {

    private final Map<Platform, ChannelMessenger> byPlatform;
    private final ChannelMessenger missing = new LoggingChannelMessenger();

    RoutingChannelMessenger(Collection<PlatformChannelMessenger> messengers) {
        Map<Platform, ChannelMessenger> map = new EnumMap<>(Platform.class);
        for (PlatformChannelMessenger messenger : messengers) {
            if (map.putIfAbsent(messenger.platform(), messenger.messenger()) != null) {
                throw new IllegalStateException("two messengers for " + messenger.platform());
            }
        }
        this.byPlatform = map;
    }

    @Override
    public SendOutcome send(ChannelState channel, Reply reply) {
        return byPlatform.getOrDefault(channel.channel().platform(), missing).send(channel, reply);
    }
}
