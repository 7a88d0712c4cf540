package com.charterbot.core.memory;

import com.charterbot.core.admin.AdminActions;
import com.charterbot.core.admin.AdminDirectory;
import com.charterbot.core.admin.AdminPolicy;
import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.charter.ReloadCharter;
import com.charterbot.core.chat.Administration;
import com.charterbot.core.chat.ChannelNudges;
import com.charterbot.core.chat.CommunicationsTeam;
import com.charterbot.core.chat.ConversationService;
import com.charterbot.core.chat.EmployeeServices;
import com.charterbot.core.chat.PersonalRecords;
import com.charterbot.core.check.DraftChecker;
import com.charterbot.core.check.DraftFindings;
import com.charterbot.core.home.HomeService;
import com.charterbot.core.nudge.NudgeSettings;
import com.charterbot.core.nudge.NudgeTrigger;
import com.charterbot.core.quiz.QuizService;
import com.charterbot.core.quiz.QuizSettings;
import com.charterbot.core.stats.AwarenessStatsService;
import com.charterbot.core.stats.DrawCharts;
import com.charterbot.core.tip.TipService;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The whole conversation of the bot over stores kept in memory, for one process that keeps
 * nothing: the command line's {@code chat}, the playground and the benchmarks. A server wires the
 * same services over the JDBC stores (bot-app's {@code ConversationConfiguration}); the tests build
 * theirs with {@code core.testing.TestConversation}, which can replace any part.
 */
public final class InMemoryConversation {

    /**
     * What differs between those who use it.
     *
     * @param administrators the user ids that are charter administrators (platform administrators are not trusted)
     * @param trigger told when an administrator asks for a channel's nudge now
     * @param team the experts' desk and the phrasing review, given the administrators' actions
     */
    public record Settings(
            QuizSettings quiz,
            NudgeSettings nudgeDefaults,
            Set<String> administrators,
            NudgeTrigger trigger,
            ReloadCharter reload,
            DrawCharts charts,
            Function<AdminActions, CommunicationsTeam> team) {
        public Settings {
            Objects.requireNonNull(quiz, "quiz");
            Objects.requireNonNull(nudgeDefaults, "nudgeDefaults");
            administrators = Set.copyOf(administrators);
            Objects.requireNonNull(trigger, "trigger");
            Objects.requireNonNull(reload, "reload");
            Objects.requireNonNull(charts, "charts");
            Objects.requireNonNull(team, "team");
        }
    }

    private final InMemoryChannelStore channels = new InMemoryChannelStore();
    private final InMemoryLanguagePreferences languages = new InMemoryLanguagePreferences();
    private final QuizService quiz;
    private final TipService tips;
    private final ConversationService conversation;

    public InMemoryConversation(AnswerEngine engine, Settings settings, Clock clock, RandomGenerator random) {
        InMemoryActivityLog activity = new InMemoryActivityLog();
        InMemoryQuizProgressStore progress = new InMemoryQuizProgressStore();
        quiz = new QuizService(
                engine::charter,
                progress,
                new InMemoryQuizSessionStore(),
                new InMemoryChannelQuizStore(),
                activity,
                settings.quiz(),
                clock,
                random);
        tips = new TipService(engine::charter, new InMemoryTipRotationStore(), activity, clock, random);
        AdminActions admin = new AdminActions(
                new AdminPolicy(new AdminDirectory(settings.administrators(), Set.of(), false)),
                new InMemoryAuditLog(),
                clock);
        HomeService home =
                new HomeService(engine::charter, progress, channels, admin, languages, engine.defaultLanguage(), clock);
        conversation = new ConversationService(
                new EmployeeServices(
                        engine,
                        new DraftChecker(engine::charter, engine.defaultLanguage(), DraftFindings.NONE),
                        quiz,
                        quiz,
                        tips,
                        home),
                new PersonalRecords(languages, quiz, activity),
                new ChannelNudges(channels, new InMemoryDeliveryStore(), settings.trigger(), settings.nudgeDefaults()),
                new Administration(
                        admin,
                        new AwarenessStatsService(activity, clock),
                        new InMemoryUnansweredQuestions(),
                        settings.reload(),
                        settings.charts()),
                settings.team().apply(admin),
                clock);
    }

    public ConversationService conversation() {
        return conversation;
    }

    /** The quizzes, also a channel's quiz for a nudge. */
    public QuizService quiz() {
        return quiz;
    }

    public TipService tips() {
        return tips;
    }

    public InMemoryChannelStore channels() {
        return channels;
    }

    public InMemoryLanguagePreferences languages() {
        return languages;
    }
}
