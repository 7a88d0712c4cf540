package com.charterbot.bench.slack;

import com.charterbot.bench.load.AppProcess;
import com.charterbot.bench.load.ConstantRate;
import com.charterbot.bench.load.CpuWindow;
import com.charterbot.bench.load.Knobs;
import com.charterbot.bench.load.LoadGenerator;
import com.charterbot.bench.load.Machine;
import com.charterbot.bench.load.MaxThroughput;
import com.charterbot.bench.load.PhaseResult;
import com.charterbot.bench.load.ResponseCheck;
import com.charterbot.bench.load.SampleQuestion;
import com.charterbot.bench.load.Target;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code bench/slack-load}: starts a Slack Web API stub and the app jar, then loads the app with signed
 * {@code /charter} slash commands in three phases and ends with one machine-readable line:
 * {@code bench-slack: rate=<n> p50_ms=<x> p99_ms=<x> full_rps=<n> bare_rps=<n> ratio=<x.xx>}.
 *
 * <p>After an unmeasured warm-up of the full path (JIT), three phases:
 *
 * <ol>
 *   <li>{@code full_rps}: {@code /slack/events} at max throughput (closed loop);
 *   <li>{@code bare_rps}: {@code /slack/bench-bare}, which only verifies the signature and returns a
 *       fixed answer, at the same concurrency. {@code ratio = full_rps / bare_rps};
 *   <li>latency: {@code /slack/events} at a constant rate; p50 and p99 from the intended send time.
 * </ol>
 *
 * <p>Settings are system properties {@code bench.slack.*} (see {@link Settings}). Exit status 1 when the
 * app does not start or more than 1% of a phase's requests are not ok; the last line is printed
 * anyway, with {@code -} for what was not measured.
 */
public final class SlackLoad {

    static final String FULL_PATH = "/slack/events";
    static final String BARE_PATH = "/slack/bench-bare";
    static final double MAX_FAILURE_RATIO = 0.01;
    static final double TARGET_P99_MS = 50;
    static final int TARGET_RATE = 200;
    static final double TARGET_RATIO = 0.5;
    private static final int LOG_LINES_SHOWN = 60;
    private static final int LOG_PROBLEMS_SHOWN = 8;

    private SlackLoad() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            System.err.println(
                    "bench-slack: no arguments; settings are -Dbench.slack.<knob>=<value> (see bench/README.md)");
            System.exit(2);
        }
        Settings settings;
        try {
            settings = Settings.from(new Knobs("bench.slack.", System.getProperties()));
        } catch (IllegalArgumentException e) {
            System.err.println("bench-slack: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(settings));
    }

    private static int run(Settings settings) throws IOException, InterruptedException {
        System.out.println("settings: " + settings.summary());
        System.out.println("load average at start: " + Machine.loadAverage());
        if (!Files.isRegularFile(settings.jar())) {
            System.err.println(
                    "bench-slack: no app jar at " + settings.jar().toAbsolutePath() + " (bench/slack-load builds it)");
            return finish(settings, List.of(), false);
        }
        String signingSecret = randomSecret();
        int port = AppProcess.freePort();
        // Actuator may sit on a port of its own (8081 by default): a free one, so two runs or a local app do not clash.
        int managementPort = AppProcess.freePort();
        while (managementPort == port) {
            managementPort = AppProcess.freePort();
        }
        Path dataDir = Files.createTempDirectory("charter-bench-slack-");
        List<PhaseResult> phases = new ArrayList<>();
        boolean started;

        try (SlackApiStub slack = SlackApiStub.start();
                AppProcess app = AppProcess.start(
                        settings.jar(),
                        settings.appJvmOptions(),
                        appArguments(settings, signingSecret, port, managementPort, dataDir, slack),
                        settings.log())) {
            System.out.println("app: " + settings.jar() + " on port " + port + ", log in " + settings.log());
            started = awaitHealthy(app, managementPort, settings.startupTimeout());
            if (started) {
                int logLinesBeforeLoad = app.logLineCount();
                SlackSigner signer = new SlackSigner(signingSecret);
                List<SampleQuestion> questions = SampleQuestion.all();
                Target full = new Target(
                        "full path " + FULL_PATH,
                        new SlashCommandRequests(
                                uri(port, FULL_PATH),
                                signer,
                                Clock.systemUTC(),
                                questions,
                                slack.responseUrlBase(),
                                settings.distinctQuestions()),
                        ResponseCheck.status200WithBody("\"blocks\""));
                Target bare = new Target(
                        "bare path " + BARE_PATH,
                        new SlashCommandRequests(
                                uri(port, BARE_PATH),
                                signer,
                                Clock.systemUTC(),
                                questions,
                                slack.responseUrlBase(),
                                settings.distinctQuestions()),
                        ResponseCheck.status200());
                try (LoadGenerator load = new LoadGenerator(settings.connections(), settings.timeout())) {
                    // Both checked, so one run tells about both endpoints.
                    if (answers(load, full) & answers(load, bare)) {
                        System.out.println();
                        warmUp(load, full, settings);
                        // Latency last, on code the throughput phases have warmed: a server that has been up a while.
                        CpuWindow fullCpu = new CpuWindow(app::cpuTime);
                        CpuWindow bareCpu = new CpuWindow(app::cpuTime);
                        CpuWindow latencyCpu = new CpuWindow(app::cpuTime);
                        PhaseResult fullMax =
                                report(load.maxThroughput(full, settings.throughputPhase(), fullCpu), fullCpu);
                        PhaseResult bareMax =
                                report(load.maxThroughput(bare, settings.throughputPhase(), bareCpu), bareCpu);
                        PhaseResult latency =
                                report(load.constantRate(full, settings.latencyPhase(), latencyCpu), latencyCpu);
                        System.out.println(app.residentMiB()
                                .map(rss -> String.format(
                                        Locale.ROOT,
                                        "app resident memory at the end of the latency phase: %.0f MiB (heap limit %s)",
                                        rss,
                                        settings.heap()))
                                .orElse("app resident memory: unknown (no /proc)"));
                        phases.addAll(List.of(latency, fullMax, bareMax));
                        System.out.printf(
                                Locale.ROOT,
                                "server CPU per ok response: full %.2f ms, bare %.2f ms, bare/full %.2f"
                                        + " (ratio's counterpart that other load on the machine moves less)%n",
                                fullCpu.millisPerOk(fullMax),
                                bareCpu.millisPerOk(bareMax),
                                bareCpu.millisPerOk(bareMax) / fullCpu.millisPerOk(fullMax));
                    }
                }
                reportApp(app, slack, logLinesBeforeLoad);
            }
        } finally {
            Machine.deleteRecursively(dataDir, "bench-slack");
        }
        return finish(settings, phases, started);
    }

    private static boolean awaitHealthy(AppProcess app, int managementPort, Duration timeout)
            throws InterruptedException {
        long start = System.nanoTime();
        try {
            app.awaitHealthy(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health"), timeout);
        } catch (IllegalStateException e) {
            System.err.println("bench-slack: " + e.getMessage() + "; the end of its log:");
            app.logTail(LOG_LINES_SHOWN).forEach(line -> System.err.println("  | " + line));
            return false;
        }
        System.out.printf(Locale.ROOT, "app healthy after %.1f s%n", (System.nanoTime() - start) / 1e9);
        return true;
    }

    private static List<String> appArguments(
            Settings settings, String signingSecret, int port, int managementPort, Path dataDir, SlackApiStub slack) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--management.server.port=" + managementPort,
                "--charter.slack.signing-secret=" + signingSecret,
                "--charter.slack.bot-token=xoxb-bench-0000",
                "--charter.slack.api-url=" + slack.apiUrl(),
                "--charter.slack.bench-endpoint=true",
                "--CHARTER_DATA_DIR=" + dataDir,
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("charter-bot")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"));
        arguments.addAll(settings.appArguments());
        return arguments;
    }

    /** One request first: a missing endpoint or a wrong signature should fail in a second, not in a minute. */
    private static boolean answers(LoadGenerator load, Target target) throws InterruptedException {
        Optional<String> problem = load.checkOnce(target);
        problem.ifPresent(
                p -> System.err.println("bench-slack: " + target.name() + " does not answer as expected: " + p));
        return problem.isEmpty();
    }

    /** JIT compilation of the whole path, before any phase measures it; a phase's own warm-up only settles the load. */
    private static void warmUp(LoadGenerator load, Target full, Settings settings) throws InterruptedException {
        if (settings.appWarmup().isZero()) {
            return;
        }
        PhaseResult warmup = load.maxThroughput(
                full, new MaxThroughput(settings.throughputPhase().concurrency(), Duration.ZERO, settings.appWarmup()));
        System.out.printf(
                Locale.ROOT,
                "app warm-up (%s): %d requests, %d not ok, %.1f ok/s%n%n",
                full.name(),
                warmup.counts().total(),
                warmup.counts().failed(),
                warmup.throughputPerSecond());
    }

    private static PhaseResult report(PhaseResult phase, CpuWindow cpu) {
        phase.report().forEach(System.out::println);
        System.out.println(cpu.describe(phase));
        System.out.println();
        return phase;
    }

    private static void reportApp(AppProcess app, SlackApiStub slack, int logLinesBeforeLoad) {
        System.out.println("Slack API stub calls: " + (slack.calls().isEmpty() ? "none" : ""));
        slack.calls().forEach((call, count) -> System.out.println("  " + count + " x " + call));
        List<String> problems = app.warningsAndErrors(logLinesBeforeLoad);
        System.out.println("app log under load: " + problems.size() + " WARN/ERROR lines (" + app.log() + ")");
        problems.stream().limit(LOG_PROBLEMS_SHOWN).forEach(line -> System.out.println("  | " + line));
    }

    /** Prints the targets, the load average and the last line; returns the exit status. */
    private static int finish(Settings settings, List<PhaseResult> phases, boolean started) {
        boolean complete = phases.size() == 3;
        int status = started && complete ? 0 : 1;
        for (PhaseResult phase : phases) {
            if (phase.counts().failureRatio() > MAX_FAILURE_RATIO) {
                System.err.printf(
                        Locale.ROOT,
                        "bench-slack: %.2f%% of the requests of %s were not ok (limit %.0f%%)%n",
                        phase.counts().failureRatio() * 100,
                        phase.target(),
                        MAX_FAILURE_RATIO * 100);
                status = 1;
            }
        }
        System.out.println("load average at end: " + Machine.loadAverage());
        String p50 = "-";
        String p99 = "-";
        String fullRps = "-";
        String bareRps = "-";
        String ratio = "-";
        if (complete) {
            PhaseResult latency = phases.get(0);
            double full = phases.get(1).throughputPerSecond();
            double bare = phases.get(2).throughputPerSecond();
            p50 = Machine.decimal(latency.latencyMillis(50));
            p99 = Machine.decimal(latency.latencyMillis(99));
            fullRps = Long.toString(Math.round(full));
            bareRps = Long.toString(Math.round(bare));
            ratio = bare > 0 ? Machine.decimal(full / bare) : "-";
            System.out.printf(
                    Locale.ROOT,
                    "target p99 <= %.0f ms at %d/s: %s (p99 %s ms at %d/s)%n",
                    TARGET_P99_MS,
                    TARGET_RATE,
                    settings.rate() != TARGET_RATE
                            ? "not checked"
                            : latency.latencyMillis(99) <= TARGET_P99_MS ? "met" : "MISSED",
                    p99,
                    settings.rate());
            System.out.printf(
                    Locale.ROOT,
                    "target full_rps >= %.0f%% of bare_rps: %s (ratio %s)%n",
                    TARGET_RATIO * 100,
                    bare > 0 && full / bare >= TARGET_RATIO ? "met" : "MISSED",
                    ratio);
        }
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "bench-slack: rate=%d p50_ms=%s p99_ms=%s full_rps=%s bare_rps=%s ratio=%s%n",
                settings.rate(),
                p50,
                p99,
                fullRps,
                bareRps,
                ratio);
        return status;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /**
     * The knobs, {@code -Dbench.slack.<name>=<value>}: {@code app-warmup-s} (60: the full path at max
     * throughput, unmeasured, before the phases), {@code rate} (200 requests/s), {@code warmup-s} (10)
     * and {@code duration-s} (30) of the latency phase; {@code concurrency} (16), {@code max-warmup-s} (3)
     * and {@code max-duration-s} (15) of each throughput phase; {@code connections} (64, the most requests
     * in flight in the latency phase), {@code timeout-ms} (5000, per request), {@code startup-timeout-s}
     * (60), {@code app-heap} (512m), {@code app-jvm-args} (extra JVM options of the app, space-separated,
     * e.g. to record a JFR profile), {@code app-args} (extra app arguments, space-separated),
     * {@code jar} (bot-app/target/charter-bot.jar), {@code log} (bench/target/slack-load-app.log) and
     * {@code distinct-questions} (false; true makes every question text unique, so that none is
     * answered from the app's cache of recent searches).
     */
    record Settings(
            Duration appWarmup,
            int rate,
            ConstantRate latencyPhase,
            MaxThroughput throughputPhase,
            int connections,
            Duration timeout,
            Duration startupTimeout,
            String heap,
            List<String> appJvmOptions,
            List<String> appArguments,
            Path jar,
            Path log,
            String summary,
            boolean distinctQuestions) {

        static Settings from(Knobs knobs) {
            Duration appWarmup = knobs.seconds("app-warmup-s", 60, 0, 600);
            int rate = knobs.integer("rate", TARGET_RATE, 1, 20_000);
            ConstantRate latency = new ConstantRate(
                    rate, knobs.seconds("warmup-s", 10, 0, 600), knobs.seconds("duration-s", 30, 1, 3600));
            MaxThroughput throughput = new MaxThroughput(
                    knobs.integer("concurrency", 16, 1, 512),
                    knobs.seconds("max-warmup-s", 3, 0, 600),
                    knobs.seconds("max-duration-s", 15, 1, 3600));
            int connections = knobs.integer("connections", 64, 1, 1024);
            Duration timeout = knobs.millis("timeout-ms", 5000, 100, 120_000);
            Duration startup = knobs.seconds("startup-timeout-s", 60, 5, 600);
            String heap = knobs.string("app-heap", "512m");
            List<String> jvm = new ArrayList<>(List.of("-Xmx" + heap));
            jvm.addAll(knobs.words("app-jvm-args"));
            List<String> appArguments = knobs.words("app-args");
            Path jar = Path.of(knobs.string("jar", "bot-app/target/charter-bot.jar"));
            Path log = Path.of(knobs.string("log", "bench/target/slack-load-app.log"));
            boolean distinct = Boolean.parseBoolean(knobs.string("distinct-questions", "false"));
            return new Settings(
                    appWarmup,
                    rate,
                    latency,
                    throughput,
                    connections,
                    timeout,
                    startup,
                    heap,
                    List.copyOf(jvm),
                    appArguments,
                    jar,
                    log,
                    knobs.describe(),
                    distinct);
        }
    }
}
