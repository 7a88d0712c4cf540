package com.charterbot.core.chat;

import com.charterbot.core.memory.InMemoryActivityLog;
import com.charterbot.core.admin.AdminActions;
import com.charterbot.core.admin.AdminDirectory;
import com.charterbot.core.admin.AdminPolicy;
import com.charterbot.core.memory.InMemoryAuditLog;
import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.CharterLoader;
import com.charterbot.core.charter.CharterSettings;
import com.charterbot.core.charter.LoadResult;
import com.charterbot.core.memory.InMemoryChannelStore;
import com.charterbot.core.memory.InMemoryLanguagePreferences;
import com.charterbot.core.memory.InMemoryChannelQuizStore;
import com.charterbot.core.memory.InMemoryQuizProgressStore;
import com.charterbot.core.memory.InMemoryQuizSessionStore;
import com.charterbot.core.quiz.QuizService;
import com.charterbot.core.quiz.QuizSettings;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Button;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.stats.AwarenessStatsService;
import com.charterbot.core.memory.InMemoryTipRotationStore;
import com.charterbot.core.tip.TipService;
import com.charterbot.core.values.ActionEvent;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Message;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A {@link ConversationService} wired on the bundled charter with in-memory stores, a clock the
 * test moves and a seeded random generator; the stores stay reachable for assertions.
 */
final class ConversationHarness {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Instant START = Instant.parse("2025-03-10T09:30:00Z");
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

    private static final Charter CHARTER = loadBundled();
    /** Shared by the harnesses that learn no phrasings, which never change it. */
    private static final AnswerEngine ENGINE = new AnswerEngine(CHARTER, Language.EN);

    final MovableClock clock = new MovableClock(START, PARIS);
    final InMemoryActivityLog activity = new InMemoryActivityLog();
    final com.charterbot.core.memory.InMemoryDeliveryStore deliveries = new com.charterbot.core.memory.InMemoryDeliveryStore();
    /** Channels an administrator asked to nudge now, in order; the fake trigger always accepts. */
    final java.util.List<com.charterbot.core.values.ChannelRef> triggered = new java.util.concurrent.CopyOnWriteArrayList<>();
    final com.charterbot.core.memory.InMemoryUnansweredQuestions unanswered = new com.charterbot.core.memory.InMemoryUnansweredQuestions();
    final InMemoryQuizProgressStore progress = new InMemoryQuizProgressStore();
    final InMemoryQuizSessionStore sessions = new InMemoryQuizSessionStore();
    final InMemoryChannelQuizStore channelQuizzes = new InMemoryChannelQuizStore();
    final InMemoryChannelStore channels = new InMemoryChannelStore();
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final InMemoryLanguagePreferences languages = new InMemoryLanguagePreferences();
    final InMemoryTipRotationStore tipRotation = new InMemoryTipRotationStore();
    /** What the next {@code reload} gives; the bundled charter's answer until a test says otherwise. */
    final java.util.concurrent.atomic.AtomicReference<java.util.function.Supplier<com.charterbot.core.charter.ReloadResult>> reloads =
            new java.util.concurrent.atomic.AtomicReference<>(com.charterbot.core.charter.ReloadResult.Bundled::new);
    /** The chart sheets the conversation asked to draw, in order; each is "drawn" as {@link #PICTURE}. */
    final java.util.List<com.charterbot.core.stats.ChartSheet> drawn = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** What the fake drawing gives for every sheet. */
    static final byte[] PICTURE = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};
    final com.charterbot.core.memory.InMemoryExpertQuestions expertQuestions = new com.charterbot.core.memory.InMemoryExpertQuestions();
    final com.charterbot.core.memory.InMemoryExpertsChannels expertsChannels = new com.charterbot.core.memory.InMemoryExpertsChannels();
    final RecordingExpertsMessenger expertsMessenger = new RecordingExpertsMessenger();
    final com.charterbot.core.experts.ExpertsDesk experts;
    final com.charterbot.core.memory.InMemoryPhrasingCandidates candidates = new com.charterbot.core.memory.InMemoryPhrasingCandidates();
    /** The engine of this harness: its own when it learns phrasings, which change its index. */
    final AnswerEngine engine;
    final java.util.Optional<com.charterbot.core.phrasing.PhrasingReview> phrasings;
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
        engine = learning ? new AnswerEngine(CHARTER, Language.EN) : ENGINE;
        SplittableRandom seeded = new SplittableRandom(seed);
        quiz = new QuizService(() -> CHARTER, progress, sessions, channelQuizzes, activity, QuizSettings.DEFAULTS, clock, seeded.split());
        TipService tips = new TipService(() -> CHARTER, tipRotation, activity, clock, seeded.split());
        AdminActions admin = new AdminActions(new AdminPolicy(new AdminDirectory(Set.of(ADMIN_ID), Set.of())), audit, clock);
        phrasings = learning ? Optional.of(new com.charterbot.core.phrasing.PhrasingReview(engine, candidates, admin, clock, Duration.ofSeconds(30)))
                : Optional.empty();
        experts = new com.charterbot.core.experts.ExpertsDesk(engine::charter, expertQuestions, expertsChannels, expertsMessenger, admin,
                Language.EN, new com.charterbot.core.experts.ExpertsDesk.Settings(Optional.empty(), Optional.empty(), Duration.ofDays(2), PARIS),
                clock, seeded.split(), (question, section, language) -> phrasings.ifPresent(p -> p.seen(question, section, language)));
        service = new ConversationService(
                new EmployeeServices(engine, new com.charterbot.core.check.DraftChecker(() -> CHARTER, Language.EN,
                        com.charterbot.core.check.DraftFindings.NONE), quiz, quiz, tips),
                new PersonalRecords(languages, quiz, activity),
                new ChannelNudges(channels, deliveries, triggered::add, com.charterbot.core.nudge.NudgeSettings.defaults(PARIS, Language.EN)),
                new Administration(admin, new AwarenessStatsService(activity, clock), unanswered, () -> reloads.get().get(), sheet -> {
                    drawn.add(sheet);
                    return Optional.of(PICTURE.clone());
                }),
                new CommunicationsTeam(Optional.of(experts), phrasings), clock);
    }

    static Charter charter() {
        return CHARTER;
    }

    private static Charter loadBundled() {
        LoadResult result = CharterLoader.load(CharterFiles.defaults(), CharterSettings.DEFAULTS);
        if (result instanceof LoadResult.Loaded loaded) {
            return loaded.charter();
        }
        throw new IllegalStateException("the bundled charter should load: " + result);
    }

    // ----- talking to the service -----

    List<Reply> say(UserRef user, ChannelRef where, Message.Origin origin, String text) {
        return service.onMessage(new Message(user, where, text, origin, false, Optional.empty()));
    }

    List<Reply> say(UserRef user, ChannelRef where, Message.Origin origin, String text, boolean platformAdmin, Optional<Language> platformLanguage) {
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
    List<Reply> submit(UserRef user, ChannelRef where, String name, String actionId, String value, java.util.Map<String, String> inputs) {
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
        return blocks(reply, type).stream().findFirst()
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
        return reply.blocks().stream().flatMap(block -> {
            if (block instanceof Block.Buttons row) {
                return row.buttons().stream();
            }
            if (block instanceof Block.Suggestions suggestions) {
                return suggestions.buttons().stream();
            }
            if (block instanceof Block.AlsoApplies also) {
                return also.points().stream().map(Block.AlsoApplies.Point::open);
            }
            return java.util.stream.Stream.empty();
        }).toList();
    }

    static List<Button> buttons(Reply reply, String actionId) {
        return buttons(reply).stream().filter(b -> b.actionId().equals(actionId)).toList();
    }

    static List<String> texts(Reply reply) {
        return blocks(reply, Block.Text.class).stream().map(Block.Text::text).toList();
    }

    static List<String> contexts(Reply reply) {
        return blocks(reply, Block.Context.class).stream().map(Block.Context::text).toList();
    }

    /** A clock that stands still until the test moves it. */
    static final class MovableClock extends Clock {

        private Instant now;
        private final ZoneId zone;

        MovableClock(Instant now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            MovableClock copy = new MovableClock(now, other);
            return copy;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
