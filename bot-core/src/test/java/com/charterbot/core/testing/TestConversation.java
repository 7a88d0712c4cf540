package com.charterbot.core.testing;

import com.charterbot.core.admin.AdminActions;
import com.charterbot.core.admin.AdminDirectory;
import com.charterbot.core.admin.AdminPolicy;
import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.CharterLoader;
import com.charterbot.core.charter.CharterSettings;
import com.charterbot.core.charter.LoadResult;
import com.charterbot.core.charter.ReloadCharter;
import com.charterbot.core.chat.Administration;
import com.charterbot.core.chat.ChannelNudges;
import com.charterbot.core.chat.CommunicationsTeam;
import com.charterbot.core.chat.ConversationService;
import com.charterbot.core.chat.EmployeeServices;
import com.charterbot.core.chat.PersonalRecords;
import com.charterbot.core.check.CheckDraft;
import com.charterbot.core.check.DraftChecker;
import com.charterbot.core.check.DraftFindings;
import com.charterbot.core.experts.ExpertsDesk;
import com.charterbot.core.experts.ExpertsMessenger;
import com.charterbot.core.home.HomeService;
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
import com.charterbot.core.memory.InMemoryTipRotationStore;
import com.charterbot.core.memory.InMemoryUnansweredQuestions;
import com.charterbot.core.nudge.ChannelMembershipService;
import com.charterbot.core.nudge.NudgeFormService;
import com.charterbot.core.nudge.NudgeSettings;
import com.charterbot.core.phrasing.PhrasingReview;
import com.charterbot.core.quiz.QuizService;
import com.charterbot.core.quiz.QuizSettings;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.stats.AwarenessStatsService;
import com.charterbot.core.stats.DrawCharts;
import com.charterbot.core.tip.TipService;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.UserRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The real conversation of the core, wired as the application wires it but over the in-memory
 * stores of {@code core.memory}, a fixed (or movable) clock and a seeded random generator: for the
 * tests of every module. Its services (the conversation, the home page, channel membership and the
 * nudge form) share their stores, which stay reachable for assertions.
 *
 * <pre>{@code
 * ConversationService conversation = TestConversation.create();
 * TestConversation bot = TestConversation.builder().admins(new AdminDirectory(Set.of("U-ADMIN"), Set.of())).build();
 * }</pre>
 */
public final class TestConversation {

    /** When the default clock stands. */
    public static final Instant START = Instant.parse("2025-03-10T09:30:00Z");

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** The default clock: {@link #START} in Paris, standing still. */
    public static final Clock CLOCK = Clock.fixed(START, PARIS);
    /** How often a phrasing review reads the approved phrasings again, as in the application. */
    public static final Duration PHRASINGS_REFRESH = Duration.ofSeconds(30);

    private static final Charter BUNDLED = loadBundled();

    public final Clock clock;
    public final AnswerEngine answers;
    public final InMemoryActivityLog activity = new InMemoryActivityLog();
    public final InMemoryUnansweredQuestions unanswered = new InMemoryUnansweredQuestions();
    public final InMemoryChannelStore channels = new InMemoryChannelStore();
    public final InMemoryDeliveryStore deliveries = new InMemoryDeliveryStore();
    public final InMemoryLanguagePreferences languages = new InMemoryLanguagePreferences();
    public final InMemoryQuizProgressStore progress = new InMemoryQuizProgressStore();
    public final InMemoryQuizSessionStore sessions = new InMemoryQuizSessionStore();
    public final InMemoryChannelQuizStore channelQuizzes = new InMemoryChannelQuizStore();
    public final InMemoryTipRotationStore tipRotation = new InMemoryTipRotationStore();
    public final InMemoryAuditLog audit = new InMemoryAuditLog();
    public final InMemoryExpertQuestions expertQuestions = new InMemoryExpertQuestions();
    public final InMemoryExpertsChannels expertsChannels = new InMemoryExpertsChannels();
    public final InMemoryPhrasingCandidates candidates = new InMemoryPhrasingCandidates();
    /** The channels an administrator asked to nudge now ({@code nudges now}), in order; the trigger always accepts. */
    public final List<ChannelRef> triggered = new CopyOnWriteArrayList<>();
    /** The nudges of a channel nobody configured yet. */
    public final NudgeSettings channelDefaults;

    public final AdminActions admin;
    public final QuizService quiz;
    public final TipService tips;
    /** Present when the builder was given the experts' messenger. */
    public final Optional<ExpertsDesk> experts;
    /** Present when the builder was told to learn phrasings; the home page then shows administrators the suggestions. */
    public final Optional<PhrasingReview> phrasings;

    public final ConversationService conversation;
    public final HomeService home;
    public final ChannelMembershipService membership;
    public final NudgeFormService nudgeForm;

    private TestConversation(Builder builder) {
        clock = builder.clock;
        Charter charter = builder.charter;
        answers = builder.answers != null ? builder.answers : new AnswerEngine(charter, Language.EN);
        channelDefaults = NudgeSettings.defaults(clock.getZone(), Language.EN);
        // One generator split in a fixed order (quiz, tips, experts), so that a seed replays the same conversation.
        SplittableRandom random = new SplittableRandom(builder.seed);
        quiz = new QuizService(
                answers::charter,
                progress,
                sessions,
                channelQuizzes,
                activity,
                QuizSettings.DEFAULTS,
                clock,
                random.split());
        tips = new TipService(answers::charter, tipRotation, activity, clock, random.split());
        admin = new AdminActions(new AdminPolicy(builder.admins), audit, clock);
        phrasings = builder.phrasings
                ? Optional.of(new PhrasingReview(answers, candidates, admin, clock, PHRASINGS_REFRESH))
                : Optional.empty();
        experts = Optional.ofNullable(builder.expertsMessenger)
                .map(messenger -> new ExpertsDesk(
                        answers::charter,
                        expertQuestions,
                        expertsChannels,
                        new LateMessenger(messenger),
                        admin,
                        Language.EN,
                        builder.expertsSettings,
                        clock,
                        random.split(),
                        (question, section, language) ->
                                phrasings.ifPresent(review -> review.seen(question, section, language))));
        CheckDraft drafts = builder.drafts != null
                ? builder.drafts
                : new DraftChecker(answers::charter, Language.EN, DraftFindings.NONE);
        home = new HomeService(answers::charter, progress, channels, admin, languages, Language.EN, clock, phrasings);
        conversation = new ConversationService(
                new EmployeeServices(answers, drafts, quiz, quiz, tips, home),
                new PersonalRecords(languages, quiz, activity),
                new ChannelNudges(channels, deliveries, triggered::add, channelDefaults),
                new Administration(
                        admin, new AwarenessStatsService(activity, clock), unanswered, builder.reload, builder.charts),
                new CommunicationsTeam(experts, phrasings),
                clock);
        membership = new ChannelMembershipService(channels, channelDefaults);
        nudgeForm = new NudgeFormService(channels, admin, languages, channelDefaults, Language.EN);
    }

    /** The conversation with every default: the bundled charter, {@link #CLOCK}, no administrator configured. */
    public static ConversationService create() {
        return builder().build().conversation;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The charter bundled with the core, loaded once. */
    public static Charter bundledCharter() {
        return BUNDLED;
    }

    private static Charter loadBundled() {
        LoadResult result = CharterLoader.load(CharterFiles.defaults(), CharterSettings.DEFAULTS);
        if (result instanceof LoadResult.Loaded loaded) {
            return loaded.charter();
        }
        throw new IllegalStateException("the bundled charter does not load: " + result);
    }

    /** What a test conversation is built with; each setting has the default its Javadoc names. */
    public static final class Builder {

        private Charter charter = BUNDLED;
        private AnswerEngine answers;
        private Clock clock = CLOCK;
        private long seed = 7L;
        private AdminDirectory admins = AdminDirectory.DEFAULTS;
        private CheckDraft drafts;
        private Supplier<ExpertsMessenger> expertsMessenger;
        private ExpertsDesk.Settings expertsSettings;
        private boolean phrasings;
        private ReloadCharter reload = ReloadCharter.bundled();
        private DrawCharts charts = DrawCharts.none();

        private Builder() {}

        /** Default: the bundled charter, in an engine of this conversation's own. */
        public Builder charter(Charter charter) {
            this.charter = Objects.requireNonNull(charter, "charter");
            return this;
        }

        /** An engine to share between conversations (building one takes time); it must not learn phrasings elsewhere. */
        public Builder answers(AnswerEngine answers) {
            this.answers = Objects.requireNonNull(answers, "answers");
            this.charter = answers.charter();
            return this;
        }

        /** Default: {@link #CLOCK}; its zone is also the channels' default nudge zone. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Seeds the quizzes', tips' and experts' random choices; default 7. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Default: {@link AdminDirectory#DEFAULTS}, nobody configured and platform administrators trusted. */
        public Builder admins(AdminDirectory admins) {
            this.admins = Objects.requireNonNull(admins, "admins");
            return this;
        }

        /** Default: a {@link DraftChecker} on the charter that counts its findings nowhere. */
        public Builder drafts(CheckDraft drafts) {
            this.drafts = Objects.requireNonNull(drafts, "drafts");
            return this;
        }

        /**
         * An experts' desk (default: none) over this conversation's stores.
         *
         * @param messenger asked for the messenger at each call, so a test can give the one of a rig started later
         */
        public Builder experts(Supplier<ExpertsMessenger> messenger, ExpertsDesk.Settings settings) {
            this.expertsMessenger = Objects.requireNonNull(messenger, "messenger");
            this.expertsSettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** Learns phrasings into the engine (default: no review); give the conversation an engine of its own. */
        public Builder learningPhrasings() {
            this.phrasings = true;
            return this;
        }

        /** Default: {@link ReloadCharter#bundled()}. */
        public Builder reload(ReloadCharter reload) {
            this.reload = Objects.requireNonNull(reload, "reload");
            return this;
        }

        /** Default: {@link DrawCharts#none()}, statistics as text alone. */
        public Builder charts(DrawCharts charts) {
            this.charts = Objects.requireNonNull(charts, "charts");
            return this;
        }

        public TestConversation build() {
            return new TestConversation(this);
        }
    }

    /** Sends through whatever messenger the supplier gives at the time of the call. */
    private record LateMessenger(Supplier<ExpertsMessenger> messenger) implements ExpertsMessenger {

        @Override
        public Posted post(ChannelRef channel, Reply card) {
            return messenger.get().post(channel, card);
        }

        @Override
        public boolean update(ChannelRef channel, String cardId, Reply card) {
            return messenger.get().update(channel, cardId, card);
        }

        @Override
        public boolean tell(UserRef person, ChannelRef sameTenant, Reply message) {
            return messenger.get().tell(person, sameTenant, message);
        }
    }
}
