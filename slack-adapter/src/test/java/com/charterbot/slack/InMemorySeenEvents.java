package com.charterbot.slack;

import com.charterbot.core.chat.SeenEvents;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Seen events in a map, as one replica would keep them. */
final class InMemorySeenEvents implements SeenEvents {

    final Map<String, Instant> seen = new ConcurrentHashMap<>();

    @Override
    public boolean firstTime(String key, Instant at) {
        return seen.putIfAbsent(key, at) == null;
    }

    @Override
    public int forgetBefore(Instant before) {
        int before0 = seen.size();
        seen.values().removeIf(at -> at.isBefore(before));
        return before0 - seen.size();
    }
}
