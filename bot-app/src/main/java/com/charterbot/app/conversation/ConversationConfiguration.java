package com.charterbot.app.conversation;

import com.charterbot.core.activity.ActivityLog;
import com.charterbot.core.activity.UnansweredQuestions;
import com.charterbot.core.admin.AdminActions;
import com.charterbot.core.admin.AdminDirectory;
import com.charterbot.core.admin.AdminPolicy;
import com.charterbot.core.admin.AuditLog;
import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.chat.ConversationService;
import com.charterbot.core.chat.LanguagePreferences;
import com.charterbot.core.nudge.ChannelStore;
import com.charterbot.core.nudge.DeliveryStore;
import com.charterbot.core.nudge.NudgeTrigger;
import com.charterbot.core.quiz.ChannelQuizStore;
import com.charterbot.core.quiz.QuizProgressStore;
import com.charterbot.core.quiz.QuizService;
import com.charterbot.core.quiz.QuizSessionStore;
import com.charterbot.core.quiz.QuizSettings;
import com.charterbot.core.stats.AwarenessStatsService;
import com.charterbot.core.tip.TipRotationStore;
import com.charterbot.core.tip.TipService;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
    QuizService quizService(AnswerEngine answers, QuizProgressStore progress, QuizSessionStore sessions,
            ChannelQuizStore channelQuizzes, ActivityLog activity, ConversationProperties properties, Clock clock) {
        QuizSettings settings = new QuizSettings(properties.quiz().questions(), properties.quiz().sessionTtl());
        // Session and channel-quiz ids come from this generator: they must not be guessable.
        return new QuizService(answers::charter, progress, sessions, channelQuizzes, activity, settings, clock, new SecureRandom());
    }

    @Bean
    TipService tipService(AnswerEngine answers, TipRotationStore rotation, ActivityLog activity, Clock clock) {
        return new TipService(answers::charter, rotation, activity, clock, new SecureRandom());
    }

    @Bean
    AdminActions adminActions(ConversationProperties properties, AuditLog audit, Clock clock) {
        ConversationProperties.Admins admins = properties.admins();
        AdminDirectory directory = new AdminDirectory(admins.slackUserIds(), admins.teamsUserIds(), admins.trustPlatformAdmins());
        return new AdminActions(new AdminPolicy(directory), audit, clock);
    }

    @Bean
    ConversationService conversationService(AnswerEngine answers, QuizService quiz, TipService tips, ChannelStore channels,
            DeliveryStore deliveries,
            AdminActions admin, ActivityLog activity, UnansweredQuestions unanswered, LanguagePreferences languages,
            NudgeTrigger trigger, ConversationProperties properties, Clock clock) {
        return new ConversationService(new ConversationService.Parts(answers, quiz, quiz, quiz, tips, channels, deliveries, admin,
                new AwarenessStatsService(activity, clock), activity, unanswered, languages, trigger, clock,
                properties.nudges().settings(answers.defaultLanguage())));
    }
}
