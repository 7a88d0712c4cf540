package com.charterbot.bench.soak;

import com.charterbot.bench.load.AppProcess;
import com.charterbot.bench.load.ConstantRate;
import com.charterbot.bench.load.Knobs;
import com.charterbot.bench.load.LoadGenerator;
import com.charterbot.bench.load.Machine;
import com.charterbot.bench.load.PhaseResult;
import com.charterbot.bench.load.RequestFactory;
import com.charterbot.bench.load.SampleQuestion;
import com.charterbot.bench.load.Target;
import com.charterbot.bench.load.WindowListener;
import com.charterbot.bench.slack.SlackApiStub;
import com.charterbot.bench.slack.SlackSigner;
import com.charterbot.bench.slack.SlashCommandRequests;
import com.charterbot.bench.teams.TeamsLoad;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code bench/soak}: the app jar ({@code -Xmx256m}) for a long while under steady, mixed load, to see
 * whether anything grows that should not: Slack {@code /charter} questions and Teams personal-chat
 * questions alternating at {@code rate} per second (50), an administrator's {@code nudges now} in a
 * Slack channel every minute (each a real nudge through the scheduler to the Slack stub), for
 * {@code minutes} (30) after a minute of warm-up at the same rate.
 *
 * <p>Every {@code sample-s} (10) it reads the app's resident memory, threads and open sockets from
 * {@code /proc}; every {@code heap-every-s} (300) the heap after a full collection ({@code jcmd GC.run},
 * then {@code GC.heap_info}): each such collection stalls the app for about half a second, so not more often. Samples go to {@code bench/target/soak.csv}. The last line:
 * {@code soak: minutes= requests= errors= p99_ms= rss_start_mib= rss_end_mib= heap_after_gc_growth_mib= threads_max=},
 * the start figures taken when the measured window opens. Exit status 1 when the app does not start or
 * a request, a nudge command or a nudge fails.
 */
public final class Soak {

    /**
     * One generation's or the whole heap's use in {@code GC.heap_info}: G1 prints one line for the
     * heap, the serial and parallel collectors one per generation (the young one first).
     */
    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

    private static final String SLACK_PATH = "/slack/events";

    private Soak() {}

    /** The heap in use, in MiB, that {@code jcmd <pid> GC.heap_info} prints; empty if it prints none. */
    static Optional<Double> heapUsedMib(String heapInfo) {
        Matcher used = HEAP_USED.matcher(heapInfo);
        long kib = 0;
        boolean found = false;
        while (used.find()) {
            kib += Long.parseLong(used.group(1));
            found = true;
        }
        return found ? Optional.of(kib / 1024.0) : Optional.empty();
    }

    public static void main(String[] args) throws Exception {
        Knobs knobs = new Knobs("bench.soak.", System.getProperties());
        int minutes;
        int rate;
        Duration sampleEvery;
        Duration heapEvery;
        List<String> jvm;
        Path jar;
        try {
            minutes = knobs.integer("minutes", 30, 1, 24 * 60);
            rate = knobs.integer("rate", 50, 2, 2_000);
            sampleEvery = knobs.seconds("sample-s", 10, 1, 600);
            heapEvery = knobs.seconds("heap-every-s", 300, 10, 3_600);
            jvm = new ArrayList<>(List.of("-Xmx" + knobs.string("app-heap", "256m")));
            jvm.addAll(knobs.words("app-jvm-args"));
            jar = Path.of(knobs.string("jar", "bot-app/target/charter-bot.jar"));
        } catch (IllegalArgumentException e) {
            System.err.println("soak: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("settings: " + knobs.describe());
        System.out.println("load average at start: " + Machine.loadAverage());
        Path dataDir = Files.createTempDirectory("charter-soak-");
        Path csv = Path.of("bench/target/soak.csv");
        Files.createDirectories(csv.getParent());
        String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        int status;
        try (SlackApiStub slack = SlackApiStub.start();
                TeamsLoad.ConnectorStub connector = TeamsLoad.ConnectorStub.start()) {
            int port = AppProcess.freePort();
            int management = AppProcess.freePort();
            List<String> arguments = List.of(
                    "--server.port=" + port,
                    "--management.server.port=" + management,
                    "--charter.slack.signing-secret=" + secret,
                    "--charter.slack.bot-token=xoxb-soak-0000",
                    "--charter.slack.api-url=" + slack.apiUrl(),
                    "--charter.teams.app-id=",
                    "--charter.teams.allowed-service-urls=" + connector.serviceUrl(),
                    "--charter.admins.slack-user-ids=" + String.join(",", SlashCommandRequests.userIds()),
                    "--CHARTER_DATA_DIR=" + dataDir,
                    "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("charter-bot")
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
            try (AppProcess app = AppProcess.start(jar, jvm, arguments, Path.of("bench/target/soak-app.log"))) {
                app.awaitHealthy(
                        URI.create("http://127.0.0.1:" + management + "/actuator/health"), Duration.ofMinutes(3));
                status = run(app, port, secret, slack, connector, minutes, rate, sampleEvery, heapEvery, csv);
            }
        } finally {
            Machine.deleteRecursively(dataDir, "soak");
        }
        System.exit(status);
    }

    private static int run(
            AppProcess app,
            int port,
            String secret,
            SlackApiStub slack,
            TeamsLoad.ConnectorStub connector,
            int minutes,
            int rate,
            Duration sampleEvery,
            Duration heapEvery,
            Path csv)
            throws Exception {
        SlackSigner signer = new SlackSigner(secret);
        List<SampleQuestion> questions = SampleQuestion.all();
        SlashCommandRequests slackQuestions = new SlashCommandRequests(
                URI.create("http://127.0.0.1:" + port + SLACK_PATH),
                signer,
                Clock.systemUTC(),
                questions,
                slack.responseUrlBase());
        TeamsLoad.Messages teamsQuestions = new TeamsLoad.Messages(
                URI.create("http://127.0.0.1:" + port + TeamsLoad.PATH), connector.serviceUrl(), questions);
        RequestFactory mixed =
                sequence -> sequence % 2 == 0 ? slackQuestions.next(sequence / 2) : teamsQuestions.next(sequence / 2);
        Target target = new Target(
                "Slack and Teams questions",
                mixed,
                response -> response.statusCode() == 200
                        && (!response.uri().getPath().equals(SLACK_PATH)
                                || response.body().contains("\"blocks\"")));
        SlashCommandRequests nudgesNow = new SlashCommandRequests(
                URI.create("http://127.0.0.1:" + port + SLACK_PATH),
                signer,
                Clock.systemUTC(),
                List.of(new SampleQuestion("en", "nudges now")),
                slack.responseUrlBase());

        Samples samples = new Samples(app, csv);
        AtomicLong rotation = new AtomicLong();
        AtomicLong nudgeCommands = new AtomicLong();
        AtomicLong nudgeFailures = new AtomicLong();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
        WindowListener window = new WindowListener() {
            @Override
            public void opened() {
                samples.start();
                timers.scheduleAtFixedRate(
                        samples::sample, sampleEvery.toMillis(), sampleEvery.toMillis(), TimeUnit.MILLISECONDS);
                timers.scheduleAtFixedRate(
                        samples::heapAfterGc, heapEvery.toSeconds(), heapEvery.toSeconds(), TimeUnit.SECONDS);
                timers.scheduleAtFixedRate(
                        () -> nudge(http, nudgesNow, rotation, nudgeCommands, nudgeFailures), 5, 60, TimeUnit.SECONDS);
            }

            @Override
            public void closed() {
                timers.shutdownNow();
            }
        };
        PhaseResult phase;
        try (LoadGenerator load = new LoadGenerator(64, Duration.ofSeconds(5))) {
            Optional<String> problem = load.checkOnce(target);
            if (problem.isPresent()) {
                System.err.println("soak: the app does not answer as expected: " + problem.get());
                return 1;
            }
            phase = load.constantRate(
                    target, new ConstantRate(rate, Duration.ofSeconds(60), Duration.ofMinutes(minutes)), window);
        } finally {
            timers.shutdownNow();
        }
        timers.awaitTermination(10, TimeUnit.SECONDS);
        samples.sample();
        samples.heapAfterGc();
        samples.close();
        Thread.sleep(3_000); // the last nudge's post
        phase.report().forEach(System.out::println);
        long posts = slack.calls().entrySet().stream()
                .filter(call -> call.getKey().startsWith("POST /api/chat.postMessage"))
                .mapToLong(call -> call.getValue())
                .sum();
        System.out.printf(
                Locale.ROOT,
                "nudges now: %d commands, %d refused or failed; chat.postMessage calls on the Slack stub: %d%n",
                nudgeCommands.get(),
                nudgeFailures.get(),
                posts);
        System.out.println("Teams replies posted to the connector stub: " + connector.replies());
        List<String> problems = app.warningsAndErrors(0);
        System.out.println("app log: " + problems.size() + " WARN/ERROR lines (" + app.log() + ")");
        problems.stream().limit(8).forEach(line -> System.out.println("  | " + line));
        System.out.println("samples: " + csv);
        System.out.println("load average at end: " + Machine.loadAverage());
        long errors = phase.counts().total() - phase.counts().ok();
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "soak: minutes=%d requests=%d errors=%d p99_ms=%s rss_start_mib=%s rss_end_mib=%s heap_after_gc_growth_mib=%s threads_max=%d%n",
                minutes,
                phase.counts().total(),
                errors,
                Machine.decimal(phase.latencyMillis(99)),
                samples.rssStart(),
                samples.rssEnd(),
                samples.heapGrowth(),
                samples.threadsMax());
        boolean nudged = nudgeCommands.get() > 0 && nudgeFailures.get() == 0 && posts >= nudgeCommands.get();
        return errors == 0 && nudged ? 0 : 1;
    }

    /** An administrator's {@code nudges now} in a Slack channel (never the direct message of the rotation). */
    private static void nudge(
            HttpClient http,
            SlashCommandRequests nudgesNow,
            AtomicLong rotation,
            AtomicLong commands,
            AtomicLong failures) {
        long sequence;
        do {
            sequence = rotation.getAndIncrement();
        } while (!SlashCommandRequests.fromChannel(sequence));
        commands.incrementAndGet();
        try {
            HttpResponse<String> response =
                    http.send(nudgesNow.next(sequence), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200 || !response.body().contains("\"blocks\"")) {
                failures.incrementAndGet();
            }
        } catch (IOException e) {
            failures.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What is sampled, and the CSV it goes to: {@code elapsed_s,rss_mib,threads,sockets,heap_after_gc_mib}. */
    private static final class Samples {

        private final AppProcess app;
        private final PrintWriter out;
        private volatile long startNanos;
        private volatile double rssStart = Double.NaN;
        private volatile double rssEnd = Double.NaN;
        private volatile double heapStart = Double.NaN;
        private volatile double heapEnd = Double.NaN;
        private volatile long threadsMax;

        Samples(AppProcess app, Path csv) throws IOException {
            this.app = app;
            this.out = new PrintWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8), true);
            out.println("elapsed_s,rss_mib,threads,sockets,heap_after_gc_mib");
        }

        /**
         * Opens the window: resident memory first, then the heap after a full collection. The end
         * samples come in the same order, so neither resident figure follows a forced collection,
         * which shrinks the serial collector's heap for a while (the start read 288 MiB right
         * after one, then 315 MiB ten seconds later).
         */
        void start() {
            startNanos = System.nanoTime();
            sample();
            rssStart = rssEnd;
            heapAfterGc();
        }

        synchronized void sample() {
            double rss = app.residentMiB().orElse(Double.NaN);
            long threads = app.status("Threads:").orElse(-1);
            rssEnd = rss;
            threadsMax = Math.max(threadsMax, threads);
            out.printf(Locale.ROOT, "%d,%.1f,%d,%d,%n", elapsed(), rss, threads, sockets());
        }

        synchronized void heapAfterGc() {
            Optional<Double> heap = heapAfterFullGc();
            heap.ifPresent(mib -> {
                if (Double.isNaN(heapStart)) {
                    heapStart = mib;
                }
                heapEnd = mib;
                out.printf(Locale.ROOT, "%d,,,,%.1f%n", elapsed(), mib);
            });
        }

        void close() {
            out.close();
        }

        String rssStart() {
            return Machine.decimal(rssStart);
        }

        String rssEnd() {
            return Machine.decimal(rssEnd);
        }

        String heapGrowth() {
            return Machine.decimal(heapEnd - heapStart);
        }

        long threadsMax() {
            return threadsMax;
        }

        private long elapsed() {
            return Duration.ofNanos(System.nanoTime() - startNanos).toSeconds();
        }

        /** Open sockets of the app (connections and listeners), from its file descriptors. */
        private long sockets() {
            try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(app.pid()), "fd"))) {
                return fds.filter(fd -> {
                            try {
                                return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                            } catch (IOException e) {
                                return false; // closed meanwhile
                            }
                        })
                        .count();
            } catch (IOException e) {
                return -1;
            }
        }

        private Optional<Double> heapAfterFullGc() {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            String pid = Long.toString(app.pid());
            try {
                run(jcmd.toString(), pid, "GC.run");
                return heapUsedMib(run(jcmd.toString(), pid, "GC.heap_info"));
            } catch (IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }

        private static String run(String... command) throws IOException, InterruptedException {
            Process process = new ProcessBuilder(new ArrayList<>(List.of(command)))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            return output;
        }
    }
}
