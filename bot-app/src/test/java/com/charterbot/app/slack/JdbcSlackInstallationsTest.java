package com.charterbot.app.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.app.persistence.Databases;
import com.charterbot.slack.SlackInstallation;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Slack installations on H2 and PostgreSQL: encrypted at rest, refreshed by one replica at a time. */
class JdbcSlackInstallationsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String TOKEN = "xoxe.xoxb-1-workspacetokenvalue";
    private static final String REFRESH = "xoxe-1-refreshtokenvalue";

    static SlackInstallation workspace(String team, String token, String refresh, Instant expiresAt) {
        return new SlackInstallation(
                null,
                team,
                false,
                null,
                "A0APP",
                "B0BOT",
                "U0BOT",
                "chat:write,commands",
                token,
                refresh,
                expiresAt,
                NOW);
    }

    static SlackInstallation org(String enterprise, String token) {
        return new SlackInstallation(
                enterprise,
                null,
                true,
                "https://acme.enterprise.slack.com/",
                "A0APP",
                "B0ORG",
                "U0ORGBOT",
                "chat:write,commands",
                token,
                null,
                null,
                NOW);
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void keepsInstallationsWithTheirTokensEncrypted(Databases.Kind kind) {
        try (HikariDataSource dataSource = Databases.pooled(kind)) {
            JdbcSlackInstallations store =
                    new JdbcSlackInstallations(dataSource, new TokenCipher(TokenCipherTest.KEY, List.of()), CLOCK);
            SlackInstallation rotating = workspace("T1", TOKEN, REFRESH, NOW.plusSeconds(43_200));
            SlackInstallation grid = org("E1", "xoxb-2-orgtokenvalue");

            store.save(rotating);
            store.save(grid);
            store.save(workspace("T2", "xoxb-3-secondvalue", null, null));

            assertThat(store.find("team:T1")).contains(rotating);
            assertThat(store.find("org:E1")).contains(grid);
            assertThat(store.find("team:T3")).isEmpty();
            assertThat(String.join("\n", Databases.rows(dataSource, "slack_installation")))
                    .doesNotContain("workspacetokenvalue", "refreshtokenvalue", "orgtokenvalue", "secondvalue")
                    .contains("v1:");
            assertThat(store.delete("team:T2")).isTrue();
            assertThat(store.delete("team:T2")).isFalse();
            assertThat(store.find("team:T2")).isEmpty();

            store.save(workspace("T1", "xoxb-4-reinstalled", null, null));
            assertThat(store.find("team:T1").orElseThrow().botToken())
                    .as("a reinstall replaces the tokens")
                    .isEqualTo("xoxb-4-reinstalled");
        }
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void replicasRefreshingTheSameTokenAtOnceSpendTheRefreshTokenOnce(Databases.Kind kind) throws Exception {
        try (HikariDataSource dataSource = Databases.pooled(kind)) {
            TokenCipher cipher = new TokenCipher(TokenCipherTest.KEY, List.of());
            List<JdbcSlackInstallations> replicas = List.of(
                    new JdbcSlackInstallations(dataSource, cipher, CLOCK),
                    new JdbcSlackInstallations(dataSource, cipher, CLOCK),
                    new JdbcSlackInstallations(dataSource, cipher, CLOCK));
            replicas.get(0).save(workspace("T1", TOKEN, REFRESH, NOW.plusSeconds(60)));
            AtomicInteger refreshes = new AtomicInteger();
            ExecutorService threads = Executors.newFixedThreadPool(6);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<SlackInstallation>> results = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    JdbcSlackInstallations replica = replicas.get(i % 3);
                    results.add(threads.submit(() -> {
                        start.await();
                        return replica.update("team:T1", current -> {
                                    if (current.botTokenExpiresAt().isAfter(NOW.plusSeconds(3600))) {
                                        return current;
                                    }
                                    int n = refreshes.incrementAndGet();
                                    sleep(50); // the call to Slack, lock held
                                    return current.withTokens(
                                            "xoxe.xoxb-1-refreshed" + n, "xoxe-1-next" + n, NOW.plusSeconds(43_200));
                                })
                                .orElseThrow();
                    }));
                }
                start.countDown();
                List<String> tokens = new ArrayList<>();
                for (Future<SlackInstallation> result : results) {
                    tokens.add(result.get(30, TimeUnit.SECONDS).botToken());
                }

                assertThat(refreshes).as("Slack asked once").hasValue(1);
                assertThat(tokens).containsOnly("xoxe.xoxb-1-refreshed1");
                assertThat(replicas.get(2).find("team:T1").orElseThrow().botRefreshToken())
                        .isEqualTo("xoxe-1-next1");
            } finally {
                threads.shutdownNow();
            }
            assertThat(replicas.get(0).update("team:T9", current -> current))
                    .as("nothing to update")
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void remembersWhichOrganizationAWorkspaceBelongsTo(Databases.Kind kind) {
        try (HikariDataSource dataSource = Databases.pooled(kind)) {
            JdbcSlackInstallations store =
                    new JdbcSlackInstallations(dataSource, new TokenCipher(TokenCipherTest.KEY, List.of()), CLOCK);

            store.rememberWorkspace("T1", "E1", NOW);
            store.rememberWorkspace("T2", "E1", NOW);
            store.rememberWorkspace("T1", "E1", NOW.plusSeconds(5));
            store.rememberWorkspace("T3", "E2", NOW);

            assertThat(store.enterpriseOf("T1")).contains("E1");
            assertThat(store.enterpriseOf("T9")).isEmpty();
            assertThat(store.workspacesOf("E1")).containsExactly("T1", "T2");
        }
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void writesTokensOfAPreviousKeyAgainWithTheCurrentOne(Databases.Kind kind) {
        try (HikariDataSource dataSource = Databases.pooled(kind)) {
            new JdbcSlackInstallations(dataSource, new TokenCipher(TokenCipherTest.OTHER_KEY, List.of()), CLOCK)
                    .save(workspace("T1", TOKEN, REFRESH, NOW.plusSeconds(43_200)));
            JdbcSlackInstallations rotated = new JdbcSlackInstallations(
                    dataSource, new TokenCipher(TokenCipherTest.KEY, List.of(TokenCipherTest.OTHER_KEY)), CLOCK);

            assertThat(rotated.reencrypt()).isEqualTo(1);
            assertThat(rotated.reencrypt()).isZero();
            assertThat(new JdbcSlackInstallations(dataSource, new TokenCipher(TokenCipherTest.KEY, List.of()), CLOCK)
                            .find("team:T1")
                            .orElseThrow()
                            .botToken())
                    .as("readable without the old key")
                    .isEqualTo(TOKEN);
        }
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void spendsAnOAuthStateOnceAndForgetsItOnceExpired(Databases.Kind kind) {
        try (HikariDataSource dataSource = Databases.pooled(kind)) {
            JdbcOAuthStates states = new JdbcOAuthStates(dataSource);

            assertThat(states.firstUse("a".repeat(64), NOW.plusSeconds(600))).isTrue();
            assertThat(states.firstUse("a".repeat(64), NOW.plusSeconds(600)))
                    .as("a replay")
                    .isFalse();
            assertThat(states.firstUse("b".repeat(64), NOW.minusSeconds(1))).isTrue();
            assertThat(states.purgeBefore(NOW)).isEqualTo(1);
            assertThat(Databases.rows(dataSource, "slack_oauth_state")).hasSize(1);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
