package com.charterbot.app.experts;

import com.charterbot.core.experts.ExpertsMessenger;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Sends through the messenger of each channel's or person's platform; a platform without an adapter
 * sends nothing. The adapters' messengers are looked up on first use: they depend on the
 * conversation, which holds this router. Thread-safe.
 */
final class RoutingExpertsMessenger implements ExpertsMessenger {

    private final Supplier<? extends Collection<PlatformExpertsMessenger>> messengers;
    private volatile Map<Platform, ExpertsMessenger> byPlatform;

    RoutingExpertsMessenger(Supplier<? extends Collection<PlatformExpertsMessenger>> messengers) {
        this.messengers = Objects.requireNonNull(messengers, "messengers");
    }

    @Override
    public Posted post(ChannelRef channel, Reply card) {
        return on(channel.platform()).post(channel, card);
    }

    @Override
    public boolean update(ChannelRef channel, String cardId, Reply card) {
        return on(channel.platform()).update(channel, cardId, card);
    }

    @Override
    public boolean tell(UserRef person, ChannelRef sameTenant, Reply message) {
        return on(person.platform()).tell(person, sameTenant, message);
    }

    private ExpertsMessenger on(Platform platform) {
        Map<Platform, ExpertsMessenger> current = byPlatform;
        if (current == null) {
            current = new EnumMap<>(Platform.class);
            for (PlatformExpertsMessenger messenger : messengers.get()) {
                current.put(messenger.platform(), messenger.messenger());
            }
            byPlatform = current;
        }
        return current.getOrDefault(platform, ExpertsMessenger.NONE);
    }
}
