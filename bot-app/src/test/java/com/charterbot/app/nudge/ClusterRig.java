package com.charterbot.app.nudge;

import com.charterbot.app.persistence.Databases;
import com.charterbot.app.persistence.JdbcDeliveryStore;
import com.charterbot.app.persistence.JdbcSendBudget;
import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.memory.InMemoryActivityLog;
import com.charterbot.core.memory.InMemoryChannelStore;
import com.charterbot.core.nudge.ChannelMessenger;
import com.charterbot.core.nudge.ChannelState;
import com.charterbot.core.nudge.Frequency;
import com.charterbot.core.nudge.NudgeComposer;
import com.charterbot.core.nudge.NudgeContent;
import com.charterbot.core.nudge.NudgeDispatcher;
import com.charterbot.core.nudge.NudgeSettings;
import com.charterbot.core.nudge.SendOutcome;
import com.charterbot.core.quiz.RunChannelQuiz;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * Several replicas of the nudge scheduler on one PostgreSQL database, as in production: each its
 * own connection pool, dispatcher, view of the cluster's send budget (on the database) and db-scheduler (named after the replica, with its own
 * threads, so a test can tell which replica runs a send and can "kill" one). The channel side
 * (channels, activity) is shared in memory, as a shared database would be.
 */
final class ClusterRig implements AutoCloseable {

    /**
     * Short intervals so that a cluster test runs in seconds. A replica is taken for dead after 2 s
     * without a heartbeat (250 ms x 8): with 400 ms, a live replica starved of CPU on a loaded
     * machine was taken for dead and its send repeated by another.
     */
    static final NudgeSchedulerProperties FAST = new NudgeSchedulerProperties(
            true,
            "",
            Duration.ofMillis(250),
            8,
            Duration.ofMillis(100),
            Duration.ofMillis(250),
            8,
            Duration.ofSeconds(2),
            10_000,
            Duration.ZERO,
            Duration.ofSeconds(1),
            Duration.ofMinutes(5),
            new NudgeSchedulerProperties.Retry(
                    8, Duration.ofMillis(20), Duration.ofMillis(200), 0.5, Duration.ofMillis(10), 20),
            NudgeSchedulerProperties.Retention.defaults());

    static final NudgeSettings WEEKLY = new NudgeSettings(
            Frequency.WEEKLY,
            DayOfWeek.WEDNESDAY,
            1,
            LocalTime.of(9, 30),
            ZoneOffset.UTC,
            Language.EN,
            NudgeContent.TIPS);

    final DataSource database = Databases.fresh(Databases.Kind.POSTGRESQL);
    final InMemoryChannelStore channels = new InMemoryChannelStore();
    final InMemoryActivityLog activity = new InMemoryActivityLog();
    final List<Replica> replicas = new ArrayList<>();
    final JdbcDeliveryStore deliveries = new JdbcDeliveryStore(database);

    /** One replica: its pool, executors and scheduler, run by the application's {@link SchedulerLifecycle}. */
    record Replica(
            String name,
            HikariDataSource pool,
            ExecutorService executor,
            ExecutorService due,
            ScheduledExecutorService housekeeper,
            Scheduler scheduler,
            SchedulerLifecycle lifecycle) {

        /** Dies at once: stops polling and heartbeats; whatever runs on its threads stays stuck. */
        void freeze() {
            due.shutdownNow();
            housekeeper.shutdownNow();
        }
    }

    /** Channels 0..count-1, all nudged last 8 days ago: each has a nudge due now. */
    List<ChannelRef> addDueChannels(int count) {
        Instant eightDaysAgo = Instant.now().minus(Duration.ofDays(8));
        List<ChannelRef> refs = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            ChannelRef ref = new ChannelRef(
                    n % 2 == 0 ? Platform.SLACK : Platform.TEAMS, "tenant-" + n % 5, "C" + n + ":conv;id@x");
            channels.save(ChannelState.of(ref, "channel " + n, WEEKLY).delivered(eightDaysAgo, NudgeSent.Kind.TIP));
            refs.add(ref);
        }
        return refs;
    }

    Replica start(String name, ChannelMessenger messenger) {
        return start(name, messenger, FAST);
    }

    Replica start(String name, ChannelMessenger messenger, NudgeSchedulerProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(database);
        config.setMaximumPoolSize(properties.threads() + 4);
        config.setPoolName(name);
        HikariDataSource pool = new HikariDataSource(config);
        JdbcDeliveryStore store = new JdbcDeliveryStore(pool);
        NudgeDispatcher dispatcher = new NudgeDispatcher(
                new NudgeDispatcher.Stores(channels, store, activity),
                new NudgeDispatcher.Sending(
                        new NudgeComposer(
                                (channel, language, delivery) -> reply("tip for " + channel.channelId()), NO_QUIZ),
                        messenger,
                        new JdbcSendBudget(pool, properties.sendPacing(), Clock.systemUTC())),
                new NudgeDispatcher.Pacing(
                        Clock.systemUTC(), NudgeDispatcher.Sleeper.SYSTEM, new SplittableRandom(name.hashCode())),
                properties.dispatcherSettings());
        NudgeTasks tasks = new NudgeTasks(
                dispatcher,
                store,
                List::of,
                Clock.systemUTC(),
                properties.plannerInterval(),
                properties.retention().time(),
                properties.tenantBudgetPerSecond());
        ExecutorService executor = Executors.newFixedThreadPool(properties.threads(), threads(name + "-exec-"));
        ExecutorService due = Executors.newSingleThreadExecutor(threads(name + "-due-"));
        ScheduledExecutorService housekeeper = Executors.newScheduledThreadPool(3, threads(name + "-housekeeper-"));
        Scheduler scheduler = NudgeSchedulerConfiguration.buildScheduler(
                pool,
                tasks,
                properties,
                builder -> builder.schedulerName(new SchedulerName.Fixed(name))
                        .executorService(executor)
                        .dueExecutor(due)
                        .housekeeperExecutor(housekeeper));
        Replica replica =
                new Replica(name, pool, executor, due, housekeeper, scheduler, new SchedulerLifecycle(scheduler));
        replicas.add(replica);
        replica.lifecycle().start();
        return replica;
    }

    /** Polls until the condition holds; false when the time ran out. */
    static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return condition.getAsBoolean();
    }

    @Override
    public void close() {
        for (Replica replica : replicas) {
            replica.executor().shutdownNow();
        }
        for (Replica replica : replicas) {
            try {
                replica.scheduler().stop();
            } catch (RuntimeException ignored) {
                // a frozen replica's executors are already gone
            }
            replica.pool().close();
        }
    }

    static Reply reply(String text) {
        return Reply.of(Language.EN, Reply.Delivery.CONVERSATION, List.of(new Block.Text(text)));
    }

    static final RunChannelQuiz NO_QUIZ = new RunChannelQuiz() {
        @Override
        public Optional<Reply> post(ChannelRef channel, Language language) {
            return Optional.empty();
        }

        @Override
        public List<Reply> answer(UserRef user, ChannelRef channel, String value, Language language) {
            return List.of();
        }

        @Override
        public Reply view(UserRef user, ChannelRef channel, String quizId, Language language) {
            throw new UnsupportedOperationException("nudges never show a quiz to one person");
        }
    };

    private static ThreadFactory threads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A messenger that counts what the platform accepted, per channel, and says which replica sent it. */
    static class CountingMessenger implements ChannelMessenger {
        final Map<ChannelRef, AtomicInteger> accepted = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> byReplica = new ConcurrentHashMap<>();
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public SendOutcome send(ChannelState channel, Reply reply) {
            calls.incrementAndGet();
            SendOutcome outcome = outcome(channel);
            if (outcome instanceof SendOutcome.Sent) {
                accept(channel.channel());
            }
            return outcome;
        }

        /** What the platform answers; accepted by default. */
        SendOutcome outcome(ChannelState channel) {
            return new SendOutcome.Sent();
        }

        void accept(ChannelRef channel) {
            accepted.computeIfAbsent(channel, c -> new AtomicInteger()).incrementAndGet();
            String thread = Thread.currentThread().getName();
            byReplica
                    .computeIfAbsent(thread.substring(0, thread.indexOf('-')), r -> new AtomicInteger())
                    .incrementAndGet();
        }

        int total() {
            return accepted.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        int count(ChannelRef channel) {
            AtomicInteger count = accepted.get(channel);
            return count == null ? 0 : count.get();
        }
    }
}
