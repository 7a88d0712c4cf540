package com.charterbot.bench.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.charterbot.bench.load.AppProcess;
import com.charterbot.bench.load.ConstantRate;
import com.charterbot.bench.load.CpuWindow;
import com.charterbot.bench.load.Json;
import com.charterbot.bench.load.Knobs;
import com.charterbot.bench.load.LoadGenerator;
import com.charterbot.bench.load.Machine;
import com.charterbot.bench.load.MaxThroughput;
import com.charterbot.bench.load.PhaseResult;
import com.charterbot.bench.load.RequestFactory;
import com.charterbot.bench.load.ResponseCheck;
import com.charterbot.bench.load.SampleQuestion;
import com.charterbot.bench.load.Target;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * {@code bench/teams-load}: starts a Bot Connector stub (WireMock) and the app jar with Teams
 * authentication off, then sends Teams personal-chat messages to {@code POST /api/messages} at a
 * constant rate and ends with one machine-readable line:
 * {@code bench-teams: rate=<n> p50_ms=<x> p99_ms=<x> rps=<n>}.
 *
 * <p>Each message is a question of {@link SampleQuestion#all()} from one of a few hundred people, in
 * the shape Teams posts it; the app acknowledges it (200), then answers by posting an Adaptive Card to
 * the stub. {@code p50_ms} and {@code p99_ms} are the time from a message's intended send time to its
 * reply reaching the stub, so they include the core's answer and the reply's round trip; the
 * acknowledgement's own latency is printed above the last line. {@code rps} is the throughput of
 * acknowledgements during the measured window.
 *
 * <p>Settings are system properties {@code bench.teams.*}: {@code app-warmup-s} (20: 16 senders back to
 * back, unmeasured, so that the phase measures compiled code), {@code rate} (100/s), {@code warmup-s} (10),
 * {@code duration-s} (30), {@code connections} (64), {@code timeout-ms} (5000), {@code startup-timeout-s}
 * (60), {@code app-heap} (512m), {@code app-jvm-args} (extra JVM options of the app, e.g. to record a
 * JFR profile), {@code app-args}, {@code jar} (bot-app/target/charter-bot.jar) and
 * {@code log} (bench/target/teams-load-app.log). Exit status 1 when the app does not start or more than
 * 1% of the requests are not ok; the last line is printed anyway, with {@code -} for what was not measured.
 */
public final class TeamsLoad {

    public static final String PATH = "/api/messages";
    static final String CONNECTOR_PATH = "/amer/";
    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String BOT = "28:00000000-0000-0000-0000-00000000b07";
    static final int PEOPLE = 300;
    static final double MAX_FAILURE_RATIO = 0.01;

    private TeamsLoad() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            System.err.println("bench-teams: no arguments; settings are -Dbench.teams.<knob>=<value>");
            System.exit(2);
        }
        Knobs knobs = new Knobs("bench.teams.", System.getProperties());
        int rate;
        ConstantRate plan;
        int connections;
        Duration timeout;
        Duration startup;
        Duration appWarmup;
        String heap;
        List<String> jvmOptions;
        List<String> extra;
        Path jar;
        Path log;
        try {
            rate = knobs.integer("rate", 100, 1, 20_000);
            plan = new ConstantRate(
                    rate, knobs.seconds("warmup-s", 10, 0, 600), knobs.seconds("duration-s", 30, 1, 3600));
            connections = knobs.integer("connections", 64, 1, 1024);
            timeout = knobs.millis("timeout-ms", 5000, 100, 120_000);
            startup = knobs.seconds("startup-timeout-s", 60, 5, 600);
            appWarmup = knobs.seconds("app-warmup-s", 20, 0, 600);
            heap = knobs.string("app-heap", "512m");
            String jvmRaw = knobs.string("app-jvm-args", "").strip();
            jvmOptions = jvmRaw.isEmpty() ? List.of() : List.of(jvmRaw.split("\\s+"));
            String raw = knobs.string("app-args", "").strip();
            extra = raw.isEmpty() ? List.of() : List.of(raw.split("\\s+"));
            jar = Path.of(knobs.string("jar", "bot-app/target/charter-bot.jar"));
            log = Path.of(knobs.string("log", "bench/target/teams-load-app.log"));
        } catch (IllegalArgumentException e) {
            System.err.println("bench-teams: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("settings: " + knobs.describe());
        System.out.println("load average at start: " + Machine.loadAverage());
        Optional<PhaseResult> result = Optional.empty();
        boolean started = false;
        long unanswered = 0;
        Histogram replyMicros = new Histogram(3);
        if (!Files.isRegularFile(jar)) {
            System.err.println("bench-teams: no app jar at " + jar.toAbsolutePath() + " (bench/teams-load builds it)");
        } else {
            int port = AppProcess.freePort();
            int managementPort = AppProcess.freePort();
            while (managementPort == port) {
                managementPort = AppProcess.freePort();
            }
            Path dataDir = Files.createTempDirectory("charter-bench-teams-");
            try (ConnectorStub connector = ConnectorStub.start();
                    AppProcess app = AppProcess.start(
                            jar,
                            jvm(heap, jvmOptions),
                            appArguments(port, managementPort, dataDir, connector, extra),
                            log)) {
                System.out.println("app: " + jar + " on port " + port + ", log in " + log);
                started = awaitHealthy(app, managementPort, startup);
                if (started) {
                    int logLinesBefore = app.logLineCount();
                    Messages messages = new Messages(
                            URI.create("http://127.0.0.1:" + port + PATH),
                            connector.serviceUrl(),
                            SampleQuestion.all());
                    Target target = new Target("Teams messages " + PATH, messages, ResponseCheck.status200());
                    try (LoadGenerator load = new LoadGenerator(connections, timeout)) {
                        Optional<String> problem = load.checkOnce(target);
                        // The reply follows the acknowledgement: give it a few seconds.
                        long replyDeadline =
                                System.nanoTime() + Duration.ofSeconds(10).toNanos();
                        while (problem.isEmpty() && connector.replies() == 0 && System.nanoTime() < replyDeadline) {
                            Thread.sleep(20);
                        }
                        long repliesBefore = connector.replies();
                        if (problem.isPresent() || repliesBefore == 0) {
                            System.err.println("bench-teams: " + PATH + " does not answer as expected: "
                                    + problem.orElse("no reply reached the connector stub"));
                        } else {
                            warmUp(load, target, appWarmup);
                            connector.awaitQuiet(Duration.ofMillis(500), Duration.ofSeconds(60));
                            CpuWindow cpu = new CpuWindow(app::cpuTime);
                            long repliesBeforePhase = connector.replies();
                            messages.forgetIds();
                            Map<String, Long> intended = new ConcurrentHashMap<>();
                            long measuredFrom = plan.warmupRequests();
                            PhaseResult phase = load.constantRate(
                                    target, plan, cpu, (sequence, intendedNanos, endNanos, response, failure) -> {
                                        if (sequence >= measuredFrom && response != null) {
                                            intended.put(messages.idOf(sequence), intendedNanos);
                                        }
                                    });
                            System.out.println("acknowledgements (HTTP 200 from the app):");
                            phase.report().forEach(System.out::println);
                            System.out.println(cpu.describe(phase));
                            replyMicros = connector.replyMicros(intended, Duration.ofSeconds(10));
                            System.out.printf(
                                    Locale.ROOT,
                                    "  reply cards (intended send time to the card at the stub): %d of %d measured,"
                                            + " p50 %s ms, p99 %s ms%n",
                                    replyMicros.getTotalCount(),
                                    intended.size(),
                                    percentile(replyMicros, 50),
                                    percentile(replyMicros, 99));
                            long phaseReplies = connector.replies() - repliesBeforePhase;
                            long phaseRequests =
                                    phase.counts().total() + phase.warmup().total();
                            System.out.printf(
                                    Locale.ROOT,
                                    "  replies posted to the connector stub: %d for %d messages (phase warm-up included)%n",
                                    phaseReplies,
                                    phaseRequests);
                            unanswered = phaseRequests - phaseReplies;
                            System.out.println();
                            result = Optional.of(phase);
                        }
                    }
                    System.out.println("Bot Connector stub calls:");
                    connector.calls().forEach((call, count) -> System.out.println("  " + count + " x " + call));
                    List<String> problems = app.warningsAndErrors(logLinesBefore);
                    System.out.println(
                            "app log under load: " + problems.size() + " WARN/ERROR lines (" + app.log() + ")");
                    problems.stream().limit(8).forEach(line -> System.out.println("  | " + line));
                }
            } finally {
                Machine.deleteRecursively(dataDir, "bench-teams");
            }
        }
        System.exit(finish(rate, result, started, unanswered, replyMicros));
    }

    private static List<String> jvm(String heap, List<String> options) {
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + heap));
        jvm.addAll(options);
        return jvm;
    }

    private static List<String> appArguments(
            int port, int managementPort, Path dataDir, ConnectorStub connector, List<String> extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--management.server.port=" + managementPort,
                "--charter.teams.app-id=",
                "--charter.teams.allowed-service-urls=" + connector.serviceUrl(),
                "--CHARTER_DATA_DIR=" + dataDir,
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("charter-bot")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"));
        arguments.addAll(extra);
        return arguments;
    }

    /**
     * JIT compilation of the whole path before the measured phase (as bench/slack-load does): 16
     * senders back to back for {@code duration}, not measured. Without it the phase measures a JVM
     * still compiling: at 50/s, 10 s after start-up, the C2 compiler used more CPU than the requests.
     */
    private static void warmUp(LoadGenerator load, Target target, Duration duration) throws InterruptedException {
        if (duration.isZero()) {
            return;
        }
        PhaseResult warmup = load.maxThroughput(target, new MaxThroughput(16, Duration.ZERO, duration));
        System.out.printf(
                Locale.ROOT,
                "app warm-up (%s): %d requests, %d not ok, %.1f ok/s%n%n",
                target.name(),
                warmup.counts().total(),
                warmup.counts().failed(),
                warmup.throughputPerSecond());
    }

    /** Waits for the app's health on its management port (actuator is not served on the public port). */
    private static boolean awaitHealthy(AppProcess app, int managementPort, Duration timeout)
            throws InterruptedException {
        long start = System.nanoTime();
        try {
            app.awaitHealthy(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health"), timeout);
        } catch (IllegalStateException e) {
            System.err.println("bench-teams: " + e.getMessage() + "; the end of its log:");
            app.logTail(60).forEach(line -> System.err.println("  | " + line));
            return false;
        }
        System.out.printf(Locale.ROOT, "app healthy after %.1f s%n", (System.nanoTime() - start) / 1e9);
        return true;
    }

    /** The percentile of the latencies in milliseconds, as the last line prints it; {@code -} for none. */
    static String percentile(Histogram micros, double percentile) {
        return micros.getTotalCount() == 0 ? "-" : Machine.decimal(micros.getValueAtPercentile(percentile) / 1000.0);
    }

    private static int finish(
            int rate, Optional<PhaseResult> result, boolean started, long unanswered, Histogram replyMicros) {
        int status = started && result.isPresent() ? 0 : 1;
        String p50 = "-";
        String p99 = "-";
        String rps = "-";
        if (result.isPresent()) {
            PhaseResult phase = result.get();
            if (phase.counts().failureRatio() > MAX_FAILURE_RATIO) {
                System.err.printf(
                        Locale.ROOT,
                        "bench-teams: %.2f%% of the requests were not ok (limit %.0f%%)%n",
                        phase.counts().failureRatio() * 100,
                        MAX_FAILURE_RATIO * 100);
                status = 1;
            }
            if (unanswered > MAX_FAILURE_RATIO * phase.counts().total()) {
                // A message the app accepts without replying is cheap: the figures would flatter it.
                System.err.printf(Locale.ROOT, "bench-teams: %d messages of the phase got no reply card%n", unanswered);
                status = 1;
            }
            p50 = percentile(replyMicros, 50);
            p99 = percentile(replyMicros, 99);
            rps = Long.toString(Math.round(phase.throughputPerSecond()));
        }
        System.out.println("load average at end: " + Machine.loadAverage());
        System.out.println();
        System.out.printf(Locale.ROOT, "bench-teams: rate=%d p50_ms=%s p99_ms=%s rps=%s%n", rate, p50, p99, rps);
        return status;
    }

    /**
     * Personal-chat messages as Teams posts them, rotating over the questions and {@value #PEOPLE}
     * people. Every activity has an id of its own across all phases (the generator's sequence starts
     * again at 0 in each phase), so the app's de-duplication never skips one. Thread-safe.
     */
    public static final class Messages implements RequestFactory {

        private final URI endpoint;
        private final String serviceUrl;
        private final List<SampleQuestion> questions;
        private final AtomicLong issued = new AtomicLong();
        private final Map<Long, String> ids = new ConcurrentHashMap<>();

        public Messages(URI endpoint, String serviceUrl, List<SampleQuestion> questions) {
            this.endpoint = endpoint;
            this.serviceUrl = serviceUrl;
            this.questions = List.copyOf(questions);
        }

        @Override
        public HttpRequest next(long sequence) {
            SampleQuestion question = questions.get((int) (sequence % questions.size()));
            long person = sequence % PEOPLE;
            String aad = String.format(Locale.ROOT, "6b2c8a1e-3d4f-4a5b-9c8d-%012d", person);
            String id = "bench-" + ProcessHandle.current().pid() + "-" + issued.incrementAndGet();
            ids.put(sequence, id);
            String body = """
                    {"type":"message","id":"%s","timestamp":"2025-03-10T09:30:00.123Z","channelId":"msteams",\
                    "serviceUrl":"%s","from":{"id":"29:1bench-%d","name":"Bench person","aadObjectId":"%s"},\
                    "conversation":{"conversationType":"personal","tenantId":"%s","id":"a:1bench-personal-%d"},\
                    "recipient":{"id":"%s","name":"Charter"},"locale":"%s","textFormat":"plain","text":"%s",\
                    "channelData":{"tenant":{"id":"%s"}}}""".formatted(
                            id,
                            serviceUrl,
                            person,
                            aad,
                            TENANT,
                            person,
                            BOT,
                            question.language().equals("fr") ? "fr-FR" : "en-US",
                            Json.escape(question.text()),
                            TENANT);
            return HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        }

        /** The activity id of the request with this sequence number in the current phase. */
        public String idOf(long sequence) {
            return ids.get(sequence);
        }

        /** Forgets the ids of earlier phases, whose sequence numbers the next phase uses again. */
        public void forgetIds() {
            ids.clear();
        }
    }

    /** The Bot Connector service on a loopback port: every reply, update and conversation creation answers 200. */
    public static final class ConnectorStub implements AutoCloseable {

        private static final Pattern REPLY_TO = Pattern.compile("/activities/([^/?]+)");

        private final WireMockServer server;
        private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
        private final LongAdder replies = new LongAdder();
        /** When the reply to each activity id reached the stub ({@link System#nanoTime()}). */
        private final Map<String, Long> repliedAt = new ConcurrentHashMap<>();

        private ConnectorStub(WireMockServer server) {
            this.server = server;
        }

        public static ConnectorStub start() {
            // Replies are part of the measured latency: enough Jetty threads that the stub is never the queue.
            WireMockServer server = new WireMockServer(WireMockConfiguration.options()
                    .bindAddress("127.0.0.1")
                    .dynamicPort()
                    .containerThreads(64)
                    .jettyAcceptors(2)
                    .disableRequestJournal());
            server.stubFor(any(urlPathMatching(CONNECTOR_PATH + "v3/conversations.*"))
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"id\":\"1741600000000\"}")));
            ConnectorStub stub = new ConnectorStub(server);
            server.addMockServiceRequestListener((request, response) -> {
                String path = request.getUrl()
                        .replaceFirst("\\?.*", "")
                        .replaceAll("/conversations/[^/]+", "/conversations/{id}")
                        .replaceAll("/activities/[^/]+", "/activities/{id}");
                stub.calls
                        .computeIfAbsent(
                                request.getMethod() + " " + path + " -> " + response.getStatus(), k -> new LongAdder())
                        .increment();
                if (path.contains("/activities")) {
                    stub.replies.increment();
                    Matcher replyTo = REPLY_TO.matcher(request.getUrl());
                    if (replyTo.find()) {
                        stub.repliedAt.putIfAbsent(replyTo.group(1), System.nanoTime());
                    }
                }
            });
            server.start();
            return stub;
        }

        public String serviceUrl() {
            return "http://127.0.0.1:" + server.port() + CONNECTOR_PATH;
        }

        public long replies() {
            return replies.sum();
        }

        /**
         * Waits until no reply has arrived for {@code quiet} (or {@code patience} is over): the
         * warm-up is acknowledged faster than it is answered, and its replies still on their way
         * would be counted, and their CPU measured, in the next phase.
         */
        public void awaitQuiet(Duration quiet, Duration patience) throws InterruptedException {
            long deadline = System.nanoTime() + patience.toNanos();
            long seen = replies();
            long since = System.nanoTime();
            while (System.nanoTime() < deadline && System.nanoTime() - since < quiet.toNanos()) {
                Thread.sleep(20);
                long now = replies();
                if (now != seen) {
                    seen = now;
                    since = System.nanoTime();
                }
            }
        }

        /**
         * The time from each activity's intended send time to its reply at the stub, in microseconds;
         * waits up to {@code patience} for replies still on their way. Activities without a reply are
         * left out (counted by {@link #replies()}).
         */
        public Histogram replyMicros(Map<String, Long> intendedNanos, Duration patience) throws InterruptedException {
            long deadline = System.nanoTime() + patience.toNanos();
            while (!repliedAt.keySet().containsAll(intendedNanos.keySet()) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Histogram micros = new Histogram(3);
            intendedNanos.forEach((id, intended) -> {
                Long at = repliedAt.get(id);
                if (at != null) {
                    micros.recordValue(Math.max(0, (at - intended) / 1000));
                }
            });
            return micros;
        }

        public Map<String, Long> calls() {
            Map<String, Long> counts = new TreeMap<>();
            calls.forEach((key, count) -> counts.put(key, count.sum()));
            return counts;
        }

        @Override
        public void close() {
            server.stop();
        }
    }
}
