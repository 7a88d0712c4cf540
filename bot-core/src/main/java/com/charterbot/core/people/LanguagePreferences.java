package com.charterbot.core.people;

import com.charterbot.core.values.Language;
import com.charterbot.core.values.UserRef;
import java.util.Optional;

/** The reply language each person chose with {@code lang}, if they chose one. */
public interface LanguagePreferences {

    Optional<Language> find(UserRef user);

    void save(UserRef user, Language language);

    void forget(UserRef user);
}
