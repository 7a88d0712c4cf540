package com.charterbot.app.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.app.persistence.Databases;
import com.charterbot.app.persistence.JdbcDeliveryStore;
import com.charterbot.app.persistence.JdbcSendBudget;
import com.charterbot.app.slack.TestInstallations;
import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.chat.Converse;
import com.charterbot.core.memory.InMemoryActivityLog;
import com.charterbot.core.memory.InMemoryChannelStore;
import com.charterbot.core.nudge.ChannelMembershipService;
import com.charterbot.core.nudge.ChannelState;
import com.charterbot.core.nudge.ChannelStore;
import com.charterbot.core.nudge.DeliveryStore;
import com.charterbot.core.nudge.EditNudges;
import com.charterbot.core.nudge.NudgeComposer;
import com.charterbot.core.nudge.NudgeDelivery;
import com.charterbot.core.nudge.NudgeDispatcher;
import com.charterbot.core.nudge.NudgeFormOutcome;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ActionEvent;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Message;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import com.charterbot.slack.InstallationStore;
import com.charterbot.slack.SlackBot;
import com.charterbot.slack.SlackInstallation;
import com.charterbot.slack.SlackSettings;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fan-out benchmark (run by {@code bench/fanout}, never by {@code ./mvnw verify}): 10,000 channels
 * over 5 Slack workspaces, all due at the same instant, sent by 3 replicas of the scheduler on one
 * embedded PostgreSQL database, each replica with its own pool, {@link NudgeDispatcher},
 * {@link JdbcDeliveryStore}, db-scheduler and Slack adapter (a distributed {@link SlackBot} whose
 * installations, one per workspace, are in the database with their tokens encrypted), all sharing
 * the cluster's {@link JdbcSendBudget} of 100 messages a second per workspace. Slack is a stub HTTP
 * server that takes 1 ms per {@code chat.postMessage} and counts what it gets per channel and per
 * token per second. Measures from the start of the first planner run to the moment the last
 * delivery is recorded SENT, and compares it with the ideal, channels / (workspaces x budget) (20 s).
 *
 * <p>A fan-out of the same size on another database runs first, unmeasured, so that the measured
 * one runs on warm code as in a server that has been up for a while (set {@code bench.fanout.warmup=0}
 * to measure a cold start). Why as large: the delivery path's methods (the JDBC driver, the pool,
 * db-scheduler, the Slack client's JSON) are called a few times per delivery, and the JIT compiles a
 * method at its top tier only after some thousands of calls. After a warm-up of 3,000 channels
 * {@code -XX:+PrintCompilation} still showed 120 to 260 top-tier compilations every 5 s of the
 * measured run, and the compiler threads took about a third of the JVM's CPU.
 *
 * <p>Knobs, as system properties (Maven passes {@code -D...} through): {@code bench.fanout.channels}
 * (10000), {@code bench.fanout.workspaces} (5), {@code bench.fanout.budget} (100, messages a second
 * per workspace, {@code tenant-budget-per-second}), {@code bench.fanout.replicas} (3),
 * {@code bench.fanout.threads} (per replica; {@code charter.scheduler.threads}' default, 10),
 * {@code bench.fanout.polling-ms} (100),
 * {@code bench.fanout.warmup} (as many channels as {@code bench.fanout.channels}), {@code bench.fanout.timeout-s} (180).
 */
@Tag("bench")
class FanoutBenchmark {

    static final int CHANNELS = Integer.getInteger("bench.fanout.channels", 10_000);
    static final int WORKSPACES = Integer.getInteger("bench.fanout.workspaces", 5);
    static final double BUDGET = Double.parseDouble(System.getProperty("bench.fanout.budget", "100"));
    static final int REPLICAS = Integer.getInteger("bench.fanout.replicas", 3);
    static final int THREADS = Integer.getInteger(
            "bench.fanout.threads", NudgeSchedulerProperties.defaults().threads());
    static final Duration POLLING = Duration.ofMillis(Long.getLong("bench.fanout.polling-ms", 100));
    static final int WARMUP = Integer.getInteger("bench.fanout.warmup", CHANNELS);
    static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("bench.fanout.timeout-s", 180));
    static final Duration SEND_LATENCY = Duration.ofMillis(1);
    /** The default spacing: each channel gets one message, so it never binds. */
    static final Duration CHANNEL_SPACING = Duration.ofMillis(1100);

    static final double TARGET_RATIO = 1.15;

    static final NudgeSchedulerProperties PROPERTIES = new NudgeSchedulerProperties(
            true,
            "bench",
            Duration.ofSeconds(30),
            THREADS,
            POLLING,
            Duration.ofSeconds(30),
            6,
            Duration.ofSeconds(2),
            BUDGET,
            CHANNEL_SPACING,
            Duration.ofSeconds(2),
            Duration.ofMinutes(5),
            NudgeSchedulerProperties.Retry.defaults(),
            NudgeSchedulerProperties.Retention.defaults());

    @Test
    void fanOut() throws Exception {
        Report report = new Report();
        report.line(
                "setup: %d channels over %d Slack workspaces, all due at one weekly slot; %d replicas on one embedded PostgreSQL;"
                        + " stub Slack (HTTP) %d ms a message; %d CPUs",
                CHANNELS,
                WORKSPACES,
                REPLICAS,
                SEND_LATENCY.toMillis(),
                Runtime.getRuntime().availableProcessors());
        report.line(
                "budget: %s msg/s per workspace for the cluster (charter.scheduler.tenant-budget-per-second=%s, kept in the"
                        + " database, evenly paced at %.2f msg/s: the margin leaves room for send jitter), %s msg/s in all;"
                        + " channel spacing %d ms (one message a channel: never binds)",
                num(BUDGET),
                num(BUDGET),
                1e9 / PROPERTIES.sendPacing().interval().toNanos(),
                num(BUDGET * WORKSPACES),
                CHANNEL_SPACING.toMillis());
        report.line(
                "scheduler: %d db-scheduler instances, %d threads each, polling %d ms, lock-and-fetch, pools of %d connections,"
                        + " max limiter wait %d ms",
                REPLICAS,
                THREADS,
                POLLING.toMillis(),
                THREADS + 4,
                PROPERTIES.maxLimiterWait().toMillis());
        if (WARMUP > 0) {
            FanOut warmup = FanOut.run(WARMUP);
            report.line(
                    "warm-up (not measured): %d channels on another database in %.2f s, ratio %.2f, lost %d, duplicated %d",
                    WARMUP, warmup.elapsed(), warmup.elapsed() / ideal(WARMUP), warmup.lost(), warmup.duplicated());
        } else {
            report.line("warm-up: none (cold start)");
        }

        FanOut run = FanOut.run(CHANNELS);
        run.describe(report);
        double ideal = ideal(CHANNELS);
        String ratio = String.format(Locale.ROOT, "%.2f", run.elapsed() / ideal);
        int maxPerSecond = run.stub.maxPerTokenPerSecond();
        long budget = (long) Math.floor(BUDGET);
        report.line(
                "result: %s; ratio %s, target <= %.2f: %s; busiest workspace second %d messages, budget %d: %s",
                run.complete() ? "every channel's delivery SENT" : "TIMED OUT after " + TIMEOUT,
                ratio,
                TARGET_RATIO,
                Double.parseDouble(ratio) <= TARGET_RATIO ? "met" : "MISSED",
                maxPerSecond,
                budget,
                maxPerSecond <= budget ? "met" : "MISSED");
        report.last(String.format(
                Locale.ROOT,
                "bench-fanout: channels=%d workspaces=%d replicas=%d elapsed_s=%.2f ideal_s=%.2f ratio=%s"
                        + " lost=%d duplicated=%d max_workspace_per_s=%d budget_per_s=%d",
                CHANNELS,
                WORKSPACES,
                REPLICAS,
                run.elapsed(),
                ideal,
                ratio,
                run.lost(),
                run.duplicated(),
                maxPerSecond,
                budget));

        assertThat(run.lost()).as("channels never nudged").isZero();
        assertThat(run.duplicated()).as("nudges sent twice").isZero();
        assertThat(run.stub.wrongTokens())
                .as("nudges posted with another workspace's token")
                .isZero();
        assertThat(run.complete())
                .as("every delivery recorded SENT within " + TIMEOUT)
                .isTrue();
    }

    private static double ideal(int channels) {
        return channels / (BUDGET * WORKSPACES);
    }

    static String workspace(int n) {
        return "T0BENCH" + n;
    }

    static String token(String workspace) {
        return "xoxb-bench-" + workspace;
    }

    /** One fan-out on a fresh database, with fresh replicas, and what was seen of it. */
    private static final class FanOut {
        private final int count;
        private final List<ChannelRef> channels = new ArrayList<>();
        private final PlannerWatch states;
        private final SlackStub stub;
        private final CountingSleeper sleeper = new CountingSleeper();
        private final Timings timings;
        private final ScheduledWatch scheduled;
        private final List<String> notes = new ArrayList<>();
        private long schedulerStart;
        private long startedAt;
        private long finishedAt;
        private boolean complete;
        private double loadBefore;
        private double loadAfter;

        private FanOut(int count, SlackStub stub) {
            this.count = count;
            this.stub = stub;
            // All channels last nudged at the same instant 8 days ago: one weekly slot, the same for all, is due.
            Instant lastNudge = Instant.now().minus(Duration.ofDays(8));
            InMemoryChannelStore store = new InMemoryChannelStore();
            for (int n = 0; n < count; n++) {
                ChannelRef ref = new ChannelRef(Platform.SLACK, workspace(n % WORKSPACES), "C" + n);
                store.save(ChannelState.of(ref, "channel " + n, ClusterRig.WEEKLY)
                        .delivered(lastNudge, NudgeSent.Kind.TIP));
                channels.add(ref);
            }
            this.states = new PlannerWatch(store);
            this.timings = new Timings(count);
            this.scheduled = new ScheduledWatch(count);
        }

        static FanOut run(int count) throws Exception {
            DataSource database = Databases.fresh(Databases.Kind.POSTGRESQL);
            try (SlackStub stub = SlackStub.start(SEND_LATENCY)) {
                FanOut fanOut = new FanOut(count, stub);
                fanOut.run(database);
                return fanOut;
            }
        }

        private void run(DataSource database) throws Exception {
            List<Replica> replicas = new ArrayList<>();
            try {
                for (int r = 0; r < REPLICAS; r++) {
                    replicas.add(Replica.start("replica-" + r, database, this));
                }
                InstallationStore installations = replicas.get(0).installations;
                for (int w = 0; w < WORKSPACES; w++) {
                    installations.save(new SlackInstallation(
                            null,
                            workspace(w),
                            false,
                            null,
                            "A0BENCH",
                            "B0BENCH",
                            "U0BENCH",
                            "chat:write",
                            token(workspace(w)),
                            null,
                            null,
                            Instant.now()));
                }
                loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                schedulerStart = System.nanoTime();
                replicas.forEach(replica -> replica.scheduler.start());
                long deadline = schedulerStart + TIMEOUT.toNanos();
                while (timings.sent.count() < count && System.nanoTime() < deadline) {
                    TimeUnit.MILLISECONDS.sleep(5);
                }
                complete = timings.sent.count() >= count;
                long now = System.nanoTime();
                startedAt = states.firstPlan() != 0 ? states.firstPlan() : schedulerStart;
                finishedAt = complete ? timings.sent.last() : now;
                loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                // Give stray duplicates a chance to show up before counting.
                TimeUnit.SECONDS.sleep(1);
            } finally {
                replicas.forEach(Replica::stop);
            }

            JdbcClient jdbc = JdbcClient.create(database);
            Map<String, Object> statuses = new TreeMap<>();
            jdbc.sql("SELECT status, COUNT(*) AS n FROM nudge_delivery GROUP BY status")
                    .query()
                    .listOfRows()
                    .forEach(row -> statuses.put((String) row.get("status"), row.get("n")));
            Number leftInstances = (Number) jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = :task")
                    .param("task", NudgeTasks.DELIVERY)
                    .query()
                    .singleValue();
            Number budgetRows = (Number)
                    jdbc.sql("SELECT COUNT(*) FROM send_budget").query().singleValue();
            notes.add(String.format(
                    Locale.ROOT,
                    "deliveries %s, %d delivery task instance(s) left, %d send budget rows",
                    statuses,
                    leftInstances.longValue(),
                    budgetRows.longValue()));
        }

        void describe(Report report) {
            report.line(
                    "load average: %.1f before the measured fan-out, %.1f after (other work on the machine changes the result)",
                    loadBefore, loadAfter);
            report.line(
                    "planner: first run %.3f s after scheduler start, %d run(s); deliveries created from +%.3f s to +%.3f s,"
                            + " their task instances scheduled from +%.3f s to +%.3f s",
                    seconds(startedAt - schedulerStart),
                    states.runs(),
                    since(timings.created.first()),
                    since(timings.created.last()),
                    since(scheduled.times.first()),
                    since(scheduled.times.last()));
            report.line(
                    "sends: first SENT at +%.3f s, last at +%.3f s (%d recorded SENT); %d chat.postMessage calls, per replica %s",
                    since(timings.sent.first()),
                    since(timings.sent.last()),
                    timings.sent.count(),
                    stub.calls(),
                    timings.perReplica());
            report.line(
                    "attempts: %d delivery attempts for %d deliveries (%d rescheduled or repeated); limiter slept %d times,"
                            + " %.1f s in all, longest %.0f ms",
                    timings.attempts(),
                    timings.created.count(),
                    timings.attempts() - timings.created.count(),
                    sleeper.count(),
                    seconds(sleeper.totalNanos()),
                    sleeper.longestNanos() / 1e6);
            report.line(
                    "per second (deliveries created/instances scheduled/recorded SENT): %s",
                    Moments.timeline(startedAt, timings.created, scheduled.times, timings.sent));
            report.line(
                    "Slack stub, messages per workspace per second (busiest second first): %s", stub.busiestSeconds());
            report.line("database: %s", String.join("; ", notes));
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
            return (int) channels.stream()
                    .filter(channel -> stub.sends(channel.channelId()) == 0)
                    .count();
        }

        int duplicated() {
            return channels.stream()
                    .mapToInt(channel -> stub.sends(channel.channelId()))
                    .filter(sends -> sends > 1)
                    .map(sends -> sends - 1)
                    .sum();
        }
    }

    /**
     * One replica: its own pool, installation store, Slack adapter, send budget view, dispatcher and
     * db-scheduler, all on the shared database.
     */
    private static final class Replica {
        final String name;
        final HikariDataSource pool;
        final InstallationStore installations;
        final SlackBot bot;
        final Scheduler scheduler;

        private Replica(
                String name,
                HikariDataSource pool,
                InstallationStore installations,
                SlackBot bot,
                Scheduler scheduler) {
            this.name = name;
            this.pool = pool;
            this.installations = installations;
            this.bot = bot;
            this.scheduler = scheduler;
        }

        static Replica start(String name, DataSource database, FanOut fanOut) {
            HikariConfig config = new HikariConfig();
            config.setDataSource(database);
            config.setMaximumPoolSize(THREADS + 4);
            config.setMinimumIdle(THREADS + 4);
            config.setPoolName("bench-" + name);
            HikariDataSource pool = new HikariDataSource(config);
            Clock clock = Clock.systemUTC();
            InstallationStore installations = TestInstallations.on(pool, clock);
            SlackSettings settings = new SlackSettings(
                    "bench-signing-secret",
                    null,
                    null,
                    fanOut.stub.apiUrl(),
                    null,
                    null,
                    Duration.ofSeconds(5),
                    new SlackSettings.Distribution("1.1", "bench-client-secret", "b".repeat(32), null, null));
            SlackBot bot = new SlackBot(
                    settings,
                    new SlackBot.Parts(
                            NO_CONVERSATION,
                            new ChannelMembershipService(fanOut.states, ClusterRig.WEEKLY),
                            (user, admin, language) -> ClusterRig.reply("home"),
                            NO_FORM,
                            new com.charterbot.core.memory.InMemorySeenEvents(),
                            clock,
                            (platform, status) -> {},
                            new com.charterbot.core.memory.InMemoryRepliedMessages(),
                            com.charterbot.core.chat.PlatformEvents.NONE),
                    new SlackBot.Stores(installations, (state, expiresAt) -> true));
            TimedDeliveryStore deliveries = new TimedDeliveryStore(new JdbcDeliveryStore(pool), fanOut.timings, name);
            NudgeDispatcher dispatcher = new NudgeDispatcher(
                    new NudgeDispatcher.Stores(fanOut.states, deliveries, new InMemoryActivityLog()),
                    new NudgeDispatcher.Sending(
                            new NudgeComposer(
                                    (channel, language, delivery) -> ClusterRig.reply("tip for " + channel.channelId()),
                                    ClusterRig.NO_QUIZ),
                            bot.messenger(),
                            new JdbcSendBudget(pool, PROPERTIES.sendPacing(), clock)),
                    new NudgeDispatcher.Pacing(clock, fanOut.sleeper, new SplittableRandom(name.hashCode())),
                    PROPERTIES.dispatcherSettings());
            NudgeTasks tasks = new NudgeTasks(
                    dispatcher,
                    deliveries,
                    List::of,
                    clock,
                    PROPERTIES.plannerInterval(),
                    PROPERTIES.retention().time(),
                    PROPERTIES.tenantBudgetPerSecond());
            Scheduler scheduler = NudgeSchedulerConfiguration.buildScheduler(
                    pool,
                    tasks,
                    PROPERTIES,
                    builder -> builder.schedulerName(new SchedulerName.Fixed(name))
                            .addSchedulerListener(fanOut.scheduled));
            return new Replica(name, pool, installations, bot, scheduler);
        }

        void stop() {
            scheduler.stop();
            bot.close();
            pool.close();
        }
    }

    private static final Converse NO_CONVERSATION = new Converse() {
        @Override
        public List<Reply> onMessage(Message message) {
            return List.of();
        }

        @Override
        public List<Reply> onAction(ActionEvent action) {
            return List.of();
        }

        @Override
        public List<Reply> onDraft(Message draft) {
            return List.of();
        }
    };

    /** The benchmark only sends nudges: anyone opening the nudge form is told it is not offered here. */
    private static final EditNudges NO_FORM = new EditNudges() {
        private static final String NOT_HERE = "The nudge form is not offered in the fan-out benchmark.";

        @Override
        public NudgeFormOutcome open(
                UserRef user, boolean platformAdmin, ChannelRef channel, Optional<Language> platformLanguage) {
            return new NudgeFormOutcome.Denied(NOT_HERE);
        }

        @Override
        public NudgeFormOutcome submit(
                UserRef user,
                boolean platformAdmin,
                ChannelRef channel,
                Map<String, String> values,
                Optional<Language> platformLanguage) {
            return new NudgeFormOutcome.Denied(NOT_HERE);
        }
    };

    /**
     * Slack's Web API as a plain HTTP server on loopback: {@code chat.postMessage} takes
     * {@code latency}, answers ok, and is counted per channel, per token and per second (the second
     * of the clock the request arrived in), and checked to carry the token of the channel's workspace.
     */
    static final class SlackStub implements AutoCloseable {
        static {
            // TCP_NODELAY on the stub's sockets, as Slack's servers have: without it the JDK server's
            // two writes of an answer (headers, then body) met the client's delayed ACK (Nagle), and each
            // "1 ms" call took about 40 ms, which kept the senders' threads waiting instead of sending.
            // Read once, when the JDK's HTTP server is first used: this class is its only user here.
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }

        private static final Pattern CHANNEL = Pattern.compile("(?:^|&)channel=([^&]*)");
        private final HttpServer server;
        private final ExecutorService threads = Executors.newFixedThreadPool(32);
        private final long latencyNanos;
        private final Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();
        private final Map<String, Map<Long, AtomicInteger>> perTokenSecond = new ConcurrentHashMap<>();
        private final AtomicInteger calls = new AtomicInteger();
        private final AtomicInteger wrongTokens = new AtomicInteger();

        private SlackStub(Duration latency) throws IOException {
            this.latencyNanos = latency.toNanos();
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
            server.setExecutor(threads);
            server.createContext("/api/", this::handle);
            server.start();
        }

        static SlackStub start(Duration latency) throws IOException {
            return new SlackStub(latency);
        }

        String apiUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (exchange.getRequestURI().getPath().endsWith("/chat.postMessage")) {
                    long second = System.currentTimeMillis() / 1000;
                    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                    String token = authorization == null ? "" : authorization.replaceFirst("^Bearer ", "");
                    Matcher channel = CHANNEL.matcher(body);
                    String id = channel.find() ? URLDecoder.decode(channel.group(1), StandardCharsets.UTF_8) : "";
                    calls.incrementAndGet();
                    TimeUnit.NANOSECONDS.sleep(latencyNanos);
                    perTokenSecond
                            .computeIfAbsent(token, t -> new ConcurrentHashMap<>())
                            .computeIfAbsent(second, s -> new AtomicInteger())
                            .incrementAndGet();
                    sends.computeIfAbsent(id, c -> new AtomicInteger()).incrementAndGet();
                    if (id.startsWith("C")
                            && !token.equals(token(workspace(Integer.parseInt(id.substring(1)) % WORKSPACES)))) {
                        wrongTokens.incrementAndGet();
                    }
                }
                byte[] answer = "{\"ok\":true,\"ts\":\"1741600000.000100\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        int sends(String channel) {
            AtomicInteger count = sends.get(channel);
            return count == null ? 0 : count.get();
        }

        int calls() {
            return calls.get();
        }

        int wrongTokens() {
            return wrongTokens.get();
        }

        int maxPerTokenPerSecond() {
            return perTokenSecond.values().stream()
                    .flatMap(seconds -> seconds.values().stream())
                    .mapToInt(AtomicInteger::get)
                    .max()
                    .orElse(0);
        }

        /** Each workspace's busiest seconds, e.g. "T0BENCH0 100,100,99". */
        String busiestSeconds() {
            return perTokenSecond.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey().replace("xoxb-bench-", "") + " "
                            + e.getValue().values().stream()
                                    .map(AtomicInteger::get)
                                    .sorted(Comparator.reverseOrder())
                                    .limit(5)
                                    .map(String::valueOf)
                                    .collect(Collectors.joining(",")))
                    .collect(Collectors.joining("; "));
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
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
                        buckets.computeIfAbsent(
                                        Math.max(0, time - origin) / 1_000_000_000L, b -> new int[series.length])[s]++;
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

    /** What the replicas' delivery stores note, together: when deliveries are created and recorded SENT, and the attempts. */
    private static final class Timings {
        final Moments created;
        final Moments sent;
        private final AtomicInteger attempts = new AtomicInteger();
        private final Map<String, AtomicInteger> sentBy = new ConcurrentHashMap<>();

        Timings(int expected) {
            this.created = new Moments(expected);
            this.sent = new Moments(expected);
        }

        int attempts() {
            return attempts.get();
        }

        String perReplica() {
            return new TreeMap<>(sentBy).toString();
        }
    }

    /** A replica's real delivery store, noting into the shared {@link Timings}. */
    private static final class TimedDeliveryStore implements DeliveryStore {
        private final DeliveryStore delegate;
        private final Timings timings;
        private final String replica;

        TimedDeliveryStore(DeliveryStore delegate, Timings timings, String replica) {
            this.delegate = delegate;
            this.timings = timings;
            this.replica = replica;
        }

        @Override
        public Optional<NudgeDelivery> createIfAbsent(ChannelRef channel, Instant due) {
            Optional<NudgeDelivery> result = delegate.createIfAbsent(channel, due);
            if (result.isPresent()) {
                timings.created.note();
            }
            return result;
        }

        @Override
        public List<NudgeDelivery> createAllIfAbsent(Collection<Slot> slots) {
            List<NudgeDelivery> created = delegate.createAllIfAbsent(slots);
            created.forEach(delivery -> timings.created.note());
            return created;
        }

        @Override
        public List<NudgeDelivery> findAll(Collection<Slot> slots) {
            return delegate.findAll(slots);
        }

        @Override
        public Optional<NudgeDelivery> find(long id) {
            timings.attempts.incrementAndGet();
            return delegate.find(id);
        }

        @Override
        public boolean markSent(long id, Instant at, NudgeSent.Kind kind) {
            boolean changed = delegate.markSent(id, at, kind);
            if (changed) {
                timings.sent.note();
                timings.sentBy
                        .computeIfAbsent(replica, r -> new AtomicInteger())
                        .incrementAndGet();
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
    }
}
