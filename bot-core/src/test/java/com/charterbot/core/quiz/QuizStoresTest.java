package com.charterbot.core.quiz;

import static com.charterbot.core.quiz.QuizFixtures.ALICE;
import static com.charterbot.core.quiz.QuizFixtures.BOB;
import static com.charterbot.core.quiz.QuizFixtures.GENERAL;
import static com.charterbot.core.quiz.QuizFixtures.RANDOM;
import static com.charterbot.core.quiz.QuizFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.charterbot.core.memory.InMemoryChannelQuizStore;
import com.charterbot.core.memory.InMemoryQuizProgressStore;
import com.charterbot.core.memory.InMemoryQuizSessionStore;
import com.charterbot.core.values.Language;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class QuizStoresTest {

    private static final String ID = "0123456789abcdef";

    private static QuizSession session(String id, Duration ttl) {
        return QuizSession.start(id, ALICE, Language.EN, List.of("alpha#0", "beta#0"), T0, T0.plus(ttl));
    }

    @Test
    void sessionsValidateThemselves() {
        assertThatThrownBy(() -> session("short", Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> session("0123456789ABCDEF", Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> session(ID, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QuizSession.start(ID, ALICE, Language.EN, List.of(), T0, T0.plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> QuizSession.start(ID, ALICE, Language.EN, List.of("a#0", "a#0"), T0, T0.plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QuizSession(
                        ID, ALICE, Language.EN, List.of("a#0"), 1, 0, List.of(true), T0, T0.plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QuizSettings(0, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QuizSettings(11, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QuizSettings(3, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThat(QuizSettings.DEFAULTS).isEqualTo(new QuizSettings(3, Duration.ofMinutes(30)));
    }

    @Test
    void advanceRecordsAnAnswerOnlyForTheCurrentQuestion() {
        InMemoryQuizSessionStore store = new InMemoryQuizSessionStore();
        store.save(session(ID, Duration.ofMinutes(30)));

        QuizSession first = store.advance(ID, 0, true, T0).orElseThrow();

        assertThat(first.currentIndex()).isEqualTo(1);
        assertThat(first.correctCount()).isEqualTo(1);
        assertThat(first.results()).containsExactly(true);
        assertThat(store.advance(ID, 0, false, T0)).isEmpty();
        assertThat(store.advance(ID, 2, false, T0)).isEmpty();
        QuizSession last = store.advance(ID, 1, false, T0).orElseThrow();
        assertThat(last.finished()).isTrue();
        assertThat(last.results()).containsExactly(true, false);
        assertThat(store.advance(ID, 2, true, T0)).isEmpty();
        assertThat(store.advance("ffffffffffffffff", 0, true, T0)).isEmpty();
        assertThat(store.find(ID)).contains(last);
    }

    @Test
    void advanceRefusesAnExpiredSession() {
        InMemoryQuizSessionStore store = new InMemoryQuizSessionStore();
        store.save(session(ID, Duration.ofMinutes(30)));

        assertThat(store.advance(ID, 0, true, T0.plus(Duration.ofMinutes(30)))).isEmpty();
        assertThat(store.find(ID).orElseThrow().currentIndex()).isZero();
    }

    @Test
    void concurrentAnswersToTheSameQuestionCountOnce() throws Exception {
        InMemoryQuizSessionStore store = new InMemoryQuizSessionStore();
        store.save(session(ID, Duration.ofMinutes(30)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Optional<QuizSession>>> clicks =
                    java.util.Collections.nCopies(64, () -> store.advance(ID, 0, true, T0));
            long recorded = 0;
            for (Future<Optional<QuizSession>> click : pool.invokeAll(clicks)) {
                recorded += click.get().isPresent() ? 1 : 0;
            }
            assertThat(recorded).isEqualTo(1);
            assertThat(store.find(ID).orElseThrow().correctCount()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void purgeRemovesOnlyExpiredSessionsAndForgetRemovesAPersonsSessions() {
        InMemoryQuizSessionStore store = new InMemoryQuizSessionStore();
        store.save(session("aaaaaaaaaaaaaaaa", Duration.ofMinutes(5)));
        store.save(session("bbbbbbbbbbbbbbbb", Duration.ofMinutes(50)));
        store.save(QuizSession.start(
                "cccccccccccccccc", BOB, Language.FR, List.of("alpha#0"), T0, T0.plus(Duration.ofMinutes(50))));

        assertThat(store.purgeExpired(T0.plus(Duration.ofMinutes(10)))).isEqualTo(1);
        assertThat(store.find("aaaaaaaaaaaaaaaa")).isEmpty();
        store.forget(ALICE);
        assertThat(store.find("bbbbbbbbbbbbbbbb")).isEmpty();
        assertThat(store.find("cccccccccccccccc")).isPresent();
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void progressIsKeptPerPersonAndForgotten() {
        InMemoryQuizProgressStore store = new InMemoryQuizProgressStore();
        CardState state = new CardState(2, T0, 2, 2);
        store.save(ALICE, "alpha#0", state);
        store.save(BOB, "beta#0", state);

        assertThat(store.load(ALICE)).containsExactly(java.util.Map.entry("alpha#0", state));
        store.forget(ALICE);
        assertThat(store.load(ALICE)).isEmpty();
        assertThat(store.load(BOB)).containsOnlyKeys("beta#0");
    }

    @Test
    void aChannelQuizTakesEachPersonsFirstAnswerOnly() {
        InMemoryChannelQuizStore store = new InMemoryChannelQuizStore();
        store.save(ChannelQuiz.posted(ID, GENERAL, "alpha#0", Language.EN, T0));

        assertThat(store.recordAnswer(ID, ALICE, 1).orElseThrow().answers()).containsEntry(ALICE, 1);
        assertThat(store.recordAnswer(ID, ALICE, 2)).isEmpty();
        assertThat(store.recordAnswer(ID, BOB, 0).orElseThrow().answers())
                .hasSize(2)
                .containsEntry(ALICE, 1);
        assertThat(store.recordAnswer("ffffffffffffffff", BOB, 0)).isEmpty();
        store.forget(ALICE);
        assertThat(store.find(ID).orElseThrow().answers()).containsOnlyKeys(BOB);
        assertThat(store.recordAnswer(ID, ALICE, 2)).isPresent();
    }

    @Test
    void channelQuizzesAreListedPerChannelAndPurgedWhenOld() {
        InMemoryChannelQuizStore store = new InMemoryChannelQuizStore();
        store.save(
                ChannelQuiz.posted("aaaaaaaaaaaaaaaa", GENERAL, "alpha#0", Language.EN, T0.plus(Duration.ofDays(2))));
        store.save(ChannelQuiz.posted("bbbbbbbbbbbbbbbb", GENERAL, "beta#0", Language.EN, T0.plus(Duration.ofDays(1))));
        store.save(ChannelQuiz.posted("cccccccccccccccc", RANDOM, "beta#0", Language.EN, T0.plus(Duration.ofDays(1))));
        store.save(ChannelQuiz.posted("dddddddddddddddd", GENERAL, "gamma#0", Language.EN, T0));

        assertThat(store.posted(GENERAL, T0.plusSeconds(1)))
                .extracting(ChannelQuiz::id)
                .containsExactly("bbbbbbbbbbbbbbbb", "aaaaaaaaaaaaaaaa");
        assertThat(store.purgeOlderThan(T0.plusSeconds(1))).isEqualTo(1);
        assertThat(store.find("dddddddddddddddd")).isEmpty();
        assertThatThrownBy(() -> ChannelQuiz.posted("nothex!!nothex!!", GENERAL, "a#0", Language.EN, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
