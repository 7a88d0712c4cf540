package com.charterbot.core.memory;

import com.charterbot.core.chat.SeenEvents;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@link SeenEvents} in memory, for tests and the command line: thread-safe, but each process has
 * its own, so replicas need a shared store.
 */
public final class InMemorySeenEvents implements SeenEvents {

    /** The longest key accepted, as {@link SeenEvents#firstTime} documents. */
    public static final int MAX_KEY = 200;

    private final ConcurrentMap<String, Instant> seen = new ConcurrentHashMap<>();

    @Override
    public boolean firstTime(String key, Instant at) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(at, "at");
        if (key.isBlank() || key.length() > MAX_KEY) {
            throw new IllegalArgumentException("an event key has 1 to " + MAX_KEY + " characters");
        }
        return seen.putIfAbsent(key, at) == null;
    }

    @Override
    public int forgetBefore(Instant before) {
        Objects.requireNonNull(before, "before");
        int removed = 0;
        for (Map.Entry<String, Instant> entry : seen.entrySet()) {
            // remove(key, value) so that only this thread counts an entry it actually removed.
            if (entry.getValue().isBefore(before) && seen.remove(entry.getKey(), entry.getValue())) {
                removed++;
            }
        }
        return removed;
    }
}
