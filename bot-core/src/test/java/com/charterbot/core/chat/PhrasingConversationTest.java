package com.charterbot.core.chat;

import static com.charterbot.core.chat.ConversationHarness.ADMIN;
import static com.charterbot.core.chat.ConversationHarness.ALICE;
import static com.charterbot.core.chat.ConversationHarness.GENERAL;
import static com.charterbot.core.chat.ConversationHarness.buttons;
import static com.charterbot.core.chat.ConversationHarness.only;
import static com.charterbot.core.chat.ConversationHarness.taggedButtons;
import static com.charterbot.core.chat.ConversationHarness.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.admin.AdminActions;
import com.charterbot.core.answer.Answer;
import com.charterbot.core.answer.Question;
import com.charterbot.core.answer.Tier;
import com.charterbot.core.eval.EvalQuestion;
import com.charterbot.core.eval.EvalSet;
import com.charterbot.core.i18n.Messages;
import com.charterbot.core.phrasing.Candidate;
import com.charterbot.core.phrasing.PhrasingReview;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Button;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ActionEvent;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Message;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PhrasingConversationTest {

    private final ConversationHarness bot = new ConversationHarness(ConversationHarness.SEED, true);

    /** A real-world question the bundled charter answers with "did you mean", offering one of its expected sections. */
    private static EvalQuestion didYouMean(ConversationHarness bot) throws IOException {
        try (InputStream in = PhrasingConversationTest.class.getResourceAsStream("/eval/realworld-dev.yaml")) {
            for (EvalQuestion q : EvalSet.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
                Answer answer = bot.engine.answer(new Question(q.text(), Optional.empty()));
                if (answer.tier() == Tier.SUGGEST
                        && answer.suggestions().stream()
                                .anyMatch(s -> q.expected().contains(s.sectionId()))
                        && q.text().length() < Candidate.MAX_TEXT) {
                    return q;
                }
            }
        }
        throw new AssertionError("no did-you-mean question in the dev set");
    }

    @Test
    void aDidYouMeanChoiceBecomesACandidateAndAnApprovalAddsItToTheCharterInUse() throws IOException {
        EvalQuestion q = didYouMean(bot);
        Reply answer = only(bot.say(ALICE, GENERAL, Message.Origin.COMMAND, q.text()));
        Button chosen = taggedButtons(answer).stream()
                .filter(b -> b.actionId().equals(ActionIds.OPEN_SECTION)
                        && q.expected().stream().anyMatch(id -> b.value().contains("~" + id + "|")))
                .findFirst()
                .orElseThrow();
        String sectionId = chosen.value().substring(3, chosen.value().indexOf('|'));

        Reply section = only(bot.click(ALICE, chosen.actionId(), chosen.value()));

        assertThat(section.blocks().get(0)).isInstanceOf(Block.Heading.class);
        Candidate candidate = bot.candidates.pending(10).get(0);
        assertThat(bot.candidates.pending(10)).hasSize(1);
        assertThat(candidate.text()).isEqualTo(q.text().strip().replaceAll("\\s+", " "));
        assertThat(candidate.sectionId()).isEqualTo(sectionId);
        assertThat(candidate.count()).isEqualTo(1);

        Reply denied = only(bot.say(ALICE, GENERAL, Message.Origin.COMMAND, "phrasings"));
        assertThat(buttons(denied)).isEmpty();
        Reply review = only(bot.say(ADMIN, GENERAL, Message.Origin.COMMAND, "formulations"));
        assertThat(review.language()).isEqualTo(Language.FR);
        assertThat(review.blocks().get(0)).isEqualTo(new Block.Heading("Formulations suggérées"));
        Button approve = buttons(review).stream()
                .filter(b -> b.actionId().equals(ActionIds.PHRASING_APPROVE))
                .findFirst()
                .orElseThrow();
        String before = bot.engine.charter().version();
        assertThat(only(bot.click(ALICE, approve.actionId(), approve.value())).fallbackText())
                .as("only administrators decide")
                .doesNotContain("Approved");

        List<Reply> decided = bot.service.onAction(
                new ActionEvent(ADMIN, GENERAL, approve.actionId(), "en~" + approve.value(), false, Optional.empty()));

        assertThat(texts(decided.get(0)).get(0)).startsWith("Approved:");
        assertThat(decided.get(1).delivery()).isEqualTo(Reply.Delivery.REPLACE_ORIGINAL);
        assertThat(texts(decided.get(1))).contains(Messages.get(Language.EN, "phrasings.none"));
        assertThat(bot.engine.charter().version()).isNotEqualTo(before).startsWith(before + "+p1-");
        assertThat(bot.engine
                        .charter()
                        .section(sectionId, candidate.language())
                        .orElseThrow()
                        .questions())
                .contains(candidate.text());
        assertThat(bot.audit.recent(10)).anySatisfy(r -> {
            assertThat(r.action()).isEqualTo(AdminActions.PHRASING_APPROVE);
            assertThat(r.target()).isEqualTo(candidate.language().tag() + ":" + sectionId);
        });
        Answer now = bot.engine.answer(new Question(q.text(), Optional.empty()));
        assertThat(now.tier()).isEqualTo(Tier.ANSWER);
        assertThat(now.citation().sectionId()).isEqualTo(sectionId);
    }

    @Test
    void anExpertsSectionIsACandidateAndAMoveApprovesItForAnotherSection() {
        bot.say(ADMIN, ExpertsConversationTest.EXPERTS, Message.Origin.MENTION, "experts channel here");
        Reply answer = only(bot.say(ALICE, GENERAL, Message.Origin.COMMAND, ExpertsConversationTest.OFF_TOPIC));
        Button offer = taggedButtons(answer).stream()
                .filter(b -> b.actionId().equals(ActionIds.EXPERTS_OFFER))
                .findFirst()
                .orElseThrow();
        Button send = taggedButtons(only(bot.click(ALICE, offer.actionId(), offer.value()))).stream()
                .filter(b -> b.actionId().equals(ActionIds.EXPERTS_SEND))
                .findFirst()
                .orElseThrow();
        bot.click(ALICE, send.actionId(), send.value());
        String id = bot.expertQuestions
                .askedBetween(java.time.Instant.EPOCH, java.time.Instant.MAX)
                .get(0)
                .id();
        bot.submit(
                ADMIN,
                ExpertsConversationTest.EXPERTS,
                "Bob",
                ActionIds.EXPERT_SECTION_SUBMIT,
                "en~" + id,
                Map.of("section", "photos-videos"));
        Candidate candidate = bot.candidates.pending(10).get(0);
        assertThat(bot.candidates.pending(10)).hasSize(1);
        assertThat(candidate.sectionId()).isEqualTo("photos-videos");

        Reply form = only(bot.click(ADMIN, ActionIds.PHRASING_MOVE, "en~" + candidate.id()));
        assertThat(form.blocks()).singleElement().isInstanceOf(Block.Form.class);
        bot.submit(
                ADMIN,
                GENERAL,
                "Admin",
                ActionIds.PHRASING_MOVE_SUBMIT,
                "en~" + candidate.id(),
                Map.of(PhrasingReview.SECTION, "respect-conduct"));

        assertThat(bot.candidates.approved())
                .singleElement()
                .satisfies(c -> assertThat(c.sectionId()).isEqualTo("respect-conduct"));
        assertThat(bot.engine
                        .charter()
                        .section("respect-conduct", Language.EN)
                        .orElseThrow()
                        .questions())
                .contains(candidate.text());
        assertThat(bot.engine
                        .charter()
                        .section("photos-videos", Language.EN)
                        .orElseThrow()
                        .questions())
                .doesNotContain(candidate.text());
    }

    @Test
    void aRejectedCandidateChangesNothingAndAReloadKeepsTheOverlay() {
        bot.candidates.seen("can I post a selfie at my desk?", "photos-videos", Language.EN, bot.clock.instant());
        bot.candidates.seen("is a cat a dog?", "photos-videos", Language.EN, bot.clock.instant());
        List<Candidate> pending = bot.candidates.pending(10);
        String before = bot.engine.charter().version();

        bot.click(ADMIN, ActionIds.PHRASING_REJECT, "en~" + pending.get(1).id());
        assertThat(bot.engine.charter().version()).isEqualTo(before);
        bot.click(ADMIN, ActionIds.PHRASING_APPROVE, "en~" + pending.get(0).id());
        bot.engine.install(ConversationHarness.charter());

        assertThat(bot.engine
                        .charter()
                        .section("photos-videos", Language.EN)
                        .orElseThrow()
                        .questions())
                .contains(pending.get(0).text())
                .doesNotContain(pending.get(1).text());
        assertThat(only(bot.click(
                                ADMIN,
                                ActionIds.PHRASING_APPROVE,
                                "en~" + pending.get(0).id()))
                        .fallbackText())
                .isEqualTo(Messages.get(Language.EN, "phrasings.gone"));
    }

    @Test
    void aSectionOpenedAfterNotHelpfulIsACandidateOfThatSection() {
        Reply answer = only(bot.say(ALICE, GENERAL, Message.Origin.COMMAND, "can I post this photo?"));
        Button notHelpful = taggedButtons(answer).stream()
                .filter(b -> b.actionId().equals(ActionIds.FEEDBACK_NOT_HELPFUL))
                .findFirst()
                .orElseThrow();

        Reply sorry = only(bot.click(ALICE, notHelpful.actionId(), notHelpful.value()));

        List<Button> instead = buttons(sorry, ActionIds.OPEN_SECTION);
        assertThat(instead)
                .isNotEmpty()
                .allSatisfy(b -> assertThat(b.value()).endsWith("|can I post this photo?"))
                .noneSatisfy(b -> assertThat(b.value()).startsWith("photos-videos|"));
        Button other = taggedButtons(sorry).stream()
                .filter(b -> b.actionId().equals(ActionIds.OPEN_SECTION))
                .findFirst()
                .orElseThrow();
        bot.click(ALICE, other.actionId(), other.value());
        assertThat(bot.candidates.pending(10)).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("can I post this photo?");
            assertThat(other.value()).contains("~" + c.sectionId() + "|");
        });
    }
}
