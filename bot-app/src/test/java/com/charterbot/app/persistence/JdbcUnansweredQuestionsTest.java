package com.charterbot.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.charterbot.core.activity.StatsScope;
import com.charterbot.core.activity.UnansweredQuestions;
import com.charterbot.core.activity.UnansweredQuestions.Frequent;
import com.charterbot.core.memory.InMemoryUnansweredQuestions;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcUnansweredQuestionsTest {

    private static final Instant T0 = Instant.parse("2024-10-27T00:00:00Z");

    private final List<HikariDataSource> pools = new ArrayList<>();

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void anAdministratorsScopeKeepsOtherWorkspacesQuestionsOut(Databases.Kind kind) {
        JdbcUnansweredQuestions questions = new JdbcUnansweredQuestions(database(kind));
        questions.record(T0, Language.EN, "pizza?", "slack:T1");
        questions.record(T0, Language.EN, "pizza?", "slack:T2");
        questions.record(T0, Language.EN, "wifi?", "slack:T2");
        questions.record(T0, Language.EN, "parking?", "slack:T3");
        questions.record(T0, Language.EN, "canteen?");

        assertThat(questions.mostFrequent(Instant.MIN, Instant.MAX, 10, StatsScope.of(Platform.SLACK, List.of("T1"))))
                .extracting(Frequent::text, Frequent::count)
                .containsExactly(tuple("pizza?", 1));
        assertThat(questions.mostFrequent(
                        Instant.MIN, Instant.MAX, 10, StatsScope.of(Platform.SLACK, List.of("T1", "T2"))))
                .extracting(Frequent::text, Frequent::count)
                .containsExactly(tuple("pizza?", 2), tuple("wifi?", 1));
        assertThat(questions.mostFrequent(Instant.MIN, Instant.MAX, 10, StatsScope.of(Platform.TEAMS, List.of("T1"))))
                .isEmpty();
        assertThat(questions.mostFrequent(Instant.MIN, Instant.MAX, 10))
                .as("everything, those without a tenant too")
                .hasSize(4);
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void storesStrippedTextsCutToTheMaximumAndPurgesThem(Databases.Kind kind) {
        DataSource dataSource = database(kind);
        JdbcUnansweredQuestions questions = new JdbcUnansweredQuestions(dataSource);
        String max = "x".repeat(UnansweredQuestions.MAX_TEXT);
        String emojiAcrossTheCut = "y".repeat(UnansweredQuestions.MAX_TEXT - 1) + "🚀 and more";

        questions.record(T0, Language.EN, "  Can I post photos of the office?\n");
        questions.record(T0.plusSeconds(1), Language.EN, "   \t\n");
        questions.record(T0.plusSeconds(2), Language.EN, "");
        questions.record(T0.plusSeconds(3), Language.FR, max + "tail that is cut");
        questions.record(T0.plusSeconds(4), Language.FR, emojiAcrossTheCut);
        questions.record(T0.plusSeconds(5), Language.EN, "nul\u0000 inside ");
        questions.record(T0.plusSeconds(6), Language.FR, "Puis-je dire « 100 % » ? L'équipe 'ops' \\ _%");

        List<Frequent> all = questions.mostFrequent(Instant.MIN, Instant.MAX, 10);
        assertThat(all)
                .extracting(Frequent::text)
                .containsExactly(
                        "Puis-je dire « 100 % » ? L'équipe 'ops' \\ _%",
                        "nul inside",
                        "y".repeat(UnansweredQuestions.MAX_TEXT - 1),
                        max,
                        "Can I post photos of the office?");
        assertThat(all.get(0).language()).isEqualTo(Language.FR);
        assertThat(all.get(4)).isEqualTo(new Frequent("Can I post photos of the office?", Language.EN, 1, T0));
        assertThat(JdbcClient.create(dataSource)
                        .sql("SELECT COUNT(*) FROM unanswered_question")
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);

        assertThat(questions.purgeBefore(T0.plusSeconds(4))).isEqualTo(2);
        assertThat(questions.purgeBefore(T0.plusSeconds(4))).isZero();
        assertThat(questions.mostFrequent(Instant.MIN, Instant.MAX, 10))
                .extracting(Frequent::text)
                .containsExactly(
                        "Puis-je dire « 100 % » ? L'équipe 'ops' \\ _%",
                        "nul inside", "y".repeat(UnansweredQuestions.MAX_TEXT - 1));
        assertThat(questions.purgeBefore(Instant.MAX)).isEqualTo(3);
        assertThat(questions.mostFrequent(Instant.MIN, Instant.MAX, 10)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void ranksByCountThenRecencyWithinAHalfOpenWindow(Databases.Kind kind) {
        JdbcUnansweredQuestions questions = new JdbcUnansweredQuestions(database(kind));
        Instant from = T0;
        Instant to = T0.plus(1, ChronoUnit.DAYS);
        questions.record(from.minusNanos(1_000), Language.EN, "outside before");
        questions.record(from.minusNanos(1_000), Language.EN, "twice");
        questions.record(from, Language.EN, "twice");
        questions.record(from.plusSeconds(10), Language.EN, "twice");
        questions.record(from.plusSeconds(20), Language.FR, "twice");
        questions.record(from.plusSeconds(30), Language.EN, "earlier pair");
        questions.record(from.plusSeconds(40), Language.EN, "later pair");
        questions.record(from.plusSeconds(30), Language.EN, "earlier pair");
        questions.record(from.plusSeconds(40), Language.EN, "later pair");
        questions.record(from.plusSeconds(50), Language.EN, "older single");
        questions.record(from.plusSeconds(60), Language.EN, "tie b");
        questions.record(from.plusSeconds(60), Language.EN, "tie a");
        questions.record(to.minusNanos(1_000), Language.EN, "newest single");
        questions.record(to, Language.EN, "outside after");
        questions.record(to, Language.EN, "twice");

        List<Frequent> ranked = questions.mostFrequent(from, to, 10);

        assertThat(ranked)
                .containsExactly(
                        new Frequent("later pair", Language.EN, 2, from.plusSeconds(40)),
                        new Frequent("earlier pair", Language.EN, 2, from.plusSeconds(30)),
                        new Frequent("twice", Language.EN, 2, from.plusSeconds(10)),
                        new Frequent("newest single", Language.EN, 1, to.minusNanos(1_000)),
                        new Frequent("tie b", Language.EN, 1, from.plusSeconds(60)),
                        new Frequent("tie a", Language.EN, 1, from.plusSeconds(60)),
                        new Frequent("older single", Language.EN, 1, from.plusSeconds(50)),
                        new Frequent("twice", Language.FR, 1, from.plusSeconds(20)));
        assertThat(questions.mostFrequent(from, to, 2)).isEqualTo(ranked.subList(0, 2));
        assertThat(questions.mostFrequent(from, to, 0)).isEmpty();
        assertThat(questions.mostFrequent(to, from, 10)).isEmpty();
        assertThatThrownBy(() -> questions.mostFrequent(from, to, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void ranksLikeTheInMemoryStore(Databases.Kind kind) {
        JdbcUnansweredQuestions questions = new JdbcUnansweredQuestions(database(kind));
        InMemoryUnansweredQuestions memory = new InMemoryUnansweredQuestions();
        Random random = new Random(3);
        String[] texts = {"vpn", "photos", "badge", "  vpn  ", "VPN", "a".repeat(600), "a".repeat(500) + "b"};

        for (int step = 0; step < 200; step++) {
            Instant at = T0.plus(random.nextInt(48), ChronoUnit.HOURS).plusNanos(random.nextInt(3) * 1_000L);
            if (random.nextInt(40) == 0) {
                assertThat(questions.purgeBefore(at)).isEqualTo(memory.purgeBefore(at));
                continue;
            }
            Language language = random.nextInt(4) == 0 ? Language.FR : Language.EN;
            String text = texts[random.nextInt(texts.length)];
            questions.record(at, language, text);
            memory.record(at, language, text);
        }

        for (int window = 0; window < 15; window++) {
            Instant a = T0.plus(random.nextInt(50) - 1, ChronoUnit.HOURS);
            Instant b = T0.plus(random.nextInt(50) - 1, ChronoUnit.HOURS);
            Instant from = a.isBefore(b) ? a : b;
            Instant to = a.isBefore(b) ? b : a;
            int limit = 1 + random.nextInt(8);
            assertThat(questions.mostFrequent(from, to, limit))
                    .as("[%s, %s) limit %d", from, to, limit)
                    .isEqualTo(memory.mostFrequent(from, to, limit));
        }
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
