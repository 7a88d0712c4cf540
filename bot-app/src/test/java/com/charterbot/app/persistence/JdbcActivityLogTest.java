package com.charterbot.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.activity.ActivityCounts;
import com.charterbot.core.activity.AnswerFeedback;
import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.activity.QuestionAsked;
import com.charterbot.core.activity.QuizAnswered;
import com.charterbot.core.activity.StatsScope;
import com.charterbot.core.answer.Tier;
import com.charterbot.core.memory.InMemoryActivityLog;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JdbcActivityLogTest {

    private static final PseudonymousIds PSEUDONYMS =
            new PseudonymousIds("activity-test-secret-0123456789".getBytes(StandardCharsets.UTF_8));
    private static final UserRef ALICE = new UserRef(Platform.SLACK, "T0ACME", "U0RAWALICE");
    private static final UserRef ALICE_ELSEWHERE = new UserRef(Platform.SLACK, "T0OTHER", "U0RAWALICE");
    private static final UserRef BOB =
            new UserRef(Platform.TEAMS, "5e1f0000-aaaa-4bbb-8ccc-000000000001", "0b0b-raw-bob-id");
    private static final ChannelRef GENERAL = new ChannelRef(Platform.SLACK, "T0ACME", "C0GENERAL");
    private static final ChannelRef RANDOM = new ChannelRef(Platform.SLACK, "T0ACME", "C0RANDOM");
    private static final ChannelRef GENERAL_ELSEWHERE = new ChannelRef(Platform.SLACK, "T0OTHER", "C0GENERAL");
    private static final ChannelRef TEAMS = new ChannelRef(Platform.TEAMS, BOB.tenant(), "19:abc@thread.tacv2");

    private static final Instant T0 = Instant.parse("2024-03-31T00:00:00Z");

    private final List<HikariDataSource> pools = new ArrayList<>();

    /** The participant as the JDBC log reads it back. */
    private static UserRef pseudonymous(UserRef user) {
        return new UserRef(user.platform(), user.tenant(), PSEUDONYMS.of(user));
    }

    /** The answer as the JDBC log reads it back: the participant is a pseudonym, the instant is cut to the microsecond. */
    private static QuizAnswered asStored(QuizAnswered answer) {
        return new QuizAnswered(
                answer.at().truncatedTo(ChronoUnit.MICROS),
                answer.sectionId(),
                answer.questionId(),
                answer.correct(),
                answer.channel(),
                pseudonymous(answer.participant()));
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void keepsEveryFieldOfEveryEventAndNoUserId(Databases.Kind kind) {
        DataSource dataSource = database(kind);
        JdbcActivityLog log = new JdbcActivityLog(dataSource, PSEUDONYMS);
        List<QuestionAsked> questions = List.of(
                new QuestionAsked(T0, Language.EN, Tier.ANSWER, "photos-videos"),
                new QuestionAsked(T0.plusMillis(1), Language.FR, Tier.SUGGEST, null, "slack:T0ACME"),
                new QuestionAsked(
                        T0.plusSeconds(3_600).plusNanos(123_456_000), Language.EN, Tier.FALLBACK, "not-covered-hr"));
        List<QuizAnswered> answers = List.of(
                new QuizAnswered(T0, "photos-videos", "photos-videos#0", true, GENERAL, ALICE),
                new QuizAnswered(T0.plusSeconds(1), "passwords", "passwords#2", false, null, ALICE),
                new QuizAnswered(T0.plusSeconds(2), "passwords", "passwords#1", true, TEAMS, BOB),
                new QuizAnswered(T0.plusSeconds(3), "passwords", "passwords#1", false, null, ALICE_ELSEWHERE));
        List<NudgeSent> nudges = List.of(
                new NudgeSent(T0, GENERAL, NudgeSent.Kind.TIP),
                new NudgeSent(T0.plusSeconds(1), TEAMS, NudgeSent.Kind.QUIZ));
        List<AnswerFeedback> feedback = List.of(
                new AnswerFeedback(T0, Language.FR, Tier.ANSWER, "photos-videos", true),
                new AnswerFeedback(T0.plusSeconds(1), Language.EN, Tier.FALLBACK, null, false, "teams:tenant-1"));

        questions.forEach(log::record);
        answers.forEach(log::record);
        nudges.forEach(log::record);
        feedback.forEach(log::record);

        Instant from = T0.minusSeconds(1);
        Instant to = T0.plus(1, ChronoUnit.DAYS);
        assertThat(log.questions(from, to)).isEqualTo(questions);
        assertThat(log.quizAnswers(from, to))
                .isEqualTo(answers.stream().map(JdbcActivityLogTest::asStored).toList());
        assertThat(log.nudges(from, to)).isEqualTo(nudges);
        assertThat(log.feedback(from, to)).isEqualTo(feedback);
        assertThat(log.quizAnswers(from, to))
                .extracting(QuizAnswered::participant)
                .doesNotContain(ALICE, BOB)
                .as("the same person in another workspace is another participant")
                .contains(pseudonymous(ALICE), pseudonymous(ALICE_ELSEWHERE));
        assertThat(log.quizAnswers(from, to).stream()
                        .map(QuizAnswered::participant)
                        .distinct()
                        .count())
                .isEqualTo(3);
        for (String table :
                List.of("activity_question", "activity_quiz_answer", "activity_nudge", "activity_feedback")) {
            assertThat(Databases.rows(dataSource, table))
                    .as(table)
                    .isNotEmpty()
                    .noneMatch(row -> row.contains("RAWALICE") || row.contains("raw-bob"));
        }
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void queriesAreHalfOpenWindows(Databases.Kind kind) {
        JdbcActivityLog log = new JdbcActivityLog(database(kind), PSEUDONYMS);
        Instant from = Instant.parse("2024-10-27T00:00:00Z");
        Instant to = Instant.parse("2024-10-28T00:00:00Z");
        List<Instant> instants = List.of(
                from.minusNanos(1_000), from, from.plusSeconds(3_600), to.minusNanos(1_000), to, to.plusSeconds(1));
        for (Instant at : instants) {
            log.record(new QuestionAsked(at, Language.EN, Tier.ANSWER, "s"));
            log.record(new QuizAnswered(at, "s", "s#0", true, GENERAL, ALICE));
            log.record(new QuizAnswered(at, "s", "s#0", true, null, BOB));
            log.record(new QuizAnswered(at, "s", "s#1", false, GENERAL_ELSEWHERE, BOB));
            log.record(new QuizAnswered(at, "s", "s#1", false, RANDOM, BOB));
            log.record(new NudgeSent(at, GENERAL, NudgeSent.Kind.TIP));
            log.record(new AnswerFeedback(at, Language.EN, Tier.ANSWER, "s", true));
        }
        List<Instant> inside = instants.subList(1, 4);

        assertThat(log.questions(from, to)).extracting(QuestionAsked::at).isEqualTo(inside);
        assertThat(log.nudges(from, to)).extracting(NudgeSent::at).isEqualTo(inside);
        assertThat(log.feedback(from, to)).extracting(AnswerFeedback::at).isEqualTo(inside);
        assertThat(log.quizAnswers(from, to))
                .hasSize(4 * inside.size())
                .extracting(QuizAnswered::at)
                .isSorted()
                .containsAll(inside);
        assertThat(log.questions(to, from)).isEmpty();
        assertThat(log.questions(from, from)).isEmpty();
        assertThat(log.questions(Instant.MIN, Instant.MAX))
                .extracting(QuestionAsked::at)
                .isEqualTo(instants);
        assertThat(log.quizAnswers(Instant.EPOCH, Instant.MAX)).hasSize(4 * instants.size());

        assertThat(log.quizAnswers(GENERAL, from))
                .as("one channel's answers at or after the instant")
                .extracting(QuizAnswered::at)
                .isEqualTo(instants.subList(1, instants.size()));
        assertThat(log.quizAnswers(GENERAL, from)).allMatch(answer -> GENERAL.equals(answer.channel()));
        assertThat(log.quizAnswers(GENERAL, Instant.MIN)).hasSize(instants.size());
        assertThat(log.quizAnswers(TEAMS, Instant.MIN)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void forgetsOnePersonAndPurgesOldEntries(Databases.Kind kind) {
        DataSource dataSource = database(kind);
        JdbcActivityLog log = new JdbcActivityLog(dataSource, PSEUDONYMS);
        for (int day = 0; day < 3; day++) {
            Instant at = T0.plus(day, ChronoUnit.DAYS);
            log.record(new QuizAnswered(at, "s", "s#0", true, GENERAL, ALICE));
            log.record(new QuizAnswered(at, "s", "s#0", true, null, ALICE));
            log.record(new QuizAnswered(at, "s", "s#0", false, GENERAL, ALICE_ELSEWHERE));
            log.record(new QuizAnswered(at, "s", "s#0", false, null, BOB));
            log.record(new QuestionAsked(at, Language.EN, Tier.ANSWER, null));
            log.record(new NudgeSent(at, GENERAL, NudgeSent.Kind.QUIZ));
            log.record(new AnswerFeedback(at, Language.EN, Tier.ANSWER, null, true));
        }

        log.forget(ALICE);
        log.forget(new UserRef(Platform.SLACK, "T0ACME", "U0NOBODY"));

        assertThat(log.quizAnswers(Instant.MIN, Instant.MAX))
                .hasSize(6)
                .extracting(QuizAnswered::participant)
                .containsOnly(pseudonymous(ALICE_ELSEWHERE), pseudonymous(BOB));
        assertThat(log.questions(Instant.MIN, Instant.MAX)).hasSize(3);

        int purged = log.purgeBefore(T0.plus(1, ChronoUnit.DAYS));

        assertThat(purged).isEqualTo(2 + 1 + 1 + 1);
        assertThat(log.quizAnswers(Instant.MIN, Instant.MAX))
                .hasSize(4)
                .allMatch(answer -> !answer.at().isBefore(T0.plus(1, ChronoUnit.DAYS)));
        assertThat(log.questions(Instant.MIN, Instant.MAX)).hasSize(2);
        assertThat(log.nudges(Instant.MIN, Instant.MAX)).hasSize(2);
        assertThat(log.feedback(Instant.MIN, Instant.MAX)).hasSize(2);
        assertThat(log.purgeBefore(T0)).isZero();
        assertThat(log.purgeBefore(Instant.MAX)).isEqualTo(4 + 2 + 2 + 2);
        assertThat(Databases.rows(dataSource, "activity_quiz_answer")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void answersLikeTheInMemoryLog(Databases.Kind kind) {
        JdbcActivityLog log = new JdbcActivityLog(database(kind), PSEUDONYMS);
        InMemoryActivityLog memory = new InMemoryActivityLog();
        Random random = new Random(11);
        List<UserRef> people = List.of(ALICE, ALICE_ELSEWHERE, BOB, new UserRef(Platform.TEAMS, BOB.tenant(), "carol"));
        List<ChannelRef> channels = new ArrayList<>(List.of(GENERAL, RANDOM, GENERAL_ELSEWHERE, TEAMS));
        channels.add(null);
        Function<Random, Instant> anInstant =
                r -> T0.plus(r.nextInt(72), ChronoUnit.HOURS).plusNanos(r.nextInt(4) * 250_000L);

        for (int step = 0; step < 150; step++) {
            Instant at = anInstant.apply(random);
            String section = random.nextBoolean() ? null : "section-" + random.nextInt(3);
            switch (random.nextInt(10)) {
                case 0, 1 -> {
                    QuestionAsked event = new QuestionAsked(
                            at,
                            random.nextBoolean() ? Language.EN : Language.FR,
                            Tier.values()[random.nextInt(3)],
                            section,
                            List.of("slack:T0ACME", "slack:T0OTHER", BOB.tenantKey(), "")
                                    .get(random.nextInt(4))
                                    .transform(tenant -> tenant.isEmpty() ? null : tenant));
                    log.record(event);
                    memory.record(event);
                }
                case 2, 3, 4, 5 -> {
                    UserRef who = people.get(random.nextInt(people.size()));
                    QuizAnswered event = new QuizAnswered(
                            at,
                            "s" + random.nextInt(3),
                            "s#" + random.nextInt(2),
                            random.nextBoolean(),
                            channels.get(random.nextInt(channels.size())),
                            who);
                    log.record(event);
                    memory.record(asStored(event));
                }
                case 6 -> {
                    NudgeSent event = new NudgeSent(
                            at,
                            channels.get(random.nextInt(channels.size() - 1)),
                            NudgeSent.Kind.values()[random.nextInt(2)]);
                    log.record(event);
                    memory.record(event);
                }
                case 7, 8 -> {
                    AnswerFeedback event = new AnswerFeedback(
                            at, Language.FR, Tier.values()[random.nextInt(3)], section, random.nextBoolean());
                    log.record(event);
                    memory.record(event);
                }
                default -> {
                    UserRef who = people.get(random.nextInt(people.size()));
                    log.forget(who);
                    memory.forget(pseudonymous(who));
                }
            }
        }

        for (int window = 0; window < 20; window++) {
            Instant a = anInstant.apply(random);
            Instant b = anInstant.apply(random);
            Instant from = a.isBefore(b) ? a : b;
            Instant to = a.isBefore(b) ? b : a;
            assertThat(log.questions(from, to)).isEqualTo(byTime(memory.questions(from, to), QuestionAsked::at));
            assertThat(log.quizAnswers(from, to)).isEqualTo(byTime(memory.quizAnswers(from, to), QuizAnswered::at));
            assertThat(log.nudges(from, to)).isEqualTo(byTime(memory.nudges(from, to), NudgeSent::at));
            assertThat(log.feedback(from, to)).isEqualTo(byTime(memory.feedback(from, to), AnswerFeedback::at));
            for (ChannelRef channel : channels.subList(0, channels.size() - 1)) {
                assertThat(log.quizAnswers(channel, from))
                        .isEqualTo(byTime(memory.quizAnswers(channel, from), QuizAnswered::at));
            }
            assertThat(log.quizAnswers(from, to).stream()
                            .map(QuizAnswered::participant)
                            .distinct()
                            .count())
                    .as("distinct participants")
                    .isEqualTo(memory.quizAnswers(from, to).stream()
                            .map(QuizAnswered::participant)
                            .distinct()
                            .count());
        }

        List<StatsScope> scopes = List.of(
                StatsScope.EVERYTHING,
                StatsScope.of(Platform.SLACK, List.of("T0ACME")),
                StatsScope.of(Platform.SLACK, List.of("T0ACME", "T0OTHER")),
                StatsScope.of(Platform.TEAMS, List.of(BOB.tenant())),
                StatsScope.of(Platform.SLACK, List.of()));
        int nonEmpty = 0;
        for (int round = 0; round < 30; round++) {
            List<Instant> bounds = new ArrayList<>();
            int count = 2 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                bounds.add(i > 0 && random.nextInt(6) == 0 ? bounds.get(i - 1) : anInstant.apply(random));
            }
            bounds.sort(Comparator.naturalOrder());
            // Consecutive periods, then one or two more that overlap them, as the statistics ask.
            List<ActivityCounts.Period> periods = new ArrayList<>(ActivityCounts.Period.between(bounds));
            for (int extra = random.nextInt(3); extra > 0; extra--) {
                Instant a = anInstant.apply(random);
                Instant b = anInstant.apply(random);
                periods.add(new ActivityCounts.Period(a.isBefore(b) ? a : b, a.isBefore(b) ? b : a));
            }
            for (StatsScope scope : scopes) {
                List<ActivityCounts> counted = log.count(periods, scope);
                assertThat(counted)
                        .as("counts of %s in %s", periods, scope)
                        .isEqualTo(memory.count(periods, scope))
                        .hasSize(periods.size());
                nonEmpty += (int) counted.stream()
                        .filter(counts -> counts.quizParticipants() > 0
                                && !counts.questions().isEmpty())
                        .count();
            }
        }
        assertThat(nonEmpty).as("periods with questions and participants").isGreaterThan(20);
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void countsEachPeriodOnceAndOnlyTheScope(Databases.Kind kind) {
        JdbcActivityLog log = new JdbcActivityLog(database(kind), PSEUDONYMS);
        Instant monday = Instant.parse("2024-04-01T00:00:00Z");
        log.record(new QuestionAsked(monday.minusNanos(1_000), Language.EN, Tier.ANSWER, "photos", "slack:T0ACME"));
        log.record(new QuestionAsked(monday, Language.FR, Tier.FALLBACK, null, "slack:T0ACME"));
        log.record(new QuestionAsked(monday, Language.FR, Tier.SUGGEST, " ", "slack:T0OTHER"));
        for (UserRef who : List.of(ALICE, ALICE, ALICE_ELSEWHERE)) {
            log.record(new QuizAnswered(monday.plusSeconds(60), "photos", "photos#1", who == ALICE, GENERAL, who));
        }
        log.record(new NudgeSent(monday.plusSeconds(3_600), GENERAL, NudgeSent.Kind.TIP));
        log.record(new NudgeSent(monday.plusSeconds(3_600), GENERAL_ELSEWHERE, NudgeSent.Kind.QUIZ));
        List<ActivityCounts.Period> weeks = ActivityCounts.Period.between(
                List.of(monday.minusSeconds(7 * 86_400), monday, monday.plusSeconds(7 * 86_400)));

        List<ActivityCounts> everything = log.count(weeks, StatsScope.EVERYTHING);

        assertThat(everything.get(0).questions()).isEqualTo(Map.of("photos", Map.of(Tier.ANSWER, 1)));
        assertThat(everything.get(1).questions())
                .isEqualTo(Map.of(ActivityCounts.NO_SECTION, Map.of(Tier.FALLBACK, 1, Tier.SUGGEST, 1)));
        assertThat(everything.get(1).quizAnswers()).isEqualTo(Map.of("photos", 3));
        assertThat(everything.get(1).quizCorrect()).isEqualTo(Map.of("photos", 2));
        assertThat(everything.get(1).quizParticipants())
                .as("Alice here and Alice elsewhere")
                .isEqualTo(2);
        assertThat(everything.get(1).nudges()).isEqualTo(Map.of(NudgeSent.Kind.TIP, 1, NudgeSent.Kind.QUIZ, 1));

        ActivityCounts acme = log.count(weeks, StatsScope.of(Platform.SLACK, List.of("T0ACME")))
                .get(1);
        assertThat(acme.questions()).isEqualTo(Map.of(ActivityCounts.NO_SECTION, Map.of(Tier.FALLBACK, 1)));
        assertThat(acme.quizAnswers()).isEqualTo(Map.of("photos", 2));
        assertThat(acme.quizParticipants()).isEqualTo(1);
        assertThat(acme.nudges()).isEqualTo(Map.of(NudgeSent.Kind.TIP, 1));
        assertThat(log.count(List.of(new ActivityCounts.Period(monday, monday)), StatsScope.EVERYTHING))
                .as("an empty period")
                .containsExactly(ActivityCounts.of(List.of(), List.of(), List.of()));
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void keepsEveryConcurrentRecord(Databases.Kind kind) throws Exception {
        JdbcActivityLog log = new JdbcActivityLog(database(kind), PSEUDONYMS);
        int writers = 8;
        int each = 20;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                UserRef who = new UserRef(Platform.SLACK, "T0ACME", "U" + w);
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        log.record(new QuizAnswered(T0.plusSeconds(i), "s", "s#" + i, i % 2 == 0, GENERAL, who));
                        log.record(new NudgeSent(T0.plusSeconds(i), GENERAL, NudgeSent.Kind.QUIZ));
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

        assertThat(log.quizAnswers(GENERAL, T0)).hasSize(writers * each);
        assertThat(log.quizAnswers(GENERAL, T0).stream()
                        .map(QuizAnswered::participant)
                        .distinct()
                        .count())
                .isEqualTo(writers);
        assertThat(log.nudges(T0, T0.plusSeconds(each))).hasSize(writers * each);
    }

    /** The in-memory log's entries in the JDBC log's order: oldest first, then in the order recorded. */
    private static <T> List<T> byTime(List<T> events, Function<T, Instant> at) {
        return events.stream().sorted(Comparator.comparing(at)).toList();
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
