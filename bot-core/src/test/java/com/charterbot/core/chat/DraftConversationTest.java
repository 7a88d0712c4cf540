package com.charterbot.core.chat;

import static com.charterbot.core.chat.ConversationHarness.ALICE;
import static com.charterbot.core.chat.ConversationHarness.DM;
import static com.charterbot.core.chat.ConversationHarness.GENERAL;
import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.i18n.Messages;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.text.UserText;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Message;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code check <draft>} and the message shortcut or action, as people use them. */
class DraftConversationTest {

    private final ConversationHarness harness = new ConversationHarness();

    private static <T extends Block> List<T> blocks(Reply reply, Class<T> type) {
        return reply.blocks().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static String msg(Language language, String key, Object... arguments) {
        return Messages.get(language, key, arguments);
    }

    @Test
    void aSlashCommandCheckIsAnsweredPrivatelyWithTheFindingsTheirWordsAndTheirSections() {
        Reply reply = harness.command(ALICE, "check Sneak peek of next spring's range! Call Marc on 06 71 22 33 44");

        assertThat(reply.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
        assertThat(reply.language()).isEqualTo(Language.EN);
        assertThat(reply.blocks().get(0)).isEqualTo(new Block.Heading(msg(Language.EN, "check.heading.stop")));
        assertThat(blocks(reply, Block.Quoted.class))
                .extracting(Block.Quoted::quotes)
                .anyMatch(quotes -> quotes.contains("\u201CSneak peek\u201D"))
                .anyMatch(quotes -> quotes.contains("\u201C06 71 22 33 44\u201D"));
        assertThat(blocks(reply, Block.CitedSection.class))
                .extracting(Block.CitedSection::sectionId)
                .contains("confidential-information", "colleagues-privacy");
        assertThat(blocks(reply, Block.Checklist.class)).isEmpty();
        assertThat(reply.fallbackText()).contains(msg(Language.EN, "check.private"));
    }

    @Test
    void aStopLearnedFromTheExamplePostsSaysTheDraftReadsLikeRiskyPostsRatherThanQuotingASignal() {
        Reply learned = harness.command(
                ALICE, "check Heard from my manager that half the night shift will be let go after the holidays, shhh");
        Reply signalled = harness.command(ALICE, "check Sneak peek of next spring's range!");

        assertThat(learned.blocks().get(0)).isEqualTo(new Block.Heading(msg(Language.EN, "check.heading.stop")));
        // A signal cautions about "shhh"; what the examples taught raises that section to STOP.
        assertThat(blocks(learned, Block.Quoted.class)).singleElement().satisfies(quoted -> {
            assertThat(quoted.label()).isEqualTo(msg(Language.EN, "check.finding.learned"));
            assertThat(quoted.quotes()).contains("\u201Cshhh\u201D").hasSizeGreaterThan(1);
        });
        assertThat(blocks(signalled, Block.Quoted.class))
                .extracting(Block.Quoted::label)
                .containsOnly(msg(Language.EN, "check.finding.words"));
    }

    @Test
    void aDraftWithNothingToChangeSaysSoAndStillListsTheChecksThatAlwaysApply() {
        Reply reply = harness.command(ALICE, "check Finished my first marathon, 4h12, sore legs, happy heart.");

        assertThat(reply.blocks().get(0)).isEqualTo(new Block.Heading(msg(Language.EN, "check.heading.clear")));
        assertThat(reply.blocks()).contains(new Block.Text(msg(Language.EN, "check.summary.nothing")));
        Block.Checklist always = blocks(reply, Block.Checklist.class).get(0);
        assertThat(always.label()).isEqualTo(msg(Language.EN, "check.always.label"));
        assertThat(always.items()).hasSize(3).anyMatch(item -> item.endsWith("(Photos and videos at work)"));
    }

    @Test
    void theFrenchWordAnswersInFrenchAndADirectMessageStaysInTheConversation() {
        Reply reply = only(
                harness.say(ALICE, DM, Message.Origin.DIRECT, "vérifier : Voici le PV confidentiel du CSE d'hier"));

        assertThat(reply.delivery()).isEqualTo(Reply.Delivery.CONVERSATION);
        assertThat(reply.language()).isEqualTo(Language.FR);
        assertThat(reply.blocks().get(0)).isEqualTo(new Block.Heading(msg(Language.FR, "check.heading.stop")));
        assertThat(blocks(reply, Block.Quoted.class).get(0).quotes())
                .allMatch(quote -> quote.startsWith("\u00AB\u00A0"));
        assertThat(blocks(reply, Block.CitedSection.class))
                .extracting(Block.CitedSection::title)
                .contains("Informations confidentielles");
    }

    @Test
    void aMentionInAChannelIsAnsweredPrivately() {
        Reply reply = only(harness.say(
                ALICE, GENERAL, Message.Origin.MENTION, "check: we at Acme officially confirm the new plant"));

        assertThat(reply.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
        assertThat(blocks(reply, Block.CitedSection.class))
                .extracting(Block.CitedSection::sectionId)
                .contains("speaking-for-company");
    }

    @Test
    void aQuestionAfterTheWordIsAnsweredLikeAnyQuestionNotCheckedAsADraft() {
        Reply photo = only(harness.say(ALICE, DM, Message.Origin.DIRECT, "check: can I post a photo of the canteen?"));
        Reply offer =
                only(harness.say(ALICE, DM, Message.Origin.DIRECT, "vérifier si je peux partager une offre d'emploi"));
        Reply draft = only(
                harness.say(ALICE, DM, Message.Origin.DIRECT, "check: If you're looking for a job, we're hiring!"));

        // Answers end with the helpful / not helpful buttons; a draft's report never has them.
        assertThat(answered(photo)).isTrue();
        assertThat(answered(offer)).isTrue();
        assertThat(offer.language()).isEqualTo(Language.FR);
        assertThat(offer.blocks()).doesNotContain(new Block.Heading(msg(Language.FR, "check.heading.clear")));
        assertThat(answered(draft)).isFalse();
        assertThat(draft.blocks().get(0)).isEqualTo(new Block.Heading(msg(Language.EN, "check.heading.clear")));
    }

    private static boolean answered(Reply reply) {
        return blocks(reply, Block.Buttons.class).stream()
                .flatMap(buttons -> buttons.buttons().stream())
                .anyMatch(button -> button.actionId().equals("charter.feedback.helpful"));
    }

    @Test
    void theWordAloneExplainsHowToUseIt() {
        Reply reply = harness.command(ALICE, "vérifier");

        assertThat(reply.blocks()).containsExactly(new Block.Text(msg(Language.FR, "check.usage")));
    }

    @Test
    void aShortcutChecksTheWholeMessageInTheLanguageItWasAskedIn() {
        Message shortcut = new Message(
                ALICE,
                GENERAL,
                "Our new product drops in two weeks!!! <@U123> https://intranet.example.com/plan",
                Message.Origin.COMMAND,
                false,
                Optional.of(Language.FR),
                true);

        Reply reply = only(harness.service.onDraft(shortcut));

        assertThat(reply.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
        assertThat(reply.language()).isEqualTo(Language.FR);
        assertThat(blocks(reply, Block.CitedSection.class))
                .extracting(Block.CitedSection::sectionId)
                .contains("confidential-information", "internal-networks", "photos-videos");
    }

    @Test
    void aChosenLanguageWinsOverTheCommandWord() {
        harness.say(ALICE, DM, Message.Origin.DIRECT, "langue fr");

        Reply reply = harness.command(ALICE, "check Proud of the team");

        assertThat(reply.language()).isEqualTo(Language.FR);
    }

    @Test
    void aDraftOfTheMaximumLengthIsCheckedAndSaysItWasCut() {
        Reply reply = harness.command(ALICE, "check " + "A sunny day at the lake. ".repeat(UserText.MAX_CHARS / 20));

        assertThat(blocks(reply, Block.Context.class))
                .extracting(Block.Context::text)
                .contains(msg(Language.EN, "check.truncated", UserText.MAX_CHARS));
    }

    @Test
    void onlyEmojiGetsAClearSentenceNotAnError() {
        Reply reply = harness.command(ALICE, "check 🔥🔥🚀");

        assertThat(reply.blocks()).contains(new Block.Text(msg(Language.EN, "check.wordless")));
    }

    @Test
    void codeBlocksMarkupAndAPastedSlackMessageGetAnAnswer() {
        for (String draft : List.of(
                "```\nint x = 1; // sneak peek\n```",
                "*bold* _it_ <b>html</b> [link](https://intranet.example.com)",
                "<!channel> <@U0123ABC> said: <https://intranet.example.com/plan|the plan> &lt;3",
                "Bonjour team, the new range launches next " + "month, ne partagez pas !")) {
            Reply reply = harness.command(ALICE, "check " + draft);

            assertThat(reply.blocks().get(0)).as(draft).isInstanceOf(Block.Heading.class);
            assertThat(reply.fallbackText()).as(draft).contains(msg(reply.language(), "check.private"));
        }
    }

    @Test
    void manyFindingsShowTheFirstFewAndNameTheOthers() {
        Reply reply = harness.command(
                ALICE,
                "check Sneak peek before the announcement! Share price will jump, trust me, Q3 numbers are going "
                        + "to surprise. Karen was fired, she's in hospital. We at Acme officially confirm it. You're lying, idiot. "
                        + "Off the record for @journo: screenshot of our Slack https://intranet.example.com/x [photo of the prototype at the plant]");

        assertThat(blocks(reply, Block.CitedSection.class)).hasSize(DraftReplies.SHOWN);
        assertThat(blocks(reply, Block.Context.class))
                .anyMatch(context -> context.text().startsWith(msg(Language.EN, "check.more", "")));
    }

    private static Reply only(List<Reply> replies) {
        assertThat(replies).hasSize(1);
        return replies.get(0);
    }
}
