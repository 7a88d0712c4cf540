package com.charterbot.core.people;

class InMemoryLanguagePreferencesContractTest extends LanguagePreferencesContract {

    @Override
    protected LanguagePreferences newStore() {
        return new InMemoryLanguagePreferences();
    }
}
