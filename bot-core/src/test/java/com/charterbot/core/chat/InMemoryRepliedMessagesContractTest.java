package com.charterbot.core.chat;

import com.charterbot.core.memory.InMemoryRepliedMessages;

class InMemoryRepliedMessagesContractTest extends RepliedMessagesContract {

    @Override
    protected RepliedMessages newStore() {
        return new InMemoryRepliedMessages();
    }
}
