package com.charterbot.bench;

import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.ReloadCharter;
import com.charterbot.core.chat.CommunicationsTeam;
import com.charterbot.core.chat.ConversationService;
import com.charterbot.core.eval.EvalQuestion;
import com.charterbot.core.eval.EvalSet;
import com.charterbot.core.eval.Evaluation;
import com.charterbot.core.experts.ExpertsDesk;
import com.charterbot.core.experts.ExpertsMessenger;
import com.charterbot.core.memory.InMemoryConversation;
import com.charterbot.core.memory.InMemoryExpertQuestions;
import com.charterbot.core.memory.InMemoryExpertsChannels;
import com.charterbot.core.memory.InMemoryPhrasingCandidates;
import com.charterbot.core.nudge.NudgeSettings;
import com.charterbot.core.phrasing.Candidate;
import com.charterbot.core.phrasing.PhrasingReview;
import com.charterbot.core.quiz.QuizSettings;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Button;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.reply.TaggedValue;
import com.charterbot.core.stats.DrawCharts;
import com.charterbot.core.values.ActionEvent;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Message;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Measures the active-learning loop (issue 18): the bundled charter cut to 8 phrasings per section,
 * the real-world development questions played through the conversation core by people who click the
 * expected section whenever the bot offers one ("did you mean", the closest sections, or the other
 * sections offered after they clicked "not helpful" on a wrong answer), every suggested phrasing
 * approved by an administrator in chat, then the real-world holdout scored before and after.
 *
 * <p>{@code -Dbench.learning.experts=true} adds the communications team: a person offered no section
 * they wanted sends an in-scope question to the experts' channel, where an expert files it under its
 * expected section ("Belongs to section..."), the third signal that suggests a phrasing.
 *
 * <p>{@code -Dbench.learning.dev} and {@code -Dbench.learning.holdout} name other eval files
 * (comma-separated, default: the three real-world development files, and realworld-holdout);
 * {@code -Dbench.learning.verbose=true} also prints the approved phrasings and the holdout's wrong answers after.
 *
 * <p>Last line: {@code learning: questions=<n> candidates=<n> approved=<n> before_answered=<x.xx>
 * after_answered=<x.xx> before_wrong=<x.xx> after_wrong=<x.xx>}.
 */
public final class LearningMain {

    private static final String ADMIN = "U0ADMIN";

    private LearningMain() {}

    public static void main(String[] args) {
        List<EvalQuestion> dev =
                read(System.getProperty("bench.learning.dev", "realworld-dev,realworld-dev2,realworld-dev3"));
        List<EvalQuestion> holdout = read(System.getProperty("bench.learning.holdout", "realworld-holdout"));
        Charter cut = Fixtures.bundledCharter().withFirstPhrasings(8);
        AnswerEngine engine = new AnswerEngine(cut, Language.EN);
        Evaluation.Metrics before = Evaluation.run(engine, holdout).overall();

        Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
        InMemoryPhrasingCandidates candidates = new InMemoryPhrasingCandidates();
        boolean experts = Boolean.getBoolean("bench.learning.experts");
        ExpertsChannel expertsChannel = new ExpertsChannel();
        ConversationService conversation =
                conversation(engine, candidates, clock, experts ? Optional.of(expertsChannel) : Optional.empty());
        ChannelRef channel = new ChannelRef(Platform.SLACK, "T0BENCH", "C0BENCH");
        int person = 0;
        for (EvalQuestion q : dev) {
            UserRef user = new UserRef(Platform.SLACK, "T0BENCH", "U" + (++person));
            Optional<Language> language = Optional.of(q.language());
            for (Reply reply : conversation.onMessage(
                    new Message(user, channel, q.text(), Message.Origin.COMMAND, false, language))) {
                Optional<Button> chosen = chosen(reply, q);
                Optional<Button> notHelpful = wrong(reply, q);
                if (chosen.isEmpty() && notHelpful.isPresent()) {
                    // A wrong answer: "not helpful", then the expected section if the bot offers it instead.
                    for (Reply sorry : conversation.onAction(new ActionEvent(
                            user,
                            channel,
                            notHelpful.get().actionId(),
                            notHelpful.get().value(),
                            false,
                            language))) {
                        chosen = chosen.or(() -> chosen(sorry, q));
                    }
                }
                if (chosen.isPresent()) {
                    conversation.onAction(new ActionEvent(
                            user, channel, chosen.get().actionId(), chosen.get().value(), false, language));
                } else if (experts && !q.expected().isEmpty()) {
                    expertsChannel
                            .ask(conversation, reply, user, channel, language)
                            .ifPresent(id -> expertsChannel.fileUnder(
                                    conversation, id, q.expected().get(0)));
                }
            }
        }
        UserRef admin = new UserRef(Platform.SLACK, "T0BENCH", ADMIN);
        int found = candidates.pending(Integer.MAX_VALUE).size();
        for (Candidate candidate : candidates.pending(Integer.MAX_VALUE)) {
            conversation.onAction(new ActionEvent(
                    admin, channel, ActionIds.PHRASING_APPROVE, "en~" + candidate.id(), false, Optional.empty()));
        }
        int approved = candidates.approved().size();
        Evaluation.Report afterReport = Evaluation.run(engine, holdout);
        Evaluation.Metrics after = afterReport.overall();
        if (Boolean.getBoolean("bench.learning.verbose")) {
            afterReport.outcomes().stream()
                    .filter(o -> o.confident() && o.question().inScope() && !o.answeredCorrectly())
                    .forEach(o ->
                            System.out.println("wrong after: " + o.question().text() + " -> "
                                    + o.answer().citation().sectionId() + " expected "
                                    + o.question().expected()));
            candidates.approved().forEach(c -> System.out.println("approved: " + c));
        }
        System.out.println("charter " + engine.charter().version() + ", holdout of " + holdout.size() + " questions");
        System.out.println(before.line("before"));
        System.out.println(after.line("after "));
        System.out.println(String.format(
                Locale.ROOT,
                "learning: questions=%d candidates=%d approved=%d before_answered=%.2f after_answered=%.2f before_wrong=%.2f after_wrong=%.2f",
                dev.size(),
                found,
                approved,
                before.answeredAt1(),
                after.answeredAt1(),
                before.wrong(),
                after.wrong()));
    }

    /** The questions of comma-separated eval files, e.g. {@code realworld-dev,realworld-dev2}. */
    private static List<EvalQuestion> read(String names) {
        return Arrays.stream(names.split(","))
                .flatMap(name -> EvalSet.parse(Fixtures.readResource("eval/" + name.strip() + ".yaml")).stream())
                .toList();
    }

    /** The "did you mean" button of a section the question expects, as a person who knows what they asked would click it. */
    private static Optional<Button> chosen(Reply reply, EvalQuestion q) {
        for (Block block : reply.blocks()) {
            if (block instanceof Block.Suggestions suggestions) {
                for (String expected : q.expected()) {
                    for (Button button : suggestions.buttons()) {
                        String value = TaggedValue.read(button.value()).value();
                        if (button.actionId().equals(ActionIds.OPEN_SECTION) && value.startsWith(expected + "|")) {
                            return Optional.of(button);
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The first button of a reply with this action id. */
    private static Optional<Button> button(Reply reply, String actionId) {
        return reply.blocks().stream()
                .filter(Block.Buttons.class::isInstance)
                .flatMap(b -> ((Block.Buttons) b).buttons().stream())
                .filter(b -> b.actionId().equals(actionId))
                .findFirst();
    }

    /**
     * The experts' channel: keeps the cards posted in it, and an expert in it who files a question
     * under a section ("Belongs to section...", then the form's submit), which suggests the phrasing.
     */
    private static final class ExpertsChannel implements ExpertsMessenger {
        static final ChannelRef CHANNEL = new ChannelRef(Platform.SLACK, "T0BENCH", "C0EXPERTS");
        private static final UserRef EXPERT = new UserRef(Platform.SLACK, "T0BENCH", "U0EXPERT");
        private final List<Reply> cards = new ArrayList<>();

        /**
         * Sends the question to the communications team, as a person who got no section they wanted
         * would: "Ask the communications team", then "Send". The id of the question on the experts'
         * card, or empty when the bot offered no such button.
         */
        Optional<String> ask(
                ConversationService conversation,
                Reply reply,
                UserRef user,
                ChannelRef channel,
                Optional<Language> language) {
            Optional<Button> offer = button(reply, ActionIds.EXPERTS_OFFER);
            if (offer.isEmpty()) {
                return Optional.empty();
            }
            for (Reply confirmation : conversation.onAction(new ActionEvent(
                    user, channel, offer.get().actionId(), offer.get().value(), false, language))) {
                Optional<Button> send = button(confirmation, ActionIds.EXPERTS_SEND);
                if (send.isPresent()) {
                    int before = cards.size();
                    conversation.onAction(new ActionEvent(
                            user, channel, send.get().actionId(), send.get().value(), false, language));
                    return cards.size() > before
                            ? button(cards.get(before), ActionIds.EXPERT_SECTION)
                                    .map(Button::value)
                            : Optional.empty();
                }
            }
            return Optional.empty();
        }

        void fileUnder(ConversationService conversation, String questionId, String sectionId) {
            conversation.onAction(new ActionEvent(
                    EXPERT,
                    CHANNEL,
                    ActionIds.EXPERT_SECTION_SUBMIT,
                    questionId,
                    false,
                    Optional.empty(),
                    "Camille",
                    Map.of(ExpertsDesk.SECTION, sectionId)));
        }

        @Override
        public Posted post(ChannelRef channel, Reply card) {
            cards.add(card);
            return new Posted.Done("card-" + cards.size());
        }

        @Override
        public boolean update(ChannelRef channel, String cardId, Reply card) {
            return true;
        }

        @Override
        public boolean tell(UserRef person, ChannelRef sameTenant, Reply message) {
            return true;
        }
    }

    /** The "not helpful" button of an answer citing a section the question does not expect. */
    private static Optional<Button> wrong(Reply reply, EvalQuestion q) {
        boolean cited = reply.blocks().stream()
                .anyMatch(
                        b -> b instanceof Block.CitedSection c && !q.expected().contains(c.sectionId()));
        if (!cited || q.expected().isEmpty()) {
            return Optional.empty();
        }
        return reply.blocks().stream()
                .filter(Block.Buttons.class::isInstance)
                .flatMap(b -> ((Block.Buttons) b).buttons().stream())
                .filter(b -> b.actionId().equals(ActionIds.FEEDBACK_NOT_HELPFUL))
                .findFirst();
    }

    private static ConversationService conversation(
            AnswerEngine engine,
            InMemoryPhrasingCandidates candidates,
            Clock clock,
            Optional<ExpertsMessenger> experts) {
        InMemoryConversation.Settings settings = new InMemoryConversation.Settings(
                QuizSettings.DEFAULTS,
                NudgeSettings.defaults(ZoneOffset.UTC, Language.EN),
                Set.of(ADMIN),
                channelRef -> true,
                ReloadCharter.bundled(),
                DrawCharts.none(),
                admin -> {
                    PhrasingReview review =
                            new PhrasingReview(engine, candidates, admin, clock, Duration.ofSeconds(30));
                    return new CommunicationsTeam(
                            experts.map(messenger -> new ExpertsDesk(
                                    engine::charter,
                                    new InMemoryExpertQuestions(),
                                    new InMemoryExpertsChannels(),
                                    messenger,
                                    admin,
                                    Language.EN,
                                    new ExpertsDesk.Settings(
                                            Optional.of(ExpertsChannel.CHANNEL.channelId()),
                                            Optional.empty(),
                                            Duration.ofDays(2),
                                            ZoneOffset.UTC),
                                    clock,
                                    new SplittableRandom(19L),
                                    review::seen)),
                            Optional.of(review));
                });
        return new InMemoryConversation(engine, settings, clock, new SplittableRandom(18L)).conversation();
    }
}
