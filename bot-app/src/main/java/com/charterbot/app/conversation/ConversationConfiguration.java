package com.charterbot.app.conversation;

import com.charterbot.app.ops.BotMetrics;
import com.charterbot.core.activity.ActivityLog;
import com.charterbot.core.activity.UnansweredQuestions;
import com.charterbot.core.admin.AdminActions;
import com.charterbot.core.admin.AdminDirectory;
import com.charterbot.core.admin.AdminPolicy;
import com.charterbot.core.admin.AuditLog;
import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.charter.ReloadCharter;
import com.charterbot.core.chat.Administration;
import com.charterbot.core.chat.ChannelNudges;
import com.charterbot.core.chat.CommunicationsTeam;
import com.charterbot.core.chat.ConversationService;
import com.charterbot.core.chat.Converse;
import com.charterbot.core.chat.EmployeeServices;
import com.charterbot.core.chat.PersonalRecords;
import com.charterbot.core.check.DraftChecker;
import com.charterbot.core.check.DraftFindings;
import com.charterbot.core.experts.ExpertsDesk;
import com.charterbot.core.home.HomeService;
import com.charterbot.core.nudge.ChannelMembershipService;
import com.charterbot.core.nudge.ChannelStore;
import com.charterbot.core.nudge.DeliveryStore;
import com.charterbot.core.nudge.NudgeFormService;
import com.charterbot.core.nudge.NudgeSettings;
import com.charterbot.core.nudge.NudgeTrigger;
import com.charterbot.core.people.LanguagePreferences;
import com.charterbot.core.phrasing.PhrasingReview;
import com.charterbot.core.quiz.ChannelQuizStore;
import com.charterbot.core.quiz.QuizProgressStore;
import com.charterbot.core.quiz.QuizService;
import com.charterbot.core.quiz.QuizSessionStore;
import com.charterbot.core.quiz.QuizSettings;
import com.charterbot.core.stats.AwarenessStatsService;
import com.charterbot.core.stats.DrawCharts;
import com.charterbot.core.tip.TipRotationStore;
import com.charterbot.core.tip.TipService;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires the platform-neutral conversation over the database-backed stores of the persistence
 * package and the nudge scheduler's trigger.
 */
@Configuration(proxyBeanMethods = false)
class ConversationConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    QuizService quizService(
            AnswerEngine answers,
            QuizProgressStore progress,
            QuizSessionStore sessions,
            ChannelQuizStore channelQuizzes,
            ActivityLog activity,
            ConversationProperties properties,
            Clock clock) {
        QuizSettings settings = new QuizSettings(
                properties.quiz().questions(), properties.quiz().sessionTtl());
        // Session and channel-quiz ids come from this generator: they must not be guessable.
        return new QuizService(
                answers::charter, progress, sessions, channelQuizzes, activity, settings, clock, new SecureRandom());
    }

    @Bean
    TipService tipService(AnswerEngine answers, TipRotationStore rotation, ActivityLog activity, Clock clock) {
        return new TipService(answers::charter, rotation, activity, clock, new SecureRandom());
    }

    /**
     * Administrators: {@code charter.admins.*}, plus the ids listed with each platform's settings
     * ({@code charter.slack.admin-user-ids}, {@code charter.teams.admin-user-ids}).
     */
    @Bean
    AdminActions adminActions(ConversationProperties properties, AuditLog audit, Clock clock, Environment environment) {
        ConversationProperties.Admins admins = properties.admins();
        AdminDirectory directory = new AdminDirectory(
                union(admins.slackUserIds(), platformAdmins(environment, "slack")),
                union(admins.teamsUserIds(), platformAdmins(environment, "teams")),
                admins.trustPlatformAdmins());
        return new AdminActions(new AdminPolicy(directory), audit, clock);
    }

    /** Bound here rather than through the platform's properties record, which exists only when that platform is configured. */
    private static Set<String> platformAdmins(Environment environment, String platform) {
        return Binder.get(environment)
                .bind("charter." + platform + ".admin-user-ids", Bindable.setOf(String.class))
                .orElse(Set.of());
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> all = new HashSet<>(first);
        all.addAll(second);
        return all;
    }

    /** The nudges of a channel nobody configured yet. */
    private static NudgeSettings channelDefaults(ConversationProperties properties, AnswerEngine answers) {
        return properties.nudges().settings(answers.defaultLanguage());
    }

    @Bean
    ChannelMembershipService channelMembership(
            ChannelStore channels, AnswerEngine answers, ConversationProperties properties) {
        return new ChannelMembershipService(channels, channelDefaults(properties, answers));
    }

    @Bean
    NudgeFormService nudgeForm(
            ChannelStore channels,
            AdminActions admin,
            LanguagePreferences languages,
            AnswerEngine answers,
            ConversationProperties properties) {
        return new NudgeFormService(
                channels, admin, languages, channelDefaults(properties, answers), answers.defaultLanguage());
    }

    @Bean
    HomeService home(
            AnswerEngine answers,
            QuizProgressStore progress,
            ChannelStore channels,
            AdminActions admin,
            LanguagePreferences languages,
            Clock clock,
            ObjectProvider<PhrasingReview> phrasings) {
        return new HomeService(
                answers::charter,
                progress,
                channels,
                admin,
                languages,
                answers.defaultLanguage(),
                clock,
                Optional.ofNullable(phrasings.getIfAvailable()));
    }

    /** The conversation the platform adapters talk to; timed for the answer-latency metric when metrics are on. */
    @Bean
    Converse conversationService(
            AnswerEngine answers,
            QuizService quiz,
            TipService tips,
            HomeService home,
            ChannelStore channels,
            DeliveryStore deliveries,
            AdminActions admin,
            ActivityLog activity,
            UnansweredQuestions unanswered,
            LanguagePreferences languages,
            NudgeTrigger trigger,
            ReloadCharter reload,
            ConversationProperties properties,
            Clock clock,
            ObjectProvider<BotMetrics> metrics,
            DrawCharts charts,
            ObjectProvider<ExpertsDesk> experts,
            ObjectProvider<PhrasingReview> phrasings) {
        BotMetrics meters = metrics.getIfAvailable();
        // The drafts people check go to the checker only: the metrics see sections and levels, never a word.
        DraftChecker drafts = new DraftChecker(
                answers::charter,
                answers.defaultLanguage(),
                meters == null ? DraftFindings.NONE : meters.draftFindings());
        Converse conversation = new ConversationService(
                new EmployeeServices(answers, drafts, quiz, quiz, tips, home),
                new PersonalRecords(languages, quiz, activity),
                new ChannelNudges(channels, deliveries, trigger, channelDefaults(properties, answers)),
                new Administration(admin, new AwarenessStatsService(activity, clock), unanswered, reload, charts),
                new CommunicationsTeam(
                        Optional.ofNullable(experts.getIfAvailable()), Optional.ofNullable(phrasings.getIfAvailable())),
                clock);
        return meters == null ? conversation : meters.conversation(conversation);
    }
}
