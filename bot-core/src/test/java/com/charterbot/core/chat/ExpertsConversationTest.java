package com.charterbot.core.chat;

import static com.charterbot.core.chat.ConversationHarness.ADMIN;
import static com.charterbot.core.chat.ConversationHarness.ALICE;
import static com.charterbot.core.chat.ConversationHarness.BOB;
import static com.charterbot.core.chat.ConversationHarness.GENERAL;
import static com.charterbot.core.chat.ConversationHarness.blocks;
import static com.charterbot.core.chat.ConversationHarness.buttons;
import static com.charterbot.core.chat.ConversationHarness.first;
import static com.charterbot.core.chat.ConversationHarness.only;
import static com.charterbot.core.chat.ConversationHarness.taggedButtons;
import static com.charterbot.core.chat.ConversationHarness.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.admin.AdminActions;
import com.charterbot.core.experts.ExpertQuestion;
import com.charterbot.core.experts.ExpertsDesk;
import com.charterbot.core.i18n.Messages;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Button;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Message;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExpertsConversationTest {

    static final String OFF_TOPIC = "what is the best recipe for a chocolate cake?";
    static final String OFF_TOPIC_FR = "quelle est la meilleure recette de gâteau au chocolat ?";
    static final ChannelRef EXPERTS = new ChannelRef(Platform.SLACK, "T1", "C-EXPERTS");

    private static <T> T one(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private final ConversationHarness bot = new ConversationHarness();

    @BeforeEach
    void expertsChannel() {
        Reply set = only(bot.say(ADMIN, EXPERTS, Message.Origin.MENTION, "experts channel here"));
        assertThat(texts(set)).containsExactly(Messages.get(Language.EN, "experts.channel.set"));
    }

    /** The offer's tagged button, as the adapters get it, from a fallback answer. */
    private Button offer(UserRef asker, String question) {
        Reply answer = only(bot.say(asker, GENERAL, Message.Origin.COMMAND, question));
        return taggedButtons(answer).stream()
                .filter(b -> b.actionId().equals(ActionIds.EXPERTS_OFFER))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no offer in " + answer));
    }

    /** Alice asks off-topic, sees the confirmation and sends; the question's id. */
    private String sent(String question) {
        Button offer = offer(ALICE, question);
        Reply confirmation = only(bot.click(ALICE, offer.actionId(), offer.value()));
        Button send = taggedButtons(confirmation).stream()
                .filter(b -> b.actionId().equals(ActionIds.EXPERTS_SEND))
                .findFirst()
                .orElseThrow();
        Reply done = only(bot.submit(ALICE, GENERAL, "Alice Martin", send.actionId(), send.value(), Map.of()));
        assertThat(done.delivery()).isEqualTo(Reply.Delivery.REPLACE_ORIGINAL);
        return bot.expertQuestions
                .askedBetween(Instant.EPOCH, Instant.MAX)
                .get(0)
                .id();
    }

    @Test
    void aFallbackOffersToAskTheTeamAndNothingIsSentBeforeTheConfirmation() {
        Button offer = offer(ALICE, OFF_TOPIC);
        assertThat(offer.label()).isEqualTo("Ask the communications team");

        Reply confirmation = only(bot.click(ALICE, offer.actionId(), offer.value()));

        assertThat(confirmation.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
        assertThat(first(confirmation, Block.Quoted.class).quotes()).containsExactly("“" + OFF_TOPIC + "”");
        assertThat(buttons(confirmation))
                .extracting(Button::actionId)
                .containsExactly(ActionIds.EXPERTS_SEND, ActionIds.EXPERTS_CANCEL);
        assertThat(bot.expertQuestions.askedBetween(Instant.EPOCH, Instant.MAX)).isEmpty();
        assertThat(bot.expertsMessenger.sent).isEmpty();

        Reply cancelled = only(bot.click(ALICE, ActionIds.EXPERTS_CANCEL, "en~"));
        assertThat(cancelled.delivery()).isEqualTo(Reply.Delivery.REPLACE_ORIGINAL);
        assertThat(bot.expertsMessenger.sent).isEmpty();
    }

    @Test
    void noOfferWithoutAnExpertsChannel() {
        Reply answer = only(bot.say(
                new UserRef(Platform.TEAMS, "tenant-1", "aad-1"),
                new ChannelRef(Platform.TEAMS, "tenant-1", "19:x"),
                Message.Origin.MENTION,
                OFF_TOPIC));
        assertThat(buttons(answer, ActionIds.EXPERTS_OFFER)).isEmpty();
    }

    @Test
    void theCardShowsTheQuestionTheAskerAndTheExpertsButtons() {
        sent(OFF_TOPIC);

        RecordingExpertsMessenger.Sent card = one(bot.expertsMessenger.of("post"));
        assertThat(card.to()).isEqualTo(EXPERTS.key());
        assertThat(first(card.reply(), Block.Quoted.class).quotes()).containsExactly("“" + OFF_TOPIC + "”");
        Block.Person asker = first(card.reply(), Block.Person.class);
        assertThat(asker.userId()).isEqualTo(ALICE.userId());
        assertThat(asker.name()).isEqualTo("Alice Martin");
        assertThat(buttons(card.reply()))
                .extracting(Button::actionId)
                .containsExactly(ActionIds.EXPERT_ANSWER, ActionIds.EXPERT_SECTION, ActionIds.EXPERT_DECLINE);
        assertThat(bot.expertQuestions
                        .askedBetween(Instant.EPOCH, Instant.MAX)
                        .get(0)
                        .cardId())
                .isEqualTo(card.cardId());
    }

    @Test
    void anExpertsAnswerReachesTheAskerPrivatelyInTheirLanguageAndTheCardSaysWhoAnswered() {
        Button offer = offer(ALICE, OFF_TOPIC_FR);
        Reply confirmation = only(bot.click(ALICE, offer.actionId(), offer.value()));
        assertThat(confirmation.language()).isEqualTo(Language.FR);
        Button send = taggedButtons(confirmation).stream()
                .filter(b -> b.actionId().equals(ActionIds.EXPERTS_SEND))
                .findFirst()
                .orElseThrow();
        bot.submit(ALICE, GENERAL, "Alice", send.actionId(), send.value(), Map.of());
        String id = bot.expertQuestions
                .askedBetween(Instant.EPOCH, Instant.MAX)
                .get(0)
                .id();

        Reply form = only(bot.click(BOB, EXPERTS, ActionIds.EXPERT_ANSWER, "en~" + id));
        Block.Form answerForm = one(form.blocks().stream()
                .filter(Block.Form.class::isInstance)
                .map(Block.Form.class::cast)
                .toList());
        assertThat(answerForm.fields())
                .extracting(Block.Form.Field::id)
                .containsExactly(ExpertsDesk.ANSWER, ExpertsDesk.SECTION);
        bot.clock.advance(Duration.ofHours(3));

        Reply done = only(bot.submit(
                BOB,
                EXPERTS,
                "Bob Expert",
                answerForm.submit().actionId(),
                answerForm.submit().value(),
                Map.of(
                        ExpertsDesk.ANSWER,
                        "Non, <!channel> ce n'est pas notre sujet.",
                        ExpertsDesk.SECTION,
                        "photos-videos")));

        assertThat(texts(done)).containsExactly(Messages.get(Language.EN, "experts.reply.sent"));
        RecordingExpertsMessenger.Sent told = one(bot.expertsMessenger.of("tell"));
        assertThat(told.to()).isEqualTo(ALICE.key());
        assertThat(told.reply().language()).isEqualTo(Language.FR);
        assertThat(texts(told.reply())).contains("Non, <!channel> ce n'est pas notre sujet.");
        assertThat(first(told.reply(), Block.CitedSection.class).sectionId()).isEqualTo("photos-videos");
        assertThat(told.reply().fallbackText()).contains("Bob Expert");
        RecordingExpertsMessenger.Sent updated = one(bot.expertsMessenger.of("update"));
        assertThat(updated.reply().fallbackText()).contains("Answered by Bob Expert");
        assertThat(buttons(updated.reply())).isEmpty();

        ExpertQuestion closed = bot.expertQuestions.find(id).orElseThrow();
        assertThat(closed.status()).isEqualTo(ExpertQuestion.Status.ANSWERED);
        assertThat(closed.text()).isNull();
        assertThat(closed.asker()).isNull();
    }

    @Test
    void aSecondExpertCannotAnswerTheSameQuestion() {
        String id = sent(OFF_TOPIC);
        bot.submit(
                BOB, EXPERTS, "Bob", ActionIds.EXPERT_ANSWER_SUBMIT, "en~" + id, Map.of(ExpertsDesk.ANSWER, "First."));

        Reply second = only(bot.submit(
                ADMIN,
                EXPERTS,
                "Carol",
                ActionIds.EXPERT_ANSWER_SUBMIT,
                "en~" + id,
                Map.of(ExpertsDesk.ANSWER, "Second.")));
        Reply reopened = only(bot.click(ADMIN, EXPERTS, ActionIds.EXPERT_ANSWER, "en~" + id));

        assertThat(texts(second).get(0)).startsWith("Bob already answered");
        assertThat(blocks(reopened, Block.Form.class)).isEmpty();
        assertThat(bot.expertsMessenger.of("tell")).hasSize(1);
    }

    @Test
    void aNotForUsReasonGoesBackToTheAsker() {
        String id = sent(OFF_TOPIC);

        bot.submit(
                BOB,
                EXPERTS,
                "Bob",
                ActionIds.EXPERT_DECLINE_SUBMIT,
                "en~" + id,
                Map.of(ExpertsDesk.REASON, "Ask HR: hr@example.com"));

        Reply told = one(bot.expertsMessenger.of("tell")).reply();
        assertThat(texts(told)).contains("Ask HR: hr@example.com");
        assertThat(bot.expertQuestions.find(id).orElseThrow().status()).isEqualTo(ExpertQuestion.Status.DECLINED);
    }

    @Test
    void aSectionFromTheListAnswersWithTheSectionsRule() {
        String id = sent(OFF_TOPIC);

        Reply bad = only(bot.submit(
                BOB,
                EXPERTS,
                "Bob",
                ActionIds.EXPERT_SECTION_SUBMIT,
                "en~" + id,
                Map.of(ExpertsDesk.SECTION, "no-such")));
        assertThat(texts(bad)).containsExactly(Messages.get(Language.EN, "experts.reply.no-section"));
        bot.submit(
                BOB,
                EXPERTS,
                "Bob",
                ActionIds.EXPERT_SECTION_SUBMIT,
                "en~" + id,
                Map.of(ExpertsDesk.SECTION, "photos-videos"));

        Reply told = one(bot.expertsMessenger.of("tell")).reply();
        assertThat(first(told, Block.CitedSection.class).sectionId()).isEqualTo("photos-videos");
        assertThat(texts(told))
                .contains(ConversationHarness.charter()
                        .section("photos-videos", Language.EN)
                        .orElseThrow()
                        .rule());
    }

    @Test
    void anAnswerOfTenThousandCharactersIsRefusedAndTheQuestionStaysOpen() {
        String id = sent(OFF_TOPIC);

        Reply refused = only(bot.submit(
                BOB,
                EXPERTS,
                "Bob",
                ActionIds.EXPERT_ANSWER_SUBMIT,
                "en~" + id,
                Map.of(ExpertsDesk.ANSWER, "x".repeat(10_000))));

        assertThat(texts(refused).get(0)).contains("10,000").contains("3,000");
        assertThat(bot.expertQuestions.find(id).orElseThrow().open()).isTrue();
        assertThat(bot.expertsMessenger.of("tell")).isEmpty();
    }

    @Test
    void anAnswerThatCannotBeDeliveredLeavesTheQuestionOpen() {
        String id = sent(OFF_TOPIC);
        bot.expertsMessenger.askerReachable = false;

        Reply reply = only(bot.submit(
                BOB, EXPERTS, "Bob", ActionIds.EXPERT_ANSWER_SUBMIT, "en~" + id, Map.of(ExpertsDesk.ANSWER, "Yes.")));

        assertThat(texts(reply)).containsExactly(Messages.get(Language.EN, "experts.reply.undelivered"));
        ExpertQuestion question = bot.expertQuestions.find(id).orElseThrow();
        assertThat(question.open()).isTrue();
        assertThat(question.text()).isEqualTo(OFF_TOPIC);
    }

    @Test
    void aChannelTheBotWasRemovedFromKeepsTheQuestionOpenAndTellsTheAsker() {
        bot.expertsMessenger.channelReachable = false;
        Button offer = offer(ALICE, OFF_TOPIC);
        Reply confirmation = only(bot.click(ALICE, offer.actionId(), offer.value()));
        Button send = taggedButtons(confirmation).stream()
                .filter(b -> b.actionId().equals(ActionIds.EXPERTS_SEND))
                .findFirst()
                .orElseThrow();

        Reply reply = only(bot.click(ALICE, send.actionId(), send.value()));

        assertThat(texts(reply).get(0)).startsWith("I could not post your question");
        List<ExpertQuestion> kept = bot.expertQuestions.askedBetween(Instant.EPOCH, Instant.MAX);
        assertThat(kept).singleElement().satisfies(q -> assertThat(q.open()).isTrue());
        bot.clock.advance(Duration.ofMinutes(1));
        Reply stats = bot.first(ADMIN, "stats");
        assertThat(stats.fallbackText()).contains("1 open, 0 answered");
    }

    @Test
    void forgetMeErasesOpenQuestionsAndAnExpertsClickThenSaysWhy() {
        String id = sent(OFF_TOPIC);

        bot.direct(ALICE, "forget me");
        Reply reply = only(bot.submit(
                BOB, EXPERTS, "Bob", ActionIds.EXPERT_ANSWER_SUBMIT, "en~" + id, Map.of(ExpertsDesk.ANSWER, "Yes.")));

        ExpertQuestion erased = bot.expertQuestions.find(id).orElseThrow();
        assertThat(erased.status()).isEqualTo(ExpertQuestion.Status.FORGOTTEN);
        assertThat(erased.text()).isNull();
        assertThat(erased.asker()).isNull();
        assertThat(texts(reply)).containsExactly(Messages.get(Language.EN, "experts.closed.forgotten"));
        assertThat(bot.expertsMessenger.of("tell")).isEmpty();
    }

    @Test
    void notHelpfulOffersToAskTheTeamWithTheQuestion() {
        Reply answer = only(bot.say(ALICE, GENERAL, Message.Origin.COMMAND, "can I post this photo?"));
        Button notHelpful = taggedButtons(answer).stream()
                .filter(b -> b.actionId().equals(ActionIds.FEEDBACK_NOT_HELPFUL))
                .findFirst()
                .orElseThrow();
        assertThat(buttons(answer, ActionIds.EXPERTS_OFFER)).isEmpty();

        Reply sorry = only(bot.click(ALICE, notHelpful.actionId(), notHelpful.value()));

        Button offer = one(buttons(sorry, ActionIds.EXPERTS_OFFER));
        assertThat(offer.value()).endsWith("|can I post this photo?");
        assertThat(bot.activity.feedback(Instant.EPOCH, Instant.MAX))
                .singleElement()
                .satisfies(f -> assertThat(f.sectionId()).isEqualTo("photos-videos"));
    }

    @Test
    void statsShowOpenAnsweredAndTheMedianTime() {
        String first = sent(OFF_TOPIC);
        bot.clock.advance(Duration.ofHours(2));
        bot.submit(
                BOB, EXPERTS, "Bob", ActionIds.EXPERT_ANSWER_SUBMIT, "en~" + first, Map.of(ExpertsDesk.ANSWER, "Yes."));
        sent("how do I bake bread at home?");
        bot.clock.advance(Duration.ofMinutes(1));

        Reply stats = bot.first(ADMIN, "stats");

        assertThat(stats.fallbackText())
                .contains("1 open, 1 answered, 0 not for the team")
                .contains("median time to answer: 2 h 00");
    }

    @Test
    void onlyAnAdministratorSetsTheChannelAndItIsAudited() {
        Reply denied = only(bot.say(BOB, GENERAL, Message.Origin.MENTION, "experts channel here"));

        assertThat(bot.expertsChannels.find(Platform.SLACK, "T1")).contains(EXPERTS);
        assertThat(texts(denied).get(0)).isNotEqualTo(Messages.get(Language.EN, "experts.channel.set"));
        assertThat(bot.audit.recent(100))
                .anySatisfy(r -> assertThat(r.action()).isEqualTo(AdminActions.EXPERTS_CHANNEL));
        Reply direct = bot.direct(ADMIN, "experts ici");
        assertThat(texts(direct)).containsExactly(Messages.get(Language.FR, "experts.channel.direct"));
    }

    @Test
    void onlyOneReminderForAQuestionOpenTooLong() {
        sent(OFF_TOPIC);
        bot.clock.advance(Duration.ofDays(3));

        assertThat(bot.experts.remind()).isEqualTo(1);
        assertThat(bot.experts.remind()).isZero();
        assertThat(bot.expertsMessenger.of("post")).hasSize(2);
    }
}
