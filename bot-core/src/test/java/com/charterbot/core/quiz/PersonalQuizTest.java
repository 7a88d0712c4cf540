package com.charterbot.core.quiz;

import static com.charterbot.core.quiz.QuizFixtures.ALICE;
import static com.charterbot.core.quiz.QuizFixtures.BOB;
import static com.charterbot.core.quiz.QuizHarness.block;
import static com.charterbot.core.quiz.QuizHarness.blocks;
import static com.charterbot.core.quiz.QuizHarness.buttons;
import static com.charterbot.core.quiz.QuizHarness.sessionId;
import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.activity.QuizAnswered;
import com.charterbot.core.charter.CharterSettings;
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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PersonalQuizTest {

    private static final Instant FAR_PAST = Instant.EPOCH;

    private final QuizHarness bundled = new QuizHarness(QuizFixtures.bundled());

    private List<QuizAnswered> answers(QuizHarness harness) {
        return harness.activity.quizAnswers(FAR_PAST, Instant.MAX);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void startAsksTheFirstQuestionPrivatelyWithOneButtonPerOption(Language language) {
        Reply reply = bundled.service.start(ALICE, language);

        String questionId = bundled.questionId(reply);
        QuizQuestion question = bundled.bank().question(questionId, language).orElseThrow();
        Section section = bundled.bank().section(questionId, language).orElseThrow();
        assertThat(reply.language()).isEqualTo(language);
        assertThat(reply.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
        assertThat(reply.blocks()).hasSize(4);
        assertThat(reply.blocks().get(0))
                .isEqualTo(new Block.Heading(language == Language.EN ? "Question 1 of 3" : "Question 1 sur 3"));
        assertThat(reply.blocks().get(1)).isEqualTo(new Block.Text(question.text()));
        List<Button> options = block(reply, Block.Buttons.class).buttons();
        assertThat(options).extracting(Button::label).isEqualTo(question.options());
        assertThat(options).allMatch(b -> b.actionId().equals(ActionIds.QUIZ_ANSWER));
        for (int i = 0; i < options.size(); i++) {
            assertThat(options.get(i).value()).matches("[0-9a-f]{32}:0:" + i);
        }
        assertThat(block(reply, Block.Context.class).text())
                .isEqualTo((language == Language.EN ? "Topic: " : "Thème : ") + section.title());
        assertThat(reply.fallbackText())
                .contains(question.text(), "1) " + question.options().get(0), section.title())
                .startsWith(language == Language.EN ? "Question 1 of 3" : "Question 1 sur 3");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aQuizAnsweredRightThroughoutEndsWithAPerfectScore(Language language) {
        Reply question = bundled.service.start(ALICE, language);
        List<String> asked = new ArrayList<>();

        for (int n = 1; n <= 3; n++) {
            String questionId = bundled.questionId(question);
            asked.add(questionId);
            List<Reply> replies = bundled.service.answer(ALICE, bundled.answerValue(question, true), language);

            assertThat(replies).hasSize(2);
            Reply feedback = replies.get(0);
            QuizQuestion asked1 = bundled.bank().question(questionId, language).orElseThrow();
            Section section = bundled.bank().section(questionId, language).orElseThrow();
            assertThat(feedback.delivery()).isEqualTo(Reply.Delivery.REPLACE_ORIGINAL);
            assertThat(feedback.language()).isEqualTo(language);
            assertThat(blocks(feedback, Block.Text.class))
                    .extracting(Block.Text::text)
                    .containsExactly(
                            asked1.text(),
                            language == Language.EN
                                    ? "Right! The answer is \"" + asked1.correctOption() + "\"."
                                    : "Bonne réponse ! C'est bien « " + asked1.correctOption() + " ».",
                            asked1.explanation());
            assertThat(block(feedback, Block.CitedSection.class))
                    .isEqualTo(new Block.CitedSection(
                            language == Language.EN ? "From the charter" : "Dans la charte",
                            section.id(),
                            section.title(),
                            null));
            assertThat(buttons(feedback)).isEmpty();
            assertThat(feedback.fallbackText()).contains(asked1.explanation(), section.title());
            question = replies.get(1);
            if (n < 3) {
                assertThat(question.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
                assertThat(question.blocks().get(0))
                        .isEqualTo(new Block.Heading(
                                (language == Language.EN
                                        ? "Question " + (n + 1) + " of 3"
                                        : "Question " + (n + 1) + " sur 3")));
            }
        }

        Reply summary = question;
        assertThat(summary.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
        assertThat(summary.blocks().get(0))
                .isEqualTo(new Block.Heading(language == Language.EN ? "Quiz complete" : "Quiz terminé"));
        assertThat(blocks(summary, Block.Text.class))
                .extracting(Block.Text::text)
                .containsExactly(
                        language == Language.EN ? "Your score: 3 out of 3." : "Votre score : 3 sur 3.",
                        language == Language.EN
                                ? "Every answer was right: well done!"
                                : "Toutes vos réponses sont justes : bravo !");
        assertThat(buttons(summary))
                .containsExactly(new Button(
                        ActionIds.QUIZ_START,
                        "",
                        language == Language.EN ? "Another quiz" : "Un autre quiz",
                        Button.Style.PRIMARY));
        assertThat(summary.fallbackText()).contains(language == Language.EN ? "3 out of 3" : "3 sur 3");
        assertThat(asked).doesNotHaveDuplicates();
        assertThat(asked.stream()
                        .map(id -> bundled.bank().sectionId(id).orElseThrow())
                        .distinct())
                .hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void mistakesGiveTheRightOptionAndTheWeakestTopicToRead(Language language) {
        Reply first = bundled.service.start(ALICE, language);
        String firstId = bundled.questionId(first);
        int chosen = bundled.wrongOption(firstId);
        List<Reply> afterFirst = bundled.service.answer(ALICE, QuizHarness.optionValue(first, chosen), language);
        Reply second = afterFirst.get(1);
        Reply third = bundled.service
                .answer(ALICE, bundled.answerValue(second, true), language)
                .get(1);
        List<Reply> end = bundled.service.answer(ALICE, bundled.answerValue(third, false), language);

        QuizQuestion missed = bundled.bank().question(firstId, language).orElseThrow();
        Reply feedback = afterFirst.get(0);
        assertThat(feedback.delivery()).isEqualTo(Reply.Delivery.REPLACE_ORIGINAL);
        assertThat(blocks(feedback, Block.Text.class).get(1).text())
                .isEqualTo(
                        language == Language.EN
                                ? "Not quite: you answered \""
                                        + missed.options().get(chosen) + "\", but the right answer is \""
                                        + missed.correctOption() + "\"."
                                : "Pas tout à fait : vous avez répondu « "
                                        + missed.options().get(chosen) + " », mais la bonne réponse est « "
                                        + missed.correctOption() + " ».");
        assertThat(blocks(feedback, Block.Text.class).get(2).text()).isEqualTo(missed.explanation());
        assertThat(block(feedback, Block.CitedSection.class).sectionId())
                .isEqualTo(bundled.bank().sectionId(firstId).orElseThrow());

        Reply summary = end.get(1);
        Section weakest = bundled.bank().section(firstId, language).orElseThrow();
        assertThat(blocks(summary, Block.Text.class))
                .extracting(Block.Text::text)
                .containsExactly(
                        language == Language.EN ? "Your score: 1 out of 3." : "Votre score : 1 sur 3.",
                        language == Language.EN
                                ? "Worth a second look: \"" + weakest.title() + "\"."
                                : "À revoir : « " + weakest.title() + " ».");
        assertThat(buttons(summary, ActionIds.OPEN_SECTION))
                .singleElement()
                .satisfies(b -> assertThat(b.value()).isEqualTo(weakest.id()))
                .satisfies(b -> assertThat(b.label()).contains(weakest.title()));
        assertThat(buttons(summary, ActionIds.QUIZ_START)).hasSize(1);
        assertThat(summary.fallbackText())
                .contains(weakest.title(), language == Language.EN ? "1 out of 3" : "1 sur 3");
    }

    @Test
    void theWeakestTopicIsTheOneMissedMost() {
        QuizHarness harness =
                new QuizHarness(QuizFixtures.tiny(2, "alpha", "beta"), new QuizSettings(4, Duration.ofMinutes(30)), 9);
        Reply question = harness.service.start(ALICE, Language.EN);
        List<String> asked =
                harness.sessions.find(sessionId(question)).orElseThrow().questionIds();
        String lastSection = harness.bank().sectionId(asked.get(3)).orElseThrow();
        assertThat(harness.bank().sectionId(asked.get(0))).get().isNotEqualTo(lastSection);
        Reply summary = null;
        for (int n = 0; n < 4; n++) {
            String section =
                    harness.bank().sectionId(harness.questionId(question)).orElseThrow();
            boolean right = n != 0 && !section.equals(lastSection);
            List<Reply> replies = harness.service.answer(ALICE, harness.answerValue(question, right), Language.EN);
            question = replies.get(1);
            summary = replies.get(1);
        }

        assertThat(buttons(summary, ActionIds.OPEN_SECTION))
                .singleElement()
                .satisfies(b -> assertThat(b.value()).isEqualTo(lastSection));
    }

    @Test
    void answersAreRecordedInProgressAndTheActivityLog() {
        Reply first = bundled.service.start(ALICE, Language.EN);
        String questionId = bundled.questionId(first);
        bundled.service.answer(ALICE, bundled.answerValue(first, false), Language.EN);

        assertThat(bundled.progress.load(ALICE)).containsOnlyKeys(questionId);
        assertThat(bundled.progress.load(ALICE).get(questionId).box()).isEqualTo(1);
        assertThat(answers(bundled)).singleElement().satisfies(answer -> {
            assertThat(answer.questionId()).isEqualTo(questionId);
            assertThat(answer.sectionId())
                    .isEqualTo(bundled.bank().sectionId(questionId).orElseThrow());
            assertThat(answer.correct()).isFalse();
            assertThat(answer.channel()).isNull();
            assertThat(answer.participant()).isEqualTo(ALICE);
            assertThat(answer.at()).isEqualTo(QuizFixtures.T0);
        });
    }

    @Test
    void aDoubleClickCountsOnce() {
        Reply first = bundled.service.start(ALICE, Language.EN);
        String value = bundled.answerValue(first, true);

        assertThat(bundled.service.answer(ALICE, value, Language.EN)).hasSize(2);
        assertThat(bundled.service.answer(ALICE, value, Language.EN)).isEmpty();
        assertThat(bundled.service.answer(ALICE, QuizHarness.optionValue(first, 2), Language.EN))
                .isEmpty();

        assertThat(answers(bundled)).hasSize(1);
        assertThat(bundled.progress.load(ALICE).values())
                .singleElement()
                .satisfies(card -> assertThat(card.seen()).isEqualTo(1));
        assertThat(bundled.sessions.find(sessionId(first)).orElseThrow().currentIndex())
                .isEqualTo(1);
    }

    @Test
    void twoDevicesRecordEachSessionsAnswerOnce() {
        Reply onPhone = bundled.service.start(ALICE, Language.EN);
        Reply onLaptop = bundled.service.start(ALICE, Language.FR);
        assertThat(sessionId(onPhone)).isNotEqualTo(sessionId(onLaptop));

        for (int click = 0; click < 2; click++) {
            bundled.service.answer(ALICE, bundled.answerValue(onPhone, true), Language.EN);
            bundled.service.answer(ALICE, bundled.answerValue(onLaptop, true), Language.FR);
        }

        assertThat(answers(bundled)).hasSize(2);
        assertThat(bundled.sessions.find(sessionId(onPhone)).orElseThrow().currentIndex())
                .isEqualTo(1);
        assertThat(bundled.sessions.find(sessionId(onLaptop)).orElseThrow().currentIndex())
                .isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aQuizExpiresAfterItsLifetime(Language language) {
        Reply first = bundled.service.start(ALICE, language);
        Reply second = bundled.service
                .answer(ALICE, bundled.answerValue(first, true), language)
                .get(1);

        bundled.clock.advance(Duration.ofMinutes(30));
        List<Reply> late = bundled.service.answer(ALICE, bundled.answerValue(second, true), language);

        assertThat(late).singleElement().satisfies(reply -> {
            assertThat(reply.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
            assertThat(block(reply, Block.Text.class).text())
                    .isEqualTo(
                            language == Language.EN
                                    ? "This quiz has expired. Start a new one whenever you like."
                                    : "Ce quiz a expiré. Lancez-en un nouveau quand vous voulez.");
            assertThat(buttons(reply)).extracting(Button::actionId).containsExactly(ActionIds.QUIZ_START);
            assertThat(reply.fallbackText())
                    .isEqualTo(block(reply, Block.Text.class).text());
        });
        assertThat(answers(bundled)).hasSize(1);
    }

    @Test
    void aQuizCanBeAnsweredUntilJustBeforeItExpiresAndIsPurgedAfter() {
        Reply first = bundled.service.start(ALICE, Language.EN);
        bundled.clock.advance(Duration.ofMinutes(29));

        assertThat(bundled.service.answer(ALICE, bundled.answerValue(first, true), Language.EN))
                .hasSize(2);
        bundled.clock.advance(Duration.ofMinutes(2));
        bundled.service.start(BOB, Language.EN);
        assertThat(bundled.sessions.find(sessionId(first))).isEmpty();
    }

    @Test
    void anotherPersonCannotAnswerSomeonesQuiz() {
        Reply first = bundled.service.start(ALICE, Language.EN);

        List<Reply> intruder = bundled.service.answer(BOB, bundled.answerValue(first, true), Language.EN);

        assertThat(intruder).singleElement().satisfies(reply -> {
            assertThat(reply.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
            assertThat(reply.fallbackText()).contains("someone else");
        });
        assertThat(answers(bundled)).isEmpty();
        assertThat(bundled.service.answer(ALICE, bundled.answerValue(first, true), Language.EN))
                .hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void malformedValuesGetAClearPrivateMessage(Language language) {
        Reply first = bundled.service.start(ALICE, language);
        String id = sessionId(first);
        List<String> values = new ArrayList<>(Arrays.asList(
                null,
                "",
                " ",
                "abc",
                "0123:0:0",
                id,
                id + ":0",
                id + ":0:9",
                id + ":2:0",
                id + ":3:0",
                id + ":01:0",
                id + ":0:00",
                id + ":-1:0",
                id + ":0:0:0",
                id.toUpperCase() + ":0:0",
                " " + id + ":0:0",
                id + ":0:0\n",
                id + ":99999999999:0",
                id + "0".repeat(64) + ":0:0",
                "x".repeat(5_000)));

        for (String value : values) {
            assertThat(bundled.service.answer(ALICE, value, language))
                    .as(String.valueOf(value))
                    .singleElement()
                    .satisfies(reply -> {
                        assertThat(reply.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
                        assertThat(block(reply, Block.Text.class).text())
                                .isEqualTo(
                                        language == Language.EN
                                                ? "This quiz button is not valid. Start a new quiz to keep practising."
                                                : "Ce bouton de quiz n'est pas valide. Lancez un nouveau quiz pour continuer à vous entraîner.");
                        assertThat(buttons(reply)).extracting(Button::actionId).containsExactly(ActionIds.QUIZ_START);
                    });
        }
        assertThat(answers(bundled)).isEmpty();
        assertThat(bundled.service.answer(ALICE, "ffffffffffffffff:0:0", language))
                .singleElement()
                .satisfies(reply ->
                        assertThat(reply.fallbackText()).contains(language == Language.EN ? "expired" : "expiré"));
    }

    @Test
    void aMissedQuestionComesBackInTheNextQuizAfterTheRetryDelay() {
        QuizHarness harness = new QuizHarness(
                QuizFixtures.tiny(1, "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta"),
                new QuizSettings(1, Duration.ofMinutes(30)),
                5);
        Reply missed = harness.service.start(ALICE, Language.EN);
        String missedId = harness.questionId(missed);
        harness.service.answer(ALICE, harness.answerValue(missed, false), Language.EN);
        Reply mastered = harness.service.start(ALICE, Language.EN);
        String masteredId = harness.questionId(mastered);
        harness.service.answer(ALICE, harness.answerValue(mastered, true), Language.EN);

        harness.clock.advance(Duration.ofMinutes(5));
        assertThat(harness.questionId(harness.service.start(ALICE, Language.EN)))
                .isNotIn(missedId, masteredId);
        harness.clock.advance(Duration.ofMinutes(6));
        assertThat(harness.questionId(harness.service.start(ALICE, Language.EN)))
                .isEqualTo(missedId);
        assertThat(harness.progress.load(ALICE).get(missedId).due())
                .isBefore(harness.progress.load(ALICE).get(masteredId).due());
    }

    @Test
    void aOneQuestionQuizGoesStraightToTheSummary() {
        QuizHarness harness =
                new QuizHarness(QuizFixtures.tiny(2, "alpha", "beta"), new QuizSettings(1, Duration.ofMinutes(5)), 1);
        Reply only = harness.service.start(ALICE, Language.EN);

        assertThat(only.blocks().get(0)).isEqualTo(new Block.Heading("Question 1 of 1"));
        List<Reply> replies = harness.service.answer(ALICE, harness.answerValue(only, false), Language.EN);
        assertThat(replies)
                .extracting(Reply::delivery)
                .containsExactly(Reply.Delivery.REPLACE_ORIGINAL, Reply.Delivery.PRIVATE);
        assertThat(replies.get(1).fallbackText()).contains("Your score: 0 out of 1.", "Title of");
    }

    @Test
    void aCitationLinksToTheSectionWhenTheCharterHasALink() {
        CharterSettings settings =
                new CharterSettings("Acme", "c@x", "s@x", "h@x", "i@x", "l@x", "https://intranet.example/charter");
        QuizHarness harness = new QuizHarness(QuizFixtures.tiny(settings, 1, "alpha"));
        Reply first = harness.service.start(ALICE, Language.FR);

        Reply feedback = harness.service
                .answer(ALICE, harness.answerValue(first, true), Language.FR)
                .get(0);

        assertThat(block(feedback, Block.CitedSection.class).link())
                .isEqualTo("https://intranet.example/charter#alpha");
        assertThat(feedback.fallbackText())
                .contains("Dans la charte : « Titre de alpha », https://intranet.example/charter#alpha");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aCharterWithoutQuestionsSaysSo(Language language) {
        QuizHarness harness = new QuizHarness(QuizFixtures.tiny(0, "alpha"));

        Reply reply = harness.service.start(ALICE, language);

        assertThat(reply.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
        assertThat(reply.fallbackText())
                .isEqualTo(
                        language == Language.EN
                                ? "The charter has no quiz questions yet."
                                : "La charte ne contient pas encore de questions de quiz.");
        assertThat(harness.sessions.size()).isZero();
    }

    @Test
    void aQuizWhoseNextQuestionVanishedEndsWithItsSummary() {
        QuizHarness harness = new QuizHarness(QuizFixtures.tiny(1, "alpha", "beta", "gamma"));
        Reply first = harness.service.start(ALICE, Language.EN);
        List<String> asked =
                harness.sessions.find(sessionId(first)).orElseThrow().questionIds();
        String vanished = harness.bank().sectionId(asked.get(1)).orElseThrow();
        String[] kept = List.of("alpha", "beta", "gamma").stream()
                .filter(id -> !id.equals(vanished))
                .toArray(String[]::new);
        harness.charter.set(QuizFixtures.tiny(1, kept));

        List<Reply> replies = harness.service.answer(ALICE, harness.answerValue(first, true), Language.EN);

        assertThat(replies).hasSize(2);
        assertThat(replies.get(1).fallbackText())
                .contains("Your score: 1 out of 1.", "The charter was updated during this quiz, so it ends here.");
        assertThat(buttons(replies.get(1), ActionIds.QUIZ_START)).hasSize(1);
    }

    @Test
    void aQuizWhoseCurrentQuestionVanishedStopsCleanly() {
        QuizHarness harness = new QuizHarness(QuizFixtures.tiny(1, "alpha", "beta", "gamma"));
        Reply first = harness.service.start(ALICE, Language.EN);
        String value = harness.answerValue(first, true);
        harness.charter.set(QuizFixtures.tiny(0, "alpha", "beta", "gamma"));

        assertThat(harness.service.answer(ALICE, value, Language.EN))
                .singleElement()
                .satisfies(reply -> {
                    assertThat(reply.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
                    assertThat(reply.fallbackText()).startsWith("The charter was updated since this quiz started");
                    assertThat(buttons(reply, ActionIds.QUIZ_START)).hasSize(1);
                });
        assertThat(harness.activity.quizAnswers(FAR_PAST, Instant.MAX)).isEmpty();
    }

    @Test
    void forgettingSomeoneRemovesTheirProgressSessionsAndChannelAnswers() {
        Reply first = bundled.service.start(ALICE, Language.EN);
        bundled.service.answer(ALICE, bundled.answerValue(first, true), Language.EN);
        Reply bobs = bundled.service.start(BOB, Language.EN);
        bundled.service.answer(BOB, bundled.answerValue(bobs, true), Language.EN);
        Reply posted = bundled.service.post(QuizFixtures.GENERAL, Language.EN).orElseThrow();
        bundled.service.answer(ALICE, QuizFixtures.GENERAL, bundled.answerValue(posted, true), Language.EN);
        bundled.service.answer(BOB, QuizFixtures.GENERAL, bundled.answerValue(posted, false), Language.EN);

        bundled.service.forget(ALICE);

        assertThat(bundled.progress.load(ALICE)).isEmpty();
        assertThat(bundled.sessions.find(sessionId(first))).isEmpty();
        assertThat(bundled.service.answer(
                        ALICE, QuizHarness.optionValue(first, 0).replace(":0:", ":1:"), Language.EN))
                .singleElement()
                .satisfies(reply -> assertThat(reply.fallbackText()).contains("expired"));
        assertThat(bundled.channelQuizzes.find(sessionId(posted)).orElseThrow().answers())
                .containsOnlyKeys(BOB);
        assertThat(bundled.progress.load(BOB)).hasSize(1);
        assertThat(bundled.sessions.find(sessionId(bobs))).isPresent();
    }
}
