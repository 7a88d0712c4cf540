package com.charterbot.app.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.app.persistence.Databases;
import com.charterbot.app.persistence.JdbcDeliveryStore;
import com.charterbot.core.activity.ActivityLog;
import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.activity.UnansweredQuestions;
import com.charterbot.core.memory.InMemoryActivityLog;
import com.charterbot.core.memory.InMemoryChannelStore;
import com.charterbot.core.memory.InMemoryUnansweredQuestions;
import com.charterbot.core.nudge.ChannelMessenger;
import com.charterbot.core.nudge.ChannelState;
import com.charterbot.core.nudge.ChannelStore;
import com.charterbot.core.nudge.NudgeDispatcher;
import com.charterbot.core.nudge.SendOutcome;
import com.charterbot.core.quiz.RunChannelQuiz;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.tip.ShowTip;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class NudgeSchedulerConfigurationTest {

    static final ChannelRef SLACK_CHANNEL = new ChannelRef(Platform.SLACK, "T1", "C1");
    static final ChannelRef TEAMS_CHANNEL = new ChannelRef(Platform.TEAMS, "tenant", "19:abc@thread.tacv2");

    /** What the lead's configuration provides: stores, content, clock and an H2 database migrated by Flyway. */
    @Configuration(proxyBeanMethods = false)
    static class Application {
        @Bean
        DataSource dataSource() {
            return Databases.fresh(Databases.Kind.H2);
        }

        @Bean
        ChannelStore channelStore() {
            InMemoryChannelStore channels = new InMemoryChannelStore();
            Instant eightDaysAgo = Instant.now().minus(Duration.ofDays(8));
            for (ChannelRef ref : List.of(SLACK_CHANNEL, TEAMS_CHANNEL)) {
                channels.save(
                        ChannelState.of(ref, "general", ClusterRig.WEEKLY).delivered(eightDaysAgo, NudgeSent.Kind.TIP));
            }
            return channels;
        }

        @Bean
        ActivityLog activityLog() {
            return new InMemoryActivityLog();
        }

        @Bean
        ShowTip showTip() {
            return (channel, language, delivery) -> ClusterRig.reply("a tip");
        }

        @Bean
        RunChannelQuiz runChannelQuiz() {
            return ClusterRig.NO_QUIZ;
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Adapter {
        final List<ChannelRef> sent = new CopyOnWriteArrayList<>();

        @Bean
        ChannelMessenger slackAndTeams() {
            return (ChannelState channel, Reply reply) -> {
                sent.add(channel.channel());
                return new SendOutcome.Sent();
            };
        }
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Application.class, NudgeSchedulerConfiguration.class)
            .withPropertyValues(
                    "charter.scheduler.planner-interval=200ms",
                    "charter.scheduler.polling-interval=100ms",
                    "charter.scheduler.heartbeat-interval=1s",
                    "charter.scheduler.shutdown-max-wait=1s",
                    "charter.scheduler.name=test");

    @Test
    void withoutAnAdapterTheDueChannelsArePausedWithTheReason() {
        runner.run(context -> {
            assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(NudgeDispatcher.class)
                    .hasSingleBean(SchedulerLifecycle.class);
            assertThat(context.getBean(SchedulerLifecycle.class).isRunning()).isTrue();
            ChannelStore channels = context.getBean(ChannelStore.class);

            JdbcDeliveryStore deliveries = context.getBean(JdbcDeliveryStore.class);
            // A channel is paused before its delivery is recorded SKIPPED: wait for both.
            boolean paused = ClusterRig.await(
                    Duration.ofSeconds(15),
                    () -> channels.all().stream().allMatch(c -> c.status() == ChannelState.Status.PAUSED)
                            && deliveries.problems(Instant.EPOCH).size() == 2);

            assertThat(paused).isTrue();
            assertThat(channels.find(SLACK_CHANNEL).orElseThrow().pauseReason()).isEqualTo("no adapter for slack");
            assertThat(channels.find(TEAMS_CHANNEL).orElseThrow().pauseReason()).isEqualTo("no adapter for teams");
            assertThat(deliveries.problems(Instant.EPOCH))
                    .hasSize(2)
                    .allSatisfy(d -> assertThat(d.lastError()).startsWith("no adapter for"));
        });
    }

    @Test
    void anAdapterMessengerSendsTheNudgesOnH2() {
        runner.withUserConfiguration(Adapter.class).run(context -> {
            Adapter adapter = context.getBean(Adapter.class);
            ActivityLog activity = context.getBean(ActivityLog.class);

            boolean sent = ClusterRig.await(
                    Duration.ofSeconds(15),
                    () -> activity.nudges(Instant.EPOCH, Instant.MAX).size() == 2);

            assertThat(sent).isTrue();
            assertThat(adapter.sent).containsExactlyInAnyOrder(SLACK_CHANNEL, TEAMS_CHANNEL);
            assertThat(context.getBean(ChannelStore.class).all())
                    .allSatisfy(c -> assertThat(c.status()).isEqualTo(ChannelState.Status.ACTIVE));
        });
    }

    @Test
    void stopsTheSchedulerWithTheContext() {
        runner.run(context -> {
            SchedulerLifecycle lifecycle = context.getBean(SchedulerLifecycle.class);
            context.close();

            assertThat(lifecycle.isRunning()).isFalse();
            assertThat(lifecycle.scheduler().getSchedulerState().isShuttingDown())
                    .isTrue();
        });
    }

    @Test
    void canBeSwitchedOffInThisProcess() {
        runner.withPropertyValues("charter.scheduler.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(SchedulerLifecycle.class);
            assertThat(context).hasSingleBean(NudgeDispatcher.class);
        });
    }

    @Test
    void bindsTheDefaultsAndTheSettings() {
        new ApplicationContextRunner()
                .withUserConfiguration(PropertiesOnly.class)
                .run(context -> assertThat(context.getBean(NudgeSchedulerProperties.class))
                        .isEqualTo(NudgeSchedulerProperties.defaults()));

        new ApplicationContextRunner()
                .withUserConfiguration(PropertiesOnly.class)
                .withPropertyValues(
                        "charter.scheduler.tenant-budget-per-second=7.5",
                        "charter.scheduler.channel-spacing=2s",
                        "charter.scheduler.threads=3",
                        "charter.scheduler.retry.max-attempts=9",
                        "charter.scheduler.retry.base-delay=5s",
                        "charter.scheduler.retention.daily-at=04:15",
                        "charter.scheduler.retention.deliveries=30d")
                .run(context -> {
                    NudgeSchedulerProperties properties = context.getBean(NudgeSchedulerProperties.class);
                    assertThat(properties.tenantBudgetPerSecond()).isEqualTo(7.5);
                    assertThat(properties.sendPacing().interval())
                            .as("7.5 a second less 4%: one every 1/7.2 s")
                            .isEqualTo(Duration.ofNanos(138_888_889));
                    assertThat(properties.channelSpacing()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(properties.threads()).isEqualTo(3);
                    assertThat(properties.retry().policy().maxAttempts()).isEqualTo(9);
                    assertThat(properties.retry().policy().baseDelay()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(properties.retention().time()).isEqualTo(LocalTime.of(4, 15));
                    assertThat(properties.retention().deliveries()).isEqualTo(Duration.ofDays(30));
                });

        new ApplicationContextRunner()
                .withUserConfiguration(PropertiesOnly.class)
                .withPropertyValues("charter.scheduler.retry.jitter=2")
                .run(context -> assertThat(context).hasFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @org.springframework.boot.context.properties.EnableConfigurationProperties(NudgeSchedulerProperties.class)
    static class PropertiesOnly {}

    @Test
    void theRetentionTaskRunsEveryHookWithTheConfiguredRetentions() {
        runner.withPropertyValues("charter.scheduler.enabled=false", "charter.privacy.question-retention=10d")
                .withBean(UnansweredQuestions.class, InMemoryUnansweredQuestions::new)
                .withBean(
                        "failingHook",
                        RetentionHook.class,
                        () -> RetentionHook.of("broken", now -> {
                            throw new IllegalStateException("boom");
                        }))
                .run(context -> {
                    UnansweredQuestions questions = context.getBean(UnansweredQuestions.class);
                    Instant now = Instant.now();
                    questions.record(now.minus(Duration.ofDays(11)), Language.EN, "old question");
                    questions.record(now.minus(Duration.ofDays(9)), Language.EN, "recent question");
                    JdbcDeliveryStore deliveries = context.getBean(JdbcDeliveryStore.class);
                    long old = deliveries
                            .createIfAbsent(SLACK_CHANNEL, now.minus(Duration.ofDays(91)))
                            .orElseThrow()
                            .id();
                    deliveries.markSent(old, now.minus(Duration.ofDays(91)), NudgeSent.Kind.TIP);
                    long recent = deliveries
                            .createIfAbsent(SLACK_CHANNEL, now.minus(Duration.ofDays(89)))
                            .orElseThrow()
                            .id();
                    deliveries.markSent(recent, now.minus(Duration.ofDays(89)), NudgeSent.Kind.TIP);

                    context.getBean(NudgeTasks.class).runRetention();

                    assertThat(questions.mostFrequent(Instant.EPOCH, Instant.MAX, 10))
                            .extracting(UnansweredQuestions.Frequent::text)
                            .containsExactly("recent question");
                    assertThat(deliveries.find(old)).isEmpty();
                    assertThat(deliveries.find(recent)).isPresent();
                });
    }
}
