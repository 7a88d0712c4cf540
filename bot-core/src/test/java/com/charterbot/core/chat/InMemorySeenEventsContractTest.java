package com.charterbot.core.chat;

import com.charterbot.core.memory.InMemorySeenEvents;

class InMemorySeenEventsContractTest extends SeenEventsContract {

    @Override
    protected SeenEvents newStore() {
        return new InMemorySeenEvents();
    }
}
