package com.charterbot.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.charterbot.core.admin.AuditRecord;
import com.charterbot.core.memory.InMemoryAuditLog;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

class JdbcAuditLogTest {

    private static final PseudonymousIds PSEUDONYMS =
            new PseudonymousIds("audit-test-secret-0123456789".getBytes(StandardCharsets.UTF_8));
    private static final UserRef ALICE = new UserRef(Platform.SLACK, "T0ACME", "U0RAWALICE");
    private static final UserRef BOB =
            new UserRef(Platform.TEAMS, "5e1f0000-aaaa-4bbb-8ccc-000000000001", "0b0b0b0b-raw-bob-id");

    private final List<HikariDataSource> pools = new ArrayList<>();

    /** The record as the JDBC log reads it back: who is a pseudonym, the instant is cut to the microsecond. */
    private static AuditRecord asStored(AuditRecord record) {
        UserRef who = new UserRef(record.who().platform(), record.who().tenant(), PSEUDONYMS.of(record.who()));
        return new AuditRecord(
                who,
                record.at().truncatedTo(ChronoUnit.MICROS),
                record.action(),
                record.target(),
                record.before(),
                record.after());
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void keepsEveryFieldAndOnlyAPseudonymOfWhoActed(Databases.Kind kind) {
        DataSource dataSource = database(kind);
        JdbcAuditLog log = new JdbcAuditLog(dataSource, PSEUDONYMS);
        assertThat(log.recent(10)).isEmpty();
        List<AuditRecord> records = List.of(
                new AuditRecord(
                        ALICE,
                        Instant.parse("2024-03-31T00:59:59.999999Z"),
                        "nudges.change",
                        "slack:T0ACME:C0GENERAL",
                        "Weekly on Tuesday at 10:00",
                        "Monthly on the 31st at 09:30"),
                new AuditRecord(
                        BOB,
                        Instant.parse("2024-03-31T01:00:00.123456789Z"),
                        "stats.view",
                        "teams:tenant:19:abc@thread.tacv2",
                        null,
                        ""),
                new AuditRecord(
                        ALICE,
                        Instant.parse("2024-04-01T10:00:00Z"),
                        "nudges.pause",
                        "t".repeat(AuditRecord.MAX_LENGTH),
                        "é🚀\"'\\%_".repeat(100),
                        "b".repeat(AuditRecord.MAX_LENGTH)));

        records.forEach(log::append);

        assertThat(log.recent(10))
                .containsExactly(asStored(records.get(2)), asStored(records.get(1)), asStored(records.get(0)));
        assertThat(log.recent(10).get(1).who())
                .isEqualTo(new UserRef(Platform.TEAMS, BOB.tenant(), PSEUDONYMS.of(BOB)));
        List<String> rows = Databases.rows(dataSource, "audit_log");
        assertThat(rows).hasSize(3).noneMatch(row -> row.contains("RAWALICE") || row.contains("raw-bob"));
        assertThat(rows).anyMatch(row -> row.contains(PSEUDONYMS.of(ALICE)));

        log.append(new AuditRecord(
                BOB, Instant.parse("2024-05-01T00:00:00Z"), "nudges.change", "a\u0000b", "", "c\u0000"));
        AuditRecord withNul = log.recent(1).get(0);
        assertThat(withNul.target()).isEqualTo("a\uFFFDb");
        assertThat(withNul.after()).isEqualTo("c\uFFFD");
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void listsNewestFirstLikeTheInMemoryLog(Databases.Kind kind) {
        JdbcAuditLog log = new JdbcAuditLog(database(kind), PSEUDONYMS);
        InMemoryAuditLog memory = new InMemoryAuditLog();
        Random random = new Random(7);
        Instant base = Instant.parse("2024-10-27T00:00:00Z");
        String[] actions = {"nudges.change", "nudges.pause", "stats.view", "unanswered.view"};
        for (int i = 0; i < 60; i++) {
            // few distinct instants, appended out of order, so that many records share an instant
            Instant at = base.plus(random.nextInt(12), ChronoUnit.HOURS).plusNanos(random.nextInt(3) * 1_000L);
            AuditRecord record = new AuditRecord(
                    random.nextBoolean() ? ALICE : BOB,
                    at,
                    actions[random.nextInt(actions.length)],
                    "target " + i,
                    random.nextBoolean() ? "" : "before " + i,
                    "after " + i);
            log.append(record);
            memory.append(asStored(record));
        }

        for (int limit : new int[] {0, 1, 5, 59, 60, 100}) {
            assertThat(log.recent(limit)).as("recent(%d)", limit).isEqualTo(memory.recent(limit));
        }
        assertThat(log.recent(100)).extracting(AuditRecord::at).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThatThrownBy(() -> log.recent(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void keepsEveryConcurrentAppend(Databases.Kind kind) throws Exception {
        JdbcAuditLog log = new JdbcAuditLog(database(kind), PSEUDONYMS);
        int writers = 8;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        log.append(new AuditRecord(
                                ALICE,
                                Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i),
                                "stats.view",
                                "w" + writer + "-" + i,
                                "",
                                ""));
                    }
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

        List<AuditRecord> all = log.recent(1_000);
        assertThat(all).hasSize(writers * each);
        assertThat(all).extracting(AuditRecord::target).doesNotHaveDuplicates();
        assertThat(all.get(0).at())
                .isEqualTo(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(each - 1));
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
