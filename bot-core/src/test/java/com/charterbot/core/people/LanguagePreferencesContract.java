package com.charterbot.core.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import org.junit.jupiter.api.Test;

/** What every {@link LanguagePreferences} does; each implementation's test extends this class. */
public abstract class LanguagePreferencesContract {

    private static final UserRef ALICE = new UserRef(Platform.SLACK, "T0ACME", "U0ALICE");
    private static final UserRef ALICE_ELSEWHERE = new UserRef(Platform.SLACK, "T0OTHER", "U0ALICE");
    private static final UserRef ALICE_ON_TEAMS = new UserRef(Platform.TEAMS, "T0ACME", "U0ALICE");

    /** A new, empty store. */
    protected abstract LanguagePreferences newStore();

    @Test
    void aPersonsLatestChoiceIsKeptForThatPersonOnly() {
        LanguagePreferences preferences = newStore();
        assertThat(preferences.find(ALICE)).isEmpty();

        preferences.save(ALICE, Language.FR);
        preferences.save(ALICE, Language.EN);
        preferences.save(ALICE_ELSEWHERE, Language.FR);

        assertThat(preferences.find(ALICE)).contains(Language.EN);
        assertThat(preferences.find(ALICE_ELSEWHERE)).contains(Language.FR);
        assertThat(preferences.find(ALICE_ON_TEAMS)).isEmpty();
    }

    @Test
    void forgettingAPersonLeavesTheOthers() {
        LanguagePreferences preferences = newStore();
        preferences.save(ALICE, Language.FR);
        preferences.save(ALICE_ELSEWHERE, Language.FR);

        preferences.forget(ALICE);
        preferences.forget(ALICE_ON_TEAMS);

        assertThat(preferences.find(ALICE)).isEmpty();
        assertThat(preferences.find(ALICE_ELSEWHERE)).contains(Language.FR);
    }
}
