package com.charterbot.teams;

import com.charterbot.core.values.ChannelRef;
import java.util.Optional;

/**
 * Where the Teams adapter keeps the conversation reference of each team channel and group chat
 * the bot was installed in or spoke in, so that nudges can be sent there later. Personal chats are
 * not kept. Implementations must be thread-safe.
 */
public interface ConversationReferences {

    /** Saves the reference of its conversation, replacing an older one. */
    void save(StoredReference reference);

    /** The reference of this conversation, if one was saved. */
    Optional<StoredReference> find(ChannelRef conversation);

    /** Forgets the reference of this conversation (e.g. the channel was deleted); unknown ones are ignored. */
    void forget(ChannelRef conversation);
}
