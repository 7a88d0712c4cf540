package com.charterbot.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.quiz.CardState;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JdbcQuizProgressStoreTest {

    static final PseudonymousIds PSEUDONYMS =
            new PseudonymousIds("a test secret of 32 bytes at min".getBytes(StandardCharsets.UTF_8));
    static final UserRef ALICE = new UserRef(Platform.SLACK, "T1", "U-ALICE");
    static final UserRef BOB = new UserRef(Platform.SLACK, "T1", "U-BOB");
    static final UserRef CAROL = new UserRef(Platform.TEAMS, "tenant-1", "carol-object-id");
    /** A whole number of microseconds, as the databases keep instants. */
    static final Instant T0 = Instant.parse("2024-03-04T09:00:00.123456Z");

    /** Every cell of these tables, as text. */
    static String cells(DataSource dataSource, String... tables) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int column = 1; column <= columns; column++) {
                            text.append(table)
                                    .append('.')
                                    .append(rows.getMetaData().getColumnName(column))
                                    .append('=')
                                    .append(rows.getString(column))
                                    .append('\n');
                        }
                    }
                }
            }
        }
        return text.toString();
    }

    static int count(DataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Runs these tasks at once, each on its own thread, and gives their results in order. */
    static <T> List<T> atOnce(List<Callable<T>> tasks) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch ready = new CountDownLatch(tasks.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void keepsEveryFieldOfEachCardPerPerson(Databases.Kind kind) {
        JdbcQuizProgressStore store = new JdbcQuizProgressStore(Databases.fresh(kind), PSEUDONYMS);
        CardState first = new CardState(1, T0, 1, 0);
        CardState second = new CardState(4, T0.plusSeconds(86_400 * 7), 9, 7);

        assertThat(store.load(ALICE)).isEmpty();
        store.save(ALICE, "conduct#0", first);
        store.save(ALICE, "privacy#2", second);
        store.save(BOB, "conduct#0", second);

        assertThat(store.load(ALICE)).isEqualTo(Map.of("conduct#0", first, "privacy#2", second));
        assertThat(store.load(BOB)).isEqualTo(Map.of("conduct#0", second));
        assertThat(store.load(CAROL)).isEmpty();

        CardState next = new CardState(2, T0.plusSeconds(3600), 2, 1);
        store.save(ALICE, "conduct#0", next);
        assertThat(store.load(ALICE)).isEqualTo(Map.of("conduct#0", next, "privacy#2", second));
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void forgetDeletesOnlyThatPerson(Databases.Kind kind) {
        JdbcQuizProgressStore store = new JdbcQuizProgressStore(Databases.fresh(kind), PSEUDONYMS);
        store.save(ALICE, "conduct#0", new CardState(1, T0, 1, 0));
        store.save(BOB, "conduct#0", new CardState(2, T0, 1, 1));

        store.forget(ALICE);

        assertThat(store.load(ALICE)).isEmpty();
        assertThat(store.load(BOB)).containsOnlyKeys("conduct#0");
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void storesPseudonymsAndNeverTheUserId(Databases.Kind kind) throws SQLException {
        DataSource dataSource = Databases.fresh(kind);
        JdbcQuizProgressStore store = new JdbcQuizProgressStore(dataSource, PSEUDONYMS);
        store.save(ALICE, "conduct#0", new CardState(1, T0, 1, 0));
        store.save(CAROL, "conduct#0", new CardState(1, T0, 1, 0));

        String cells = cells(dataSource, "quiz_progress");
        assertThat(cells)
                .contains(PSEUDONYMS.of(ALICE), PSEUDONYMS.of(CAROL))
                .doesNotContain("U-ALICE", "carol-object-id", "T1", "tenant-1");
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void racingFirstSavesOfTheSameCardLeaveOneRow(Databases.Kind kind) throws Exception {
        DataSource dataSource = Databases.fresh(kind);
        JdbcQuizProgressStore store = new JdbcQuizProgressStore(dataSource, PSEUDONYMS);
        List<Callable<Boolean>> saves = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            saves.add(() -> {
                store.save(ALICE, "conduct#0", new CardState(1, T0, 1, 0));
                return true;
            });
        }

        assertThat(atOnce(saves)).containsOnly(true);
        assertThat(count(dataSource, "quiz_progress")).isEqualTo(1);
        assertThat(store.load(ALICE)).isEqualTo(Map.of("conduct#0", new CardState(1, T0, 1, 0)));
    }
}
