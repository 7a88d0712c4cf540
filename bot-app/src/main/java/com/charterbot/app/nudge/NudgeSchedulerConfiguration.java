package com.charterbot.app.nudge;

import com.charterbot.app.ops.BotMetrics;
import com.charterbot.app.persistence.JdbcDeliveryStore;
import com.charterbot.app.persistence.JdbcSendBudget;
import com.charterbot.app.persistence.PrivacyProperties;
import com.charterbot.core.activity.ActivityLog;
import com.charterbot.core.activity.UnansweredQuestions;
import com.charterbot.core.chat.RepliedMessages;
import com.charterbot.core.chat.SeenEvents;
import com.charterbot.core.nudge.ChannelMessenger;
import com.charterbot.core.nudge.ChannelStore;
import com.charterbot.core.nudge.DeliveryStore;
import com.charterbot.core.nudge.NudgeComposer;
import com.charterbot.core.nudge.NudgeDispatcher;
import com.charterbot.core.nudge.NudgeTrigger;
import com.charterbot.core.nudge.SendBudget;
import com.charterbot.core.quiz.RunChannelQuiz;
import com.charterbot.core.tip.ShowTip;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.context.LifecycleProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the cluster-safe nudge scheduler: the {@link NudgeDispatcher} over the application's
 * stores, a {@link JdbcDeliveryStore}, and a db-scheduler {@link Scheduler} on the application's
 * {@link DataSource} (built here: db-scheduler's Spring Boot starter does not activate on Boot 4)
 * running the {@link NudgeTasks}, tied to the application's lifecycle by {@link SchedulerLifecycle}.
 *
 * <p>Nudges go through the platform adapters' {@link PlatformChannelMessenger} beans, by the
 * channel's platform; a platform without an adapter gets a {@link LoggingChannelMessenger} that
 * pauses the channels it cannot serve. A single {@link ChannelMessenger} bean (tests, benchmarks)
 * replaces the routing altogether. {@code
 * charter.scheduler.enabled=false} keeps this process from running the scheduler (the others
 * sharing the database still do).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({NudgeSchedulerProperties.class, PrivacyProperties.class})
public class NudgeSchedulerConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(NudgeSchedulerConfiguration.class);

    @Bean
    JdbcDeliveryStore deliveryStore(DataSource dataSource) {
        return new JdbcDeliveryStore(dataSource);
    }

    /**
     * The send budget on the database the replicas share: {@code tenant-budget-per-second} per
     * workspace or tenant for the whole cluster, evenly paced (no burst) a little below it, and the
     * channel spacing ({@link NudgeSchedulerProperties#sendPacing()}).
     */
    @Bean
    @DependsOnDatabaseInitialization
    JdbcSendBudget sendBudget(DataSource dataSource, NudgeSchedulerProperties properties, Clock clock) {
        return new JdbcSendBudget(dataSource, properties.sendPacing(), clock);
    }

    /** Forgets the send budget's rows once past: they only pace the next messages. */
    @Bean
    RetentionHook sendBudgetRetention(JdbcSendBudget budget) {
        return RetentionHook.of(
                "send budget slots in the past", now -> budget.purgeBefore(now.minus(Duration.ofHours(1))));
    }

    @Bean
    NudgeComposer nudgeComposer(ShowTip tips, RunChannelQuiz quizzes) {
        return new NudgeComposer(tips, quizzes);
    }

    /** The dispatcher; what the platforms answer and what becomes of each delivery are counted when metrics are on. */
    @Bean
    NudgeDispatcher nudgeDispatcher(
            ChannelStore channels,
            DeliveryStore deliveries,
            NudgeComposer composer,
            ObjectProvider<ChannelMessenger> messengers,
            ObjectProvider<PlatformChannelMessenger> platforms,
            ActivityLog activity,
            SendBudget limiter,
            NudgeSchedulerProperties properties,
            Clock clock,
            ObjectProvider<BotMetrics> metrics) {
        ChannelMessenger messenger = messengers.getIfAvailable(() -> new RoutingChannelMessenger(() -> {
            List<PlatformChannelMessenger> adapters = platforms.orderedStream().toList();
            if (adapters.isEmpty()) {
                LOG.warn(
                        "no platform adapter configured: scheduled nudges are not sent, and the channels they are due to get paused");
            }
            return adapters;
        }));
        BotMetrics meters = metrics.getIfAvailable();
        if (meters != null) {
            messenger = meters.messenger(messenger);
            deliveries = meters.deliveries(deliveries);
        }
        // The random generator only spreads retries (jitter); it is used under the dispatcher's lock.
        return new NudgeDispatcher(
                new NudgeDispatcher.Stores(channels, deliveries, activity),
                new NudgeDispatcher.Sending(composer, messenger, limiter),
                new NudgeDispatcher.Pacing(clock, NudgeDispatcher.Sleeper.SYSTEM, new SplittableRandom()),
                properties.dispatcherSettings());
    }

    /** Deletes finished nudge deliveries after {@code charter.scheduler.retention.deliveries} (90 days). */
    @Bean
    RetentionHook deliveryRetention(DeliveryStore deliveries, NudgeSchedulerProperties properties) {
        Duration keep = properties.retention().deliveries();
        return RetentionHook.of("nudge deliveries older than " + keep, now -> deliveries.purgeBefore(now.minus(keep)));
    }

    /** Forgets handled platform event ids after a day: platforms retry within minutes. */
    @Bean
    RetentionHook seenEventsRetention(ObjectProvider<SeenEvents> seen) {
        return RetentionHook.of(
                "seen platform events older than a day",
                now -> seen.stream()
                        .mapToInt(events -> events.forgetBefore(now.minus(Duration.ofDays(1))))
                        .sum());
    }

    /** Forgets which reply answered which message after a day ({@link RepliedMessages#KEPT}): edits come within minutes. */
    @Bean
    RetentionHook repliedMessagesRetention(ObjectProvider<RepliedMessages> replies) {
        return RetentionHook.of(
                "replied message ids older than " + RepliedMessages.KEPT,
                now -> replies.stream()
                        .mapToInt(kept -> kept.forgetBefore(now.minus(RepliedMessages.KEPT)))
                        .sum());
    }

    /** Deletes unanswered question texts after {@code charter.privacy.question-retention} (30 days), when they are kept at all. */
    @Bean
    RetentionHook questionRetention(ObjectProvider<UnansweredQuestions> questions, PrivacyProperties privacy) {
        Duration keep = privacy.questionRetention();
        return RetentionHook.of("unanswered questions older than " + keep, now -> {
            UnansweredQuestions store = questions.getIfAvailable();
            return store == null ? 0 : store.purgeBefore(now.minus(keep));
        });
    }

    @Bean
    NudgeTasks nudgeTasks(
            NudgeDispatcher dispatcher,
            DeliveryStore deliveries,
            ObjectProvider<RetentionHook> hooks,
            ObjectProvider<HourlyHook> hourly,
            NudgeSchedulerProperties properties,
            Clock clock) {
        return new NudgeTasks(
                dispatcher,
                deliveries,
                () -> hooks.orderedStream().toList(),
                () -> hourly.orderedStream().toList(),
                clock,
                properties.plannerInterval(),
                properties.retention().time(),
                properties.tenantBudgetPerSecond());
    }

    /** {@code nudges now}; it schedules on the shared table, so it works on replicas that run no scheduler. */
    @Bean
    NudgeTrigger nudgeTrigger(
            ChannelStore channels, DeliveryStore deliveries, NudgeTasks tasks, DataSource dataSource, Clock clock) {
        SchedulerClient.Builder builder = SchedulerClient.Builder.create(dataSource, tasks.oneTimeTasks());
        if (!isPostgreSql(dataSource)) {
            builder.jdbcCustomization(h2Timestamps());
        }
        SchedulerClient client = builder.build();
        return new SchedulerNudgeTrigger(channels, deliveries, tasks, client, clock);
    }

    @Bean
    @ConditionalOnProperty(prefix = "charter.scheduler", name = "enabled", havingValue = "true", matchIfMissing = true)
    SchedulerLifecycle nudgeScheduler(
            DataSource dataSource,
            NudgeTasks tasks,
            NudgeSchedulerProperties properties,
            ObjectProvider<LifecycleProperties> lifecycle) {
        // Spring Boot's own spring.lifecycle.* settings; a context without its auto-configuration has the default.
        Duration phase = lifecycle.getIfAvailable(LifecycleProperties::new).getTimeoutPerShutdownPhase();
        Duration drain = properties.shutdownMaxWait().multipliedBy(2);
        if (drain.compareTo(phase) > 0) {
            LOG.warn(
                    "charter.scheduler.shutdown-max-wait ({}) lets running deliveries take up to {} on shutdown, longer than "
                            + "spring.lifecycle.timeout-per-shutdown-phase ({}): the database may close under them (they are retried by "
                            + "another replica)",
                    properties.shutdownMaxWait(),
                    drain,
                    phase);
        }
        return new SchedulerLifecycle(buildScheduler(dataSource, tasks, properties, builder -> {}));
    }

    /**
     * A db-scheduler for these tasks on this database, configured from the properties; the
     * customizer may change anything before it is built (tests use it for names and executors).
     * On PostgreSQL it polls with {@code SELECT ... FOR UPDATE SKIP LOCKED}; elsewhere (H2) with
     * optimistic locking per execution.
     */
    public static Scheduler buildScheduler(
            DataSource dataSource,
            NudgeTasks tasks,
            NudgeSchedulerProperties properties,
            Consumer<SchedulerBuilder> customizer) {
        SchedulerBuilder builder = Scheduler.create(dataSource, tasks.oneTimeTasks())
                .startTasks(tasks.recurringTasks())
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(properties.missedHeartbeats())
                .shutdownMaxWait(properties.shutdownMaxWait())
                .enableImmediateExecution()
                .failureLogging(LogLevel.WARN, true);
        if (!properties.name().isBlank()) {
            builder.schedulerName(new SchedulerName.Fixed(properties.name().strip()));
        }
        if (isPostgreSql(dataSource)) {
            builder.pollUsingLockAndFetch(0.5, 1.0);
        } else {
            builder.jdbcCustomization(h2Timestamps());
        }
        customizer.accept(builder);
        return builder.build();
    }

    /**
     * How H2 stores instants: what db-scheduler would otherwise guess from the database's name, with a
     * warning; the migrations declare every instant TIMESTAMP WITH TIME ZONE, so the zone is stored.
     */
    private static DefaultJdbcCustomization h2Timestamps() {
        return new DefaultJdbcCustomization(false);
    }

    static boolean isPostgreSql(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection
                    .getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database of the nudge scheduler", e);
        }
    }
}
