package com.charterbot.core.chat;

import static com.charterbot.core.chat.ConversationHarness.ALICE;
import static com.charterbot.core.chat.ConversationHarness.BOB;
import static com.charterbot.core.chat.ConversationHarness.DM;
import static com.charterbot.core.chat.ConversationHarness.GENERAL;
import static com.charterbot.core.chat.ConversationHarness.buttons;
import static com.charterbot.core.chat.ConversationHarness.first;
import static com.charterbot.core.chat.ConversationHarness.only;
import static com.charterbot.core.chat.ConversationHarness.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.charter.Section;
import com.charterbot.core.i18n.Messages;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Button;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Message;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What people really send: small talk, photos with or without a question, quizzes shown again per person. */
class RealWorldConversationTest {

    private static final String PHOTOS = "photos-videos";

    private final ConversationHarness bot = new ConversationHarness();

    private static String msg(Language language, String key, Object... arguments) {
        return Messages.get(language, key, arguments);
    }

    private static Section section(String id, Language language) {
        return ConversationHarness.charter().section(id, language).orElseThrow();
    }

    private List<Reply> withImage(ChannelRef where, Message.Origin origin, String text) {
        return bot.service.onMessage(new Message(ALICE, where, text, origin, false, Optional.empty(), true));
    }

    @Nested
    class SmallTalk {

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "hello|EN|commands.smalltalk.greeting",
                    "Hi there!|EN|commands.smalltalk.greeting",
                    "thanks!|EN|commands.smalltalk.thanks",
                    "who are you?|EN|commands.smalltalk.who",
                    "what can you do?|EN|commands.smalltalk.what",
                    "bonjour|FR|commands.smalltalk.greeting",
                    "salut !|FR|commands.smalltalk.greeting",
                    "merci|FR|commands.smalltalk.thanks",
                    "t'es qui ?|FR|commands.smalltalk.who",
                    "tu sais faire quoi ?|FR|commands.smalltalk.what"
                })
        void isAnsweredWithAShortSentenceAndTheHelpInItsLanguage(String text, Language language, String key) {
            Reply reply = only(bot.say(ALICE, DM, Message.Origin.DIRECT, text));

            assertThat(reply.language()).isEqualTo(language);
            assertThat(reply.delivery()).isEqualTo(Reply.Delivery.CONVERSATION);
            assertThat(reply.blocks().get(0)).isEqualTo(new Block.Text(msg(language, key, "Acme Industries")));
            assertThat(reply.blocks()).contains(new Block.Heading(msg(language, "commands.help.title")));
            assertThat(buttons(reply, ActionIds.QUIZ_START)).hasSize(1);
            assertThat(reply.fallbackText()).doesNotContain(msg(language, "label.closest"));
            assertThat(bot.activity.questions(java.time.Instant.EPOCH, java.time.Instant.MAX))
                    .as("small talk is not a question")
                    .isEmpty();
            assertThat(bot.unanswered.mostFrequent(java.time.Instant.EPOCH, java.time.Instant.MAX, 10))
                    .isEmpty();
        }

        @Test
        void isAnsweredPrivatelyForASlashCommandAndInTheThreadForAMention() {
            assertThat(only(bot.say(ALICE, GENERAL, Message.Origin.COMMAND, "hello"))
                            .delivery())
                    .isEqualTo(Reply.Delivery.PRIVATE);
            assertThat(only(bot.say(ALICE, GENERAL, Message.Origin.MENTION, "merci"))
                            .delivery())
                    .isEqualTo(Reply.Delivery.CONVERSATION);
        }

        @Test
        void aChosenLanguageWinsOverTheLanguageOfTheGreeting() {
            bot.direct(ALICE, "lang en");

            Reply reply = bot.direct(ALICE, "bonjour");

            assertThat(reply.language()).isEqualTo(Language.EN);
        }

        @Test
        void aGreetingWithAQuestionIsAnsweredFromTheCharter() {
            Reply reply = bot.direct(ALICE, "hello, can I post this photo?");

            assertThat(first(reply, Block.CitedSection.class).sectionId()).isEqualTo(PHOTOS);
        }
    }

    @Nested
    class Photos {

        @Test
        void aQuestionWithAPictureIsAnsweredThenTheChecklistForThePictureFollows() {
            List<Reply> replies =
                    withImage(DM, Message.Origin.DIRECT, "a journalist called me about the fair, what should I do?");

            assertThat(replies).hasSize(2);
            assertThat(first(replies.get(0), Block.CitedSection.class).sectionId())
                    .isNotEqualTo(PHOTOS);
            Reply checklist = replies.get(1);
            assertThat(checklist.delivery()).isEqualTo(Reply.Delivery.CONVERSATION);
            assertThat(checklist.blocks().get(0))
                    .isEqualTo(new Block.Heading(msg(Language.EN, "attachment.image.heading")));
            assertThat(first(checklist, Block.Checklist.class).items())
                    .isEqualTo(section(PHOTOS, Language.EN).checklist());
            assertThat(first(checklist, Block.CitedSection.class).sectionId()).isEqualTo(PHOTOS);
        }

        @Test
        void aQuestionAboutThePictureItselfGetsOneAnswerNotTheChecklistTwice() {
            List<Reply> replies = withImage(DM, Message.Origin.DIRECT, "can I post this photo?");

            assertThat(replies).hasSize(1);
            assertThat(first(replies.get(0), Block.CitedSection.class).sectionId())
                    .isEqualTo(PHOTOS);
        }

        @Test
        void aPictureAloneGetsTheChecklistNotTheHelp() {
            Reply reply = only(withImage(DM, Message.Origin.DIRECT, ""));

            assertThat(reply.blocks().get(0))
                    .isEqualTo(new Block.Heading(msg(Language.EN, "attachment.image.heading")));
            assertThat(first(reply, Block.Checklist.class).items())
                    .isEqualTo(section(PHOTOS, Language.EN).checklist());
        }

        @Test
        void aFrenchQuestionWithAPictureGetsTheFrenchChecklist() {
            List<Reply> replies = withImage(DM, Message.Origin.DIRECT, "un journaliste m'a appelé, que faire ?");

            assertThat(replies)
                    .hasSize(2)
                    .allSatisfy(reply -> assertThat(reply.language()).isEqualTo(Language.FR));
            assertThat(first(replies.get(1), Block.Checklist.class).items())
                    .isEqualTo(section(PHOTOS, Language.FR).checklist());
        }

        @Test
        void aPictureWithASlashCommandIsShownOnlyToThePerson() {
            List<Reply> replies = withImage(GENERAL, Message.Origin.COMMAND, "");

            assertThat(replies).extracting(Reply::delivery).containsOnly(Reply.Delivery.PRIVATE);
        }

        @Test
        void aPictureWithACommandRunsTheCommand() {
            Reply reply = only(withImage(DM, Message.Origin.DIRECT, "quiz"));

            assertThat(buttons(reply, ActionIds.QUIZ_ANSWER)).isNotEmpty();
        }
    }

    @Nested
    class QuizViews {

        @Test
        void aQuizQuestionCarriesTheActionThatShowsTheQuizAsItStandsNow() {
            Reply first = bot.direct(ALICE, "quiz");
            Button view = first.view().orElseThrow();
            assertThat(view.actionId()).isEqualTo(ActionIds.QUIZ_VIEW);
            assertThat(view.value()).startsWith("en~");

            Reply again = only(bot.click(ALICE, DM, view.actionId(), view.value()));
            assertThat(again.delivery()).isEqualTo(Reply.Delivery.REPLACE_ORIGINAL);
            assertThat(again.blocks().get(0))
                    .isEqualTo(new Block.Heading(msg(Language.EN, "quiz.question.heading", 1, 3)));

            bot.click(
                    ALICE,
                    DM,
                    ActionIds.QUIZ_ANSWER,
                    buttons(first, ActionIds.QUIZ_ANSWER).get(0).value());
            Reply afterOneAnswer = only(bot.click(ALICE, DM, view.actionId(), view.value()));
            assertThat(afterOneAnswer.blocks().get(0))
                    .isEqualTo(new Block.Heading(msg(Language.EN, "quiz.question.heading", 2, 3)));
        }

        @Test
        void aFinishedQuizIsShownAsItsSummary() {
            Reply question = bot.direct(ALICE, "quiz");
            Button view = question.view().orElseThrow();
            for (int index = 0; index < 3; index++) {
                question = bot.click(
                                ALICE,
                                DM,
                                ActionIds.QUIZ_ANSWER,
                                buttons(question, ActionIds.QUIZ_ANSWER).get(0).value())
                        .get(1);
            }

            Reply shown = only(bot.click(ALICE, DM, view.actionId(), view.value()));

            assertThat(shown.blocks().get(0)).isEqualTo(new Block.Heading(msg(Language.EN, "quiz.summary.heading")));
        }

        @Test
        void someoneElsesQuizIsNeitherShownNorAnswerable() {
            Reply question = only(bot.say(ALICE, GENERAL, Message.Origin.MENTION, "quiz"));

            Reply shown = only(bot.click(
                    BOB,
                    GENERAL,
                    ActionIds.QUIZ_VIEW,
                    question.view().orElseThrow().value()));
            Reply answered = only(bot.click(
                    BOB,
                    GENERAL,
                    ActionIds.QUIZ_ANSWER,
                    buttons(question, ActionIds.QUIZ_ANSWER).get(0).value()));

            assertThat(texts(shown)).containsExactly(msg(Language.EN, "quiz.not-yours"));
            assertThat(texts(answered)).containsExactly(msg(Language.EN, "quiz.not-yours"));
            assertThat(buttons(shown, ActionIds.QUIZ_START)).hasSize(1);
        }

        @Test
        void anExpiredOrUnknownQuizIsShownAsExpired() {
            Reply question = bot.direct(ALICE, "quiz");
            bot.clock.advance(Duration.ofHours(2));

            assertThat(texts(only(bot.click(
                            ALICE,
                            DM,
                            ActionIds.QUIZ_VIEW,
                            question.view().orElseThrow().value()))))
                    .containsExactly(msg(Language.EN, "quiz.expired"));
            assertThat(texts(only(bot.click(ALICE, DM, ActionIds.QUIZ_VIEW, "not-an-id"))))
                    .containsExactly(msg(Language.EN, "quiz.expired"));
        }

        @Test
        void aChannelQuizShowsEachPersonTheirOwnVerdictUnderTheTally() {
            Reply posted = bot.quiz.post(GENERAL, Language.EN).orElseThrow();
            Button view = posted.view().orElseThrow();
            assertThat(view.actionId()).isEqualTo(ActionIds.CHANNEL_QUIZ_VIEW);
            String quizId = view.value();
            bot.click(ALICE, ActionIds.CHANNEL_QUIZ_ANSWER, quizId + ":0");

            Reply alices = only(bot.click(ALICE, GENERAL, ActionIds.CHANNEL_QUIZ_VIEW, quizId));
            Reply bobs = only(bot.click(BOB, GENERAL, ActionIds.CHANNEL_QUIZ_VIEW, quizId));

            assertThat(alices.delivery()).isEqualTo(Reply.Delivery.REPLACE_ORIGINAL);
            assertThat(alices.blocks().get(0)).isEqualTo(new Block.Heading(msg(Language.EN, "quiz.channel.heading")));
            assertThat(ConversationHarness.blocks(alices, Block.CitedSection.class))
                    .hasSize(1);
            assertThat(bobs.blocks()).noneMatch(Block.CitedSection.class::isInstance);
            assertThat(ConversationHarness.contexts(bobs))
                    .anySatisfy(tally -> assertThat(tally).startsWith("1 "));
            assertThat(alices.view()).isPresent();
            assertThat(bobs.view()).isPresent();
        }

        @Test
        void aChannelQuizOfAnotherChannelIsNotShown() {
            String quizId = bot.quiz
                    .post(GENERAL, Language.EN)
                    .orElseThrow()
                    .view()
                    .orElseThrow()
                    .value();

            Reply shown = only(bot.click(ALICE, ConversationHarness.RANDOM, ActionIds.CHANNEL_QUIZ_VIEW, quizId));

            assertThat(texts(shown)).containsExactly(msg(Language.EN, "quiz.channel.unknown"));
        }
    }
}
