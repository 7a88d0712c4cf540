package com.charterbot.core.memory;

import com.charterbot.core.people.LanguagePreferences;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.UserRef;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link LanguagePreferences} in memory, for tests and single-process use. */
public final class InMemoryLanguagePreferences implements LanguagePreferences {

    private final Map<UserRef, Language> languages = new ConcurrentHashMap<>();

    @Override
    public Optional<Language> find(UserRef user) {
        return Optional.ofNullable(languages.get(user));
    }

    @Override
    public void save(UserRef user, Language language) {
        languages.put(user, language);
    }

    @Override
    public void forget(UserRef user) {
        languages.remove(user);
    }
}
