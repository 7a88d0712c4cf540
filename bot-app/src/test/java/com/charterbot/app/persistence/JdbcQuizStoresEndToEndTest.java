package com.charterbot.app.persistence;

import static com.charterbot.app.persistence.JdbcQuizProgressStoreTest.ALICE;
import static com.charterbot.app.persistence.JdbcQuizProgressStoreTest.BOB;
import static com.charterbot.app.persistence.JdbcQuizProgressStoreTest.PSEUDONYMS;
import static com.charterbot.app.persistence.JdbcQuizProgressStoreTest.T0;
import static com.charterbot.app.persistence.JdbcQuizProgressStoreTest.cells;
import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.activity.QuizAnswered;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.CharterLoader;
import com.charterbot.core.charter.CharterSettings;
import com.charterbot.core.charter.LoadResult;
import com.charterbot.core.i18n.Messages;
import com.charterbot.core.memory.InMemoryActivityLog;
import com.charterbot.core.quiz.QuizBank;
import com.charterbot.core.quiz.QuizService;
import com.charterbot.core.quiz.QuizSettings;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Button;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.tip.TipService;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** bot-core's quiz and tip services on the four JDBC stores: a personal quiz, a channel quiz and a tip cycle, start to end. */
class JdbcQuizStoresEndToEndTest {

    private static final Charter CHARTER = bundled();
    private static final QuizBank BANK = QuizBank.of(CHARTER);
    private static final ChannelRef GENERAL = new ChannelRef(Platform.SLACK, "T1", "C-GENERAL");

    private static Charter bundled() {
        if (CharterLoader.load(CharterFiles.defaults(), CharterSettings.DEFAULTS) instanceof LoadResult.Loaded loaded) {
            return loaded.charter();
        }
        throw new IllegalStateException("the bundled charter does not load");
    }

    private static List<Button> answerButtons(Reply reply, String actionId) {
        return reply.blocks().stream()
                .filter(Block.Buttons.class::isInstance)
                .flatMap(row -> ((Block.Buttons) row).buttons().stream())
                .filter(button -> button.actionId().equals(actionId))
                .toList();
    }

    private static String text(Reply reply) {
        return reply.fallbackText();
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void aPersonalQuizAndAChannelQuizRunOnTheJdbcStores(Databases.Kind kind) throws SQLException {
        // Pooled, as in the application: the tip cycle alone takes a few hundred statements.
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setDataSource(Databases.fresh(kind));
            pool.setMaximumPoolSize(4);
            run(pool);
        }
    }

    private static void run(DataSource dataSource) throws SQLException {
        JdbcQuizProgressStore progress = new JdbcQuizProgressStore(dataSource, PSEUDONYMS);
        JdbcQuizSessionStore sessions = new JdbcQuizSessionStore(dataSource, PSEUDONYMS);
        JdbcChannelQuizStore channelQuizzes = new JdbcChannelQuizStore(dataSource, PSEUDONYMS);
        JdbcTipRotationStore tips = new JdbcTipRotationStore(dataSource);
        InMemoryActivityLog activity = new InMemoryActivityLog();
        QuizService service = new QuizService(
                () -> CHARTER,
                progress,
                sessions,
                channelQuizzes,
                activity,
                QuizSettings.DEFAULTS,
                Clock.fixed(T0, ZoneOffset.UTC),
                new SplittableRandom(7));

        // A personal quiz: three questions, the first answered wrong, then right; every click counts once.
        Reply question = service.start(ALICE, Language.EN);
        for (int n = 0; n < 3; n++) {
            List<Button> options = answerButtons(question, ActionIds.QUIZ_ANSWER);
            String[] parts = options.get(0).value().split(":");
            assertThat(parts[1]).isEqualTo(String.valueOf(n));
            String questionId =
                    sessions.find(parts[0]).orElseThrow().questionIds().get(n);
            int correct = BANK.question(questionId, Language.EN).orElseThrow().correctIndex();
            String click = options.get(n == 0 ? (correct + 1) % options.size() : correct)
                    .value();

            assertThat(service.answer(BOB, click, Language.EN))
                    .singleElement()
                    .satisfies(reply -> assertThat(text(reply)).contains(Messages.get(Language.EN, "quiz.not-yours")));
            assertThat(text(service.view(ALICE, parts[0], Language.EN)))
                    .as("the quiz as it stands, for Alice")
                    .contains(Messages.get(Language.EN, "quiz.question.heading", n + 1, 3));
            assertThat(text(service.view(BOB, parts[0], Language.EN)))
                    .contains(Messages.get(Language.EN, "quiz.not-yours"));
            List<Reply> replies = service.answer(ALICE, click, Language.EN);
            assertThat(replies).hasSize(2);
            assertThat(replies.get(0).delivery()).isEqualTo(Reply.Delivery.REPLACE_ORIGINAL);
            assertThat(service.answer(ALICE, click, Language.EN)).isEmpty();
            question = replies.get(1);
        }
        assertThat(text(question)).contains(Messages.get(Language.EN, "quiz.summary.score", 2, 3));
        assertThat(answerButtons(question, ActionIds.QUIZ_ANSWER)).isEmpty();
        assertThat(progress.load(ALICE)).hasSize(3);
        assertThat(progress.load(BOB)).isEmpty();
        assertThat(activity.quizAnswers(Instant.EPOCH, Instant.MAX))
                .hasSize(3)
                .allMatch(answer -> answer.participant().equals(ALICE));

        // A channel quiz answered by two people, each once.
        Reply posted = service.post(GENERAL, Language.EN).orElseThrow();
        List<Button> options = answerButtons(posted, ActionIds.CHANNEL_QUIZ_ANSWER);
        String quizId = options.get(0).value().split(":")[0];
        int correct = BANK.question(channelQuizzes.find(quizId).orElseThrow().questionId(), Language.EN)
                .orElseThrow()
                .correctIndex();
        String right = options.get(correct).value();
        String wrong = options.get((correct + 1) % options.size()).value();

        List<Reply> alice = service.answer(ALICE, GENERAL, right, Language.EN);
        assertThat(alice).hasSize(2);
        assertThat(text(alice.get(1))).contains(Messages.get(Language.EN, "quiz.channel.tally.one", "100"));
        assertThat(service.answer(ALICE, GENERAL, wrong, Language.EN))
                .singleElement()
                .satisfies(
                        reply -> assertThat(text(reply)).isEqualTo(Messages.get(Language.EN, "quiz.channel.already")));
        List<Reply> bob = service.answer(BOB, GENERAL, wrong, Language.EN);
        assertThat(bob).hasSize(2);
        assertThat(text(bob.get(1))).contains(Messages.get(Language.EN, "quiz.channel.tally", "2", "50"));
        assertThat(channelQuizzes.find(quizId).orElseThrow().answers()).hasSize(2);
        String source = Messages.get(Language.EN, "quiz.label.source");
        assertThat(service.view(ALICE, GENERAL, quizId, Language.EN).blocks())
                .as("Alice's verdict, found by her pseudonym")
                .anySatisfy(block -> assertThat(block.plainText(Language.EN)).startsWith(source));
        assertThat(text(service.view(ALICE, GENERAL, quizId, Language.EN)))
                .contains(Messages.get(Language.EN, "quiz.feedback.right", "X").split("X")[0]);
        UserRef carol = new UserRef(Platform.SLACK, "T1", "U-CAROL");
        assertThat(service.view(carol, GENERAL, quizId, Language.EN).blocks())
                .as("no verdict for someone who did not answer")
                .noneSatisfy(block -> assertThat(block.plainText(Language.EN)).startsWith(source));
        assertThat(activity.quizAnswers(GENERAL, Instant.EPOCH))
                .extracting(QuizAnswered::correct)
                .containsExactly(true, false);

        // Forgetting a person leaves nothing of them in the stores, and no user id was ever stored.
        assertThat(cells(dataSource, "quiz_progress", "quiz_session", "channel_quiz", "channel_quiz_answer"))
                .contains(PSEUDONYMS.of(ALICE))
                .doesNotContain("U-ALICE", "U-BOB");
        service.forget(ALICE);
        assertThat(progress.load(ALICE)).isEmpty();
        assertThat(channelQuizzes.find(quizId).orElseThrow().answers()).hasSize(1);
        assertThat(cells(dataSource, "quiz_progress", "quiz_session", "channel_quiz_answer"))
                .doesNotContain(PSEUDONYMS.of(ALICE));

        // Tips go round the channel on the JDBC rotation store: each once, then a new cycle not opening with the last.
        TipService tipService =
                new TipService(() -> CHARTER, tips, activity, Clock.fixed(T0, ZoneOffset.UTC), new SplittableRandom(7));
        List<String> tipIds = TipService.tipIds(CHARTER, Language.EN);
        for (int n = 0; n < tipIds.size(); n++) {
            tipService.next(GENERAL, Language.EN, Reply.Delivery.CONVERSATION);
        }
        assertThat(tips.shown(GENERAL)).containsExactlyInAnyOrderElementsOf(tipIds);
        String closing = tips.last(GENERAL).orElseThrow();
        tipService.next(GENERAL, Language.EN, Reply.Delivery.CONVERSATION);
        assertThat(tips.shown(GENERAL)).hasSize(1).doesNotContain(closing);
    }
}
