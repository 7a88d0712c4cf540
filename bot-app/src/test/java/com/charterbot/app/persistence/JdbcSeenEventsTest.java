package com.charterbot.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JdbcSeenEventsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void saysFirstTimeOncePerKeyAndForgetsOldKeys(Databases.Kind kind) {
        try (HikariDataSource dataSource = Databases.pooled(kind)) {
            JdbcSeenEvents seen = new JdbcSeenEvents(dataSource);

            assertThat(seen.firstTime("slack:Ev01", NOW)).isTrue();
            assertThat(seen.firstTime("slack:Ev01", NOW.plusSeconds(5)))
                    .as("a retried event")
                    .isFalse();
            assertThat(seen.firstTime("slack:Ev02", NOW.minus(Duration.ofDays(2))))
                    .isTrue();
            assertThat(seen.firstTime("teams:Ev01", NOW))
                    .as("keys are platform-scoped")
                    .isTrue();

            assertThat(seen.forgetBefore(NOW.minus(Duration.ofDays(1)))).isEqualTo(1);
            assertThat(Databases.rows(dataSource, "seen_event")).hasSize(2);
            assertThat(seen.firstTime("slack:Ev01", NOW))
                    .as("recent keys are kept")
                    .isFalse();
            assertThat(seen.firstTime("slack:Ev02", NOW))
                    .as("a forgotten key is new again")
                    .isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void letsExactlyOneOfManyConcurrentDeliveriesThrough(Databases.Kind kind) throws Exception {
        try (HikariDataSource dataSource = Databases.pooled(kind)) {
            JdbcSeenEvents seen = new JdbcSeenEvents(dataSource);
            int deliveries = 8;
            ExecutorService pool = Executors.newFixedThreadPool(deliveries);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < deliveries; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return seen.firstTime("slack:EvRACE", NOW);
                    }));
                }
                start.countDown();
                int winners = 0;
                for (Future<Boolean> result : results) {
                    winners += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(winners).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void refusesKeysItCouldNotStoreWhole(Databases.Kind kind) {
        try (HikariDataSource dataSource = Databases.pooled(kind)) {
            JdbcSeenEvents seen = new JdbcSeenEvents(dataSource);

            assertThatThrownBy(() -> seen.firstTime("x".repeat(JdbcSeenEvents.MAX_KEY + 1), NOW))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> seen.firstTime(" ", NOW)).isInstanceOf(IllegalArgumentException.class);
            assertThat(seen.firstTime("x".repeat(JdbcSeenEvents.MAX_KEY), NOW)).isTrue();
            assertThat(Databases.rows(dataSource, "seen_event")).hasSize(1);
        }
    }
}
