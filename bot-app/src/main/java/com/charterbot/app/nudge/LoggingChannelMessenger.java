package com.charterbot.app.nudge;

import com.charterbot.core.nudge.ChannelMessenger;
import com.charterbot.core.nudge.ChannelState;
import com.charterbot.core.nudge.SendOutcome;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.Platform;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ChannelMessenger} used while no platform adapter provides one: it sends nothing,
 * says so once per platform in the log, and answers {@link SendOutcome.Permanent} so that the
 * channel's nudges are paused (with the reason "no adapter for &lt;platform&gt;") instead of being
 * retried forever. Thread-safe.
 */
public final class LoggingChannelMessenger implements ChannelMessenger {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingChannelMessenger.class);

    private final Set<Platform> warned = ConcurrentHashMap.newKeySet();

    @Override
    public SendOutcome send(ChannelState channel, Reply reply) {
        Platform platform = channel.channel().platform();
        String name = platform.name().toLowerCase(Locale.ROOT);
        if (warned.add(platform)) {
            LOG.warn("no platform adapter configured for {}: scheduled nudges to {} channels are not sent", name, name);
        }
        return new SendOutcome.Permanent("no adapter for " + name);
    }
}
