package com.charterbot.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.memory.InMemoryLanguagePreferences;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcLanguagePreferencesTest {

    private static final PseudonymousIds PSEUDONYMS =
            new PseudonymousIds("language-test-secret-0123456789".getBytes(StandardCharsets.UTF_8));
    private static final UserRef ALICE = new UserRef(Platform.SLACK, "T0ACME", "U0RAWALICE");
    private static final UserRef ALICE_ELSEWHERE = new UserRef(Platform.SLACK, "T0OTHER", "U0RAWALICE");
    private static final UserRef ALICE_ON_TEAMS = new UserRef(Platform.TEAMS, "T0ACME", "U0RAWALICE");
    private static final UserRef BOB =
            new UserRef(Platform.TEAMS, "5e1f0000-aaaa-4bbb-8ccc-000000000001", "0b0b-raw-bob-id");

    private final List<HikariDataSource> pools = new ArrayList<>();

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void keepsOneLanguagePerPseudonymousPerson(Databases.Kind kind) {
        DataSource dataSource = database(kind);
        JdbcLanguagePreferences preferences = new JdbcLanguagePreferences(dataSource, PSEUDONYMS);
        assertThat(preferences.find(ALICE)).isEmpty();

        preferences.save(ALICE, Language.FR);
        preferences.save(BOB, Language.EN);
        preferences.save(ALICE_ELSEWHERE, Language.EN);

        assertThat(preferences.find(ALICE)).contains(Language.FR);
        assertThat(preferences.find(ALICE_ELSEWHERE)).contains(Language.EN);
        assertThat(preferences.find(ALICE_ON_TEAMS)).isEmpty();
        preferences.save(ALICE, Language.EN);
        preferences.save(ALICE, Language.FR);
        assertThat(preferences.find(ALICE)).contains(Language.FR);
        assertThat(rows(dataSource))
                .hasSize(3)
                .noneMatch(row -> row.contains("RAWALICE") || row.contains("raw-bob") || row.contains("T0ACME"))
                .anyMatch(row -> row.startsWith(PSEUDONYMS.of(ALICE) + " | fr | "));
        assertThat(new JdbcLanguagePreferences(
                                dataSource,
                                new PseudonymousIds("another-secret-0123456789".getBytes(StandardCharsets.UTF_8)))
                        .find(ALICE))
                .as("without the secret, the pseudonym is not found")
                .isEmpty();

        preferences.forget(ALICE);
        preferences.forget(ALICE_ON_TEAMS);

        assertThat(preferences.find(ALICE)).isEmpty();
        assertThat(preferences.find(ALICE_ELSEWHERE)).contains(Language.EN);
        assertThat(preferences.find(BOB)).contains(Language.EN);
        preferences.save(ALICE, Language.EN);
        assertThat(preferences.find(ALICE)).contains(Language.EN);
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void behavesLikeTheInMemoryStoreAlsoUnderConcurrentSaves(Databases.Kind kind) throws Exception {
        JdbcLanguagePreferences preferences = new JdbcLanguagePreferences(database(kind), PSEUDONYMS);
        InMemoryLanguagePreferences memory = new InMemoryLanguagePreferences();
        List<UserRef> people = List.of(ALICE, ALICE_ELSEWHERE, ALICE_ON_TEAMS, BOB);
        Random random = new Random(5);
        for (int step = 0; step < 60; step++) {
            UserRef who = people.get(random.nextInt(people.size()));
            if (random.nextInt(4) == 0) {
                preferences.forget(who);
                memory.forget(who);
            } else {
                Language language = random.nextBoolean() ? Language.EN : Language.FR;
                preferences.save(who, language);
                memory.save(who, language);
            }
            for (UserRef each : people) {
                assertThat(preferences.find(each)).isEqualTo(memory.find(each));
            }
        }

        UserRef newcomer = new UserRef(Platform.SLACK, "T0ACME", "U0NEWCOMER");
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                Language language = w % 2 == 0 ? Language.EN : Language.FR;
                done.add(pool.submit(() -> {
                    start.await();
                    preferences.save(newcomer, language);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(preferences.find(newcomer)).isPresent();
    }

    /** Every row of the table, each column as a string, for checking what is stored. */
    private static List<String> rows(DataSource dataSource) {
        return JdbcClient.create(dataSource)
                .sql("SELECT pseudonym, language, updated_at FROM language_preference")
                .query((rs, row) -> rs.getString(1) + " | " + rs.getString(2) + " | " + rs.getString(3))
                .list();
    }

    /** A fresh database behind a small pool, as in production (PostgreSQL connections are slow to open). */
    private DataSource database(Databases.Kind kind) {
        HikariDataSource pool = Databases.pooled(kind);
        pools.add(pool);
        return pool;
    }

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }
}
