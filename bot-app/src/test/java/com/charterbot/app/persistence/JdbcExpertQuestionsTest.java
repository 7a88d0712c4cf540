package com.charterbot.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.experts.ExpertQuestion;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JdbcExpertQuestionsTest {

    private static final PseudonymousIds PSEUDONYMS =
            new PseudonymousIds("experts-test-secret-0123456789".getBytes(StandardCharsets.UTF_8));
    private static final UserRef ALICE = new UserRef(Platform.SLACK, "T0ACME", "U0RAWALICE");
    private static final UserRef BOB = new UserRef(Platform.TEAMS, "tenant-b", "aad-raw-bob");
    private static final ChannelRef EXPERTS = new ChannelRef(Platform.SLACK, "T0ACME", "C0EXPERTS");
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00.123456Z");
    private static final String SECRET_QUESTION = "can I post <!channel> about the merger?";

    private final List<HikariDataSource> pools = new ArrayList<>();

    private static ExpertQuestion question(String id, UserRef asker, Instant at) {
        return ExpertQuestion.asked(
                id,
                asker,
                "Alice Martin",
                SECRET_QUESTION,
                Language.FR,
                List.of("photos-videos", "confidentiality"),
                at);
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void keepsAQuestionUntilItIsClosedThenKeepsNeitherTheTextNorTheAsker(Databases.Kind kind) {
        DataSource dataSource = database(kind);
        JdbcExpertQuestions questions = new JdbcExpertQuestions(dataSource, PSEUDONYMS);
        String id = "0123456789abcdef0123456789abcdef";

        questions.add(question(id, ALICE, T0));
        questions.posted(id, EXPERTS, "1712345678.000100");

        ExpertQuestion stored = questions.find(id).orElseThrow();
        assertThat(stored).isEqualTo(question(id, ALICE, T0).posted(EXPERTS, "1712345678.000100"));
        assertThat(questions.close(id, ExpertQuestion.Status.ANSWERED, "Bob Expert", T0.plusSeconds(60)))
                .isTrue();
        assertThat(questions.close(id, ExpertQuestion.Status.DECLINED, "Carol", T0.plusSeconds(61)))
                .isFalse();
        assertThat(questions.find(id).orElseThrow().text())
                .as("kept until delivered")
                .isEqualTo(SECRET_QUESTION);

        questions.erase(id);

        ExpertQuestion closed = questions.find(id).orElseThrow();
        assertThat(closed.status()).isEqualTo(ExpertQuestion.Status.ANSWERED);
        assertThat(closed.closedBy()).isEqualTo("Bob Expert");
        assertThat(closed.closedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(closed.text()).isNull();
        assertThat(closed.asker()).isNull();
        assertThat(Databases.rows(dataSource, "expert_question"))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .doesNotContain("merger")
                        .doesNotContain("RAWALICE")
                        .doesNotContain("Alice"));
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void forgetMeErasesOnlyThatPersonsOpenQuestions(Databases.Kind kind) {
        DataSource dataSource = database(kind);
        JdbcExpertQuestions questions = new JdbcExpertQuestions(dataSource, PSEUDONYMS);
        questions.add(question("a".repeat(32), ALICE, T0));
        questions.add(question("b".repeat(32), BOB, T0));

        questions.forget(ALICE);

        assertThat(questions.find("a".repeat(32)).orElseThrow().status()).isEqualTo(ExpertQuestion.Status.FORGOTTEN);
        assertThat(questions.find("b".repeat(32)).orElseThrow().open()).isTrue();
        assertThat(questions.find("b".repeat(32)).orElseThrow().asker()).isEqualTo(BOB);
        assertThat(Databases.rows(dataSource, "expert_question"))
                .filteredOn(row -> row.startsWith("a"))
                .singleElement()
                .satisfies(row -> assertThat(row).doesNotContain("merger").doesNotContain("RAWALICE"));
        questions.reopen("a".repeat(32));
        assertThat(questions.find("a".repeat(32)).orElseThrow().status())
                .as("a forgotten question never reopens")
                .isEqualTo(ExpertQuestion.Status.FORGOTTEN);
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void ofTwoExpertsClosingAtOnceExactlyOneWins(Databases.Kind kind) throws Exception {
        JdbcExpertQuestions questions = new JdbcExpertQuestions(database(kind), PSEUDONYMS);
        String id = "c".repeat(32);
        questions.add(question(id, ALICE, T0));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String expert = "expert-" + i;
                Callable<Boolean> close = () -> {
                    start.await();
                    return questions.close(id, ExpertQuestion.Status.ANSWERED, expert, T0.plusSeconds(5));
                };
                results.add(pool.submit(close));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> result : results) {
                won += result.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void findsQuestionsByPeriodRemindsOnceAndPurgesAfterRetention(Databases.Kind kind) {
        JdbcExpertQuestions questions = new JdbcExpertQuestions(database(kind), PSEUDONYMS);
        questions.add(question("d".repeat(32), ALICE, T0));
        questions.add(question("e".repeat(32), BOB, T0.plus(Duration.ofDays(3))));

        assertThat(questions.askedBetween(T0, T0.plusSeconds(1)))
                .extracting(ExpertQuestion::id)
                .containsExactly("d".repeat(32));
        assertThat(questions.dueForReminder(T0.plus(Duration.ofDays(2))))
                .extracting(ExpertQuestion::id)
                .containsExactly("d".repeat(32));
        questions.reminded("d".repeat(32), T0.plus(Duration.ofDays(2)));
        assertThat(questions.dueForReminder(T0.plus(Duration.ofDays(2)))).isEmpty();

        assertThat(questions.purgeBefore(T0.plus(Duration.ofDays(1)))).isEqualTo(1);
        assertThat(questions.find("d".repeat(32))).isEmpty();
        assertThat(questions.find("e".repeat(32))).isPresent();
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void keepsOneExpertsChannelPerTenant(Databases.Kind kind) {
        JdbcExpertsChannels channels = new JdbcExpertsChannels(database(kind), Clock.fixed(T0, ZoneOffset.UTC));
        assertThat(channels.find(Platform.SLACK, "T0ACME")).isEmpty();

        channels.set(EXPERTS);
        channels.set(new ChannelRef(Platform.SLACK, "T0ACME", "C0OTHER"));
        channels.set(new ChannelRef(Platform.TEAMS, "T0ACME", "19:abc@thread.tacv2"));

        assertThat(channels.find(Platform.SLACK, "T0ACME"))
                .contains(new ChannelRef(Platform.SLACK, "T0ACME", "C0OTHER"));
        assertThat(channels.find(Platform.TEAMS, "T0ACME"))
                .contains(new ChannelRef(Platform.TEAMS, "T0ACME", "19:abc@thread.tacv2"));
    }

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
