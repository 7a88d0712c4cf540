package com.charterbot.core.chat;

import com.charterbot.core.values.Platform;

/**
 * Told of each error a platform's API answers to the bot's replies (answers, follow-ups, home
 * tabs, forms), for monitoring; nudges are counted from their {@code SendOutcome}s instead.
 */
@FunctionalInterface
public interface PlatformApiErrors {

    /** Counts nothing. */
    PlatformApiErrors NONE = (platform, status) -> {};

    /**
     * @param status an HTTP status ({@code "429"}, {@code "503"}), a Slack error code
     *     ({@code "channel_not_found"}), {@code "timeout"}, {@code "network"} or {@code "other"}
     */
    void count(Platform platform, String status);
}
