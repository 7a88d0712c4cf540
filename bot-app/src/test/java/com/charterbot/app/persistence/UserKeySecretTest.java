package com.charterbot.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

@ExtendWith(OutputCaptureExtension.class)
class UserKeySecretTest {

    private static final UserRef ALICE = new UserRef(Platform.SLACK, "T0ACME", "U0ALICE");
    private static final String WARNING = UserKeySecret.PROPERTY + " is not set";

    private final List<HikariDataSource> pools = new ArrayList<>();

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void usesTheConfiguredSecretAndNotTheDatabase(Databases.Kind kind, CapturedOutput output) {
        DataSource dataSource = database(kind);
        byte[] random = new byte[32];
        for (int i = 0; i < random.length; i++) {
            random[i] = (byte) (i * 37 + 11);
        }
        String base64 = Base64.getEncoder().encodeToString(random);
        String text = "a long enough pass phrase, not base64";

        assertThat(UserKeySecret.load(dataSource, Optional.of(base64)).of(ALICE))
                .isEqualTo(new PseudonymousIds(random).of(ALICE));
        assertThat(UserKeySecret.load(dataSource, Optional.of("  " + base64 + "\n"))
                        .of(ALICE))
                .as("surrounding white space is ignored")
                .isEqualTo(new PseudonymousIds(random).of(ALICE));
        assertThat(UserKeySecret.load(dataSource, Optional.of(text)).of(ALICE))
                .isEqualTo(new PseudonymousIds(text.getBytes(StandardCharsets.UTF_8)).of(ALICE));
        assertThat(UserKeySecret.load(dataSource, Optional.of("sixteen-bytes-ok"))
                        .of(ALICE))
                .isEqualTo(new PseudonymousIds("sixteen-bytes-ok".getBytes(StandardCharsets.UTF_8)).of(ALICE));
        assertThat(secretRows(dataSource)).isEmpty();
        assertThat(output.getAll())
                .doesNotContain(WARNING)
                .doesNotContain(base64)
                .doesNotContain(text);
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void refusesAShortConfiguredOrACorruptStoredSecret(Databases.Kind kind, CapturedOutput output) {
        DataSource dataSource = database(kind);
        String tenBytesInBase64 = Base64.getEncoder().encodeToString(new byte[10]);
        for (String secret :
                List.of("tiny", "fifteen-bytes!!", "élan-13-char", tenBytesInBase64, "AAAAAAAAAAAAAAAAAAAA")) {
            assertThatThrownBy(() -> UserKeySecret.load(dataSource, Optional.of(secret)))
                    .as(secret)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(UserKeySecret.PROPERTY)
                    .hasMessageNotContaining(secret);
        }
        assertThat(secretRows(dataSource)).isEmpty();
        assertThat(output.getAll()).doesNotContain("fifteen-bytes!!");

        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("INSERT INTO installation_secret (id, secret, created_at) VALUES (1, 'AAAA', CURRENT_TIMESTAMP)")
                .update();
        assertThatThrownBy(() -> UserKeySecret.load(dataSource, Optional.empty()))
                .isInstanceOf(IllegalStateException.class);
        jdbc.sql("UPDATE installation_secret SET secret = 'not base64!' WHERE id = 1")
                .update();
        assertThatThrownBy(() -> UserKeySecret.load(dataSource, Optional.empty()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(UserKeySecret.load(dataSource, Optional.of("sixteen-bytes-ok"))
                        .of(ALICE))
                .as("a configured secret ignores the table")
                .hasSize(64);
        assertThatThrownBy(() -> jdbc.sql(
                                "INSERT INTO installation_secret (id, secret, created_at) VALUES (2, 'AAAA', CURRENT_TIMESTAMP)")
                        .update())
                .as("the table holds one row at most");
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void generatesTheSecretOnceAndWarnsWithoutLoggingIt(Databases.Kind kind, CapturedOutput output) {
        DataSource dataSource = database(kind);

        PseudonymousIds first = UserKeySecret.load(dataSource, Optional.empty());

        assertThat(occurrences(output.getAll(), WARNING)).isEqualTo(1);
        List<String> rows = secretRows(dataSource);
        assertThat(rows).hasSize(1);
        byte[] stored = Base64.getDecoder().decode(rows.get(0));
        assertThat(stored).hasSize(UserKeySecret.GENERATED_BYTES);
        assertThat(first.of(ALICE)).isEqualTo(new PseudonymousIds(stored).of(ALICE));
        assertThat(output.getAll()).doesNotContain(rows.get(0)).doesNotContain(first.of(ALICE));

        PseudonymousIds again = UserKeySecret.load(dataSource, Optional.empty());
        PseudonymousIds blank = UserKeySecret.load(dataSource, Optional.of("  "));

        assertThat(again.of(ALICE)).isEqualTo(first.of(ALICE));
        assertThat(blank.of(ALICE)).as("a blank setting counts as unset").isEqualTo(first.of(ALICE));
        assertThat(secretRows(dataSource)).containsExactlyElementsOf(rows);
        assertThat(occurrences(output.getAll(), WARNING))
                .as("one warning per load")
                .isEqualTo(3);
        assertThat(output.getAll()).doesNotContain(rows.get(0));
        assertThat(UserKeySecret.load(database(kind), Optional.empty()).of(ALICE))
                .as("another installation has another secret")
                .isNotEqualTo(first.of(ALICE));
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void concurrentFirstLoadsAgree(Databases.Kind kind) throws Exception {
        DataSource dataSource = database(kind);
        int replicas = 8;
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        Set<String> pseudonyms = new HashSet<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> loaded = new ArrayList<>();
            for (int r = 0; r < replicas; r++) {
                loaded.add(pool.submit(() -> {
                    start.await();
                    return UserKeySecret.load(dataSource, Optional.empty()).of(ALICE);
                }));
            }
            start.countDown();
            for (Future<String> future : loaded) {
                pseudonyms.add(future.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(pseudonyms).hasSize(1);
        assertThat(secretRows(dataSource)).hasSize(1);
        assertThat(pseudonyms)
                .containsExactly(
                        UserKeySecret.load(dataSource, Optional.empty()).of(ALICE));
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static List<String> secretRows(DataSource dataSource) {
        return JdbcClient.create(dataSource)
                .sql("SELECT secret FROM installation_secret")
                .query(String.class)
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
