package com.charterbot.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.memory.InMemoryLanguagePreferences;
import com.charterbot.core.people.LanguagePreferences;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class CachedLanguagePreferencesTest {

    private static final UserRef CAMILLE = new UserRef(Platform.TEAMS, "tenant-1", "29:camille");
    private static final UserRef SAM = new UserRef(Platform.SLACK, "T0ACME", "U0SAM");

    /** The shared database, as every replica sees it, counting its reads. */
    private final InMemoryLanguagePreferences database = new InMemoryLanguagePreferences();

    private final AtomicInteger reads = new AtomicInteger();
    private volatile boolean databaseDown;
    private final LanguagePreferences counted = new LanguagePreferences() {
        @Override
        public Optional<Language> find(UserRef user) {
            reads.incrementAndGet();
            if (databaseDown) {
                throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
            }
            return database.find(user);
        }

        @Override
        public void save(UserRef user, Language language) {
            database.save(user, language);
        }

        @Override
        public void forget(UserRef user) {
            database.forget(user);
        }
    };
    private final AtomicLong nanos = new AtomicLong();
    private final CachedLanguagePreferences replica =
            new CachedLanguagePreferences(counted, Duration.ofSeconds(10), nanos::get);

    @Test
    void aPersonsPreferenceAndItsAbsenceAreReadOnceWhileKept() {
        database.save(CAMILLE, Language.FR);

        for (int i = 0; i < 5; i++) {
            assertThat(replica.find(CAMILLE)).contains(Language.FR);
            assertThat(replica.find(SAM)).isEmpty();
        }

        assertThat(reads).hasValue(2);
    }

    @Test
    void aDatabaseThatCannotBeReadMeansNoPreferenceForNowNotAFailedAnswer() {
        database.save(CAMILLE, Language.FR);
        databaseDown = true;

        assertThat(replica.find(CAMILLE)).isEmpty();

        databaseDown = false;
        assertThat(replica.find(CAMILLE))
                .as("the outage's empty answer was not kept")
                .contains(Language.FR);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aChangeOnThisReplicaShowsAtOnce() {
        assertThat(replica.find(CAMILLE)).isEmpty();

        replica.save(CAMILLE, Language.FR);
        assertThat(replica.find(CAMILLE)).contains(Language.FR);
        assertThat(database.find(CAMILLE)).contains(Language.FR);

        replica.forget(CAMILLE);
        assertThat(replica.find(CAMILLE)).isEmpty();
        assertThat(database.find(CAMILLE)).isEmpty();
    }

    @Test
    void aChangeOnAnotherReplicaShowsOnceTheKeptValueExpires() {
        assertThat(replica.find(CAMILLE)).isEmpty();
        database.save(CAMILLE, Language.FR); // through another replica

        nanos.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(replica.find(CAMILLE)).as("still within the 10 s it is kept").isEmpty();
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(replica.find(CAMILLE)).contains(Language.FR);
    }
}
