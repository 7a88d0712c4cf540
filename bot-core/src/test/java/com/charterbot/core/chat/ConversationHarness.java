package com.charterbot.core.chat;

import com.charterbot.core.admin.AdminDirectory;
import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.ReloadResult;
import com.charterbot.core.experts.ExpertsDesk;
import com.charterbot.core.memory.InMemoryActivityLog;
import com.charterbot.core.memory.InMemoryAuditLog;
import com.charterbot.core.memory.InMemoryChannelQuizStore;
import com.charterbot.core.memory.InMemoryChannelStore;
import com.charterbot.core.memory.InMemoryDeliveryStore;
import com.charterbot.core.memory.InMemoryExpertQuestions;
import com.charterbot.core.memory.InMemoryExpertsChannels;
import com.charterbot.core.memory.InMemoryLanguagePreferences;
import com.charterbot.core.memory.InMemoryPhrasingCandidates;
import com.charterbot.core.memory.InMemoryQuizProgressStore;
import com.charterbot.core.memory.InMemoryQuizSessionStore;
import com.charterbot.core.memory.InMemoryUnansweredQuestions;
import com.charterbot.core.phrasing.PhrasingReview;
import com.charterbot.core.quiz.QuizService;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Button;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.stats.ChartSheet;
import com.charterbot.core.testing.MovableClock;
import com.charterbot.core.testing.TestConversation;
import com.charterbot.core.values.ActionEvent;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Message;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A {@link ConversationService} of a {@link TestConversation} with a clock the test moves, an
 * administrator configured, an experts' desk that records what it sends and charts "drawn" as
 * {@link #PICTURE}; the stores stay reachable for assertions.
 */
final class ConversationHarness {

    static final ZoneId PARIS = TestConversation.PARIS;
    static final Instant START = TestConversation.START;
    static final long SEED = 42L;

    static final String ADMIN_ID = "U-ADMIN";
    /** A configured charter administrator. */
    static final UserRef ADMIN = new UserRef(Platform.SLACK, "T1", ADMIN_ID);

    static final UserRef ALICE = new UserRef(Platform.SLACK, "T1", "U-ALICE");
    static final UserRef BOB = new UserRef(Platform.SLACK, "T1", "U-BOB");
    /** Same user id as the configured admin, but on Teams: not configured there. */
    static final UserRef TEAMS_NAMESAKE = new UserRef(Platform.TEAMS, "tenant-1", ADMIN_ID);

    static final ChannelRef GENERAL = new ChannelRef(Platform.SLACK, "T1", "C-GENERAL");
    static final ChannelRef RANDOM = new ChannelRef(Platform.SLACK, "T1", "C-RANDOM");
    static final ChannelRef DM = new ChannelRef(Platform.SLACK, "T1", "D-DIRECT");

    /** Shared by the harnesses that learn no phrasings, which never change it. */
    private static final AnswerEngine ENGINE = new AnswerEngine(TestConversation.bundledCharter(), Language.EN);
    /** What the fake drawing gives for every sheet. */
    static final byte[] PICTURE = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};

    final MovableClock clock = new MovableClock(START, PARIS);
    /** What the next {@code reload} gives; the bundled charter's answer until a test says otherwise. */
    final AtomicReference<Supplier<ReloadResult>> reloads = new AtomicReference<>(ReloadResult.Bundled::new);
    /** The chart sheets the conversation asked to draw, in order; each is "drawn" as {@link #PICTURE}. */
    final List<ChartSheet> drawn = new CopyOnWriteArrayList<>();

    final RecordingExpertsMessenger expertsMessenger = new RecordingExpertsMessenger();

    private final TestConversation bot;
    final InMemoryActivityLog activity;
    final InMemoryDeliveryStore deliveries;
    /** Channels an administrator asked to nudge now, in order; the fake trigger always accepts. */
    final List<ChannelRef> triggered;

    final InMemoryUnansweredQuestions unanswered;
    final InMemoryQuizProgressStore progress;
    final InMemoryQuizSessionStore sessions;
    final InMemoryChannelQuizStore channelQuizzes;
    final InMemoryChannelStore channels;
    final InMemoryAuditLog audit;
    final InMemoryLanguagePreferences languages;
    final InMemoryExpertQuestions expertQuestions;
    final InMemoryExpertsChannels expertsChannels;
    final ExpertsDesk experts;
    final InMemoryPhrasingCandidates candidates;
    /** The engine of this harness: its own when it learns phrasings, which change its index. */
    final AnswerEngine engine;

    final Optional<PhrasingReview> phrasings;
    final QuizService quiz;
    final ConversationService service;

    ConversationHarness() {
        this(SEED);
    }

    ConversationHarness(long seed) {
        this(seed, false);
    }

    /** @param learning whether phrasings are learned, on an engine of its own */
    ConversationHarness(long seed, boolean learning) {
        TestConversation.Builder builder = TestConversation.builder()
                .answers(learning ? new AnswerEngine(TestConversation.bundledCharter(), Language.EN) : ENGINE)
                .clock(clock)
                .seed(seed)
                .admins(new AdminDirectory(Set.of(ADMIN_ID), Set.of()))
                .experts(
                        () -> expertsMessenger,
                        new ExpertsDesk.Settings(Optional.empty(), Optional.empty(), Duration.ofDays(2), PARIS))
                .reload(() -> reloads.get().get())
                .charts(sheet -> {
                    drawn.add(sheet);
                    return Optional.of(PICTURE.clone());
                });
        bot = (learning ? builder.learningPhrasings() : builder).build();
        activity = bot.activity;
        deliveries = bot.deliveries;
        triggered = bot.triggered;
        unanswered = bot.unanswered;
        progress = bot.progress;
        sessions = bot.sessions;
        channelQuizzes = bot.channelQuizzes;
        channels = bot.channels;
        audit = bot.audit;
        languages = bot.languages;
        expertQuestions = bot.expertQuestions;
        expertsChannels = bot.expertsChannels;
        experts = bot.experts.orElseThrow();
        candidates = bot.candidates;
        engine = bot.answers;
        phrasings = bot.phrasings;
        quiz = bot.quiz;
        service = bot.conversation;
    }

    static Charter charter() {
        return TestConversation.bundledCharter();
    }

    // ----- talking to the service -----

    List<Reply> say(UserRef user, ChannelRef where, Message.Origin origin, String text) {
        return service.onMessage(new Message(user, where, text, origin, false, Optional.empty()));
    }

    List<Reply> say(
            UserRef user,
            ChannelRef where,
            Message.Origin origin,
            String text,
            boolean platformAdmin,
            Optional<Language> platformLanguage) {
        return service.onMessage(new Message(user, where, text, origin, platformAdmin, platformLanguage));
    }

    /** The first reply to a slash command typed in #general (the statistics' report, before their charts). */
    Reply first(UserRef user, String text) {
        List<Reply> replies = say(user, GENERAL, Message.Origin.COMMAND, text);
        if (replies.isEmpty()) {
            throw new AssertionError("no reply to " + text);
        }
        return replies.get(0);
    }

    /** The single reply to a slash command typed in #general. */
    Reply command(UserRef user, String text) {
        return only(say(user, GENERAL, Message.Origin.COMMAND, text));
    }

    /** The single reply to a direct message. */
    Reply direct(UserRef user, String text) {
        return only(say(user, DM, Message.Origin.DIRECT, text));
    }

    List<Reply> click(UserRef user, ChannelRef where, String actionId, String value) {
        return service.onAction(new ActionEvent(user, where, actionId, value, false, Optional.empty()));
    }

    /** A click of a named person, with what they entered in a form. */
    List<Reply> submit(
            UserRef user, ChannelRef where, String name, String actionId, String value, Map<String, String> inputs) {
        return service.onAction(new ActionEvent(user, where, actionId, value, false, Optional.empty(), name, inputs));
    }

    List<Reply> click(UserRef user, String actionId, String value) {
        return click(user, GENERAL, actionId, value);
    }

    // ----- reading replies -----

    static Reply only(List<Reply> replies) {
        if (replies.size() != 1) {
            throw new AssertionError("expected exactly one reply, got " + replies);
        }
        return replies.get(0);
    }

    static <T extends Block> List<T> blocks(Reply reply, Class<T> type) {
        return reply.blocks().stream().filter(type::isInstance).map(type::cast).toList();
    }

    static <T extends Block> T first(Reply reply, Class<T> type) {
        return blocks(reply, type).stream()
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + reply));
    }

    /** Every button of a reply, in button rows and suggestion lists. */
    /** The reply's buttons with their values as the features see them: the conversation's language tag removed. */
    static List<Button> buttons(Reply reply) {
        return taggedButtons(reply).stream()
                .map(b -> new Button(b.actionId(), b.value().replaceFirst("^(en|fr)~", ""), b.label(), b.style()))
                .toList();
    }

    /** The reply's buttons exactly as an adapter receives them. */
    static List<Button> taggedButtons(Reply reply) {
        return reply.blocks().stream()
                .flatMap(block -> {
                    if (block instanceof Block.Buttons row) {
                        return row.buttons().stream();
                    }
                    if (block instanceof Block.Suggestions suggestions) {
                        return suggestions.buttons().stream();
                    }
                    if (block instanceof Block.AlsoApplies also) {
                        return also.points().stream().map(Block.AlsoApplies.Point::open);
                    }
                    return Stream.empty();
                })
                .toList();
    }

    static List<Button> buttons(Reply reply, String actionId) {
        return buttons(reply).stream()
                .filter(b -> b.actionId().equals(actionId))
                .toList();
    }

    static List<String> texts(Reply reply) {
        return blocks(reply, Block.Text.class).stream().map(Block.Text::text).toList();
    }

    static List<String> contexts(Reply reply) {
        return blocks(reply, Block.Context.class).stream()
                .map(Block.Context::text)
                .toList();
    }
}
