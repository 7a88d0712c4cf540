package com.charterbot.core.chat;

import static com.charterbot.core.chat.ConversationHarness.ADMIN;
import static com.charterbot.core.chat.ConversationHarness.ALICE;
import static com.charterbot.core.chat.ConversationHarness.BOB;
import static com.charterbot.core.chat.ConversationHarness.DM;
import static com.charterbot.core.chat.ConversationHarness.GENERAL;
import static com.charterbot.core.chat.ConversationHarness.PARIS;
import static com.charterbot.core.chat.ConversationHarness.RANDOM;
import static com.charterbot.core.chat.ConversationHarness.TEAMS_NAMESAKE;
import static com.charterbot.core.chat.ConversationHarness.blocks;
import static com.charterbot.core.chat.ConversationHarness.buttons;
import static com.charterbot.core.chat.ConversationHarness.contexts;
import static com.charterbot.core.chat.ConversationHarness.first;
import static com.charterbot.core.chat.ConversationHarness.only;
import static com.charterbot.core.chat.ConversationHarness.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.charterbot.core.activity.AnswerFeedback;
import com.charterbot.core.activity.QuestionAsked;
import com.charterbot.core.activity.QuizAnswered;
import com.charterbot.core.admin.AdminActions;
import com.charterbot.core.admin.AuditRecord;
import com.charterbot.core.admin.Decision;
import com.charterbot.core.answer.Tier;
import com.charterbot.core.charter.Section;
import com.charterbot.core.i18n.Messages;
import com.charterbot.core.nudge.ChannelState;
import com.charterbot.core.nudge.Frequency;
import com.charterbot.core.nudge.NudgeSettings;
import com.charterbot.core.nudge.NudgeSyntax;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Button;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ActionEvent;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Message;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.lang.reflect.RecordComponent;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConversationServiceTest {

    private static final String PHOTO_QUESTION_EN = "can I post this photo?";
    private static final String PHOTO_QUESTION_FR = "est-ce que je peux publier cette photo ?";
    private static final String PHOTOS = "photos-videos";

    private final ConversationHarness bot = new ConversationHarness();

    private static String msg(Language language, String key, Object... arguments) {
        return Messages.get(language, key, arguments);
    }

    private static Section section(String id, Language language) {
        return ConversationHarness.charter().section(id, language).orElseThrow();
    }

    private static String languageName(Language shownIn, Language named) {
        return msg(shownIn, "commands.language." + named.tag());
    }

    private List<QuestionAsked> questionsAsked() {
        return bot.activity.questions(Instant.EPOCH, Instant.MAX);
    }

    private List<AnswerFeedback> feedbackGiven() {
        return bot.activity.feedback(Instant.EPOCH, Instant.MAX);
    }

    private List<QuizAnswered> quizAnswers() {
        return bot.activity.quizAnswers(Instant.EPOCH, Instant.MAX);
    }

    @Nested
    class Questions {

        @Test
        void aSlashCommandQuestionGetsOnePrivateReply() {
            List<Reply> replies = bot.say(ALICE, GENERAL, Message.Origin.COMMAND, PHOTO_QUESTION_EN);

            assertThat(replies).hasSize(1);
            assertThat(replies.get(0).delivery()).isEqualTo(Reply.Delivery.PRIVATE);
        }

        @ParameterizedTest
        @EnumSource(
                value = Message.Origin.class,
                names = {"MENTION", "DIRECT"})
        void aMentionOrADirectQuestionIsAnsweredInTheConversation(Message.Origin origin) {
            List<Reply> replies =
                    bot.say(ALICE, origin == Message.Origin.DIRECT ? DM : GENERAL, origin, PHOTO_QUESTION_EN);

            assertThat(replies).hasSize(1);
            assertThat(replies.get(0).delivery()).isEqualTo(Reply.Delivery.CONVERSATION);
        }

        @Test
        void aPhotoQuestionCitesThePhotoSectionWithItsChecklistAndFeedbackButtons() {
            Reply reply = bot.command(ALICE, PHOTO_QUESTION_EN);
            Section photos = section(PHOTOS, Language.EN);

            assertThat(reply.language()).isEqualTo(Language.EN);
            assertThat(reply.blocks().get(0)).isEqualTo(new Block.Heading(photos.title()));
            assertThat(texts(reply)).contains(photos.rule());
            Block.CitedSection cited = first(reply, Block.CitedSection.class);
            assertThat(cited.sectionId()).isEqualTo(PHOTOS);
            assertThat(cited.title()).isEqualTo(photos.title());
            assertThat(cited.label()).isEqualTo(msg(Language.EN, "label.source"));
            assertThat(blocks(reply, Block.Checklist.class))
                    .isNotEmpty()
                    .anySatisfy(list -> assertThat(list.items()).isEqualTo(photos.checklist()));

            List<Button> feedback = first(reply, Block.Buttons.class).buttons();
            assertThat(feedback)
                    .extracting(Button::actionId)
                    .containsExactly(ActionIds.FEEDBACK_HELPFUL, ActionIds.FEEDBACK_NOT_HELPFUL);
            assertThat(feedback).extracting(Button::value).containsOnly("en~ANSWER|" + PHOTOS);
            assertThat(feedback)
                    .extracting(Button::label)
                    .containsExactly(
                            msg(Language.EN, "commands.feedback.helpful"),
                            msg(Language.EN, "commands.feedback.not-helpful"));
            assertThat(reply.fallbackText()).contains(photos.title()).contains(photos.rule());
        }

        @Test
        void aFrenchQuestionGetsAFrenchReply() {
            Reply reply = bot.command(ALICE, PHOTO_QUESTION_FR);
            Section photos = section(PHOTOS, Language.FR);

            assertThat(reply.language()).isEqualTo(Language.FR);
            assertThat(reply.blocks().get(0)).isEqualTo(new Block.Heading(photos.title()));
            assertThat(first(reply, Block.CitedSection.class).label()).isEqualTo(msg(Language.FR, "label.source"));
            assertThat(buttons(reply))
                    .extracting(Button::label)
                    .contains(msg(Language.FR, "commands.feedback.helpful"));
        }

        @Test
        void aChosenFrenchLanguageAnswersAnEnglishQuestionInFrench() {
            bot.command(ALICE, "lang fr");

            Reply reply = bot.command(ALICE, PHOTO_QUESTION_EN);

            assertThat(reply.language()).isEqualTo(Language.FR);
            assertThat(reply.blocks().get(0))
                    .isEqualTo(new Block.Heading(section(PHOTOS, Language.FR).title()));
            assertThat(first(reply, Block.CitedSection.class).sectionId()).isEqualTo(PHOTOS);
        }

        @Test
        void theLanguageChoiceOfOnePersonDoesNotChangeAnotherPersonsReplies() {
            bot.command(ALICE, "lang fr");

            assertThat(bot.command(BOB, PHOTO_QUESTION_EN).language()).isEqualTo(Language.EN);
        }

        @ParameterizedTest
        @EnumSource(Language.class)
        void aBlankMessageGetsHelpInThePlatformLanguage(Language platform) {
            Reply reply = only(bot.say(ALICE, GENERAL, Message.Origin.MENTION, "   ", false, Optional.of(platform)));

            assertThat(reply.language()).isEqualTo(platform);
            assertThat(reply.blocks().get(0)).isEqualTo(new Block.Heading(msg(platform, "commands.help.title")));
            assertThat(questionsAsked()).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(Language.class)
        void aQuestionWithoutWordsIsAnsweredWithTheBlankHintInThePlatformLanguage(Language platform) {
            String company = ConversationHarness.charter().settings().companyName();

            Reply reply =
                    only(bot.say(ALICE, GENERAL, Message.Origin.MENTION, "🙂 🙂 :)", false, Optional.of(platform)));

            assertThat(reply.language()).isEqualTo(platform);
            assertThat(texts(reply)).containsExactly(msg(platform, "answer.blank", company));
            assertThat(buttons(reply)).isEmpty();
            assertThat(questionsAsked())
                    .as("a blank question is no question for the statistics")
                    .isEmpty();
        }

        @Test
        void aQuestionIsRecordedWithItsOutcomeAndWorkspaceButWithoutItsAuthorOrText() {
            bot.command(ALICE, PHOTO_QUESTION_EN);

            assertThat(questionsAsked())
                    .containsExactly(
                            new QuestionAsked(ConversationHarness.START, Language.EN, Tier.ANSWER, PHOTOS, "slack:T1"));
            assertThat(Arrays.stream(QuestionAsked.class.getRecordComponents()).map(RecordComponent::getName))
                    .as("the workspace, not the person")
                    .containsExactly("at", "language", "tier", "sectionId", "tenant");
        }

        @Test
        void aFrenchQuestionIsRecordedInFrenchAtTheCurrentTime() {
            bot.clock.advance(Duration.ofHours(3));

            bot.command(ALICE, PHOTO_QUESTION_FR);

            assertThat(questionsAsked())
                    .containsExactly(new QuestionAsked(
                            ConversationHarness.START.plus(Duration.ofHours(3)),
                            Language.FR,
                            Tier.ANSWER,
                            PHOTOS,
                            "slack:T1"));
        }

        @Test
        void anOutOfScopeQuestionCitesNoSection() {
            Reply reply = bot.command(ALICE, "Can you order me a pizza?");

            assertThat(blocks(reply, Block.CitedSection.class)).isEmpty();
            assertThat(blocks(reply, Block.Heading.class)).isEmpty();
            assertThat(questionsAsked())
                    .singleElement()
                    .satisfies(asked -> assertThat(asked.tier()).isNotEqualTo(Tier.ANSWER));
            assertThat(buttons(reply, ActionIds.FEEDBACK_HELPFUL))
                    .allSatisfy(button -> assertThat(button.value()).doesNotStartWith("ANSWER|"));
        }

        @Test
        void aTooLongQuestionIsRefusedPoliteAndNotRecorded() {
            Reply reply = bot.command(ALICE, "photo ".repeat(400));

            assertThat(blocks(reply, Block.CitedSection.class)).isEmpty();
            assertThat(reply.fallbackText()).isNotBlank();
            assertThat(questionsAsked()).isEmpty();
        }

        @Test
        void helpFollowedByOtherWordsIsAQuestionNotTheHelpCommand() {
            Reply reply = bot.command(ALICE, "help me post a photo of the team");

            assertThat(reply.blocks().get(0)).isNotEqualTo(new Block.Heading(msg(Language.EN, "commands.help.title")));
            assertThat(questionsAsked()).hasSize(1);
        }
    }

    @Nested
    class Help {

        @Test
        void helpListsTheCommandsInEnglishWithAQuizButton() {
            Reply reply = bot.command(ALICE, "help");
            String company = ConversationHarness.charter().settings().companyName();

            assertThat(reply.language()).isEqualTo(Language.EN);
            assertThat(reply.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
            assertThat(reply.blocks().get(0)).isEqualTo(new Block.Heading(msg(Language.EN, "commands.help.title")));
            assertThat(texts(reply)).containsExactly(msg(Language.EN, "commands.help.text", company));
            Block.Checklist commands = first(reply, Block.Checklist.class);
            assertThat(commands.label()).isEqualTo(msg(Language.EN, "commands.help.commands-label"));
            assertThat(commands.items())
                    .hasSizeGreaterThan(3)
                    .allSatisfy(item -> assertThat(item).doesNotContain("\n"));
            assertThat(buttons(reply)).singleElement().satisfies(button -> {
                assertThat(button.actionId()).isEqualTo(ActionIds.QUIZ_START);
                assertThat(button.label()).isEqualTo(msg(Language.EN, "commands.quiz.start"));
            });
        }

        @Test
        void aideAnswersInFrench() {
            Reply reply = bot.command(ALICE, "aide");

            assertThat(reply.language()).isEqualTo(Language.FR);
            assertThat(reply.blocks().get(0)).isEqualTo(new Block.Heading(msg(Language.FR, "commands.help.title")));
            assertThat(first(reply, Block.Checklist.class).label())
                    .isEqualTo(msg(Language.FR, "commands.help.commands-label"));
            assertThat(buttons(reply))
                    .extracting(Button::label)
                    .containsExactly(msg(Language.FR, "commands.quiz.start"));
        }

        @Test
        void helpAskedWithAMentionIsShownInTheConversation() {
            Reply reply = only(bot.say(ALICE, GENERAL, Message.Origin.MENTION, "help"));

            assertThat(reply.delivery()).isEqualTo(Reply.Delivery.CONVERSATION);
        }

        @Test
        void aChosenLanguageWinsOverTheLanguageOfTheCommandWord() {
            bot.command(ALICE, "lang en");

            assertThat(bot.command(ALICE, "aide").language()).isEqualTo(Language.EN);
        }
    }

    @Nested
    class QuizAndTips {

        @Test
        void quizStartsAPrivateQuizInEnglish() {
            Reply reply = only(bot.say(ALICE, GENERAL, Message.Origin.MENTION, "quiz"));

            assertThat(reply.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
            assertThat(reply.language()).isEqualTo(Language.EN);
            assertThat(reply.blocks().get(0))
                    .isEqualTo(new Block.Heading(msg(Language.EN, "quiz.question.heading", 1, 3)));
            assertThat(buttons(reply, ActionIds.QUIZ_ANSWER)).hasSizeGreaterThanOrEqualTo(2);
        }

        @Test
        void quizzStartsAFrenchQuiz() {
            Reply reply = bot.command(ALICE, "quizz");

            assertThat(reply.language()).isEqualTo(Language.FR);
            assertThat(reply.blocks().get(0))
                    .isEqualTo(new Block.Heading(msg(Language.FR, "quiz.question.heading", 1, 3)));
        }

        @Test
        void buttonsOfAFrenchReplyCarryItsLanguageSoClicksAreAnsweredInFrench() {
            Reply answer = bot.command(ALICE, "est-ce que je peux publier cette photo ?");
            assertThat(ConversationHarness.taggedButtons(answer))
                    .isNotEmpty()
                    .allSatisfy(button -> assertThat(button.value()).startsWith("fr~"));

            Button seeAlso = ConversationHarness.taggedButtons(answer).stream()
                    .filter(b -> b.actionId().equals(ActionIds.OPEN_SECTION))
                    .findFirst()
                    .orElseThrow();
            Reply opened = only(bot.click(ALICE, ActionIds.OPEN_SECTION, seeAlso.value()));

            assertThat(opened.language()).isEqualTo(Language.FR);
        }

        @Test
        void aQuestionSpanningTwoSectionsShowsTheOtherOnesKeyPointWithAButtonThatOpensItInTheSameLanguage() {
            Reply answer = bot.command(ALICE, "photo marrante d'un collègue endormi au séminaire, je peux la poster ?");

            Block.AlsoApplies also = answer.blocks().stream()
                    .filter(Block.AlsoApplies.class::isInstance)
                    .map(Block.AlsoApplies.class::cast)
                    .findFirst()
                    .orElseThrow();
            assertThat(also.label()).isEqualTo(msg(Language.FR, "label.also-applies"));
            Block.AlsoApplies.Point point = also.points().get(0);
            assertThat(point.title())
                    .isEqualTo(ConversationHarness.charter()
                            .section("photos-videos", Language.FR)
                            .orElseThrow()
                            .title());
            assertThat(point.open().label()).isEqualTo(msg(Language.FR, "label.open-section"));
            assertThat(point.open().value()).isEqualTo("fr~photos-videos");
            assertThat(answer.blocks().indexOf(also))
                    .as("after the cited section")
                    .isGreaterThan(answer.blocks()
                            .indexOf(answer.blocks().stream()
                                    .filter(Block.CitedSection.class::isInstance)
                                    .findFirst()
                                    .orElseThrow()));

            Reply opened =
                    only(bot.click(ALICE, ActionIds.OPEN_SECTION, point.open().value()));
            assertThat(opened.language()).isEqualTo(Language.FR);
            assertThat(opened.blocks().get(0)).isEqualTo(new Block.Heading(point.title()));
        }

        @Test
        void tipShowsAPrivateTipForASlashCommand() {
            Reply reply = bot.command(ALICE, "tip");

            assertThat(reply.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
            assertThat(reply.language()).isEqualTo(Language.EN);
            assertThat(reply.blocks().get(0)).isEqualTo(new Block.Heading(msg(Language.EN, "tip.heading")));
            assertThat(buttons(reply, ActionIds.TIP_NEXT)).hasSize(1);
            assertThat(buttons(reply, ActionIds.OPEN_SECTION))
                    .singleElement()
                    .satisfies(open -> assertThat(ConversationHarness.charter().section(open.value(), Language.EN))
                            .isPresent());
        }

        @Test
        void astuceShowsAFrenchTipInTheConversationForAMention() {
            Reply reply = only(bot.say(ALICE, GENERAL, Message.Origin.MENTION, "astuce"));

            assertThat(reply.delivery()).isEqualTo(Reply.Delivery.CONVERSATION);
            assertThat(reply.language()).isEqualTo(Language.FR);
            assertThat(reply.blocks().get(0)).isEqualTo(new Block.Heading(msg(Language.FR, "tip.heading")));
        }

        @Test
        void successiveTipsInAChannelAreDifferent() {
            Reply one = bot.command(ALICE, "tip");
            Reply two = bot.command(BOB, "tip");

            assertThat(texts(one)).isNotEqualTo(texts(two));
        }
    }

    @Nested
    class LanguageChoice {

        @Test
        void langFrConfirmsInFrenchAndIsKept() {
            Reply reply = bot.command(ALICE, "lang fr");

            assertThat(reply.language()).isEqualTo(Language.FR);
            assertThat(reply.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
            assertThat(texts(reply))
                    .containsExactly(msg(Language.FR, "commands.lang.set", languageName(Language.FR, Language.FR)));
            assertThat(bot.languages.find(ALICE)).contains(Language.FR);
        }

        @Test
        void langEnConfirmsInEnglishEvenAfterFrench() {
            bot.command(ALICE, "langue fr");

            Reply reply = bot.command(ALICE, "lang en");

            assertThat(reply.language()).isEqualTo(Language.EN);
            assertThat(texts(reply))
                    .containsExactly(msg(Language.EN, "commands.lang.set", languageName(Language.EN, Language.EN)));
            assertThat(bot.languages.find(ALICE)).contains(Language.EN);
        }

        @Test
        void aLanguageChosenInADirectMessageIsConfirmedInTheConversation() {
            Reply reply = bot.direct(ALICE, "lang fr");

            assertThat(reply.delivery()).isEqualTo(Reply.Delivery.CONVERSATION);
        }

        @Test
        void settingsThenShowTheChoiceInTheChosenLanguage() {
            bot.command(ALICE, "lang fr");

            Reply settings = bot.command(ALICE, "settings");

            assertThat(settings.language()).isEqualTo(Language.FR);
            assertThat(texts(settings))
                    .containsExactly(msg(
                            Language.FR, "commands.settings.language.chosen", languageName(Language.FR, Language.FR)));
        }

        @Test
        void settingsInEnglishNameTheEnglishChoice() {
            bot.command(ALICE, "lang en");

            assertThat(texts(bot.command(ALICE, "reglages")))
                    .containsExactly(msg(
                            Language.EN, "commands.settings.language.chosen", languageName(Language.EN, Language.EN)));
        }

        @Test
        void anUnknownLanguageGetsTheUsageAndChangesNothing() {
            Reply reply = bot.command(ALICE, "lang xx");

            assertThat(reply.language()).isEqualTo(Language.EN);
            assertThat(texts(reply)).containsExactly(msg(Language.EN, "commands.lang.usage", "xx"));
            assertThat(bot.languages.find(ALICE)).isEmpty();
        }

        @Test
        void formatCharactersOfAWrongArgumentAreNotShownBack() {
            Reply reply = bot.command(ALICE, "lang \u202Exx\u200B\u202C");

            assertThat(texts(reply)).containsExactly(msg(Language.EN, "commands.lang.usage", "xx"));
        }

        @Test
        void aLongWrongArgumentIsShownBackCutShort() {
            Reply reply = bot.command(ALICE, "stats " + "9".repeat(200));

            assertThat(texts(reply))
                    .containsExactly(msg(Language.EN, "commands.stats.usage", "9".repeat(40) + "\u2026"));
        }

        @Test
        void anUnknownLanguageAskedInFrenchGetsTheFrenchUsage() {
            Reply reply = bot.command(ALICE, "langue klingon");

            assertThat(reply.language()).isEqualTo(Language.FR);
            assertThat(texts(reply)).containsExactly(msg(Language.FR, "commands.lang.usage", "klingon"));
        }

        @Test
        void theUsageFollowsThePlatformLanguageWhenTheWordDoesNotTell() {
            Reply reply =
                    only(bot.say(ALICE, GENERAL, Message.Origin.COMMAND, "lang xx", false, Optional.of(Language.FR)));

            assertThat(texts(reply)).containsExactly(msg(Language.FR, "commands.lang.usage", "xx"));
        }
    }

    @Nested
    class Settings {

        @Test
        void settingsInAChannelDescribeTheChannelsDefaultNudges() {
            Reply reply = bot.command(ALICE, "settings");

            assertThat(reply.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
            assertThat(reply.blocks().get(0)).isEqualTo(new Block.Heading(msg(Language.EN, "commands.settings.title")));
            assertThat(texts(reply)).containsExactly(msg(Language.EN, "commands.settings.language.auto"));
            Block.Checklist nudges = first(reply, Block.Checklist.class);
            assertThat(nudges.label()).isEqualTo(msg(Language.EN, "commands.settings.channel-label"));
            assertThat(nudges.items()).hasSize(2);
            assertThat(nudges.items().get(0))
                    .isEqualTo(NudgeSettings.defaults(PARIS, Language.EN).describe(Language.EN));
            assertThat(nudges.items().get(1)).startsWith("Next nudge: Monday,").contains("10:00");
            assertThat(contexts(reply)).containsExactly(msg(Language.EN, "commands.settings.admin-hint"));
            assertThat(bot.channels.all())
                    .as("looking at settings registers nothing")
                    .isEmpty();
        }

        @Test
        void reglagesInAChannelDescribeItsSavedNudgesInFrench() {
            NudgeSettings saved = NudgeSettings.defaults(PARIS, Language.EN)
                    .withFrequency(Frequency.MONTHLY)
                    .withDayOfMonth(15);
            bot.channels.save(ChannelState.of(GENERAL, "general", saved));

            Reply reply = bot.command(ALICE, "réglages");

            assertThat(reply.language()).isEqualTo(Language.FR);
            assertThat(first(reply, Block.Checklist.class).label())
                    .isEqualTo(msg(Language.FR, "commands.settings.channel-label"));
            assertThat(first(reply, Block.Checklist.class).items())
                    .hasSize(2)
                    .first()
                    .isEqualTo(saved.describe(Language.FR));
            assertThat(first(reply, Block.Checklist.class).items().get(1))
                    .startsWith("Prochain rappel :")
                    .contains("15");
            assertThat(contexts(reply)).containsExactly(msg(Language.FR, "commands.settings.admin-hint"));
        }

        @Test
        void settingsInADirectConversationSayNudgesArePerChannel() {
            Reply reply = bot.direct(ALICE, "settings");

            assertThat(reply.delivery()).isEqualTo(Reply.Delivery.CONVERSATION);
            assertThat(blocks(reply, Block.Checklist.class)).isEmpty();
            assertThat(contexts(reply)).containsExactly(msg(Language.EN, "commands.settings.direct"));
        }

        @Test
        void parametresInADirectConversationSayItInFrench() {
            Reply reply = bot.direct(ALICE, "paramètres");

            assertThat(reply.language()).isEqualTo(Language.FR);
            assertThat(contexts(reply)).containsExactly(msg(Language.FR, "commands.settings.direct"));
        }
    }

    @Nested
    class Home {

        @Test
        void homeInAChannelIsThePersonsPageForThemAlone() {
            Reply reply = bot.command(ALICE, "home");

            assertThat(reply.language()).isEqualTo(Language.EN);
            assertThat(reply.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
            assertThat(reply.blocks().get(0)).isEqualTo(new Block.Heading(msg(Language.EN, "commands.home.heading")));
            assertThat(texts(reply)).containsExactly(msg(Language.EN, "commands.home.new"));
            assertThat(buttons(reply)).extracting(Button::actionId).containsExactly(ActionIds.QUIZ_START);
            assertThat(questionsAsked()).as("a command, not a question").isEmpty();
        }

        @Test
        void accueilInADirectConversationIsThePageInFrenchInTheConversation() {
            Reply reply = bot.direct(ALICE, "accueil");

            assertThat(reply.language()).isEqualTo(Language.FR);
            assertThat(reply.delivery()).isEqualTo(Reply.Delivery.CONVERSATION);
            assertThat(reply.blocks().get(0)).isEqualTo(new Block.Heading(msg(Language.FR, "commands.home.heading")));
            assertThat(texts(reply)).containsExactly(msg(Language.FR, "commands.home.new"));
        }

        @Test
        void theChosenLanguageWinsOverTheWord() {
            bot.command(ALICE, "lang fr");

            assertThat(bot.command(ALICE, "home").blocks().get(0))
                    .isEqualTo(new Block.Heading(msg(Language.FR, "commands.home.heading")));
        }

        @Test
        void anAdministratorsPageListsTheirChannelsWithLanguageTaggedEditButtons() {
            bot.channels.save(ChannelState.of(GENERAL, "general", NudgeSettings.defaults(PARIS, Language.EN)));
            bot.channels.save(ChannelState.of(
                    new ChannelRef(Platform.TEAMS, "tenant-1", "19:other@thread.tacv2"),
                    "elsewhere",
                    NudgeSettings.defaults(PARIS, Language.EN)));

            Reply reply = bot.command(ADMIN, "accueil");

            assertThat(blocks(reply, Block.Heading.class))
                    .extracting(Block.Heading::text)
                    .containsExactly(
                            msg(Language.FR, "commands.home.heading"), msg(Language.FR, "commands.home.channels"));
            assertThat(texts(reply))
                    .anySatisfy(text -> assertThat(text).contains("general"))
                    .noneMatch(text -> text.contains("elsewhere"));
            assertThat(ConversationHarness.taggedButtons(reply))
                    .filteredOn(button -> button.actionId().equals(ActionIds.NUDGES_EDIT))
                    .extracting(Button::value)
                    .containsExactly("fr~" + GENERAL.channelId());
        }

        @Test
        void anEmployeesPageListsNoChannels() {
            bot.channels.save(ChannelState.of(GENERAL, "general", NudgeSettings.defaults(PARIS, Language.EN)));

            Reply reply = bot.command(ALICE, "home");

            assertThat(blocks(reply, Block.Heading.class)).hasSize(1);
            assertThat(buttons(reply, ActionIds.NUDGES_EDIT)).isEmpty();
        }

        @Test
        void homeAsksTheAdapterWhoIsAnAdministrator() {
            assertThat(bot.service.isAdministrative("home")).isTrue();
            assertThat(bot.service.isAdministrative("Accueil")).isTrue();
            assertThat(bot.service.isAdministrative("home office: can I post a photo of my desk?"))
                    .isFalse();
            assertThat(bot.service.isAdministrative("quiz")).isFalse();
        }
    }

    @Nested
    class ForgetMe {

        @Test
        void forgetMeDropsTheLanguageChoiceAndConfirms() {
            bot.command(ALICE, "lang en");

            Reply reply = bot.command(ALICE, "forget me");

            assertThat(texts(reply)).containsExactly(msg(Language.EN, "commands.forget.done"));
            assertThat(bot.languages.find(ALICE)).isEmpty();
            assertThat(texts(bot.command(ALICE, "settings")))
                    .containsExactly(msg(Language.EN, "commands.settings.language.auto"));
        }

        @Test
        void oublieMoiConfirmsInFrench() {
            Reply reply = bot.direct(ALICE, "Oublie-moi !");

            assertThat(reply.language()).isEqualTo(Language.FR);
            assertThat(reply.delivery()).isEqualTo(Reply.Delivery.CONVERSATION);
            assertThat(texts(reply)).containsExactly(msg(Language.FR, "commands.forget.done"));
        }

        @Test
        void forgetMeErasesQuizProgressSessionsAndQuizAnswersOfThatPersonOnly() {
            String session = answerWholeQuiz(bot, ALICE);
            answerWholeQuiz(bot, BOB);
            assertThat(bot.progress.load(ALICE)).isNotEmpty();

            bot.command(ALICE, "forget me");

            assertThat(bot.progress.load(ALICE)).isEmpty();
            assertThat(bot.progress.load(BOB)).isNotEmpty();
            assertThat(quizAnswers())
                    .isNotEmpty()
                    .allSatisfy(answer -> assertThat(answer.participant()).isEqualTo(BOB));
            Reply expired = only(bot.click(ALICE, ActionIds.QUIZ_ANSWER, session + ":2:0"));
            assertThat(texts(expired)).containsExactly(msg(Language.EN, "quiz.expired"));
        }

        @Test
        void aQuizStartedAfterForgetMeIsTheQuizOfANewcomer() {
            ConversationHarness newcomer = new ConversationHarness();
            answerWholeQuiz(newcomer, BOB);
            Reply newcomersQuiz = only(newcomer.click(ALICE, ActionIds.QUIZ_START, ""));

            ConversationHarness forgotten = new ConversationHarness();
            answerWholeQuiz(forgotten, ALICE);
            forgotten.command(ALICE, "forget me");
            Reply quizAfterForget = only(forgotten.click(ALICE, ActionIds.QUIZ_START, ""));

            assertThat(questionIds(forgotten, quizAfterForget)).isEqualTo(questionIds(newcomer, newcomersQuiz));
            assertThat(quizAfterForget).isEqualTo(newcomersQuiz);
        }

        @Test
        void aQuizStartedWithoutForgetMeIsNotTheQuizOfANewcomer() {
            ConversationHarness newcomer = new ConversationHarness();
            answerWholeQuiz(newcomer, BOB);
            Reply newcomersQuiz = only(newcomer.click(ALICE, ActionIds.QUIZ_START, ""));

            ConversationHarness remembered = new ConversationHarness();
            answerWholeQuiz(remembered, ALICE);
            Reply secondQuiz = only(remembered.click(ALICE, ActionIds.QUIZ_START, ""));

            assertThat(questionIds(remembered, secondQuiz))
                    .as("the control of the test above: progress changes the questions")
                    .isNotEqualTo(questionIds(newcomer, newcomersQuiz));
        }

        @Test
        void forgetMeWithdrawsChannelQuizAnswersSoTheyCanBeGivenAgain() {
            String quizId = postChannelQuiz(Language.EN);
            bot.click(ALICE, ActionIds.CHANNEL_QUIZ_ANSWER, quizId + ":0");
            bot.click(BOB, ActionIds.CHANNEL_QUIZ_ANSWER, quizId + ":1");

            bot.direct(ALICE, "forget me");

            assertThat(bot.channelQuizzes.find(quizId).orElseThrow().answers()).containsOnlyKeys(BOB);
            assertThat(quizAnswers()).extracting(QuizAnswered::participant).containsExactly(BOB);
            assertThat(bot.click(ALICE, ActionIds.CHANNEL_QUIZ_ANSWER, quizId + ":0"))
                    .hasSize(2);
        }

        @Test
        void forgetMeKeepsTheAnonymousQuestionStatistics() {
            bot.command(ALICE, PHOTO_QUESTION_EN);

            bot.command(ALICE, "forget me");

            assertThat(questionsAsked()).hasSize(1);
        }
    }

    @Nested
    class Nudges {

        private static final String CHANGE = "nudges weekly friday 16:00";

        @Test
        void someoneWhoIsNoAdministratorIsRefusedAndNothingChanges() {
            Reply reply = bot.command(ALICE, CHANGE);

            assertThat(texts(reply))
                    .containsExactly(new Decision.Denied(Decision.Denied.NOT_ADMIN).reason(Language.EN));
            assertThat(reply.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
            assertThat(bot.channels.all()).isEmpty();
            assertThat(bot.audit.recent(10)).isEmpty();
        }

        @Test
        void theRefusalIsInFrenchForRappels() {
            Reply reply = bot.command(ALICE, "rappels hebdo vendredi 16h");

            assertThat(texts(reply)).containsExactly(msg(Language.FR, Decision.Denied.NOT_ADMIN));
            assertThat(bot.channels.all()).isEmpty();
        }

        @Test
        void aConfiguredIdOnAnotherPlatformIsNoAdministrator() {
            ChannelRef teamsChannel = new ChannelRef(Platform.TEAMS, "tenant-1", "19:general");

            Reply reply = only(bot.say(TEAMS_NAMESAKE, teamsChannel, Message.Origin.MENTION, CHANGE));

            assertThat(texts(reply)).containsExactly(msg(Language.EN, Decision.Denied.NOT_ADMIN));
            assertThat(bot.channels.all()).isEmpty();
        }

        @Test
        void aPlatformAdministratorMayChangeNudges() {
            Reply reply = only(bot.say(BOB, GENERAL, Message.Origin.COMMAND, CHANGE, true, Optional.empty()));

            assertThat(texts(reply)).containsExactly(msg(Language.EN, "commands.nudges.updated"));
            assertThat(bot.channels.find(GENERAL)).isPresent();
            assertThat(bot.audit.recent(10))
                    .singleElement()
                    .satisfies(record -> assertThat(record.who()).isEqualTo(BOB));
        }

        @Test
        void aConfiguredAdministratorChangesTheChannelsNudgesAndIsAudited() {
            bot.clock.advance(Duration.ofMinutes(5));
            Instant now = bot.clock.instant();
            NudgeSettings before = NudgeSettings.defaults(PARIS, Language.EN);

            Reply reply = bot.command(ADMIN, CHANGE);

            NudgeSettings saved = bot.channels.find(GENERAL).orElseThrow().settings();
            assertThat(saved.frequency()).isEqualTo(Frequency.WEEKLY);
            assertThat(saved.weekday()).isEqualTo(DayOfWeek.FRIDAY);
            assertThat(saved.time()).isEqualTo(LocalTime.of(16, 0));
            assertThat(saved.zone()).isEqualTo(PARIS);
            assertThat(bot.channels.find(RANDOM)).isEmpty();

            assertThat(reply.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
            assertThat(texts(reply)).containsExactly(msg(Language.EN, "commands.nudges.updated"));
            Block.Checklist current = first(reply, Block.Checklist.class);
            assertThat(current.label()).isEqualTo(msg(Language.EN, "commands.nudges.current"));
            assertThat(current.items()).containsExactly(saved.describe(Language.EN));

            AuditRecord record = bot.audit.recent(10).get(0);
            assertThat(bot.audit.recent(10)).hasSize(1);
            assertThat(record.who()).isEqualTo(ADMIN);
            assertThat(record.at()).isEqualTo(now);
            assertThat(record.action()).isEqualTo(AdminActions.NUDGES_CHANGE);
            assertThat(record.target()).isEqualTo(GENERAL.key());
            assertThat(record.before()).isEqualTo(before.describe(Language.EN));
            assertThat(record.after()).isEqualTo(saved.describe(Language.EN)).isNotEqualTo(record.before());
        }

        @Test
        void anAdministratorsChangeResumesAPausedChannel() {
            bot.channels.save(ChannelState.of(GENERAL, "general", NudgeSettings.defaults(PARIS, Language.EN))
                    .paused("no adapter for SLACK"));

            bot.command(ADMIN, "nudges on");

            ChannelState state = bot.channels.find(GENERAL).orElseThrow();
            assertThat(state.status()).isEqualTo(ChannelState.Status.ACTIVE);
            assertThat(state.pauseReason()).isEmpty();
        }

        @Test
        void switchingNudgesOffKeepsAPausedChannelPaused() {
            bot.channels.save(ChannelState.of(GENERAL, "general", NudgeSettings.defaults(PARIS, Language.EN))
                    .paused("channel_not_found"));

            bot.command(ADMIN, "nudges off");

            assertThat(bot.channels.find(GENERAL).orElseThrow().status()).isEqualTo(ChannelState.Status.PAUSED);
        }

        @Test
        void nudgesNowQueuesOneNudgeRegistersTheChannelAndIsAudited() {
            Reply reply = bot.command(ADMIN, "nudges now");

            assertThat(texts(reply)).containsExactly(msg(Language.EN, "commands.nudges.now"));
            assertThat(bot.triggered).containsExactly(GENERAL);
            assertThat(bot.channels.find(GENERAL)).isPresent();
            assertThat(bot.audit.recent(1).get(0).action()).isEqualTo(AdminActions.NUDGES_NOW);
        }

        @Test
        void rappelsMaintenantIsTheFrenchForm() {
            Reply reply = bot.command(ADMIN, "rappels maintenant");

            assertThat(texts(reply)).containsExactly(msg(Language.FR, "commands.nudges.now"));
            assertThat(bot.triggered).containsExactly(GENERAL);
        }

        @Test
        void nudgesNowIsRefusedToNonAdministrators() {
            bot.command(ALICE, "nudges now");

            assertThat(bot.triggered).isEmpty();
        }

        @Test
        void aFrenchChangeIsConfirmedInFrenchAndAuditedInEnglish() {
            Reply reply = bot.command(ADMIN, "rappels mensuel 15 9h30");

            NudgeSettings saved = bot.channels.find(GENERAL).orElseThrow().settings();
            assertThat(saved.frequency()).isEqualTo(Frequency.MONTHLY);
            assertThat(saved.dayOfMonth()).isEqualTo(15);
            assertThat(saved.time()).isEqualTo(LocalTime.of(9, 30));
            assertThat(texts(reply)).containsExactly(msg(Language.FR, "commands.nudges.updated"));
            assertThat(first(reply, Block.Checklist.class).items()).containsExactly(saved.describe(Language.FR));
            assertThat(bot.audit.recent(1).get(0).after()).isEqualTo(saved.describe(Language.EN));
        }

        @Test
        void aChangeKeepsTheChannelsNameAndOtherState() {
            ChannelState registered = ChannelState.of(GENERAL, "general", NudgeSettings.defaults(PARIS, Language.EN))
                    .delivered(
                            ConversationHarness.START.minus(Duration.ofDays(2)),
                            com.charterbot.core.activity.NudgeSent.Kind.TIP);
            bot.channels.save(registered);

            bot.command(ADMIN, "nudges daily");

            ChannelState updated = bot.channels.find(GENERAL).orElseThrow();
            assertThat(updated.settings().frequency()).isEqualTo(Frequency.DAILY_WORKDAYS);
            assertThat(updated.withSettings(registered.settings())).isEqualTo(registered);
        }

        @Test
        void nudgesAloneShowsTheCurrentSettingsWithTheUsage() {
            Reply reply = bot.command(ADMIN, "nudges");

            Block.Checklist current = first(reply, Block.Checklist.class);
            assertThat(current.label()).isEqualTo(msg(Language.EN, "commands.nudges.current"));
            assertThat(current.items())
                    .containsExactly(NudgeSettings.defaults(PARIS, Language.EN).describe(Language.EN));
            assertThat(contexts(reply)).containsExactly(msg(Language.EN, NudgeSyntax.USAGE_KEY));
            assertThat(bot.channels.all()).isEmpty();
            assertThat(bot.audit.recent(10)).isEmpty();
        }

        @Test
        void nudgesAloneShowsWhatWasSavedInFrenchForRappels() {
            bot.command(ADMIN, CHANGE);

            Reply reply = bot.command(ADMIN, "rappels");

            assertThat(first(reply, Block.Checklist.class).items())
                    .containsExactly(
                            bot.channels.find(GENERAL).orElseThrow().settings().describe(Language.FR));
            assertThat(contexts(reply)).containsExactly(msg(Language.FR, NudgeSyntax.USAGE_KEY));
            assertThat(bot.audit.recent(10)).hasSize(1);
        }

        @Test
        void settingsShowTheNudgesAnAdministratorSet() {
            bot.command(ADMIN, CHANGE);

            Reply settings = bot.command(ALICE, "settings");

            assertThat(first(settings, Block.Checklist.class).items())
                    .first()
                    .isEqualTo(
                            bot.channels.find(GENERAL).orElseThrow().settings().describe(Language.EN));
        }

        @Test
        void malformedArgumentsGetTheProblemAndTheUsageAndSaveNothing() {
            Reply reply = bot.command(ADMIN, "nudges weekly someday");

            assertThat(texts(reply))
                    .singleElement()
                    .satisfies(problem -> assertThat(problem).contains("someday"));
            assertThat(contexts(reply)).containsExactly(msg(Language.EN, NudgeSyntax.USAGE_KEY));
            assertThat(bot.channels.all()).isEmpty();
            assertThat(bot.audit.recent(10)).isEmpty();
        }

        @Test
        void malformedFrenchArgumentsGetTheFrenchUsage() {
            Reply reply = bot.command(ADMIN, "rappels hebdo 25h99");

            assertThat(contexts(reply)).containsExactly(msg(Language.FR, NudgeSyntax.USAGE_KEY));
            assertThat(bot.channels.all()).isEmpty();
        }

        @Test
        void nudgesInADirectConversationSayTheyArePerChannel() {
            Reply reply = bot.direct(ADMIN, CHANGE);

            assertThat(reply.delivery()).isEqualTo(Reply.Delivery.CONVERSATION);
            assertThat(texts(reply)).containsExactly(msg(Language.EN, "commands.nudges.direct"));
            assertThat(bot.channels.all()).isEmpty();
            assertThat(bot.audit.recent(10)).isEmpty();
        }

        @Test
        void nudgesInADirectConversationAreStillRefusedToNonAdministrators() {
            Reply reply = bot.direct(ALICE, "nudges");

            assertThat(texts(reply)).containsExactly(msg(Language.EN, Decision.Denied.NOT_ADMIN));
        }
    }

    @Nested
    class Stats {

        @Test
        void statisticsAreRefusedToNonAdministrators() {
            Reply reply = bot.command(ALICE, "stats");

            assertThat(texts(reply)).containsExactly(msg(Language.EN, Decision.Denied.NOT_ADMIN));
            assertThat(bot.audit.recent(10)).isEmpty();
        }

        @Test
        void statistiquesAreRefusedInFrench() {
            Reply reply = bot.command(ALICE, "statistiques");

            assertThat(texts(reply)).containsExactly(msg(Language.FR, Decision.Denied.NOT_ADMIN));
        }

        @Test
        void statisticsListUnansweredQuestionsUnhelpfulAnswersAndPausedChannels() {
            bot.command(BOB, "Can you order me a pizza?");
            bot.command(ALICE, "can you order me a pizza?");
            bot.click(ALICE, ActionIds.FEEDBACK_NOT_HELPFUL, "ANSWER|" + PHOTOS);
            bot.channels.save(ChannelState.of(GENERAL, "general", NudgeSettings.defaults(PARIS, Language.EN))
                    .paused("channel_not_found"));
            bot.clock.advance(Duration.ofMinutes(5));

            Reply reply = bot.first(ADMIN, "stats");

            List<Block.Checklist> lists = ConversationHarness.blocks(reply, Block.Checklist.class);
            assertThat(lists).anySatisfy(list -> {
                assertThat(list.label()).isEqualTo(msg(Language.EN, "commands.stats.unanswered"));
                assertThat(list.items())
                        .hasSize(2)
                        .anySatisfy(item -> assertThat(item).contains("pizza"));
            });
            assertThat(lists).anySatisfy(list -> {
                assertThat(list.label()).isEqualTo(msg(Language.EN, "commands.stats.unhelpful"));
                assertThat(list.items())
                        .containsExactly(msg(
                                Language.EN,
                                "commands.stats.count-item",
                                ConversationHarness.charter()
                                        .section(PHOTOS, Language.EN)
                                        .orElseThrow()
                                        .title(),
                                1));
            });
            assertThat(lists).anySatisfy(list -> {
                assertThat(list.label()).isEqualTo(msg(Language.EN, "commands.stats.paused"));
                assertThat(list.items())
                        .containsExactly(msg(
                                Language.EN,
                                "commands.stats.paused-item",
                                "#general",
                                msg(Language.EN, "nudges.paused.not-found")));
            });
            assertThat(reply.blocks().get(reply.blocks().size() - 1))
                    .isEqualTo(new Block.Context(msg(Language.EN, "stats.privacy")));
        }

        @Test
        void statisticsListNudgesThatCouldNotBeDelivered() {
            bot.channels.save(ChannelState.of(GENERAL, "general", NudgeSettings.defaults(PARIS, Language.EN)));
            long id = bot.deliveries
                    .createIfAbsent(GENERAL, bot.clock.instant().minus(Duration.ofHours(2)))
                    .orElseThrow()
                    .id();
            bot.deliveries.markFailed(id, 6, "HTTP 503 after 6 attempts");

            Reply reply = bot.first(ADMIN, "stats 7");

            assertThat(ConversationHarness.blocks(reply, Block.Checklist.class)).anySatisfy(list -> {
                assertThat(list.label()).isEqualTo(msg(Language.EN, "commands.stats.failed"));
                assertThat(list.items())
                        .containsExactly(
                                msg(Language.EN, "commands.stats.paused-item", "general", "HTTP 503 after 6 attempts"));
            });
        }

        @Test
        void onlyUnansweredQuestionsAreKeptAsText() {
            bot.command(ALICE, PHOTO_QUESTION_EN);
            bot.command(ALICE, "Can you order me a pizza?");

            assertThat(bot.unanswered.mostFrequent(
                            java.time.Instant.EPOCH, bot.clock.instant().plusSeconds(1), 10))
                    .extracting(com.charterbot.core.activity.UnansweredQuestions.Frequent::text)
                    .containsExactly("Can you order me a pizza?");
        }

        @Test
        void anAdministratorSeesThePrivateStatisticsOfTheQuestionsAsked() {
            bot.command(ALICE, PHOTO_QUESTION_EN);
            bot.command(BOB, PHOTO_QUESTION_FR);
            bot.command(BOB, "Can you order me a pizza?");
            bot.clock.advance(Duration.ofHours(1));
            Map<Tier, Long> tiers = questionsAsked().stream()
                    .collect(Collectors.groupingBy(QuestionAsked::tier, Collectors.counting()));

            Reply reply = bot.first(ADMIN, "stats");

            assertThat(reply.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
            assertThat(reply.language()).isEqualTo(Language.EN);
            assertThat(reply.blocks().get(0)).isInstanceOf(Block.Heading.class);
            assertThat(texts(reply))
                    .contains(msg(
                            Language.EN,
                            "stats.questions",
                            3,
                            tiers.getOrDefault(Tier.ANSWER, 0L).intValue(),
                            tiers.getOrDefault(Tier.SUGGEST, 0L).intValue(),
                            tiers.getOrDefault(Tier.FALLBACK, 0L).intValue()));
            assertThat(contexts(reply)).contains(msg(Language.EN, "stats.privacy"));
            assertThat(reply.fallbackText()).doesNotContain(ALICE.userId()).doesNotContain(BOB.userId());
        }

        @Test
        void viewingStatisticsIsAudited() {
            bot.command(ADMIN, "stats 7");

            assertThat(bot.audit.recent(10)).singleElement().satisfies(record -> {
                assertThat(record.who()).isEqualTo(ADMIN);
                assertThat(record.action()).isEqualTo(AdminActions.STATS_VIEW);
                assertThat(record.target()).contains("7");
            });
        }

        @Test
        void aPlatformAdministratorSeesFrenchStatisticsInTheDirectConversation() {
            bot.command(ALICE, PHOTO_QUESTION_FR);

            Reply reply = only(bot.say(BOB, DM, Message.Origin.DIRECT, "statistiques 90", true, Optional.empty()));

            assertThat(reply.delivery()).isEqualTo(Reply.Delivery.CONVERSATION);
            assertThat(reply.language()).isEqualTo(Language.FR);
            assertThat(reply.blocks().get(0)).isInstanceOf(Block.Heading.class);
            assertThat(contexts(reply)).contains(msg(Language.FR, "stats.privacy"));
        }

        @Test
        void aWorkspaceAdminSeesTheirWorkspaceAnOrgAdminTheOrganizationAndAConfiguredAdminEverything() {
            UserRef carol = new UserRef(Platform.SLACK, "T2", "U-CAROL");
            UserRef dave = new UserRef(Platform.SLACK, "T3", "U-DAVE");
            ChannelRef elsewhere = new ChannelRef(Platform.SLACK, "T2", "C-T2");
            ChannelRef farther = new ChannelRef(Platform.SLACK, "T3", "C-T3");
            bot.command(ALICE, PHOTO_QUESTION_EN);
            bot.say(carol, elsewhere, Message.Origin.COMMAND, "Can you order me a pizza?");
            bot.say(carol, elsewhere, Message.Origin.COMMAND, PHOTO_QUESTION_EN);
            bot.say(dave, farther, Message.Origin.COMMAND, PHOTO_QUESTION_EN);
            bot.channels.save(ChannelState.of(elsewhere, "t2-general", NudgeSettings.defaults(PARIS, Language.EN))
                    .paused("is_archived"));
            bot.clock.advance(Duration.ofMinutes(5));
            UserRef workspaceAdmin = new UserRef(Platform.SLACK, "T1", "U-WSADMIN");
            UserRef orgAdmin = new UserRef(Platform.SLACK, "T1", "U-ORGADMIN");

            Reply own = bot.service
                    .onMessage(new Message(
                            workspaceAdmin, GENERAL, "stats", Message.Origin.COMMAND, true, Optional.empty()))
                    .get(0);
            Reply organization = bot.service
                    .onMessage(new Message(
                            orgAdmin,
                            GENERAL,
                            "stats",
                            Message.Origin.COMMAND,
                            true,
                            Optional.empty(),
                            false,
                            java.util.Set.of("T2")))
                    .get(0);
            Reply everything = bot.first(ADMIN, "stats");

            assertThat(texts(own)).anySatisfy(text -> assertThat(text).startsWith("Questions asked: 1 ("));
            assertThat(own.fallbackText()).doesNotContain("pizza", "t2-general");
            assertThat(contexts(own)).contains(msg(Language.EN, "commands.stats.scope.workspace"));
            assertThat(texts(organization)).anySatisfy(text -> assertThat(text).startsWith("Questions asked: 3 ("));
            assertThat(organization.fallbackText()).contains("pizza", "#t2-general");
            assertThat(contexts(organization)).contains(msg(Language.EN, "commands.stats.scope.organization", 2));
            assertThat(texts(everything)).anySatisfy(text -> assertThat(text).startsWith("Questions asked: 4 ("));
            assertThat(contexts(everything)).contains(msg(Language.EN, "commands.stats.scope.everything"));
        }

        @Test
        void statisticsOfAnEmptyPeriodSaySo() {
            Reply reply = bot.first(ADMIN, "stats");

            assertThat(texts(reply)).containsExactly(msg(Language.EN, "stats.empty"));
        }

        @Test
        void questionsOlderThanThePeriodAreLeftOut() {
            bot.command(ALICE, PHOTO_QUESTION_EN);
            bot.clock.advance(Duration.ofDays(10));

            Reply reply = bot.first(ADMIN, "stats 7");

            assertThat(texts(reply)).containsExactly(msg(Language.EN, "stats.empty"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"foo", "0", "366", "-3"})
        void aBadPeriodGetsTheUsage(String period) {
            Reply reply = bot.command(ADMIN, "stats " + period);

            assertThat(texts(reply)).containsExactly(msg(Language.EN, "commands.stats.usage", period));
            assertThat(bot.audit.recent(10)).isEmpty();
        }

        @Test
        void statisticsWithActivityAddTheChartsOfTheLastTwelveWeeksWithTheirFiguresAsText() {
            bot.command(ALICE, PHOTO_QUESTION_EN);
            bot.command(BOB, "Can you order me a pizza?");
            bot.clock.advance(Duration.ofDays(8));
            bot.command(ALICE, PHOTO_QUESTION_FR);
            bot.clock.advance(Duration.ofMinutes(1));

            List<Reply> replies = bot.say(ADMIN, GENERAL, Message.Origin.COMMAND, "stats");

            assertThat(replies).hasSize(2);
            Reply charts = replies.get(1);
            assertThat(charts.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
            Block.Picture picture =
                    ConversationHarness.blocks(charts, Block.Picture.class).get(0);
            assertThat(picture.png()).isEqualTo(ConversationHarness.PICTURE);
            assertThat(picture.description()).isEqualTo(msg(Language.EN, "stats.chart.description", 12));
            assertThat(picture.fileName()).matches("charter-stats-\\d{4}-\\d{2}-\\d{2}\\.png");
            Block.Checklist weeks =
                    ConversationHarness.blocks(charts, Block.Checklist.class).get(0);
            assertThat(weeks.label()).isEqualTo(msg(Language.EN, "stats.weeks.label"));
            assertThat(weeks.items()).hasSize(12);
            assertThat(weeks.items().get(10)).contains(": 2 questions");
            assertThat(weeks.items().get(11)).contains(": 1 questions");
            assertThat(bot.drawn)
                    .singleElement()
                    .satisfies(sheet -> assertThat(sheet.charts()).hasSize(4));
            assertThat(charts.fallbackText()).doesNotContain(ALICE.userId(), BOB.userId(), "pizza");
        }

        @Test
        void noChartsWhenNothingHappenedInTwelveWeeks() {
            bot.command(ALICE, PHOTO_QUESTION_EN);
            bot.clock.advance(Duration.ofDays(7 * 13));

            List<Reply> replies = bot.say(ADMIN, GENERAL, Message.Origin.COMMAND, "stats 7");

            assertThat(replies).hasSize(1);
            assertThat(bot.drawn).isEmpty();
        }

        @Test
        void anAdministratorGetsTheWeeklyCountsAsACsvFileThatCanBeHadAgain() {
            bot.command(ALICE, PHOTO_QUESTION_EN);
            bot.command(BOB, "Can you order me a pizza?");
            bot.clock.advance(Duration.ofMillis(1_500));

            Reply reply = bot.command(ADMIN, "stats export");

            assertThat(reply.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
            Block.File file =
                    ConversationHarness.blocks(reply, Block.File.class).get(0);
            assertThat(file.mediaType()).isEqualTo("text/csv");
            assertThat(file.fileName()).endsWith(".csv");
            String csv = new String(file.content(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(csv)
                    .contains("week_start,topic,topic_title,answered,suggested,not_covered,total")
                    .contains(PHOTOS)
                    .doesNotContain("pizza", ALICE.userId(), BOB.userId());
            assertThat(file.again()).hasValueSatisfying(again -> {
                assertThat(again.actionId()).isEqualTo(ActionIds.STATS_EXPORT);
                assertThat(again.value()).isEqualTo("en~" + bot.clock.instant().getEpochSecond());
                assertThat(csv).contains(",1,0,0,1");
            });
            assertThat(bot.audit.recent(10))
                    .singleElement()
                    .satisfies(record -> assertThat(record.action()).isEqualTo(AdminActions.STATS_EXPORT));

            bot.clock.advance(Duration.ofHours(2));
            bot.command(BOB, PHOTO_QUESTION_EN);
            Reply again = only(
                    bot.click(ADMIN, ActionIds.STATS_EXPORT, file.again().get().value()));
            assertThat(ConversationHarness.blocks(again, Block.File.class)
                            .get(0)
                            .content())
                    .as("the same file, whatever happened since")
                    .isEqualTo(file.content());
        }

        @Test
        void statsExporterGivesTheFrenchExport() {
            Reply reply = bot.command(ADMIN, "stats exporter");

            assertThat(reply.language()).isEqualTo(Language.FR);
            assertThat(texts(reply)).containsExactly(msg(Language.FR, "stats.export.text", 12));
            assertThat(ConversationHarness.blocks(reply, Block.File.class))
                    .singleElement()
                    .satisfies(file -> assertThat(file.description()).startsWith("Questions par semaine"));
        }

        @Test
        void theExportIsRefusedToNonAdministratorsEvenThroughItsAction() {
            Reply asked = bot.command(ALICE, "stats export");
            Reply clicked = only(bot.click(
                    ALICE,
                    ActionIds.STATS_EXPORT,
                    Long.toString(bot.clock.instant().getEpochSecond())));

            assertThat(texts(asked)).containsExactly(msg(Language.EN, Decision.Denied.NOT_ADMIN));
            assertThat(ConversationHarness.blocks(clicked, Block.File.class)).isEmpty();
            assertThat(texts(clicked)).containsExactly(msg(Language.EN, Decision.Denied.NOT_ADMIN));
            assertThat(bot.audit.recent(10)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "soon", "-1", "99999999999999999999", "253402300800"})
        void anExportActionForAnotherTimeIsRefused(String value) {
            Reply reply = only(bot.click(ADMIN, ActionIds.STATS_EXPORT, value));

            assertThat(texts(reply)).containsExactly(msg(Language.EN, "stats.export.expired", 30));
            assertThat(bot.audit.recent(10)).isEmpty();
        }

        @Test
        void anExportAskedForMoreThanThirtyDaysAgoIsNotMadeAgain() {
            String value = Long.toString(bot.clock.instant().getEpochSecond());
            bot.clock.advance(Duration.ofDays(31));

            Reply reply = only(bot.click(ADMIN, ActionIds.STATS_EXPORT, value));

            assertThat(texts(reply)).containsExactly(msg(Language.EN, "stats.export.expired", 30));
        }

        @Test
        void aBadPeriodGetsTheFrenchUsageForStatistiques() {
            Reply reply = bot.command(ADMIN, "statistiques bientôt");

            assertThat(texts(reply)).containsExactly(msg(Language.FR, "commands.stats.usage", "bientôt"));
        }
    }

    @Nested
    class Reload {

        private final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

        private void nextReload(com.charterbot.core.charter.ReloadResult result) {
            bot.reloads.set(() -> {
                calls.incrementAndGet();
                return result;
            });
        }

        private static List<com.charterbot.core.charter.CharterProblem> problems(int count) {
            List<com.charterbot.core.charter.CharterProblem> problems = new ArrayList<>();
            for (int line = 1; line <= count; line++) {
                problems.add(new com.charterbot.core.charter.CharterProblem(
                        "en/photos.md", line, "charter.problem.missing-title", List.of()));
            }
            return problems;
        }

        /** A duplicated id and a language folder without sections, as the loader reports them. */
        private static final List<com.charterbot.core.charter.CharterProblem> FOUND = List.of(
                new com.charterbot.core.charter.CharterProblem(
                        "en/photos.md",
                        3,
                        "charter.problem.duplicate-id",
                        List.of("photos-videos", "en/photos-old.md", "2")),
                new com.charterbot.core.charter.CharterProblem("fr/", 0, "charter.problem.no-sections", List.of()));

        @Test
        void isRefusedToNonAdministratorsWithoutReadingTheFiles() {
            nextReload(new com.charterbot.core.charter.ReloadResult.Reloaded("v1", "v2", 24));

            Reply reply = bot.command(ALICE, "reload");

            assertThat(texts(reply)).containsExactly(msg(Language.EN, Decision.Denied.NOT_ADMIN));
            assertThat(calls).hasValue(0);
            assertThat(bot.audit.recent(10)).isEmpty();
        }

        @Test
        void aNewCharterIsReportedWithItsSectionsAndVersionAndAudited() {
            nextReload(new com.charterbot.core.charter.ReloadResult.Reloaded("0ld0ld", "9e1f2a", 24));

            Reply reply = bot.command(ADMIN, "reload");

            assertThat(reply.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
            assertThat(texts(reply)).containsExactly(msg(Language.EN, "commands.reload.done", 24, "9e1f2a"));
            assertThat(calls).hasValue(1);
            assertThat(bot.audit.recent(10)).singleElement().satisfies(record -> {
                assertThat(record.who()).isEqualTo(ADMIN);
                assertThat(record.action()).isEqualTo(AdminActions.CHARTER_RELOAD);
                assertThat(record.before()).isEqualTo("0ld0ld");
                assertThat(record.after()).isEqualTo("9e1f2a");
            });
        }

        @Test
        void unchangedFilesSaySoInFrenchForRecharger() {
            nextReload(new com.charterbot.core.charter.ReloadResult.Reloaded("9e1f2a", "9e1f2a", 24));

            Reply reply = bot.command(ADMIN, "recharger");

            assertThat(reply.language()).isEqualTo(Language.FR);
            assertThat(texts(reply)).containsExactly(msg(Language.FR, "commands.reload.unchanged", 24, "9e1f2a"));
        }

        @Test
        void aBrokenCharterIsReportedFileByLineAndTheVersionInUseIsNamed() {
            nextReload(new com.charterbot.core.charter.ReloadResult.Rejected("9e1f2a", FOUND));

            Reply reply = bot.command(ADMIN, "reload");

            assertThat(texts(reply)).containsExactly(msg(Language.EN, "commands.reload.rejected", 2, "9e1f2a"));
            assertThat(first(reply, Block.Checklist.class))
                    .isEqualTo(new Block.Checklist(
                            msg(Language.EN, "commands.reload.problems"),
                            List.of(
                                    "en/photos.md:3: duplicate id 'photos-videos', already used by en/photos-old.md:2",
                                    "fr/: no sections in this language")));
            assertThat(contexts(reply)).isEmpty();
            assertThat(bot.audit.recent(10)).singleElement().satisfies(record -> {
                assertThat(record.action()).isEqualTo(AdminActions.CHARTER_RELOAD);
                assertThat(record.before()).isEqualTo("9e1f2a");
                assertThat(record.after()).contains("rejected", "2");
            });
        }

        @Test
        void aBrokenCharterIsReportedInFrenchForRecharger() {
            nextReload(new com.charterbot.core.charter.ReloadResult.Rejected("9e1f2a", FOUND));

            Reply reply = bot.command(ADMIN, "recharger");

            assertThat(reply.language()).isEqualTo(Language.FR);
            assertThat(texts(reply)).containsExactly(msg(Language.FR, "commands.reload.rejected", 2, "9e1f2a"));
            assertThat(first(reply, Block.Checklist.class))
                    .isEqualTo(new Block.Checklist(
                            msg(Language.FR, "commands.reload.problems"),
                            List.of(
                                    "en/photos.md:3: identifiant « photos-videos » en double, déjà utilisé dans en/photos-old.md:2",
                                    "fr/: aucune section dans cette langue")));
        }

        @Test
        void aLongReportIsCappedAndSaysHowManyMoreThereAre() {
            nextReload(new com.charterbot.core.charter.ReloadResult.Rejected(
                    "9e1f2a", problems(AdminConversation.SHOWN_PROBLEMS + 7)));

            Reply reply = bot.command(ADMIN, "recharger");

            assertThat(first(reply, Block.Checklist.class).items())
                    .hasSize(AdminConversation.SHOWN_PROBLEMS)
                    .first()
                    .isEqualTo("en/photos.md:1: titre manquant");
            assertThat(contexts(reply)).containsExactly(msg(Language.FR, "commands.reload.more", 7));
        }

        @Test
        void theBundledCharterHasNothingToReload() {
            Reply reply = bot.direct(ADMIN, "reload");

            assertThat(reply.delivery()).isEqualTo(Reply.Delivery.CONVERSATION);
            assertThat(texts(reply)).containsExactly(msg(Language.EN, "commands.reload.bundled"));
            assertThat(bot.audit.recent(10)).isEmpty();
        }

        @Test
        void aFailingReloadIsAnsweredWithoutThrowing() {
            bot.reloads.set(() -> {
                throw new IllegalStateException("disk on fire");
            });

            Reply reply = bot.command(ADMIN, "reload");

            assertThat(texts(reply)).containsExactly(msg(Language.EN, "commands.reload.error"));
            assertThat(reply.fallbackText()).doesNotContain("disk on fire");
        }

        @Test
        void aTrustedPlatformAdministratorMayReload() {
            nextReload(new com.charterbot.core.charter.ReloadResult.Reloaded("v1", "v2", 24));

            Reply reply = only(bot.say(BOB, GENERAL, Message.Origin.COMMAND, "reload", true, Optional.empty()));

            assertThat(texts(reply)).containsExactly(msg(Language.EN, "commands.reload.done", 24, "v2"));
        }

        @Test
        void reloadInASentenceIsAQuestion() {
            nextReload(new com.charterbot.core.charter.ReloadResult.Reloaded("v1", "v2", 24));

            bot.command(ADMIN, "reload the page with my post?");

            assertThat(calls).hasValue(0);
        }
    }

    @Nested
    class PersonalQuizClicks {

        @Test
        void aWholeQuizCanBeClickedThroughAndEndsWithASummary() {
            Reply question = only(bot.click(ALICE, ActionIds.QUIZ_START, ""));
            assertThat(question.delivery()).isEqualTo(Reply.Delivery.PRIVATE);

            for (int index = 0; index < 3; index++) {
                assertThat(question.blocks().get(0))
                        .isEqualTo(new Block.Heading(msg(Language.EN, "quiz.question.heading", index + 1, 3)));
                Button option = buttons(question, ActionIds.QUIZ_ANSWER).get(0);
                String[] parts = option.value().split(":");
                assertThat(parts).hasSize(3);
                assertThat(parts[1]).isEqualTo(String.valueOf(index));
                assertThat(parts[2]).isEqualTo("0");

                List<Reply> replies = bot.click(ALICE, ActionIds.QUIZ_ANSWER, option.value());

                assertThat(replies).hasSize(2);
                assertThat(replies.get(0).delivery()).isEqualTo(Reply.Delivery.REPLACE_ORIGINAL);
                assertThat(first(replies.get(0), Block.CitedSection.class).label())
                        .isEqualTo(msg(Language.EN, "quiz.label.source"));
                assertThat(replies.get(1).delivery()).isEqualTo(Reply.Delivery.PRIVATE);
                question = replies.get(1);
            }
            assertThat(question.blocks().get(0)).isEqualTo(new Block.Heading(msg(Language.EN, "quiz.summary.heading")));
            assertThat(quizAnswers()).hasSize(3).allSatisfy(answer -> {
                assertThat(answer.participant()).isEqualTo(ALICE);
                assertThat(answer.channel()).isNull();
            });
        }

        @Test
        void aSecondClickOnTheSameAnswerDoesNothing() {
            Reply question = only(bot.click(ALICE, ActionIds.QUIZ_START, ""));
            String value = buttons(question, ActionIds.QUIZ_ANSWER).get(1).value();

            assertThat(bot.click(ALICE, ActionIds.QUIZ_ANSWER, value)).hasSize(2);
            assertThat(bot.click(ALICE, ActionIds.QUIZ_ANSWER, value)).isEmpty();
            assertThat(quizAnswers()).hasSize(1);
        }

        @Test
        void aFrenchSpeakerGetsTheQuizInFrench() {
            bot.command(ALICE, "langue fr");

            Reply question = only(bot.click(ALICE, ActionIds.QUIZ_START, ""));
            List<Reply> replies = bot.click(
                    ALICE,
                    ActionIds.QUIZ_ANSWER,
                    buttons(question, ActionIds.QUIZ_ANSWER).get(0).value());

            assertThat(question.language()).isEqualTo(Language.FR);
            assertThat(question.blocks().get(0))
                    .isEqualTo(new Block.Heading(msg(Language.FR, "quiz.question.heading", 1, 3)));
            assertThat(replies).allSatisfy(reply -> assertThat(reply.language()).isEqualTo(Language.FR));
        }

        @Test
        void thePlatformLanguageOfAClickIsUsedWhenNoneWasChosen() {
            Reply question = only(bot.service.onAction(
                    new ActionEvent(ALICE, GENERAL, ActionIds.QUIZ_START, "", false, Optional.of(Language.FR))));

            assertThat(question.language()).isEqualTo(Language.FR);
        }

        @Test
        void someoneElsesQuizCannotBeAnswered() {
            Reply question = only(bot.click(ALICE, ActionIds.QUIZ_START, ""));
            String value = buttons(question, ActionIds.QUIZ_ANSWER).get(0).value();

            Reply reply = only(bot.click(BOB, ActionIds.QUIZ_ANSWER, value));

            assertThat(texts(reply)).containsExactly(msg(Language.EN, "quiz.not-yours"));
            assertThat(quizAnswers()).isEmpty();
        }

        @Test
        void anExpiredQuizSaysSo() {
            Reply question = only(bot.click(ALICE, ActionIds.QUIZ_START, ""));
            bot.clock.advance(Duration.ofHours(1));

            Reply reply = only(bot.click(
                    ALICE,
                    ActionIds.QUIZ_ANSWER,
                    buttons(question, ActionIds.QUIZ_ANSWER).get(0).value()));

            assertThat(texts(reply)).containsExactly(msg(Language.EN, "quiz.expired"));
        }
    }

    @Nested
    class ChannelQuizClicks {

        @Test
        void twoPeopleAnswerAChannelQuizEachPrivatelyWithTheChannelMessageUpdated() {
            String quizId = postChannelQuiz(Language.EN);

            List<Reply> alice = bot.click(ALICE, ActionIds.CHANNEL_QUIZ_ANSWER, quizId + ":0");
            List<Reply> bob = bot.click(BOB, ActionIds.CHANNEL_QUIZ_ANSWER, quizId + ":1");

            for (List<Reply> replies : List.of(alice, bob)) {
                assertThat(replies)
                        .extracting(Reply::delivery)
                        .containsExactly(Reply.Delivery.PRIVATE, Reply.Delivery.REPLACE_ORIGINAL);
                assertThat(replies.get(1).blocks().get(0))
                        .isEqualTo(new Block.Heading(msg(Language.EN, "quiz.channel.heading")));
                assertThat(buttons(replies.get(0), ActionIds.QUIZ_START)).hasSize(1);
            }
            assertThat(contexts(alice.get(1)))
                    .anySatisfy(tally -> assertThat(tally).startsWith("1 "));
            assertThat(contexts(bob.get(1)))
                    .anySatisfy(tally -> assertThat(tally).startsWith("2 "));
            assertThat(quizAnswers()).extracting(QuizAnswered::participant).containsExactly(ALICE, BOB);
            assertThat(quizAnswers()).extracting(QuizAnswered::channel).containsOnly(GENERAL);
        }

        @Test
        void aSecondClickBySamePersonOnlyGetsAPrivateReminder() {
            String quizId = postChannelQuiz(Language.EN);
            bot.click(ALICE, ActionIds.CHANNEL_QUIZ_ANSWER, quizId + ":0");

            List<Reply> again = bot.click(ALICE, ActionIds.CHANNEL_QUIZ_ANSWER, quizId + ":1");

            assertThat(again).singleElement().satisfies(reply -> {
                assertThat(reply.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
                assertThat(texts(reply)).containsExactly(msg(Language.EN, "quiz.channel.already"));
            });
            assertThat(quizAnswers()).hasSize(1);
        }

        @Test
        void aFrenchSpeakerGetsFrenchFeedbackWhileTheChannelMessageKeepsItsLanguage() {
            String quizId = postChannelQuiz(Language.EN);
            bot.command(ALICE, "langue fr");

            List<Reply> replies = bot.click(ALICE, ActionIds.CHANNEL_QUIZ_ANSWER, quizId + ":0");

            assertThat(replies).extracting(Reply::language).containsExactly(Language.FR, Language.EN);
            assertThat(first(replies.get(0), Block.CitedSection.class).label())
                    .isEqualTo(msg(Language.FR, "quiz.label.source"));
        }

        @Test
        void aChannelQuizCannotBeAnsweredFromAnotherChannel() {
            String quizId = postChannelQuiz(Language.EN);

            Reply reply = only(bot.click(ALICE, RANDOM, ActionIds.CHANNEL_QUIZ_ANSWER, quizId + ":0"));

            assertThat(texts(reply)).containsExactly(msg(Language.EN, "quiz.channel.unknown"));
            assertThat(quizAnswers()).isEmpty();
        }
    }

    @Nested
    class OpenSection {

        @ParameterizedTest
        @EnumSource(Language.class)
        void aValidSectionIsShownPrivatelyWithItsTitleAndRule(Language language) {
            if (language == Language.FR) {
                bot.command(ALICE, "langue fr");
            }
            Section photos = section(PHOTOS, language);

            Reply reply = only(bot.click(ALICE, ActionIds.OPEN_SECTION, PHOTOS));

            assertThat(reply.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
            assertThat(reply.language()).isEqualTo(language);
            assertThat(reply.blocks().get(0)).isEqualTo(new Block.Heading(photos.title()));
            assertThat(texts(reply)).contains(photos.rule());
            Block.CitedSection cited = first(reply, Block.CitedSection.class);
            assertThat(cited.sectionId()).isEqualTo(PHOTOS);
            assertThat(cited.label()).isEqualTo(msg(language, "commands.section.label"));
        }

        @Test
        void everySuggestedSectionOfAnAnswerCanBeOpened() {
            Reply answer = bot.command(ALICE, PHOTO_QUESTION_EN);

            for (Button suggestion : buttons(answer, ActionIds.OPEN_SECTION)) {
                Reply opened = only(bot.click(ALICE, ActionIds.OPEN_SECTION, suggestion.value()));
                assertThat(opened.blocks().get(0))
                        .isEqualTo(new Block.Heading(
                                section(suggestion.value(), Language.EN).title()));
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"no-such-section", "", "PHOTOS-VIDEOS", "not-covered-it", " photos-videos"})
        void anUnknownOrNotCoveredSectionIsNoLongerAvailable(String sectionId) {
            assertThat(ConversationHarness.charter().section("not-covered-it", Language.EN))
                    .hasValueSatisfying(
                            entry -> assertThat(entry.isNotCovered()).isTrue());

            Reply reply = only(bot.click(ALICE, ActionIds.OPEN_SECTION, sectionId));

            assertThat(reply.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
            assertThat(texts(reply)).containsExactly(msg(Language.EN, "commands.action.unknown"));
        }

        @Test
        void anUnknownSectionIsNoLongerAvailableInFrench() {
            bot.command(ALICE, "langue fr");

            Reply reply = only(bot.click(ALICE, ActionIds.OPEN_SECTION, "not-covered-it"));

            assertThat(texts(reply)).containsExactly(msg(Language.FR, "commands.action.unknown"));
        }
    }

    @Nested
    class Feedback {

        @Test
        void helpfulFeedbackIsRecordedAndThanked() {
            bot.clock.advance(Duration.ofMinutes(2));
            String value = buttons(bot.command(ALICE, PHOTO_QUESTION_EN), ActionIds.FEEDBACK_HELPFUL)
                    .get(0)
                    .value();

            Reply reply = only(bot.click(ALICE, ActionIds.FEEDBACK_HELPFUL, value));

            assertThat(reply.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
            assertThat(texts(reply)).containsExactly(msg(Language.EN, "commands.feedback.thanks"));
            assertThat(feedbackGiven())
                    .containsExactly(new AnswerFeedback(
                            bot.clock.instant(), Language.EN, Tier.ANSWER, PHOTOS, true, "slack:T1"));
        }

        @Test
        void unhelpfulFeedbackIsRecordedAndPointsToTheCommunicationsTeam() {
            String contact = ConversationHarness.charter().settings().communicationsContact();

            Reply reply = only(bot.click(ALICE, ActionIds.FEEDBACK_NOT_HELPFUL, "ANSWER|" + PHOTOS));

            assertThat(texts(reply)).containsExactly(msg(Language.EN, "commands.feedback.sorry", contact));
            assertThat(texts(reply).get(0)).contains(contact);
            assertThat(feedbackGiven()).singleElement().satisfies(feedback -> {
                assertThat(feedback.helpful()).isFalse();
                assertThat(feedback.tier()).isEqualTo(Tier.ANSWER);
                assertThat(feedback.sectionId()).isEqualTo(PHOTOS);
            });
        }

        @Test
        void frenchFeedbackIsAnsweredInFrench() {
            bot.command(ALICE, "langue fr");
            String contact = ConversationHarness.charter().settings().communicationsContact();

            Reply thanks = only(bot.click(ALICE, ActionIds.FEEDBACK_HELPFUL, "ANSWER|" + PHOTOS));
            Reply sorry = only(bot.click(ALICE, ActionIds.FEEDBACK_NOT_HELPFUL, "FALLBACK|"));

            assertThat(texts(thanks)).containsExactly(msg(Language.FR, "commands.feedback.thanks"));
            assertThat(texts(sorry)).containsExactly(msg(Language.FR, "commands.feedback.sorry", contact));
            assertThat(feedbackGiven()).extracting(AnswerFeedback::language).containsOnly(Language.FR);
        }

        @Test
        void feedbackOnAFallbackWithoutSectionIsRecordedWithoutSection() {
            only(bot.click(ALICE, ActionIds.FEEDBACK_NOT_HELPFUL, "FALLBACK|"));

            assertThat(feedbackGiven()).singleElement().satisfies(feedback -> {
                assertThat(feedback.tier()).isEqualTo(Tier.FALLBACK);
                assertThat(feedback.sectionId()).isNull();
            });
        }

        @Test
        void feedbackNamingAnUnknownSectionIsRecordedWithoutIt() {
            Reply reply = only(bot.click(ALICE, ActionIds.FEEDBACK_HELPFUL, "ANSWER|unknown-section"));

            assertThat(texts(reply)).containsExactly(msg(Language.EN, "commands.feedback.thanks"));
            assertThat(feedbackGiven())
                    .singleElement()
                    .satisfies(feedback -> assertThat(feedback.sectionId()).isNull());
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "",
                    "NOPE|x",
                    "|photos-videos",
                    "answer|photos-videos",
                    "ANSWER",
                    "ANSWER photos-videos",
                    "||"
                })
        void malformedFeedbackNeverThrowsAndRecordsNothing(String value) {
            for (String actionId : List.of(ActionIds.FEEDBACK_HELPFUL, ActionIds.FEEDBACK_NOT_HELPFUL)) {
                assertThatCode(() -> bot.click(ALICE, actionId, value)).doesNotThrowAnyException();
                Reply reply = only(bot.click(ALICE, actionId, value));
                assertThat(texts(reply)).containsExactly(msg(Language.EN, "commands.action.unknown"));
            }
            assertThat(feedbackGiven()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {"ANSWER|unknown-section", "SUGGEST|a|b", "FALLBACK|no-" + PHOTOS + "|x", "ANSWER|\u0000"})
        void oddButWellTieredFeedbackNeverThrows(String value) {
            assertThatCode(() -> bot.click(ALICE, ActionIds.FEEDBACK_NOT_HELPFUL, value))
                    .doesNotThrowAnyException();
            assertThat(feedbackGiven())
                    .singleElement()
                    .satisfies(feedback -> assertThat(feedback.sectionId()).isNull());
        }
    }

    @Nested
    class OtherActions {

        @Test
        void anotherTipIsAPrivateTip() {
            Reply reply = only(bot.click(ALICE, ActionIds.TIP_NEXT, ""));

            assertThat(reply.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
            assertThat(reply.blocks().get(0)).isEqualTo(new Block.Heading(msg(Language.EN, "tip.heading")));
            assertThat(buttons(reply, ActionIds.TIP_NEXT)).hasSize(1);
        }

        @Test
        void anotherTipForAFrenchSpeakerIsInFrench() {
            bot.command(ALICE, "langue fr");

            Reply reply = only(bot.click(ALICE, ActionIds.TIP_NEXT, "ignored"));

            assertThat(reply.blocks().get(0)).isEqualTo(new Block.Heading(msg(Language.FR, "tip.heading")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "charter.unknown", "CHARTER.TIP.NEXT", "charter.quiz.start "})
        void anUnknownActionSaysTheButtonIsNoLongerAvailable(String actionId) {
            Reply reply = only(bot.click(ALICE, actionId, "whatever"));

            assertThat(reply.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
            assertThat(texts(reply)).containsExactly(msg(Language.EN, "commands.action.unknown"));
        }

        @Test
        void anUnknownActionIsExplainedInThePlatformLanguage() {
            Reply reply = only(bot.service.onAction(
                    new ActionEvent(ALICE, GENERAL, "charter.gone", "", false, Optional.of(Language.FR))));

            assertThat(texts(reply)).containsExactly(msg(Language.FR, "commands.action.unknown"));
        }
    }

    // ----- helpers -----

    /** Starts a quiz by the button and answers each question with its first option; returns the session id. */
    private static String answerWholeQuiz(ConversationHarness harness, UserRef user) {
        Reply question = only(harness.click(user, ActionIds.QUIZ_START, ""));
        String session = buttons(question, ActionIds.QUIZ_ANSWER).get(0).value().split(":")[0];
        List<Reply> replies = new ArrayList<>();
        for (int index = 0; index < 3; index++) {
            replies = harness.click(
                    user,
                    ActionIds.QUIZ_ANSWER,
                    buttons(question, ActionIds.QUIZ_ANSWER).get(0).value());
            question = replies.get(replies.size() - 1);
        }
        assertThat(question.blocks().get(0))
                .isEqualTo(new Block.Heading(msg(question.language(), "quiz.summary.heading")));
        return session;
    }

    /** The question ids of the quiz session whose first question this is. */
    private static List<String> questionIds(ConversationHarness harness, Reply firstQuestion) {
        String session =
                buttons(firstQuestion, ActionIds.QUIZ_ANSWER).get(0).value().split(":")[0];
        return harness.sessions.find(session).orElseThrow().questionIds();
    }

    /** Posts a channel quiz in #general and returns its id, read from its answer buttons. */
    private String postChannelQuiz(Language language) {
        Reply posted = bot.quiz.post(GENERAL, language).orElseThrow();
        List<Button> options = buttons(posted, ActionIds.CHANNEL_QUIZ_ANSWER);
        assertThat(options).hasSizeGreaterThanOrEqualTo(2);
        String id = options.get(0).value().split(":")[0];
        assertThat(options)
                .extracting(Button::value)
                .allSatisfy(value -> assertThat(value).startsWith(id + ":"));
        return id;
    }
}
