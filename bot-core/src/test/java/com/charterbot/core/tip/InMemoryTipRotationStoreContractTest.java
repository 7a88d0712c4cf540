package com.charterbot.core.tip;

import com.charterbot.core.memory.InMemoryTipRotationStore;

class InMemoryTipRotationStoreContractTest extends TipRotationStoreContract {

    @Override
    protected TipRotationStore newStore() {
        return new InMemoryTipRotationStore();
    }
}
