package com.charterbot.app.conversation;

import com.charterbot.core.activity.ActivityLog;
import com.charterbot.core.activity.InMemoryActivityLog;
import com.charterbot.core.activity.InMemoryUnansweredQuestions;
import com.charterbot.core.activity.UnansweredQuestions;
import com.charterbot.core.admin.AdminActions;
import com.charterbot.core.admin.AdminDirectory;
import com.charterbot.core.admin.AdminPolicy;
import com.charterbot.core.admin.AuditLog;
import com.charterbot.core.admin.InMemoryAuditLog;
import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.chat.ConversationService;
import com.charterbot.core.chat.InMemoryLanguagePreferences;
import com.charterbot.core.chat.LanguagePreferences;
import com.charterbot.core.nudge.ChannelStore;
import com.charterbot.core.nudge.InMemoryChannelStore;
import com.charterbot.core.quiz.InMemoryChannelQuizStore;
import com.charterbot.core.quiz.InMemoryQuizProgressStore;
import com.charterbot.core.quiz.InMemoryQuizSessionStore;
import com.charterbot.core.quiz.QuizService;
import com.charterbot.core.quiz.QuizSettings;
import com.charterbot.core.stats.AwarenessStatsService;
import com.charterbot.core.tip.InMemoryTipRotationStore;
import com.charterbot.core.tip.TipService;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the platform-neutral conversation. Stores are in memory until the persistence module
 * provides database-backed ones, which replace these beans.
 */
@Configuration(proxyBeanMethods = false)
class ConversationConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    ActivityLog activityLog() {
        return new InMemoryActivityLog();
    }

    @Bean
    @ConditionalOnMissingBean
    AuditLog auditLog() {
        return new InMemoryAuditLog();
    }

    @Bean
    @ConditionalOnMissingBean
    ChannelStore channelStore() {
        return new InMemoryChannelStore();
    }

    @Bean
    @ConditionalOnMissingBean
    LanguagePreferences languagePreferences() {
        return new InMemoryLanguagePreferences();
    }

    @Bean
    QuizService quizService(AnswerEngine answers, ActivityLog activity, ConversationProperties properties, Clock clock) {
        QuizSettings settings = new QuizSettings(properties.quiz().questions(), properties.quiz().sessionTtl());
        // Session and channel-quiz ids come from this generator: they must not be guessable.
        return new QuizService(answers::charter, new InMemoryQuizProgressStore(), new InMemoryQuizSessionStore(),
                new InMemoryChannelQuizStore(), activity, settings, clock, new SecureRandom());
    }

    @Bean
    TipService tipService(AnswerEngine answers, ActivityLog activity, Clock clock) {
        return new TipService(answers::charter, new InMemoryTipRotationStore(), activity, clock, new SecureRandom());
    }

    @Bean
    AdminActions adminActions(ConversationProperties properties, AuditLog audit, Clock clock) {
        ConversationProperties.Admins admins = properties.admins();
        AdminDirectory directory = new AdminDirectory(admins.slackUserIds(), admins.teamsUserIds(), admins.trustPlatformAdmins());
        return new AdminActions(new AdminPolicy(directory), audit, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    UnansweredQuestions unansweredQuestions() {
        return new InMemoryUnansweredQuestions();
    }

    @Bean
    ConversationService conversationService(AnswerEngine answers, QuizService quiz, TipService tips, ChannelStore channels,
            AdminActions admin, ActivityLog activity, UnansweredQuestions unanswered, LanguagePreferences languages,
            ConversationProperties properties, Clock clock) {
        return new ConversationService(new ConversationService.Parts(answers, quiz, quiz, quiz, tips, channels, admin,
                new AwarenessStatsService(activity, clock), activity, unanswered, languages, clock,
                properties.nudges().settings(answers.defaultLanguage())));
    }
}
