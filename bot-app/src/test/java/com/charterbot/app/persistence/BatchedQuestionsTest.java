package com.charterbot.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;

import com.charterbot.core.activity.ActivityCounts;
import com.charterbot.core.activity.QuestionAsked;
import com.charterbot.core.activity.StatsScope;
import com.charterbot.core.answer.Tier;
import com.charterbot.core.values.Language;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

class BatchedQuestionsTest {

    private static final PseudonymousIds PSEUDONYMS =
            new PseudonymousIds("batched-test-secret-0123456789".getBytes(StandardCharsets.UTF_8));
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    /** Longer than any test: only reads, close() and explicit writes write. */
    private static final Duration NEVER_BY_ITSELF = Duration.ofHours(1);

    private final List<BatchedQuestions> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(BatchedQuestions::close);
    }

    private BatchedQuestions batched(DataSource dataSource, Duration every) {
        BatchedQuestions log = new BatchedQuestions(new JdbcActivityLog(dataSource, PSEUDONYMS), every);
        opened.add(log);
        return log;
    }

    private static QuestionAsked question(int i) {
        return new QuestionAsked(
                T0.plusMillis(i), i % 2 == 0 ? Language.EN : Language.FR, Tier.ANSWER, "photos-videos");
    }

    private static int stored(DataSource dataSource) {
        return JdbcClient.create(dataSource)
                .sql("SELECT COUNT(*) FROM activity_question")
                .query(Integer.class)
                .single();
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void recordingWritesNothingOnTheCallersThreadAndReadingBackWritesWhatWaits(Databases.Kind kind) {
        DataSource dataSource = Databases.fresh(kind);
        BatchedQuestions log = batched(dataSource, NEVER_BY_ITSELF);

        for (int i = 0; i < 1_234; i++) {
            log.record(question(i));
        }

        assertThat(stored(dataSource)).as("nothing written by record itself").isZero();
        List<QuestionAsked> read = log.questions(T0, T0.plusSeconds(3_600));
        assertThat(read).hasSize(1_234).first().isEqualTo(question(0));
        assertThat(stored(dataSource)).isEqualTo(1_234);
        assertThat(log.dropped()).isZero();
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void countingWritesWhatWaitsFirst(Databases.Kind kind) {
        BatchedQuestions log = batched(Databases.fresh(kind), NEVER_BY_ITSELF);
        for (int i = 0; i < 40; i++) {
            log.record(question(i));
        }

        List<ActivityCounts> counts = log.count(
                ActivityCounts.Period.between(List.of(T0, T0.plusMillis(10), T0.plusSeconds(60))),
                StatsScope.EVERYTHING);

        assertThat(counts)
                .extracting(period -> period.questions().get("photos-videos"))
                .containsExactly(Map.of(Tier.ANSWER, 10), Map.of(Tier.ANSWER, 30));
    }

    @Test
    void theBackgroundWriterWritesWithoutAnyRead() throws InterruptedException {
        DataSource dataSource = Databases.fresh(Databases.Kind.H2);
        BatchedQuestions log = batched(dataSource, Duration.ofMillis(20));

        log.record(question(1));

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (stored(dataSource) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(stored(dataSource)).isEqualTo(1);
    }

    @Test
    void closingWritesWhatWaits() {
        DataSource dataSource = Databases.fresh(Databases.Kind.H2);
        BatchedQuestions log = batched(dataSource, NEVER_BY_ITSELF);
        log.record(question(1));
        log.record(question(2));

        log.close();

        assertThat(stored(dataSource)).isEqualTo(2);
    }

    @Test
    void aFullQueueCountsWhatItCannotKeep() {
        DataSource dataSource = Databases.fresh(Databases.Kind.H2);
        BatchedQuestions log = batched(dataSource, NEVER_BY_ITSELF);

        for (int i = 0; i < BatchedQuestions.CAPACITY + 7; i++) {
            log.record(question(i));
        }

        assertThat(log.dropped()).isEqualTo(7);
        assertThat(log.questions(T0, T0.plusSeconds(3_600))).hasSize(BatchedQuestions.CAPACITY);
    }

    @Test
    void aBatchTheDatabaseNeverTakesIsDroppedAndCountedAndTheNextOnesAreWritten() {
        DataSource dataSource = Databases.fresh(Databases.Kind.H2);
        JdbcClient sql = JdbcClient.create(dataSource);
        BatchedQuestions log = batched(dataSource, NEVER_BY_ITSELF);
        log.record(question(1));
        sql.sql("ALTER TABLE activity_question RENAME TO activity_question_away")
                .update();
        for (int i = 0; i < BatchedQuestions.TRIES; i++) {
            assertThatRuntimeException().isThrownBy(log::write);
        }
        sql.sql("ALTER TABLE activity_question_away RENAME TO activity_question")
                .update();

        log.record(question(2));
        log.write();

        assertThat(log.dropped()).isEqualTo(1);
        assertThat(log.questions(T0, T0.plusSeconds(3_600))).containsExactly(question(2));
    }

    @Test
    void aBatchTheDatabaseRefusesIsKeptAndWrittenOnTheNextTry() {
        DataSource dataSource = Databases.fresh(Databases.Kind.H2);
        JdbcClient sql = JdbcClient.create(dataSource);
        BatchedQuestions log = batched(dataSource, NEVER_BY_ITSELF);
        log.record(question(1));
        sql.sql("ALTER TABLE activity_question RENAME TO activity_question_away")
                .update();

        assertThatRuntimeException().isThrownBy(log::write);
        log.record(question(2));
        sql.sql("ALTER TABLE activity_question_away RENAME TO activity_question")
                .update();
        log.write();

        assertThat(log.questions(T0, T0.plusSeconds(3_600))).containsExactly(question(1), question(2));
    }
}
