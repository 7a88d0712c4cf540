package com.charterbot.core.chat;

class InMemoryRepliedMessagesContractTest extends RepliedMessagesContract {

    @Override
    protected RepliedMessages newStore() {
        return new InMemoryRepliedMessages();
    }
}
