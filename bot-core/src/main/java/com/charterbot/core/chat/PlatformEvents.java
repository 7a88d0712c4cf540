package com.charterbot.core.chat;

import com.charterbot.core.values.Platform;

/**
 * Told of what a platform says about the bot itself rather than about a conversation, for
 * monitoring: today, that it stopped sending the bot events for a while because the bot received too
 * many (Slack's {@code app_rate_limited}).
 */
@FunctionalInterface
public interface PlatformEvents {

    /** Counts nothing. */
    PlatformEvents NONE = platform -> {};

    /** The platform held back events meant for the bot (they are lost, not delayed). */
    void eventsRateLimited(Platform platform);
}
