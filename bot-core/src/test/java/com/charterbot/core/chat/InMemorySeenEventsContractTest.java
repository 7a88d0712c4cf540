package com.charterbot.core.chat;

class InMemorySeenEventsContractTest extends SeenEventsContract {

    @Override
    protected SeenEvents newStore() {
        return new InMemorySeenEvents();
    }
}
