package com.charterbot.core.chat;

import java.time.Instant;

/**
 * Remembers which platform events were already handled, so that an event a platform delivers
 * twice (Slack retries, a replica that took too long) is processed once, across every replica.
 */
public interface SeenEvents {

    /**
     * Records the event and says whether it is the first time.
     *
     * @param key a platform-scoped event id, e.g. {@code slack:Ev0123}; at most 200 characters
     * @return true the first time a key is seen, false for every repeat
     */
    boolean firstTime(String key, Instant at);

    /** Forgets events seen before this instant; returns how many were removed. */
    int forgetBefore(Instant before);
}
