package com.charterbot.bench.rehearsal;

import com.charterbot.bench.load.AppProcess;
import com.charterbot.bench.load.ConstantRate;
import com.charterbot.bench.load.Knobs;
import com.charterbot.bench.load.LoadGenerator;
import com.charterbot.bench.load.Machine;
import com.charterbot.bench.load.ResponseCheck;
import com.charterbot.bench.load.SampleQuestion;
import com.charterbot.bench.load.Target;
import com.charterbot.bench.load.WindowListener;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * {@code bench/rehearsal}: the production rehearsal, on loopback only.
 *
 * <ol>
 *   <li>An embedded PostgreSQL behind a {@link CuttableProxy}; WireMock for Slack's Web API
 *       ({@link SlackPlatform}) and the Bot Framework ({@link TeamsPlatform}), with faults on nudge
 *       sends; Microsoft's login service ({@link MicrosoftLogin}) so Teams authentication is on.
 *   <li>Two instances of the app jar ({@link Replica}), both running the nudge scheduler.
 *   <li>{@code channels} nudge channels seeded to come due over {@code slots} minutes during the load.
 *   <li>The load ({@link Traffic}): open loop at {@code rate}/s over both instances, genuine and bad
 *       requests mixed. Meanwhile one instance is killed with SIGKILL once {@code kill-after-percent}
 *       of the nudges are out, and started again; once it is back and {@code cut-after-percent} are
 *       out, the database is cut for {@code cut-s}.
 *   <li>After the load, the last nudges are waited for; then the {@link Report}, whose last line is
 *       {@code rehearsal: requests=... forged_accepted=...}.
 * </ol>
 *
 * Exit status 0 when every target is met, 1 when one is missed or the run could not complete, 2 for
 * bad settings.
 */
public final class Rehearsal {

    static final String KILLED = "rehearsal-b";
    private static final String SURVIVOR = "rehearsal-a";

    private Rehearsal() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            System.err.println(
                    "rehearsal: no arguments; settings are -Dbench.rehearsal.<knob>=<value> (see bench/README.md)");
            System.exit(2);
        }
        Settings settings;
        try {
            settings = Settings.from(new Knobs("bench.rehearsal.", System.getProperties()));
        } catch (IllegalArgumentException e) {
            System.err.println("rehearsal: " + e.getMessage());
            System.exit(2);
            return;
        }
        int status;
        try {
            status = new Run(settings).run();
        } catch (IllegalStateException e) {
            System.err.println("rehearsal: " + e.getMessage());
            status = failed(settings);
        } catch (Exception e) {
            System.err.println("rehearsal: the run failed: " + e);
            e.printStackTrace();
            status = failed(settings);
        }
        System.exit(status);
    }

    /** The last line of a run that could not complete: nothing measured, every nudge counted lost. */
    private static int failed(Settings settings) {
        System.out.println();
        System.out.println("rehearsal: requests=0 ok=0 errors=0 p99_ms=- nudges_expected=" + settings.channels()
                + " sent=0 duplicated=0 lost=" + settings.channels() + " forged_accepted=0");
        return 1;
    }

    /** One run: everything it starts, and what it learns. */
    static final class Run {

        private final Settings settings;
        private final Timeline timeline = new Timeline();
        private final Sightings sightings = new Sightings();
        private final SecureRandom random = new SecureRandom();
        private final String signingSecret = secret(24);
        private final String slackClientSecret = secret(24);
        private final String slackStateSecret = secret(32);
        private final String tokenEncryptionKey = secret(32);
        private final String appId = UUID.randomUUID().toString();
        private final String appPassword = secret(24);
        private final String tenant = UUID.randomUUID().toString();
        private final List<String> slackChannels = new ArrayList<>();
        private final List<String> teamsConversations = new ArrayList<>();
        private final Receipts receipts;
        private final Faults faults;
        private final BotFrameworkTokens tokens;
        private Set<String> inFlightAtKill = Set.of();
        private SlowClients slowClients = new SlowClients(0, 0, Duration.ofSeconds(5));

        Run(Settings settings) {
            this.settings = settings;
            int perPlatform = settings.channels() / 2;
            for (int i = 0; i < perPlatform; i++) {
                slackChannels.add(String.format(Locale.ROOT, "CREH%05d", i));
                teamsConversations.add(
                        String.format(Locale.ROOT, "%s%05d@thread.tacv2", TeamsPlatform.NUDGE_CONVERSATION_PREFIX, i));
            }
            Set<String> all = new HashSet<>(slackChannels);
            all.addAll(teamsConversations);
            this.receipts = new Receipts(all);
            this.faults = new Faults(settings.rateLimited(), settings.serverErrors(), settings.late(), settings.seed());
            this.tokens = new BotFrameworkTokens(appId, Clock.systemUTC());
        }

        int run() throws Exception {
            Path dir = settings.dir().toAbsolutePath();
            Files.createDirectories(dir);
            System.out.println("settings: " + settings.summary());
            System.out.println("load average at start: " + Machine.loadAverage());
            if (!Files.isRegularFile(settings.jar())) {
                throw new IllegalStateException(
                        "no app jar at " + settings.jar().toAbsolutePath() + " (bench/rehearsal builds it)");
            }
            try (Database database = Database.start(dir.resolve("postgres"));
                    CuttableProxy proxy = CuttableProxy.start(database.port());
                    SlackPlatform slack = SlackPlatform.start(faults, receipts, sightings, settings.slackApiTimeout());
                    TeamsPlatform teams =
                            TeamsPlatform.start(faults, receipts, sightings, tokens, settings.teamsSendTimeout());
                    MicrosoftLogin login = MicrosoftLogin.start(dir.resolve("tls"), tenant)) {
                log("PostgreSQL on port " + database.port() + ", instances reach it through the cuttable proxy on port "
                        + proxy.port());
                String userKeySecret = secret(32);
                List<Replica> replicas = new ArrayList<>();
                try {
                    for (String name : List.of(SURVIVOR, KILLED)) {
                        replicas.add(replica(name, dir, proxy, slack, teams, login, userKeySecret));
                    }
                    for (Replica replica : replicas) {
                        replica.start();
                    }
                    for (Replica replica : replicas) {
                        if (!replica.awaitReady(settings.startupTimeout())) {
                            throw new IllegalStateException(replica.name()
                                    + " did not become ready; the end of its log:\n  | "
                                    + String.join("\n  | ", replica.process().logTail(40)));
                        }
                        log(replica.name() + " ready on port " + replica.port() + " (pid "
                                + replica.process().pid() + ")");
                    }
                    if (!database.migrated()) {
                        throw new IllegalStateException(
                                "the instances are ready but the database has no teams_conversation table");
                    }
                    Traffic traffic = new Traffic(
                            replicas,
                            new Traffic.Endpoints(
                                    signingSecret,
                                    slack.commandsUrl(),
                                    slack.forgedUrl(),
                                    teams.serviceUrl(),
                                    teams.offListServiceUrl(),
                                    appId,
                                    tenant),
                            tokens,
                            sightings,
                            SampleQuestion.all(),
                            settings.badShare(),
                            settings.seed(),
                            Clock.systemUTC());
                    installWorkspaces(replicas);
                    smokeTest(replicas, teams.serviceUrl(), slack.commandsUrl());
                    Ledger ledger = new Ledger(traffic, sightings);
                    ConstantRate plan = planAndSeed(database, teams.serviceUrl());
                    long measuredFrom = plan.warmup().toSeconds() * settings.rate();
                    runLoad(traffic, ledger, plan, replicas, database, proxy);
                    drain(database);
                    ledger.checkReplies();
                    Map<String, Integer> byStatus = database.deliveriesByStatus();
                    List<String> unsent = database.unsentDeliveries(12);
                    Instant[] sentSpan = database.sentSpan();
                    for (Replica replica : replicas) {
                        replica.close();
                    }
                    Csv.write(dir, ledger.from(0), receipts, timeline);
                    Report report = new Report(
                            settings,
                            timeline,
                            ledger.from(measuredFrom),
                            receipts,
                            sightings,
                            inFlightAtKill,
                            replicas,
                            byStatus,
                            unsent,
                            sentSpan,
                            login,
                            proxy,
                            slowClients);
                    int status = report.print();
                    System.out.println("load average at end: " + Machine.loadAverage());
                    System.out.println();
                    System.out.println(report.lastLine());
                    return status;
                } finally {
                    for (Replica replica : replicas) {
                        replica.close();
                    }
                }
            }
        }

        private Replica replica(
                String name,
                Path dir,
                CuttableProxy proxy,
                SlackPlatform slack,
                TeamsPlatform teams,
                MicrosoftLogin login,
                String userKeySecret) {
            int port = AppProcess.freePort();
            int managementPort = AppProcess.freePort();
            while (managementPort == port) {
                managementPort = AppProcess.freePort();
            }
            List<String> jvm = new ArrayList<>(List.of("-Xmx" + settings.appHeap()));
            jvm.addAll(login.appJvmOptions());
            jvm.addAll(settings.appJvmOptions());
            List<String> arguments = new ArrayList<>(List.of(
                    "--server.port=" + port,
                    "--server.address=127.0.0.1",
                    "--management.server.port=" + managementPort,
                    "--management.server.address=127.0.0.1",
                    "--spring.datasource.url=" + Database.jdbcUrl(proxy.port()),
                    "--spring.datasource.username=" + Database.USER,
                    "--spring.datasource.password=",
                    "--charter.privacy.user-key-secret=" + userKeySecret,
                    "--charter.slack.signing-secret=" + signingSecret,
                    // Two workspaces install the app through OAuth (installWorkspaces); tokens encrypted in the
                    // database.
                    "--charter.slack.client-id=" + SlackPlatform.CLIENT_ID,
                    "--charter.slack.client-secret=" + slackClientSecret,
                    "--charter.slack.state-secret=" + slackStateSecret,
                    "--charter.slack.token-encryption-key=" + tokenEncryptionKey,
                    "--charter.slack.api-url=" + slack.apiUrl(),
                    "--charter.slack.api-timeout=" + settings.slackApiTimeout().toMillis() + "ms",
                    "--charter.slack.admin-user-ids=" + Traffic.ADMIN_SLACK_USER,
                    "--charter.teams.app-id=" + appId,
                    "--charter.teams.app-password=" + appPassword,
                    "--charter.teams.tenant-id=" + tenant,
                    "--charter.teams.allowed-service-urls=" + teams.serviceUrl(),
                    "--charter.teams.open-id-metadata-url=" + teams.openIdMetadataUrl(),
                    "--charter.teams.admin-user-ids="
                            + String.format(Locale.ROOT, "6b2c8a1e-3d4f-4a5b-9c8d-%012d", Traffic.TEAMS_ADMIN_PERSON),
                    "--charter.scheduler.name=" + name,
                    "--charter.scheduler.tenant-budget-per-second=" + settings.budget(),
                    // A killed instance's deliveries are taken over after 4 missed heartbeats: 8 s instead of 3
                    // minutes.
                    "--charter.scheduler.heartbeat-interval=2s",
                    "--charter.scheduler.missed-heartbeats=4"));
            arguments.addAll(settings.appArguments());
            return new Replica(name, port, managementPort, settings.jar(), jvm, arguments, dir);
        }

        /**
         * Installs the app in the two Slack workspaces through the OAuth flow, as a workspace admin's
         * browser would: the install page of one instance, Slack's redirect back to the other (any
         * instance finishes an install another started), the state cookie carried between them.
         */
        private void installWorkspaces(List<Replica> replicas) throws IOException, InterruptedException {
            HttpClient browser = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            for (int i = 0; i < SlackPlatform.TEAMS.size(); i++) {
                String team = SlackPlatform.TEAMS.get(i);
                Replica starts = replicas.get(i % replicas.size());
                Replica finishes = replicas.get((i + 1) % replicas.size());
                HttpResponse<String> page = browser.send(
                        HttpRequest.newBuilder(starts.uri("/slack/install"))
                                .timeout(Duration.ofSeconds(30))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                java.util.regex.Matcher state = java.util.regex.Pattern.compile("state=([A-Za-z0-9_.\\-]+)")
                        .matcher(page.body());
                if (page.statusCode() != 200 || !state.find()) {
                    throw new IllegalStateException(
                            "the install page of " + starts.name() + " answered " + page.statusCode());
                }
                HttpResponse<String> done = browser.send(
                        HttpRequest.newBuilder(finishes.uri("/slack/oauth_redirect?code=" + SlackPlatform.code(team)
                                        + "&state=" + state.group(1)))
                                .timeout(Duration.ofSeconds(30))
                                .header("Cookie", "slack-app-oauth-state=" + state.group(1))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (done.statusCode() != 200 || !done.body().contains("Charter Bot is installed")) {
                    throw new IllegalStateException("installing " + team + " (started on " + starts.name()
                            + ", finished on " + finishes.name() + ") answered " + done.statusCode());
                }
            }
            log("Slack app installed through OAuth in " + SlackPlatform.TEAMS.size() + " workspaces "
                    + SlackPlatform.TEAMS + ", each install started on one instance and finished on the other");
        }

        /**
         * One genuine Slack command and one Teams message per instance, up to three tries each (the first
         * calls of a cold instance can be slow): a broken setup stops here, not after minutes.
         */
        private void smokeTest(List<Replica> replicas, String serviceUrl, String commandsUrl)
                throws InterruptedException {
            HttpClient client = HttpClient.newHttpClient();
            for (Replica replica : replicas) {
                for (String platform : List.of("slack", "teams")) {
                    String problem = null;
                    for (int attempt = 1; attempt <= 3; attempt++) {
                        String key = "smoke-" + platform + "-" + replica.name() + "-" + attempt;
                        HttpRequest request = platform.equals("slack")
                                ? smokeSlack(replica, key, commandsUrl)
                                : smokeTeams(replica, key, serviceUrl);
                        try {
                            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                            boolean ok = response.statusCode() == 200
                                    && (platform.equals("slack")
                                            ? response.body().contains("\"blocks\"")
                                            : await(Duration.ofSeconds(10), () -> sightings.replied(key)));
                            problem = ok ? null : "HTTP " + response.statusCode() + " " + response.body();
                        } catch (IOException e) {
                            problem = e.toString();
                        }
                        if (problem == null) {
                            break;
                        }
                        log(platform + " smoke test " + attempt + " on " + replica.name() + " not ok: " + problem);
                        Thread.sleep(2000);
                    }
                    if (problem != null) {
                        throw new IllegalStateException(platform + " smoke test on " + replica.name() + " failed: "
                                + problem + "; the end of its log:\n  | "
                                + String.join("\n  | ", replica.process().logTail(30)));
                    }
                }
            }
            log(
                    "smoke test passed: a signed Slack command and an authenticated Teams message answered by each instance");
        }

        private HttpRequest smokeSlack(Replica replica, String key, String commandsUrl) {
            String body =
                    "token=t&team_id=" + SlackPlatform.TEAM + "&channel_id=CLOAD00&user_id=U0REH00&command=%2Fcharter"
                            + "&text=can+I+post+a+photo+of+my+team%3F&response_url="
                            + java.net.URLEncoder.encode(commandsUrl + key, java.nio.charset.StandardCharsets.UTF_8);
            long timestamp = Instant.now().getEpochSecond();
            return HttpRequest.newBuilder(replica.uri("/slack/events"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                    .header(
                            "X-Slack-Signature",
                            new com.charterbot.bench.slack.SlackSigner(signingSecret).signature(timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        }

        private HttpRequest smokeTeams(Replica replica, String key, String serviceUrl) {
            String body = """
                    {"type":"message","id":"%s","timestamp":"2026-01-05T09:30:00.123Z","channelId":"msteams","serviceUrl":"%s",\
                    "from":{"id":"29:1smoke","name":"Smoke","aadObjectId":"6b2c8a1e-3d4f-4a5b-9c8d-000000000777"},\
                    "conversation":{"conversationType":"personal","tenantId":"%s","id":"a:1smoke-%s"},\
                    "recipient":{"id":"28:%s","name":"Charter"},"locale":"en-US","textFormat":"plain","text":"help",\
                    "channelData":{"tenant":{"id":"%s"}}}""".formatted(key, serviceUrl, tenant, replica.name(), appId, tenant);
            return HttpRequest.newBuilder(replica.uri("/api/messages"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + tokens.valid(serviceUrl))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        }

        /**
         * Seeds the nudge channels with slots on whole minutes from {@code slot-lead} after the load's
         * measured window opens, and sizes the load so it outlasts the fan-out.
         */
        private ConstantRate planAndSeed(Database database, String serviceUrl) throws SQLException {
            Instant windowStart = Instant.now().plus(settings.warmup()).plusSeconds(2);
            Instant firstSlot = windowStart.plus(settings.slotLead()).truncatedTo(ChronoUnit.MINUTES);
            if (firstSlot.isBefore(windowStart.plus(settings.slotLead()))) {
                firstSlot = firstSlot.plus(Duration.ofMinutes(1));
            }
            Instant lastSlot = firstSlot.plus(Duration.ofMinutes(settings.slots() - 1L));
            List<Database.SeedChannel> seeds = new ArrayList<>();
            int perPlatform = slackChannels.size();
            for (int i = 0; i < perPlatform; i++) {
                Instant slot = firstSlot.plus(Duration.ofMinutes((long) i * settings.slots() / perPlatform));
                seeds.add(new Database.SeedChannel(
                        "SLACK",
                        SlackPlatform.teamOfNudgeChannel(slackChannels.get(i)),
                        slackChannels.get(i),
                        slot,
                        null));
                String conversation = teamsConversations.get(i);
                String reference = """
                        {"channelId":"msteams","serviceUrl":"%s","bot":{"id":"28:%s","name":"Charter"},\
                        "conversation":{"isGroup":true,"conversationType":"channel","id":"%s","tenantId":"%s"}}""".formatted(serviceUrl, appId, conversation, tenant);
                seeds.add(new Database.SeedChannel("TEAMS", tenant, conversation, slot, reference));
            }
            database.seed(seeds);
            // The fan-out of the last slot: planner delay, the cluster's budget per tenant (Teams has one tenant, Slack
            // two
            // workspaces), retries and the faults' recovery.
            long fanOutSeconds =
                    30 + (long) Math.ceil(perPlatform / (double) settings.slots() / settings.budget()) + 60;
            Duration measured = Duration.between(windowStart, lastSlot).plusSeconds(fanOutSeconds);
            if (measured.compareTo(settings.minDuration()) < 0) {
                measured = settings.minDuration();
            }
            timeline.firstSlot = nanosAt(firstSlot);
            timeline.lastSlot = nanosAt(lastSlot);
            log(String.format(
                    Locale.ROOT,
                    "seeded %d nudge channels (%d Slack, %d Teams), due from %s to %s; measured load %d s at %d/s",
                    seeds.size(),
                    perPlatform,
                    perPlatform,
                    firstSlot,
                    lastSlot,
                    measured.toSeconds(),
                    settings.rate()));
            return new ConstantRate(settings.rate(), settings.warmup(), measured);
        }

        private void runLoad(
                Traffic traffic,
                Ledger ledger,
                ConstantRate plan,
                List<Replica> replicas,
                Database database,
                CuttableProxy proxy)
                throws InterruptedException, SQLException, IOException {
            Target target = new Target("rehearsal mix", traffic, ResponseCheck.ANY_2XX);
            AtomicLong failedLoad = new AtomicLong();
            ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "rehearsal-progress");
                thread.setDaemon(true);
                return thread;
            });
            try (LoadGenerator load = new LoadGenerator(settings.connections(), settings.timeout())) {
                long start = System.nanoTime();
                timeline.windowStart = start + plan.warmup().toNanos();
                timeline.windowEnd = timeline.windowStart + plan.duration().toNanos();
                Replica survivor = replicas.stream()
                        .filter(r -> r.name().equals(SURVIVOR))
                        .findFirst()
                        .orElseThrow();
                slowClients = new SlowClients(survivor.port(), settings.slowClients(), Duration.ofSeconds(5));
                slowClients.start();
                Thread loader = new Thread(
                        () -> {
                            try {
                                load.constantRate(target, plan, WindowListener.NONE, ledger);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            } catch (RuntimeException e) {
                                failedLoad.incrementAndGet();
                                System.err.println("rehearsal: the load failed: " + e);
                            }
                        },
                        "rehearsal-load");
                loader.start();
                log("load started: " + plan.warmup().toSeconds() + " s warm-up, then "
                        + plan.duration().toSeconds() + " s measured");
                progress.scheduleAtFixedRate(
                        () -> log(String.format(
                                Locale.ROOT,
                                "nudges delivered %d (channels %d/%d); ready: %s",
                                receipts.deliveredCount(),
                                receipts.channelsReached(),
                                receipts.expected().size(),
                                replicas.stream()
                                        .map(r -> r.name() + "=" + r.isReady())
                                        .toList())),
                        10,
                        10,
                        TimeUnit.SECONDS);

                Replica killed = replicas.stream()
                        .filter(r -> r.name().equals(KILLED))
                        .findFirst()
                        .orElseThrow();
                long expected = receipts.expected().size();
                // Should the fan-out be slow to start, the kill comes anyway a minute and a half after the first slot.
                long killDeadline = timeline.firstSlot + TimeUnit.SECONDS.toNanos(90);
                awaitUntil(() -> receipts.channelsReached() >= settings.killAfter() * expected, killDeadline);
                timeline.killAt = System.nanoTime();
                Instant killedAt = Instant.now();
                killed.kill();
                Map<String, String> picked = database.pickedBy(KILLED);
                inFlightAtKill = Set.copyOf(picked.values());
                log(String.format(
                        Locale.ROOT,
                        "SIGKILL %s with %d of %d nudge channels reached; it had %d nudge deliveries picked",
                        KILLED,
                        receipts.channelsReached(),
                        expected,
                        inFlightAtKill.size()));
                watchRevival(database, picked.keySet(), killedAt);
                killed.start();
                timeline.restartedAt = System.nanoTime();
                if (killed.awaitReady(settings.startupTimeout())) {
                    timeline.readyAgainAt = killed.readySinceNanos();
                    log(KILLED + " ready again, " + Timeline.seconds(timeline.readyAgainAt - timeline.killAt)
                            + " after the kill");
                } else {
                    log(KILLED + " did not become ready again within "
                            + settings.startupTimeout().toSeconds() + " s");
                }

                long cutDeadline = timeline.windowEnd - settings.cutLength().toNanos() - TimeUnit.SECONDS.toNanos(45);
                awaitUntil(
                        () -> receipts.channelsReached() >= settings.cutAfter() * expected
                                && killed.isReady()
                                && System.nanoTime() - killed.readySinceNanos()
                                        > settings.grace().toNanos() + TimeUnit.SECONDS.toNanos(5),
                        cutDeadline);
                log(String.format(
                        Locale.ROOT,
                        "database cut for %d s, with %d of %d nudge channels reached",
                        settings.cutLength().toSeconds(),
                        receipts.channelsReached(),
                        expected));
                timeline.cutStart = System.nanoTime();
                proxy.cut(settings.cutLength());
                timeline.cutEnd = System.nanoTime();
                log("database reachable again");

                loader.join();
                slowClients.close();
                log("load over");
            } finally {
                progress.shutdownNow();
            }
            if (failedLoad.get() > 0) {
                throw new IllegalStateException("the load generator failed");
            }
        }

        /** Notes when no delivery picked by the killed instance is held by it any more: another instance revived them. */
        private void watchRevival(Database database, Set<String> instances, Instant killedAt) {
            Thread watcher = new Thread(
                    () -> {
                        try {
                            while (database.stillHeld(instances, killedAt) > 0) {
                                Thread.sleep(250);
                            }
                            timeline.revivedAt = System.nanoTime();
                        } catch (SQLException | InterruptedException e) {
                            // Not known: the report says so.
                        }
                    },
                    "rehearsal-revival");
            watcher.setDaemon(true);
            watcher.start();
        }

        /** Waits after the load until every delivery is finished and no task instance is left, or the drain timeout. */
        private void drain(Database database) throws InterruptedException {
            long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
            int settled = 0;
            while (System.nanoTime() < deadline && settled < 5) {
                try {
                    Map<String, Integer> byStatus = database.deliveriesByStatus();
                    int total = byStatus.values().stream()
                            .mapToInt(Integer::intValue)
                            .sum();
                    boolean done = byStatus.getOrDefault("PENDING", 0) == 0
                            && database.scheduledDeliveries() == 0
                            && total >= receipts.expected().size();
                    settled = done ? settled + 1 : 0;
                } catch (SQLException e) {
                    settled = 0;
                }
                Thread.sleep(1000);
            }
            timeline.drainedAt = System.nanoTime();
            log(
                    settled >= 5
                            ? "every nudge delivery finished"
                            : "drain timeout: some nudge deliveries were still pending");
        }

        private void awaitUntil(BooleanSupplier condition, long deadlineNanos) throws InterruptedException {
            while (!condition.getAsBoolean() && System.nanoTime() < deadlineNanos) {
                Thread.sleep(100);
            }
        }

        private static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (condition.getAsBoolean()) {
                    return true;
                }
                Thread.sleep(50);
            }
            return condition.getAsBoolean();
        }

        private long nanosAt(Instant instant) {
            return System.nanoTime() + Duration.between(Instant.now(), instant).toNanos();
        }

        private void log(String line) {
            System.out.printf(Locale.ROOT, "[%7.1f s] %s%n", (System.nanoTime() - timeline.origin) / 1e9, line);
        }

        private String secret(int bytes) {
            byte[] value = new byte[bytes];
            random.nextBytes(value);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
        }
    }
}
