package com.charterbot.app.persistence;

import static com.charterbot.app.persistence.JdbcQuizProgressStoreTest.ALICE;
import static com.charterbot.app.persistence.JdbcQuizProgressStoreTest.BOB;
import static com.charterbot.app.persistence.JdbcQuizProgressStoreTest.CAROL;
import static com.charterbot.app.persistence.JdbcQuizProgressStoreTest.PSEUDONYMS;
import static com.charterbot.app.persistence.JdbcQuizProgressStoreTest.T0;
import static com.charterbot.app.persistence.JdbcQuizProgressStoreTest.atOnce;
import static com.charterbot.app.persistence.JdbcQuizProgressStoreTest.cells;
import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.quiz.QuizSession;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.UserRef;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JdbcQuizSessionStoreTest {

    private static final String ID = "0123456789abcdef0123456789abcdef";
    private static final String OTHER_ID = "fedcba9876543210";
    private static final Instant EXPIRES = T0.plus(Duration.ofMinutes(30));

    /** The person a stored session belongs to: their pseudonym, on their platform and tenant. */
    private static UserRef stored(UserRef user) {
        return new UserRef(user.platform(), user.tenant(), PSEUDONYMS.of(user));
    }

    private static QuizSession started(String id, UserRef user) {
        return QuizSession.start(id, user, Language.EN, List.of("conduct#0", "privacy#1", "tools#2"), T0, EXPIRES);
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void keepsEveryFieldOfASession(Databases.Kind kind) {
        JdbcQuizSessionStore store = new JdbcQuizSessionStore(Databases.fresh(kind), PSEUDONYMS);
        List<String> questionIds = List.of("conduct#0", "back\\slash#1", "line\nbreak#2", "privacy#3");
        QuizSession session =
                new QuizSession(ID, CAROL, Language.FR, questionIds, 3, 2, List.of(true, false, true), T0, EXPIRES);

        store.save(session);

        QuizSession found = store.find(ID).orElseThrow();
        assertThat(found)
                .isEqualTo(new QuizSession(
                        ID, stored(CAROL), Language.FR, questionIds, 3, 2, List.of(true, false, true), T0, EXPIRES));
        assertThat(store.find(OTHER_ID)).isEmpty();
        assertThat(store.find(null)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void savingAgainReplacesTheSessionAndASessionGivenBackStaysItsOwners(Databases.Kind kind) {
        JdbcQuizSessionStore store = new JdbcQuizSessionStore(Databases.fresh(kind), PSEUDONYMS);
        store.save(started(ID, ALICE));

        QuizSession answered = store.find(ID).orElseThrow().answered(false);
        store.save(answered);

        assertThat(store.find(ID)).contains(answered);
        assertThat(answered.user()).isEqualTo(stored(ALICE));
        assertThat(store.belongsTo(answered, ALICE)).isTrue();
        assertThat(store.belongsTo(answered, stored(ALICE))).isTrue();
        assertThat(store.belongsTo(answered, BOB)).isFalse();
        assertThat(store.belongsTo(started(ID, ALICE), ALICE)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void advanceRecordsEachAnswerOnceInOrderUntilTheQuizEnds(Databases.Kind kind) {
        JdbcQuizSessionStore store = new JdbcQuizSessionStore(Databases.fresh(kind), PSEUDONYMS);
        QuizSession session = started(ID, ALICE);
        store.save(session);
        Instant at = T0.plusSeconds(60);

        assertThat(store.advance(ID, 1, true, at)).isEmpty();
        Optional<QuizSession> first = store.advance(ID, 0, true, at);
        assertThat(first).contains(withUser(session.answered(true), stored(ALICE)));
        assertThat(store.advance(ID, 0, false, at)).isEmpty();
        assertThat(store.advance(ID, 1, false, at).orElseThrow().results()).containsExactly(true, false);
        QuizSession last = store.advance(ID, 2, true, at).orElseThrow();
        assertThat(last.finished()).isTrue();
        assertThat(last.correctCount()).isEqualTo(2);
        assertThat(last.results()).containsExactly(true, false, true);
        assertThat(store.advance(ID, 3, true, at)).isEmpty();
        assertThat(store.find(ID)).contains(last);
        assertThat(store.advance(OTHER_ID, 0, true, at)).isEmpty();
        assertThat(store.advance(null, 0, true, at)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void anExpiredSessionCanNoLongerBeAnswered(Databases.Kind kind) {
        JdbcQuizSessionStore store = new JdbcQuizSessionStore(Databases.fresh(kind), PSEUDONYMS);
        store.save(started(ID, ALICE));

        assertThat(store.advance(ID, 0, true, EXPIRES)).isEmpty();
        assertThat(store.advance(ID, 0, true, EXPIRES.plusSeconds(1))).isEmpty();
        assertThat(store.find(ID).orElseThrow().currentIndex()).isZero();
        assertThat(store.advance(ID, 0, true, EXPIRES.minusNanos(1_000))).isPresent();
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void sixteenClicksAtOnceRecordTheAnswerOnce(Databases.Kind kind) throws Exception {
        JdbcQuizSessionStore store = new JdbcQuizSessionStore(Databases.fresh(kind), PSEUDONYMS);
        store.save(started(ID, ALICE));
        List<Callable<Optional<QuizSession>>> clicks = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            clicks.add(() -> store.advance(ID, 0, true, T0.plusSeconds(5)));
        }

        List<Optional<QuizSession>> results = atOnce(clicks);

        assertThat(results.stream().filter(Optional::isPresent).count()).isEqualTo(1);
        QuizSession after = store.find(ID).orElseThrow();
        assertThat(after.currentIndex()).isEqualTo(1);
        assertThat(after.correctCount()).isEqualTo(1);
        assertThat(after.results()).containsExactly(true);
        assertThat(results.stream().flatMap(Optional::stream)).containsExactly(after);
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void forgetDeletesEveryOneOfThatPersonsSessions(Databases.Kind kind) {
        JdbcQuizSessionStore store = new JdbcQuizSessionStore(Databases.fresh(kind), PSEUDONYMS);
        store.save(started(ID, ALICE));
        store.save(started("aaaaaaaaaaaaaaaa", ALICE));
        store.save(started(OTHER_ID, BOB));
        store.save(started("bbbbbbbbbbbbbbbb", CAROL));

        store.forget(ALICE);
        store.forget(stored(CAROL));

        assertThat(store.find(ID)).isEmpty();
        assertThat(store.find("aaaaaaaaaaaaaaaa")).isEmpty();
        assertThat(store.find("bbbbbbbbbbbbbbbb")).isEmpty();
        assertThat(store.find(OTHER_ID)).isPresent();
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void purgeDeletesTheSessionsExpiredAtThatInstant(Databases.Kind kind) {
        JdbcQuizSessionStore store = new JdbcQuizSessionStore(Databases.fresh(kind), PSEUDONYMS);
        store.save(started(ID, ALICE));
        store.save(QuizSession.start(OTHER_ID, BOB, Language.EN, List.of("conduct#0"), T0, EXPIRES.plusSeconds(60)));

        assertThat(store.purgeExpired(EXPIRES.minusSeconds(1))).isZero();
        assertThat(store.purgeExpired(EXPIRES)).isEqualTo(1);
        assertThat(store.find(ID)).isEmpty();
        assertThat(store.find(OTHER_ID)).isPresent();
        assertThat(store.purgeExpired(Instant.MAX)).isEqualTo(1);
        assertThat(store.find(OTHER_ID)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void storesPseudonymsAndNeverTheUserId(Databases.Kind kind) throws SQLException {
        DataSource dataSource = Databases.fresh(kind);
        JdbcQuizSessionStore store = new JdbcQuizSessionStore(dataSource, PSEUDONYMS);
        store.save(started(ID, ALICE));
        store.save(started(OTHER_ID, CAROL));
        store.advance(ID, 0, true, T0);

        assertThat(cells(dataSource, "quiz_session"))
                .contains(PSEUDONYMS.of(ALICE), PSEUDONYMS.of(CAROL))
                .doesNotContain("U-ALICE", "carol-object-id");
    }

    private static QuizSession withUser(QuizSession session, UserRef user) {
        return new QuizSession(
                session.id(),
                user,
                session.language(),
                session.questionIds(),
                session.currentIndex(),
                session.correctCount(),
                session.results(),
                session.created(),
                session.expires());
    }
}
