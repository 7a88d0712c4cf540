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
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
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

    /** How long a question waits, at most, before it is written for the statistics. */
    static final Duration QUESTIONS_WRITTEN_EVERY = Duration.ofMillis(250);

    /** How long a replica trusts the language preference it read (one set on another replica shows within this). */
    static final Duration LANGUAGES_KEPT = Duration.ofSeconds(10);

    /** How long a replica keeps a tenant's experts' channel before reading it again. */
    static final Duration EXPERTS_CHANNELS_KEPT = Duration.ofSeconds(10);

    @Bean
    @DependsOnDatabaseInitialization
    PseudonymousIds pseudonymousIds(DataSource dataSource, PrivacyProperties privacy, Environment environment) {
        Optional<String> configured = privacy.configuredUserKey();
        if (configured.isEmpty() && environment.acceptsProfiles(PRODUCTION)) {
            // StartupChecks refuses this before anything starts; this second line holds for any other way of building
            // the context.
            throw new StartupRefusal(
                    UserKeySecret.PROPERTY + " is not set: in production the key that pseudonymizes user ids must come "
                            + "from a secret, not from the database it protects.",
                    "Set CHARTER_PRIVACY_USERKEYSECRET (e.g. the output of "
                            + "'openssl rand -base64 32'); the Helm chart reads it from the Secret's user-key-secret. See SECURITY.md.");
        }
        return UserKeySecret.load(dataSource, configured);
    }

    @Bean
    @DependsOnDatabaseInitialization
    ChannelStore channelStore(DataSource dataSource) {
        return new JdbcChannelStore(dataSource);
    }

    /**
     * The activity tables, questions written in batches off the request thread; closed at shutdown,
     * which writes what waits. Its drops (a full queue) are the {@code charter.activity.questions.dropped} gauge.
     */
    @Bean
    @DependsOnDatabaseInitialization
    BatchedQuestions batchedQuestions(
            DataSource dataSource, PseudonymousIds pseudonyms, ObjectProvider<MeterRegistry> registry) {
        BatchedQuestions batched =
                new BatchedQuestions(new JdbcActivityLog(dataSource, pseudonyms), QUESTIONS_WRITTEN_EVERY);
        registry.ifAvailable(
                meters -> Gauge.builder("charter.activity.questions.dropped", batched, BatchedQuestions::dropped)
                        .description("Questions not kept for statistics because too many waited to be written")
                        .register(meters));
        return batched;
    }

    /** Counted for the bot's metrics (questions, quiz answers, nudges sent) when metrics are on. */
    @Bean
    @Primary
    ActivityLog activityLog(BatchedQuestions log, ObjectProvider<BotMetrics> metrics) {
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
        return new CachedExpertsChannels(
                new JdbcExpertsChannels(dataSource, clock), EXPERTS_CHANNELS_KEPT, Ticker.systemTicker());
    }

    @Bean
    @DependsOnDatabaseInitialization
    LanguagePreferences languagePreferences(DataSource dataSource, PseudonymousIds pseudonyms) {
        return new CachedLanguagePreferences(
                new JdbcLanguagePreferences(dataSource, pseudonyms), LANGUAGES_KEPT, Ticker.systemTicker());
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
