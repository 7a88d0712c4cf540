package com.charterbot.app.nudge;

import com.charterbot.core.nudge.ChannelMessenger;
import com.charterbot.core.values.Platform;
import java.util.Objects;

/**
 * A platform adapter's messenger, declared as a bean by the adapter's configuration: the nudge
 * dispatcher sends each channel's nudges through the one of the channel's platform.
 */
public record PlatformChannelMessenger(Platform platform, ChannelMessenger messenger) {

    public PlatformChannelMessenger {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(messenger, "messenger");
    }
}
