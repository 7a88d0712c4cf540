package com.charterbot.core.quiz;

import static com.charterbot.core.quiz.QuizFixtures.ALICE;
import static com.charterbot.core.quiz.QuizFixtures.BOB;
import static com.charterbot.core.quiz.QuizFixtures.CAROL;
import static com.charterbot.core.quiz.QuizFixtures.GENERAL;
import static com.charterbot.core.quiz.QuizFixtures.RANDOM;
import static com.charterbot.core.quiz.QuizHarness.block;
import static com.charterbot.core.quiz.QuizHarness.blocks;
import static com.charterbot.core.quiz.QuizHarness.buttons;
import static com.charterbot.core.quiz.QuizHarness.optionValue;
import static com.charterbot.core.quiz.QuizHarness.sessionId;
import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.activity.QuizAnswered;
import com.charterbot.core.charter.QuizQuestion;
import com.charterbot.core.charter.Section;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Button;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.Language;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ChannelQuizTest {

    private final QuizHarness bundled = new QuizHarness(QuizFixtures.bundled());

    private List<QuizAnswered> answers(QuizHarness harness) {
        return harness.activity.quizAnswers(Instant.EPOCH, Instant.MAX);
    }

    private static String contexts(Reply reply) {
        return String.join(
                "\n",
                blocks(reply, Block.Context.class).stream()
                        .map(Block.Context::text)
                        .toList());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aPostedQuizIsAChannelMessageWithOneButtonPerOption(Language language) {
        Reply post = bundled.service.post(GENERAL, language).orElseThrow();

        String questionId = bundled.channelQuestionId(post);
        QuizQuestion question = bundled.bank().question(questionId, language).orElseThrow();
        Section section = bundled.bank().section(questionId, language).orElseThrow();
        assertThat(post.delivery()).isEqualTo(Reply.Delivery.CONVERSATION);
        assertThat(post.language()).isEqualTo(language);
        assertThat(post.blocks().get(0))
                .isEqualTo(new Block.Heading(language == Language.EN ? "Quick quiz" : "Quiz express"));
        assertThat(post.blocks().get(1)).isEqualTo(new Block.Text(question.text()));
        List<Button> options = block(post, Block.Buttons.class).buttons();
        assertThat(options).extracting(Button::label).isEqualTo(question.options());
        for (int i = 0; i < options.size(); i++) {
            assertThat(options.get(i).actionId()).isEqualTo(ActionIds.CHANNEL_QUIZ_ANSWER);
            assertThat(options.get(i).value()).matches("[0-9a-f]{32}:" + i);
        }
        assertThat(contexts(post))
                .isEqualTo(
                        language == Language.EN
                                ? "Topic: " + section.title()
                                        + ". Only you see whether your answer is right; the channel sees totals only."
                                : "Thème : " + section.title()
                                        + ". Vous seul voyez si votre réponse est juste ; le canal ne voit que les totaux.");
        assertThat(post.fallbackText())
                .contains(question.text(), "1) " + question.options().get(0), section.title());
        ChannelQuiz stored = bundled.channelQuizzes.find(sessionId(post)).orElseThrow();
        assertThat(stored.channel()).isEqualTo(GENERAL);
        assertThat(stored.language()).isEqualTo(language);
        assertThat(stored.postedAt()).isEqualTo(QuizFixtures.T0);
        assertThat(stored.answers()).isEmpty();
    }

    @Test
    void severalPeopleAnswerPrivatelyAndTheChannelSeesOnlyTotals() {
        Reply post = bundled.service.post(GENERAL, Language.EN).orElseThrow();
        String questionId = bundled.channelQuestionId(post);
        QuizQuestion question = bundled.bank().question(questionId, Language.EN).orElseThrow();

        List<Reply> alice = bundled.service.answer(ALICE, GENERAL, bundled.answerValue(post, true), Language.EN);
        List<Reply> bob = bundled.service.answer(BOB, GENERAL, bundled.answerValue(post, false), Language.EN);
        List<Reply> carol = bundled.service.answer(CAROL, GENERAL, bundled.answerValue(post, true), Language.FR);

        assertThat(alice)
                .extracting(Reply::delivery)
                .containsExactly(Reply.Delivery.PRIVATE, Reply.Delivery.REPLACE_ORIGINAL);
        assertThat(alice.get(0).fallbackText())
                .startsWith("Right! The answer is \"" + question.correctOption() + "\".");
        assertThat(contexts(alice.get(1))).endsWith("1 answer so far, 100% right.");
        assertThat(bob.get(0).fallbackText()).startsWith("Not quite: you answered");
        assertThat(contexts(bob.get(1))).endsWith("2 answers so far, 50% right.");
        assertThat(carol.get(0).language()).isEqualTo(Language.FR);
        assertThat(carol.get(0).fallbackText()).startsWith("Bonne réponse !");
        assertThat(carol.get(1).language()).isEqualTo(Language.EN);
        assertThat(contexts(carol.get(1))).endsWith("3 answers so far, 67% right.");

        Reply update = carol.get(1);
        assertThat(update.blocks().subList(0, 3)).isEqualTo(post.blocks().subList(0, 3));
        for (String name : List.of("U-ALICE", "U-BOB", "carol", "Right", "Not quite")) {
            assertThat(update.fallbackText()).doesNotContain(name);
        }
        assertThat(blocks(update, Block.CitedSection.class)).isEmpty();
        assertThat(answers(bundled)).hasSize(3).allSatisfy(answer -> {
            assertThat(answer.channel()).isEqualTo(GENERAL);
            assertThat(answer.questionId()).isEqualTo(questionId);
        });
        assertThat(answers(bundled)).extracting(QuizAnswered::correct).containsExactly(true, false, true);
        assertThat(bundled.activity.quizAnswers(GENERAL, Instant.EPOCH)).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theFeedbackIsPrivateWithTheExplanationAndTheSection(Language language) {
        Reply post = bundled.service.post(GENERAL, Language.EN).orElseThrow();
        String questionId = bundled.channelQuestionId(post);

        Reply feedback = bundled.service
                .answer(ALICE, GENERAL, bundled.answerValue(post, false), language)
                .get(0);

        QuizQuestion question = bundled.bank().question(questionId, language).orElseThrow();
        Section section = bundled.bank().section(questionId, language).orElseThrow();
        assertThat(feedback.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
        assertThat(blocks(feedback, Block.Text.class))
                .extracting(Block.Text::text)
                .hasSize(2)
                .last()
                .isEqualTo(question.explanation());
        assertThat(blocks(feedback, Block.Text.class).get(0).text()).contains(question.correctOption());
        assertThat(block(feedback, Block.CitedSection.class))
                .isEqualTo(new Block.CitedSection(
                        language == Language.EN ? "From the charter" : "Dans la charte",
                        section.id(),
                        section.title(),
                        null));
        assertThat(buttons(feedback)).extracting(Button::actionId).containsExactly(ActionIds.QUIZ_START);
        assertThat(feedback.fallbackText()).contains(question.explanation(), section.title());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aSecondAnswerBySomeoneIsRefusedPrivately(Language language) {
        Reply post = bundled.service.post(GENERAL, language).orElseThrow();
        bundled.service.answer(ALICE, GENERAL, bundled.answerValue(post, false), language);

        List<Reply> again = bundled.service.answer(ALICE, GENERAL, bundled.answerValue(post, true), language);

        assertThat(again).singleElement().satisfies(reply -> {
            assertThat(reply.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
            assertThat(reply.fallbackText())
                    .isEqualTo(
                            language == Language.EN
                                    ? "You already answered this quiz: only your first answer counts."
                                    : "Vous avez déjà répondu à ce quiz : seule votre première réponse compte.");
        });
        assertThat(bundled.channelQuizzes.find(sessionId(post)).orElseThrow().answers())
                .containsOnlyKeys(ALICE);
        assertThat(answers(bundled))
                .singleElement()
                .satisfies(answer -> assertThat(answer.correct()).isFalse());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void anUnknownOrForeignQuizGetsAClearPrivateMessage(Language language) {
        Reply post = bundled.service.post(GENERAL, language).orElseThrow();
        String closed = language == Language.EN
                ? "This quiz is closed. Start a personal quiz to keep practising."
                : "Ce quiz est clos. Lancez un quiz personnel pour continuer à vous entraîner.";

        for (List<Reply> replies : List.of(
                bundled.service.answer(ALICE, GENERAL, "ffffffffffffffff:0", language),
                bundled.service.answer(ALICE, RANDOM, bundled.answerValue(post, true), language))) {
            assertThat(replies).singleElement().satisfies(reply -> {
                assertThat(reply.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
                assertThat(block(reply, Block.Text.class).text()).isEqualTo(closed);
                assertThat(buttons(reply)).extracting(Button::actionId).containsExactly(ActionIds.QUIZ_START);
            });
        }
        assertThat(answers(bundled)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void malformedValuesGetAClearPrivateMessage(Language language) {
        Reply post = bundled.service.post(GENERAL, language).orElseThrow();
        String id = sessionId(post);
        List<String> values = new ArrayList<>(Arrays.asList(
                null,
                "",
                "abc",
                id,
                id + ":",
                id + ":9",
                id + ":01",
                id + ":-1",
                id + ":0:0",
                id.toUpperCase() + ":0",
                "1234:0",
                id + ":0 ",
                "x".repeat(3_000)));

        for (String value : values) {
            assertThat(bundled.service.answer(ALICE, GENERAL, value, language))
                    .as(String.valueOf(value))
                    .singleElement()
                    .satisfies(reply -> {
                        assertThat(reply.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
                        assertThat(block(reply, Block.Text.class).text())
                                .isEqualTo(
                                        language == Language.EN
                                                ? "This quiz button is not valid. Start a personal quiz to keep practising."
                                                : "Ce bouton de quiz n'est pas valide. Lancez un quiz personnel pour continuer à vous entraîner.");
                    });
        }
        assertThat(answers(bundled)).isEmpty();
    }

    @Test
    void aQuizWhoseQuestionVanishedIsClosed() {
        QuizHarness harness = new QuizHarness(QuizFixtures.tiny(1, "alpha"));
        Reply post = harness.service.post(GENERAL, Language.EN).orElseThrow();
        harness.charter.set(QuizFixtures.tiny(0, "alpha"));

        assertThat(harness.service.answer(ALICE, GENERAL, optionValue(post, 0), Language.EN))
                .singleElement()
                .satisfies(reply -> assertThat(reply.fallbackText()).startsWith("This quiz is closed."));
        assertThat(harness.service.post(GENERAL, Language.EN)).isEmpty();
    }

    @Test
    void aChannelGetsEveryQuestionBeforeARepeatThenTheLongestUnseen() {
        QuizHarness harness = new QuizHarness(QuizFixtures.tiny(1, "alpha", "beta", "gamma", "delta"));
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            posted.add(harness.channelQuestionId(
                    harness.service.post(GENERAL, Language.EN).orElseThrow()));
            harness.clock.advance(Duration.ofDays(1));
        }

        assertThat(posted).doesNotHaveDuplicates();
        assertThat(harness.channelQuestionId(
                        harness.service.post(GENERAL, Language.EN).orElseThrow()))
                .isEqualTo(posted.get(0));
        Set<String> elsewhere = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            elsewhere.add(harness.channelQuestionId(
                    harness.service.post(RANDOM, Language.FR).orElseThrow()));
        }
        assertThat(elsewhere).hasSize(4);
    }

    @Test
    void aChannelGetsTheTopicItMissedMostAmongQuestionsItHasNotHad() {
        for (long seed = 0; seed < 10; seed++) {
            QuizHarness harness =
                    new QuizHarness(QuizFixtures.tiny(2, "alpha", "beta", "gamma"), QuizSettings.DEFAULTS, seed);
            Instant before = QuizFixtures.T0.minus(Duration.ofDays(3));
            harness.activity.record(new QuizAnswered(before, "beta", "beta#0", false, GENERAL, ALICE));
            harness.activity.record(new QuizAnswered(before, "beta", "beta#0", false, GENERAL, BOB));
            harness.activity.record(new QuizAnswered(before, "alpha", "alpha#0", false, GENERAL, CAROL));
            harness.activity.record(new QuizAnswered(before, "gamma", "gamma#0", true, GENERAL, ALICE));
            harness.activity.record(new QuizAnswered(before, "alpha", "alpha#1", false, RANDOM, ALICE));
            harness.activity.record(new QuizAnswered(before, "alpha", "alpha#1", false, RANDOM, BOB));
            harness.activity.record(new QuizAnswered(before, "alpha", "alpha#1", false, RANDOM, CAROL));

            assertThat(harness.channelQuestionId(
                            harness.service.post(GENERAL, Language.EN).orElseThrow()))
                    .as("seed " + seed)
                    .isEqualTo("beta#1");
        }
    }

    @Test
    void oldChannelQuizzesAreDeletedAndNoLongerCount() {
        QuizHarness harness = new QuizHarness(QuizFixtures.tiny(1, "alpha", "beta"));
        Reply old = harness.service.post(GENERAL, Language.EN).orElseThrow();
        harness.clock.advance(QuizService.CHANNEL_HISTORY.plusDays(1));

        harness.service.post(GENERAL, Language.EN);

        assertThat(harness.channelQuizzes.find(sessionId(old))).isEmpty();
        assertThat(harness.service.answer(ALICE, GENERAL, optionValue(old, 0), Language.EN))
                .singleElement()
                .satisfies(reply -> assertThat(reply.fallbackText()).startsWith("This quiz is closed."));
    }

    @Test
    void forgettingSomeoneRemovesTheirChannelAnswers() {
        Reply post = bundled.service.post(GENERAL, Language.EN).orElseThrow();
        bundled.service.answer(ALICE, GENERAL, bundled.answerValue(post, true), Language.EN);
        bundled.service.answer(BOB, GENERAL, bundled.answerValue(post, true), Language.EN);

        bundled.service.forget(ALICE);

        assertThat(bundled.channelQuizzes.find(sessionId(post)).orElseThrow().answers())
                .containsOnlyKeys(BOB);
        List<Reply> again = bundled.service.answer(CAROL, GENERAL, bundled.answerValue(post, false), Language.EN);
        assertThat(contexts(again.get(1))).endsWith("2 answers so far, 50% right.");
    }
}
