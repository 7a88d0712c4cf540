package com.charterbot.app.persistence;

import com.charterbot.app.ops.BotMetrics;
import com.charterbot.app.startup.StartupRefusal;
import com.charterbot.core.activity.ActivityLog;
import com.charterbot.core.activity.UnansweredQuestions;
import com.charterbot.core.admin.AuditLog;
import com.charterbot.core.experts.ExpertQuestions;
import com.charterbot.core.experts.ExpertsChannels;
import com.charterbot.core.nudge.ChannelStore;
import com.charterbot.core.people.LanguagePreferences;
import com.charterbot.core.phrasing.PhrasingCandidates;
import com.charterbot.core.quiz.ChannelQuizStore;
import com.charterbot.core.quiz.QuizProgressStore;
import com.charterbot.core.quiz.QuizSessionStore;
import com.charterbot.core.tip.TipRotationStore;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The database-backed stores behind every core port, on the application's DataSource (H2 under
 * ./data by default, PostgreSQL in production), created once Flyway has migrated the schema.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyProperties.class)
class PersistenceConfiguration {

    /** The profiles in which the pseudonym key must be configured. */
    static final Profiles PRODUCTION = Profiles.of("prod | production");

    @Bean
    @DependsOnDatabaseInitialization
    PseudonymousIds pseudonymousIds(DataSource dataSource, PrivacyProperties privacy, Environment environment) {
        Optional<String> configured = privacy.configuredUserKey();
        if (configured.isEmpty() && environment.acceptsProfiles(PRODUCTION)) {
            // StartupChecks refuses this before anything starts; this second line holds for any other way of building the context.
            throw new StartupRefusal(UserKeySecret.PROPERTY + " is not set: in production the key that pseudonymizes user ids must come "
                    + "from a secret, not from the database it protects.", "Set CHARTER_PRIVACY_USERKEYSECRET (e.g. the output of "
                    + "'openssl rand -base64 32'); the Helm chart reads it from the Secret's user-key-secret. See SECURITY.md.");
        }
        return UserKeySecret.load(dataSource, configured);
    }

    @Bean
    @DependsOnDatabaseInitialization
    ChannelStore channelStore(DataSource dataSource) {
        return new JdbcChannelStore(dataSource);
    }

    /** Counted for the bot's metrics (questions, quiz answers, nudges sent) when metrics are on. */
    @Bean
    @DependsOnDatabaseInitialization
    ActivityLog activityLog(DataSource dataSource, PseudonymousIds pseudonyms, ObjectProvider<BotMetrics> metrics) {
        ActivityLog log = new JdbcActivityLog(dataSource, pseudonyms);
        BotMetrics meters = metrics.getIfAvailable();
        return meters == null ? log : meters.activity(log);
    }

    @Bean
    @DependsOnDatabaseInitialization
    AuditLog auditLog(DataSource dataSource, PseudonymousIds pseudonyms) {
        return new JdbcAuditLog(dataSource, pseudonyms);
    }

    @Bean
    @DependsOnDatabaseInitialization
    UnansweredQuestions unansweredQuestions(DataSource dataSource) {
        return new JdbcUnansweredQuestions(dataSource);
    }

    @Bean
    @DependsOnDatabaseInitialization
    ExpertQuestions expertQuestions(DataSource dataSource, PseudonymousIds pseudonyms) {
        return new JdbcExpertQuestions(dataSource, pseudonyms);
    }

    @Bean
    @DependsOnDatabaseInitialization
    PhrasingCandidates phrasingCandidates(DataSource dataSource) {
        return new JdbcPhrasingCandidates(dataSource);
    }

    @Bean
    @DependsOnDatabaseInitialization
    ExpertsChannels expertsChannels(DataSource dataSource, java.time.Clock clock) {
        return new JdbcExpertsChannels(dataSource, clock);
    }

    @Bean
    @DependsOnDatabaseInitialization
    LanguagePreferences languagePreferences(DataSource dataSource, PseudonymousIds pseudonyms) {
        return new JdbcLanguagePreferences(dataSource, pseudonyms);
    }

    @Bean
    @DependsOnDatabaseInitialization
    QuizProgressStore quizProgressStore(DataSource dataSource, PseudonymousIds pseudonyms) {
        return new JdbcQuizProgressStore(dataSource, pseudonyms);
    }

    @Bean
    @DependsOnDatabaseInitialization
    QuizSessionStore quizSessionStore(DataSource dataSource, PseudonymousIds pseudonyms) {
        return new JdbcQuizSessionStore(dataSource, pseudonyms);
    }

    @Bean
    @DependsOnDatabaseInitialization
    ChannelQuizStore channelQuizStore(DataSource dataSource, PseudonymousIds pseudonyms) {
        return new JdbcChannelQuizStore(dataSource, pseudonyms);
    }

    @Bean
    @DependsOnDatabaseInitialization
    TipRotationStore tipRotationStore(DataSource dataSource) {
        return new JdbcTipRotationStore(dataSource);
    }

    @Bean
    @DependsOnDatabaseInitialization
    JdbcSeenEvents seenEvents(DataSource dataSource) {
        return new JdbcSeenEvents(dataSource);
    }

    @Bean
    @DependsOnDatabaseInitialization
    JdbcRepliedMessages repliedMessages(DataSource dataSource) {
        return new JdbcRepliedMessages(dataSource);
    }
}
