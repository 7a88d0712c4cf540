package com.charterbot.teams;

import com.charterbot.core.values.ChannelRef;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** {@link ConversationReferences} in memory, for tests, the load benchmark and the Emulator. Thread-safe. */
public final class InMemoryConversationReferences implements ConversationReferences {

    private final ConcurrentMap<String, StoredReference> references = new ConcurrentHashMap<>();

    @Override
    public void save(StoredReference reference) {
        Objects.requireNonNull(reference, "reference");
        references.put(reference.conversation().key(), reference);
    }

    @Override
    public Optional<StoredReference> find(ChannelRef conversation) {
        return Optional.ofNullable(references.get(conversation.key()));
    }

    @Override
    public void forget(ChannelRef conversation) {
        references.remove(conversation.key());
    }

    /** How many references are kept. */
    public int size() {
        return references.size();
    }
}
