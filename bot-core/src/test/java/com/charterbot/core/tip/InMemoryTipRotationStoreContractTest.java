package com.charterbot.core.tip;

class InMemoryTipRotationStoreContractTest extends TipRotationStoreContract {

    @Override
    protected TipRotationStore newStore() {
        return new InMemoryTipRotationStore();
    }
}
