package com.charterbot.core.memory;

import com.charterbot.core.chat.RepliedMessages;
import com.charterbot.core.values.ChannelRef;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** {@link RepliedMessages} in memory, for tests and single-process runs: thread-safe, one per process. */
public final class InMemoryRepliedMessages implements RepliedMessages {

    private record Key(ChannelRef conversation, String messageId) {}

    private record Entry(String replyId, Instant at) {}

    private final ConcurrentMap<Key, Entry> replies = new ConcurrentHashMap<>();

    @Override
    public void remember(ChannelRef conversation, String messageId, String replyId, Instant at) {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(at, "at");
        if (usable(messageId) && usable(replyId)) {
            replies.put(new Key(conversation, messageId), new Entry(replyId, at));
        }
    }

    @Override
    public Optional<String> replyTo(ChannelRef conversation, String messageId, Instant now) {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(now, "now");
        if (!usable(messageId)) {
            return Optional.empty();
        }
        Entry entry = replies.get(new Key(conversation, messageId));
        return entry == null || entry.at().isBefore(now.minus(KEPT)) ? Optional.empty() : Optional.of(entry.replyId());
    }

    @Override
    public int forgetBefore(Instant before) {
        Objects.requireNonNull(before, "before");
        int removed = 0;
        for (Map.Entry<Key, Entry> entry : replies.entrySet()) {
            if (entry.getValue().at().isBefore(before) && replies.remove(entry.getKey(), entry.getValue())) {
                removed++;
            }
        }
        return removed;
    }

    private static boolean usable(String id) {
        return id != null && !id.isBlank() && id.length() <= MAX_ID;
    }
}
