package com.charterbot.app.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.app.persistence.Databases;
import com.charterbot.core.activity.InMemoryActivityLog;
import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.chat.ChannelRef;
import com.charterbot.core.chat.Platform;
import com.charterbot.core.nudge.ChannelMessenger;
import com.charterbot.core.nudge.ChannelState;
import com.charterbot.core.nudge.ChannelStore;
import com.charterbot.core.nudge.DeliveryStore;
import com.charterbot.core.nudge.InMemoryChannelStore;
import com.charterbot.core.nudge.NudgeComposer;
import com.charterbot.core.nudge.NudgeDelivery;
import com.charterbot.core.nudge.NudgeDispatcher;
import com.charterbot.core.nudge.OutboundLimiter;
import com.charterbot.core.nudge.SendOutcome;
import com.charterbot.core.reply.Reply;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fan-out benchmark (run by {@code bench/fanout}, never by {@code ./mvnw verify}): 10,000
 * channels due at the same instant, sent through the real {@link NudgeDispatcher},
 * {@link JdbcDeliveryStore} and one db-scheduler instance on embedded PostgreSQL, to a stub
 * platform that takes 1 ms per message, under an {@link OutboundLimiter} budget of 1,000
 * messages a second. Measures from the start of the first planner run to the moment the last
 * delivery is recorded SENT, and compares it with the ideal, channels / budget (10 s).
 *
 * <p>A smaller fan-out on another database runs first, unmeasured, so that the measured one runs
 * on warm code as in a server that has been up for a while (set {@code bench.fanout.warmup=0} to
 * measure a cold start).
 *
 * <p>Knobs, as system properties (Maven passes {@code -D...} through): {@code bench.fanout.channels}
 * (10000), {@code bench.fanout.budget} (1000, messages a second in all), {@code bench.fanout.tenants}
 * (1: the whole budget is one tenant's {@code tenant-budget-per-second}; n spreads the channels and
 * the budget evenly over n tenants), {@code bench.fanout.threads} (16), {@code bench.fanout.polling-ms}
 * (100), {@code bench.fanout.warmup} (2000 channels), {@code bench.fanout.timeout-s} (120).
 */
@Tag("bench")
class FanoutBenchmark {

    static final int CHANNELS = Integer.getInteger("bench.fanout.channels", 10_000);
    static final double BUDGET = Double.parseDouble(System.getProperty("bench.fanout.budget", "1000"));
    static final int TENANTS = Integer.getInteger("bench.fanout.tenants", 1);
    static final int THREADS = Integer.getInteger("bench.fanout.threads", 16);
    static final Duration POLLING = Duration.ofMillis(Long.getLong("bench.fanout.polling-ms", 100));
    static final int WARMUP = Integer.getInteger("bench.fanout.warmup", 2000);
    static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("bench.fanout.timeout-s", 120));
    static final Duration SEND_LATENCY = Duration.ofMillis(1);
    /** The default spacing: each channel gets one message, so it never binds. */
    static final Duration CHANNEL_SPACING = Duration.ofMillis(1100);
    static final double TARGET_RATIO = 1.15;

    static final double PER_TENANT = BUDGET / TENANTS;
    static final NudgeSchedulerProperties PROPERTIES = new NudgeSchedulerProperties(true, "bench", Duration.ofSeconds(30), THREADS,
            POLLING, Duration.ofSeconds(30), 6, Duration.ofSeconds(2), PER_TENANT, CHANNEL_SPACING, Duration.ofSeconds(2),
            Duration.ofMinutes(5), NudgeSchedulerProperties.Retry.defaults(), NudgeSchedulerProperties.Retention.defaults());

    @Test
    void fanOut() throws Exception {
        Report report = new Report();
        report.line("setup: %d channels all due at one weekly slot; stub platform %d ms a message; embedded PostgreSQL; %d CPUs",
                CHANNELS, SEND_LATENCY.toMillis(), Runtime.getRuntime().availableProcessors());
        report.line("budget: %s msg/s = %d tenant(s) x %s msg/s (charter.scheduler.tenant-budget-per-second=%s, burst %d a tenant),"
                + " channel spacing %d ms (one message a channel: never binds)", num(BUDGET), TENANTS, num(PER_TENANT), num(PER_TENANT),
                (long) Math.max(1, Math.floor(PER_TENANT)), CHANNEL_SPACING.toMillis());
        report.line("scheduler: 1 db-scheduler instance, %d threads, polling %d ms, lock-and-fetch, pool %d connections,"
                + " max limiter wait %d ms", THREADS, POLLING.toMillis(), THREADS + 4, PROPERTIES.maxLimiterWait().toMillis());
        if (WARMUP > 0) {
            FanOut warmup = FanOut.run(WARMUP);
            report.line("warm-up (not measured): %d channels on another database in %.2f s, ratio %.2f, lost %d, duplicated %d",
                    WARMUP, warmup.elapsed(), warmup.elapsed() / (WARMUP / BUDGET), warmup.lost(), warmup.duplicated());
        } else {
            report.line("warm-up: none (cold start)");
        }

        FanOut run = FanOut.run(CHANNELS);
        run.describe(report);
        double ideal = CHANNELS / BUDGET;
        String ratio = String.format(Locale.ROOT, "%.2f", run.elapsed() / ideal);
        report.line("result: %s; ratio %s, target <= %.2f: %s",
                run.complete() ? "every channel's delivery SENT" : "TIMED OUT after " + TIMEOUT, ratio, TARGET_RATIO,
                Double.parseDouble(ratio) <= TARGET_RATIO ? "met" : "MISSED");
        report.last(String.format(Locale.ROOT, "bench-fanout: channels=%d elapsed_s=%.2f ideal_s=%.2f ratio=%s lost=%d duplicated=%d",
                CHANNELS, run.elapsed(), ideal, ratio, run.lost(), run.duplicated()));

        assertThat(run.lost()).as("channels never nudged").isZero();
        assertThat(run.duplicated()).as("nudges sent twice").isZero();
        assertThat(run.complete()).as("every delivery recorded SENT within " + TIMEOUT).isTrue();
    }

    /** One fan-out on a fresh database and a fresh scheduler, and what was seen of it. */
    private static final class FanOut {
        private final int count;
        private final List<ChannelRef> channels = new ArrayList<>();
        private final PlannerWatch states;
        private final StubPlatform platform = new StubPlatform(SEND_LATENCY);
        private final CountingSleeper sleeper = new CountingSleeper();
        private final TimedDeliveryStore deliveries;
        private final ScheduledWatch scheduled;
        private final List<String> database = new ArrayList<>();
        private long schedulerStart;
        private long startedAt;
        private long finishedAt;
        private boolean complete;
        private double loadBefore;
        private double loadAfter;

        private FanOut(int count, DataSource pool) {
            this.count = count;
            // All channels last nudged at the same instant 8 days ago: one weekly slot, the same for all, is due.
            Instant lastNudge = Instant.now().minus(Duration.ofDays(8));
            InMemoryChannelStore store = new InMemoryChannelStore();
            for (int n = 0; n < count; n++) {
                ChannelRef ref = new ChannelRef(Platform.SLACK, "T" + (n % TENANTS), "C" + n);
                store.save(ChannelState.of(ref, "channel " + n, ClusterRig.WEEKLY).delivered(lastNudge, NudgeSent.Kind.TIP));
                channels.add(ref);
            }
            this.states = new PlannerWatch(store);
            this.deliveries = new TimedDeliveryStore(new JdbcDeliveryStore(pool), count);
            this.scheduled = new ScheduledWatch(count);
        }

        static FanOut run(int count) throws InterruptedException {
            HikariConfig config = new HikariConfig();
            config.setDataSource(Databases.fresh(Databases.Kind.POSTGRESQL));
            config.setMaximumPoolSize(THREADS + 4);
            config.setMinimumIdle(THREADS + 4);
            config.setPoolName("bench-" + count);
            try (HikariDataSource pool = new HikariDataSource(config)) {
                FanOut fanOut = new FanOut(count, pool);
                fanOut.run(pool);
                return fanOut;
            }
        }

        private void run(DataSource pool) throws InterruptedException {
            NudgeDispatcher dispatcher = new NudgeDispatcher(new NudgeDispatcher.Parts(states, deliveries,
                    new NudgeComposer((channel, language, delivery) -> ClusterRig.reply("tip for " + channel.channelId()), ClusterRig.NO_QUIZ),
                    platform, new InMemoryActivityLog(), OutboundLimiter.perSecond(PER_TENANT, CHANNEL_SPACING), Clock.systemUTC(), sleeper,
                    new SplittableRandom(7)), PROPERTIES.dispatcherSettings());
            NudgeTasks tasks = new NudgeTasks(dispatcher, deliveries, List::of, Clock.systemUTC(), PROPERTIES.plannerInterval(),
                    PROPERTIES.retention().time(), PROPERTIES.tenantBudgetPerSecond());
            Scheduler scheduler = NudgeSchedulerConfiguration.buildScheduler(pool, tasks, PROPERTIES,
                    builder -> builder.schedulerName(new SchedulerName.Fixed("bench")).addSchedulerListener(scheduled));

            loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            schedulerStart = System.nanoTime();
            scheduler.start();
            try {
                long deadline = schedulerStart + TIMEOUT.toNanos();
                while (deliveries.sentCount() < count && System.nanoTime() < deadline) {
                    TimeUnit.MILLISECONDS.sleep(5);
                }
                complete = deliveries.sentCount() >= count;
                long now = System.nanoTime();
                startedAt = states.firstPlan() != 0 ? states.firstPlan() : schedulerStart;
                finishedAt = complete ? deliveries.sent.last() : now;
                loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                // Give stray duplicates a chance to show up before counting.
                TimeUnit.SECONDS.sleep(1);
            } finally {
                scheduler.stop();
            }

            JdbcClient jdbc = JdbcClient.create(pool);
            Map<String, Object> statuses = new TreeMap<>();
            jdbc.sql("SELECT status, COUNT(*) AS n FROM nudge_delivery GROUP BY status").query()
                    .listOfRows().forEach(row -> statuses.put((String) row.get("status"), row.get("n")));
            Number dueInstants = (Number) jdbc.sql("SELECT COUNT(DISTINCT due_at) FROM nudge_delivery").query().singleValue();
            Number leftInstances = (Number) jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = :task")
                    .param("task", NudgeTasks.DELIVERY).query().singleValue();
            database.add(String.format(Locale.ROOT, "deliveries %s, %d distinct due instant(s), %d delivery task instance(s) left",
                    statuses, dueInstants.longValue(), leftInstances.longValue()));
        }

        void describe(Report report) {
            report.line("load average: %.1f before the measured fan-out, %.1f after (other work on the machine changes the result)",
                    loadBefore, loadAfter);
            report.line("planner: first run %.3f s after scheduler start, %d run(s); deliveries created from +%.3f s to +%.3f s,"
                    + " their task instances scheduled from +%.3f s to +%.3f s", seconds(startedAt - schedulerStart), states.runs(),
                    since(deliveries.created.first()), since(deliveries.created.last()), since(scheduled.times.first()),
                    since(scheduled.times.last()));
            report.line("sends: first SENT at +%.3f s, last at +%.3f s (%d recorded SENT); %d platform calls",
                    since(deliveries.sent.first()), since(deliveries.sent.last()), deliveries.sentCount(), platform.calls());
            report.line("attempts: %d delivery attempts for %d deliveries (%d rescheduled or repeated); limiter slept %d times,"
                    + " %.1f s in all, longest %.0f ms", deliveries.attempts(), deliveries.created.count(),
                    deliveries.attempts() - deliveries.created.count(), sleeper.count(), seconds(sleeper.totalNanos()),
                    sleeper.longestNanos() / 1e6);
            report.line("per second (deliveries created/instances scheduled/recorded SENT): %s",
                    Moments.timeline(startedAt, deliveries.created, scheduled.times, deliveries.sent));
            report.line("database: %s", String.join("; ", database));
        }

        private double since(long time) {
            return time == 0 ? Double.NaN : seconds(time - startedAt);
        }

        boolean complete() {
            return complete;
        }

        /** From the start of the first planner run to the last delivery recorded SENT (or the timeout). */
        double elapsed() {
            return seconds(finishedAt - startedAt);
        }

        int lost() {
            return (int) channels.stream().filter(channel -> platform.sends(channel) == 0).count();
        }

        int duplicated() {
            return channels.stream().mapToInt(platform::sends).filter(sends -> sends > 1).map(sends -> sends - 1).sum();
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String num(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    /** The report lines, printed and written to {@code target/bench-fanout.txt}, the summary last. */
    private static final class Report {
        private final List<String> lines = new ArrayList<>();

        void line(String format, Object... args) {
            lines.add("bench-fanout " + String.format(Locale.ROOT, format, args));
        }

        void last(String summary) throws IOException {
            lines.add(summary);
            lines.forEach(System.out::println);
            Path file = Path.of(System.getProperty("basedir", "."), "target", "bench-fanout.txt");
            Files.createDirectories(file.getParent());
            Files.write(file, lines);
        }
    }

    /** The platform: takes {@code latency} per message, accepts it, counts it per channel. */
    private static final class StubPlatform implements ChannelMessenger {
        private final long latencyNanos;
        private final Map<ChannelRef, AtomicInteger> sends = new ConcurrentHashMap<>();
        private final AtomicInteger calls = new AtomicInteger();

        StubPlatform(Duration latency) {
            this.latencyNanos = latency.toNanos();
        }

        @Override
        public SendOutcome send(ChannelState channel, Reply reply) {
            calls.incrementAndGet();
            try {
                TimeUnit.NANOSECONDS.sleep(latencyNanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new SendOutcome.Transient("interrupted");
            }
            sends.computeIfAbsent(channel.channel(), c -> new AtomicInteger()).incrementAndGet();
            return new SendOutcome.Sent();
        }

        int sends(ChannelRef channel) {
            AtomicInteger count = sends.get(channel);
            return count == null ? 0 : count.get();
        }

        int calls() {
            return calls.get();
        }
    }

    /** Sleeps like {@link NudgeDispatcher.Sleeper#SYSTEM} and adds the limiter's waits up. */
    private static final class CountingSleeper implements NudgeDispatcher.Sleeper {
        private final AtomicInteger count = new AtomicInteger();
        private final AtomicLong totalNanos = new AtomicLong();
        private final AtomicLong longestNanos = new AtomicLong();

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            long nanos = duration.toNanos();
            count.incrementAndGet();
            totalNanos.addAndGet(nanos);
            longestNanos.accumulateAndGet(nanos, Math::max);
            NudgeDispatcher.Sleeper.SYSTEM.sleep(duration);
        }

        int count() {
            return count.get();
        }

        long totalNanos() {
            return totalNanos.get();
        }

        long longestNanos() {
            return longestNanos.get();
        }
    }

    /** The channel store, noting when the planner first asks for every channel (the start of its first run). */
    private static final class PlannerWatch implements ChannelStore {
        private final ChannelStore delegate;
        private final AtomicLong firstPlan = new AtomicLong();
        private final AtomicInteger runs = new AtomicInteger();

        PlannerWatch(ChannelStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<ChannelState> all() {
            firstPlan.compareAndSet(0, System.nanoTime());
            runs.incrementAndGet();
            return delegate.all();
        }

        @Override
        public Optional<ChannelState> find(ChannelRef channel) {
            return delegate.find(channel);
        }

        @Override
        public void save(ChannelState state) {
            delegate.save(state);
        }

        @Override
        public void remove(ChannelRef channel) {
            delegate.remove(channel);
        }

        long firstPlan() {
            return firstPlan.get();
        }

        int runs() {
            return runs.get();
        }
    }

    /** Up to {@code capacity} instants (System.nanoTime), noted from any thread. */
    private static final class Moments {
        private final AtomicLongArray times;
        private final AtomicInteger count = new AtomicInteger();

        Moments(int capacity) {
            this.times = new AtomicLongArray(capacity);
        }

        void note() {
            int index = count.getAndIncrement();
            if (index < times.length()) {
                times.set(index, System.nanoTime());
            }
        }

        int count() {
            return count.get();
        }

        long first() {
            return extreme(true);
        }

        long last() {
            return extreme(false);
        }

        private long extreme(boolean first) {
            long result = 0;
            for (int i = 0; i < Math.min(count.get(), times.length()); i++) {
                long time = times.get(i);
                if (time != 0 && (result == 0 || (first ? time < result : time > result))) {
                    result = time;
                }
            }
            return result;
        }

        /** How many of each series fell in each second after {@code origin}, e.g. "1:2500/800/0 2:2600/1000/700". */
        static String timeline(long origin, Moments... series) {
            TreeMap<Long, int[]> buckets = new TreeMap<>();
            for (int s = 0; s < series.length; s++) {
                Moments moments = series[s];
                for (int i = 0; i < Math.min(moments.count.get(), moments.times.length()); i++) {
                    long time = moments.times.get(i);
                    if (time != 0) {
                        buckets.computeIfAbsent(Math.max(0, time - origin) / 1_000_000_000L, b -> new int[series.length])[s]++;
                    }
                }
            }
            StringBuilder text = new StringBuilder();
            buckets.forEach((second, counts) -> {
                text.append(text.isEmpty() ? "" : " ").append(second + 1).append(':');
                for (int s = 0; s < counts.length; s++) {
                    text.append(s == 0 ? "" : "/").append(counts[s]);
                }
            });
            return text.toString();
        }
    }

    /** Notes when the scheduler is told about each new delivery task instance. */
    private static final class ScheduledWatch extends AbstractSchedulerListener {
        final Moments times;

        ScheduledWatch(int capacity) {
            this.times = new Moments(capacity);
        }

        @Override
        public void onExecutionScheduled(TaskInstanceId instance, Instant at) {
            if (NudgeTasks.DELIVERY.equals(instance.getTaskName())) {
                times.note();
            }
        }
    }

    /** The real delivery store, noting when deliveries are created and recorded SENT, and how many attempts were made. */
    private static final class TimedDeliveryStore implements DeliveryStore {
        private final DeliveryStore delegate;
        final Moments created;
        final Moments sent;
        private final AtomicInteger attempts = new AtomicInteger();

        TimedDeliveryStore(DeliveryStore delegate, int expected) {
            this.delegate = delegate;
            this.created = new Moments(expected);
            this.sent = new Moments(expected);
        }

        @Override
        public Optional<NudgeDelivery> createIfAbsent(ChannelRef channel, Instant due) {
            Optional<NudgeDelivery> result = delegate.createIfAbsent(channel, due);
            if (result.isPresent()) {
                created.note();
            }
            return result;
        }

        @Override
        public Optional<NudgeDelivery> find(long id) {
            attempts.incrementAndGet();
            return delegate.find(id);
        }

        @Override
        public boolean markSent(long id, Instant at, NudgeSent.Kind kind) {
            boolean changed = delegate.markSent(id, at, kind);
            if (changed) {
                sent.note();
            }
            return changed;
        }

        @Override
        public Optional<NudgeDelivery> find(ChannelRef channel, Instant due) {
            return delegate.find(channel, due);
        }

        @Override
        public List<NudgeDelivery> pending(int limit) {
            return delegate.pending(limit);
        }

        @Override
        public boolean markRetry(long id, int attempts, int rateLimited, String error) {
            return delegate.markRetry(id, attempts, rateLimited, error);
        }

        @Override
        public boolean markFailed(long id, int attempts, String error) {
            return delegate.markFailed(id, attempts, error);
        }

        @Override
        public boolean markSkipped(long id, String reason) {
            return delegate.markSkipped(id, reason);
        }

        @Override
        public List<NudgeDelivery> problems(Instant since) {
            return delegate.problems(since);
        }

        @Override
        public int purgeBefore(Instant cutoff) {
            return delegate.purgeBefore(cutoff);
        }

        int sentCount() {
            return sent.count();
        }

        int attempts() {
            return attempts.get();
        }

    }
}
