package com.charterbot.app.experts;

import com.charterbot.core.experts.ExpertsMessenger;
import com.charterbot.core.values.Platform;
import java.util.Objects;

/** A platform adapter's {@link ExpertsMessenger}, declared as a bean by the adapter's configuration. */
public record PlatformExpertsMessenger(Platform platform, ExpertsMessenger messenger) {

    public PlatformExpertsMessenger {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(messenger, "messenger");
    }
}
