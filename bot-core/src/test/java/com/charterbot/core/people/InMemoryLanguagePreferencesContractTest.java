package com.charterbot.core.people;

import com.charterbot.core.memory.InMemoryLanguagePreferences;

class InMemoryLanguagePreferencesContractTest extends LanguagePreferencesContract {

    @Override
    protected LanguagePreferences newStore() {
        return new InMemoryLanguagePreferences();
    }
}
