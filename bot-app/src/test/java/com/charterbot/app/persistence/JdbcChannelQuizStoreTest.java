package com.charterbot.app.persistence;

import static com.charterbot.app.persistence.JdbcQuizProgressStoreTest.ALICE;
import static com.charterbot.app.persistence.JdbcQuizProgressStoreTest.BOB;
import static com.charterbot.app.persistence.JdbcQuizProgressStoreTest.CAROL;
import static com.charterbot.app.persistence.JdbcQuizProgressStoreTest.PSEUDONYMS;
import static com.charterbot.app.persistence.JdbcQuizProgressStoreTest.T0;
import static com.charterbot.app.persistence.JdbcQuizProgressStoreTest.atOnce;
import static com.charterbot.app.persistence.JdbcQuizProgressStoreTest.cells;
import static com.charterbot.app.persistence.JdbcQuizProgressStoreTest.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.charterbot.core.quiz.ChannelQuiz;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JdbcChannelQuizStoreTest {

    private static final ChannelRef GENERAL = new ChannelRef(Platform.SLACK, "T1", "C-GENERAL");
    private static final ChannelRef RANDOM = new ChannelRef(Platform.SLACK, "T1", "C-RANDOM");
    private static final ChannelRef TEAMS_GENERAL = new ChannelRef(Platform.TEAMS, "T1", "C-GENERAL");
    private static final String ID = "0123456789abcdef0123456789abcdef";

    private static UserRef stored(UserRef user) {
        return new UserRef(user.platform(), user.tenant(), PSEUDONYMS.of(user));
    }

    private static String id(int n) {
        return String.format("%016x", n);
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void keepsEveryFieldOfAQuizAndItsAnswers(Databases.Kind kind) {
        JdbcChannelQuizStore store = new JdbcChannelQuizStore(Databases.fresh(kind), PSEUDONYMS);
        ChannelQuiz quiz = new ChannelQuiz(ID, TEAMS_GENERAL, "privacy#2", Language.FR, T0, Map.of(ALICE, 1, CAROL, 0));

        store.save(quiz);

        ChannelQuiz found = store.find(ID).orElseThrow();
        assertThat(found)
                .isEqualTo(new ChannelQuiz(
                        ID, TEAMS_GENERAL, "privacy#2", Language.FR, T0, Map.of(stored(ALICE), 1, stored(CAROL), 0)));
        assertThat(store.find(id(1))).isEmpty();
        assertThat(store.find(null)).isEmpty();

        store.save(found.without(stored(ALICE)));
        assertThat(store.find(ID).orElseThrow().answers()).isEqualTo(Map.of(stored(CAROL), 0));
        store.save(ChannelQuiz.posted(ID, GENERAL, "conduct#0", Language.EN, T0.plusSeconds(1)));
        assertThat(store.find(ID))
                .contains(ChannelQuiz.posted(ID, GENERAL, "conduct#0", Language.EN, T0.plusSeconds(1)));
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void aPersonsFirstAnswerIsTheOnlyOne(Databases.Kind kind) {
        JdbcChannelQuizStore store = new JdbcChannelQuizStore(Databases.fresh(kind), PSEUDONYMS);
        store.save(ChannelQuiz.posted(ID, GENERAL, "conduct#0", Language.EN, T0));

        assertThat(store.recordAnswer(ID, ALICE, 2).orElseThrow().answers()).isEqualTo(Map.of(stored(ALICE), 2));
        assertThat(store.recordAnswer(ID, ALICE, 1)).isEmpty();
        assertThat(store.recordAnswer(ID, stored(ALICE), 1)).isEmpty();
        ChannelQuiz both = store.recordAnswer(ID, BOB, 0).orElseThrow();

        assertThat(both.answers()).isEqualTo(Map.of(stored(ALICE), 2, stored(BOB), 0));
        assertThat(store.find(ID)).contains(both);
        assertThat(store.recordAnswer(id(1), ALICE, 0)).isEmpty();
        assertThat(store.recordAnswer(null, ALICE, 0)).isEmpty();
        assertThatThrownBy(() -> store.recordAnswer(ID, CAROL, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void sixteenClicksOfOnePersonAtOnceRecordOneAnswer(Databases.Kind kind) throws Exception {
        DataSource dataSource = Databases.fresh(kind);
        JdbcChannelQuizStore store = new JdbcChannelQuizStore(dataSource, PSEUDONYMS);
        store.save(ChannelQuiz.posted(ID, GENERAL, "conduct#0", Language.EN, T0));
        List<Callable<Optional<ChannelQuiz>>> clicks = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int option = i % 3;
            clicks.add(() -> store.recordAnswer(ID, ALICE, option));
        }

        List<Optional<ChannelQuiz>> results = atOnce(clicks);

        assertThat(results.stream().filter(Optional::isPresent).count()).isEqualTo(1);
        int winner = results.indexOf(
                results.stream().filter(Optional::isPresent).findFirst().orElseThrow());
        assertThat(store.find(ID).orElseThrow().answers()).isEqualTo(Map.of(stored(ALICE), winner % 3));
        assertThat(count(dataSource, "channel_quiz_answer")).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void twoPeopleClickingAtOnceRecordTwoAnswers(Databases.Kind kind) throws Exception {
        JdbcChannelQuizStore store = new JdbcChannelQuizStore(Databases.fresh(kind), PSEUDONYMS);
        store.save(ChannelQuiz.posted(ID, GENERAL, "conduct#0", Language.EN, T0));
        List<Callable<Optional<ChannelQuiz>>> clicks = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            UserRef who = i % 2 == 0 ? ALICE : BOB;
            clicks.add(() -> store.recordAnswer(ID, who, 1));
        }

        List<Optional<ChannelQuiz>> results = atOnce(clicks);

        assertThat(results.stream().filter(Optional::isPresent).count()).isEqualTo(2);
        assertThat(store.find(ID).orElseThrow().answers()).isEqualTo(Map.of(stored(ALICE), 1, stored(BOB), 1));
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void postedListsTheChannelsQuizzesSinceThenOldestFirstWithTheirAnswers(Databases.Kind kind) {
        JdbcChannelQuizStore store = new JdbcChannelQuizStore(Databases.fresh(kind), PSEUDONYMS);
        store.save(ChannelQuiz.posted(id(1), GENERAL, "conduct#0", Language.EN, T0.minusSeconds(1)));
        store.save(ChannelQuiz.posted(id(4), GENERAL, "conduct#1", Language.EN, T0.plusSeconds(60)));
        store.save(ChannelQuiz.posted(id(3), GENERAL, "conduct#2", Language.FR, T0));
        store.save(ChannelQuiz.posted(id(2), GENERAL, "conduct#3", Language.EN, T0));
        store.save(ChannelQuiz.posted(id(5), RANDOM, "conduct#4", Language.EN, T0));
        store.save(ChannelQuiz.posted(id(6), TEAMS_GENERAL, "conduct#5", Language.EN, T0));
        store.recordAnswer(id(3), ALICE, 0);
        store.recordAnswer(id(3), BOB, 1);
        store.recordAnswer(id(4), BOB, 2);

        List<ChannelQuiz> posted = store.posted(GENERAL, T0);

        assertThat(posted).extracting(ChannelQuiz::id).containsExactly(id(2), id(3), id(4));
        assertThat(posted.get(0).answers()).isEmpty();
        assertThat(posted.get(1))
                .isEqualTo(new ChannelQuiz(
                        id(3), GENERAL, "conduct#2", Language.FR, T0, Map.of(stored(ALICE), 0, stored(BOB), 1)));
        assertThat(posted.get(2).answers()).isEqualTo(Map.of(stored(BOB), 2));
        assertThat(store.posted(GENERAL, Instant.MIN)).hasSize(4);
        assertThat(store.posted(new ChannelRef(Platform.SLACK, "T2", "C-GENERAL"), Instant.MIN))
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void purgeDeletesTheOlderQuizzesAndTheirAnswers(Databases.Kind kind) throws SQLException {
        DataSource dataSource = Databases.fresh(kind);
        JdbcChannelQuizStore store = new JdbcChannelQuizStore(dataSource, PSEUDONYMS);
        store.save(ChannelQuiz.posted(id(1), GENERAL, "conduct#0", Language.EN, T0.minus(Duration.ofDays(91))));
        store.save(ChannelQuiz.posted(id(2), RANDOM, "conduct#1", Language.EN, T0.minus(Duration.ofDays(90))));
        store.save(ChannelQuiz.posted(id(3), GENERAL, "conduct#2", Language.EN, T0));
        store.recordAnswer(id(1), ALICE, 0);
        store.recordAnswer(id(3), ALICE, 0);

        assertThat(store.purgeOlderThan(T0.minus(Duration.ofDays(90)))).isEqualTo(1);

        assertThat(store.find(id(1))).isEmpty();
        assertThat(store.find(id(2))).isPresent();
        assertThat(count(dataSource, "channel_quiz_answer")).isEqualTo(1);
        assertThat(store.purgeOlderThan(Instant.MAX)).isEqualTo(2);
        assertThat(count(dataSource, "channel_quiz_answer")).isZero();
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void forgetRemovesThatPersonsAnswersFromEveryQuiz(Databases.Kind kind) {
        JdbcChannelQuizStore store = new JdbcChannelQuizStore(Databases.fresh(kind), PSEUDONYMS);
        store.save(ChannelQuiz.posted(id(1), GENERAL, "conduct#0", Language.EN, T0));
        store.save(ChannelQuiz.posted(id(2), RANDOM, "conduct#1", Language.EN, T0));
        store.recordAnswer(id(1), ALICE, 0);
        store.recordAnswer(id(1), BOB, 1);
        store.recordAnswer(id(2), ALICE, 2);

        store.forget(ALICE);

        assertThat(store.find(id(1)).orElseThrow().answers()).isEqualTo(Map.of(stored(BOB), 1));
        assertThat(store.find(id(2)).orElseThrow().answers()).isEmpty();
        assertThat(store.recordAnswer(id(2), ALICE, 1)).isPresent();
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void storesPseudonymsAndNeverTheUserId(Databases.Kind kind) throws SQLException {
        DataSource dataSource = Databases.fresh(kind);
        JdbcChannelQuizStore store = new JdbcChannelQuizStore(dataSource, PSEUDONYMS);
        store.save(new ChannelQuiz(ID, GENERAL, "conduct#0", Language.EN, T0, Map.of(CAROL, 1)));
        store.recordAnswer(ID, ALICE, 0);

        assertThat(cells(dataSource, "channel_quiz", "channel_quiz_answer"))
                .contains(PSEUDONYMS.of(ALICE), PSEUDONYMS.of(CAROL))
                .doesNotContain("U-ALICE", "carol-object-id");
    }
}
