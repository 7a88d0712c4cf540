package com.charterbot.bench.hostile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.charterbot.bench.load.AppProcess;
import com.charterbot.bench.load.Json;
import com.charterbot.bench.load.Machine;
import com.charterbot.bench.slack.SlackSigner;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code bench/hostile}: how much server CPU the worst single messages cost, through the packaged
 * jar. Each message of up to the size limit (20,000 characters: runs of dots, spaces, no-break
 * spaces, tag and mention openers, bidi overrides, emoji, combining accents...) is sent to Slack's
 * {@code /slack/events} (signed slash command) and to Teams' {@code /api/messages} (a personal
 * message, authentication off on loopback), warmed up, then sent {@value #MEASURED} times one after
 * the other while the app's CPU time is read. The target (issue 13): under {@value #TARGET_MS} ms of
 * CPU per message. Last line:
 * {@code bench-hostile: messages=<n> worst=<kind> worst_cpu_ms=<x> median_cpu_ms=<x> target_ms=50}.
 */
public final class HostileMessages {

    static final int TARGET_MS = 50;
    static final int WARMUP = 10;
    static final int MEASURED = 20;
    private static final int LIMIT = 20_000;
    private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private HostileMessages() {}

    /** The messages: each a worst case for some pass over user text, at the size limit. */
    static Map<String, String> messages() {
        Map<String, String> messages = new LinkedHashMap<>();
        messages.put("nudges+dots", "nudges " + ".".repeat(LIMIT - 8) + "x");
        messages.put("nudges+spaces", "nudges " + " ".repeat(LIMIT - 8) + "x");
        messages.put("question-marks", "?".repeat(LIMIT - 1) + "x");
        messages.put("no-break-spaces", "forget me" + "\u00a0".repeat(LIMIT - 10) + "x");
        messages.put("tag-openers", "<a".repeat(LIMIT / 2));
        messages.put("mention-openers", "<@U0BOT|".repeat(LIMIT / 8));
        messages.put("link-openers", "<http://x|".repeat(LIMIT / 10));
        messages.put("teams-mentions", "<at>".repeat(LIMIT / 4));
        messages.put("bidi-overrides", "\u202e".repeat(LIMIT - 7) + "lang en");
        messages.put("emoji", "\ud83d\ude00".repeat(LIMIT / 2));
        messages.put("combining-accents", "e\u0301".repeat(LIMIT / 2));
        messages.put("long-question", "can I post this photo of the plant? ".repeat(LIMIT / 36));
        messages.put(
                "longest-answered",
                "can I post a photo of my team at the trade fair on LinkedIn "
                        .repeat(17)
                        .substring(0, 999));
        return messages;
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("bench.hostile.jar", "bot-app/target/charter-bot.jar"));
        if (!Files.isRegularFile(jar)) {
            System.err.println("bench-hostile: no app jar at " + jar.toAbsolutePath() + " (bench/hostile builds it)");
            System.exit(1);
        }
        System.out.println("load average at start: " + Machine.loadAverage());
        WireMockServer platforms = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .disableRequestJournal());
        platforms.stubFor(post(urlPathEqualTo("/api/auth.test"))
                .atPriority(1)
                .willReturn(
                        okJson("{\"ok\":true,\"team_id\":\"T0HOSTILE\",\"user_id\":\"U0BOT\",\"bot_id\":\"B0BOT\"}")));
        platforms.stubFor(post(urlPathMatching("/api/.*")).atPriority(5).willReturn(okJson("{\"ok\":true}")));
        platforms.stubFor(post(urlPathEqualTo("/api/users.info"))
                .atPriority(2)
                .willReturn(okJson(
                        "{\"ok\":true,\"user\":{\"id\":\"U0PERSON\",\"team_id\":\"T0HOSTILE\",\"is_admin\":true}}")));
        platforms.stubFor(
                any(urlPathMatching("/elsewhere/.*")).willReturn(aResponse().withStatus(200)));
        platforms.stubFor(any(urlPathMatching("/teams/v3/conversations.*"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"1741600000000\"}")));
        platforms.start();
        Path data = Files.createTempDirectory("charter-bench-hostile-");
        String secret = "hostile-" + Long.toHexString(System.nanoTime()) + "-signing-secret";
        int port = AppProcess.freePort();
        int management = AppProcess.freePort();
        String base = "http://127.0.0.1:" + platforms.port();
        int status;
        try (AppProcess app = AppProcess.start(
                jar,
                List.of("-Xmx256m"),
                List.of(
                        "--server.port=" + port,
                        "--management.server.port=" + management,
                        "--charter.slack.signing-secret=" + secret,
                        "--charter.slack.bot-token=xoxb-hostile-0000",
                        "--charter.slack.api-url=" + base + "/api/",
                        "--charter.teams.allowed-service-urls=" + base + "/teams/",
                        "--charter.scheduler.enabled=false",
                        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("charter-bot")
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"),
                data.resolve("app.log"))) {
            app.awaitHealthy(URI.create("http://127.0.0.1:" + management + "/actuator/health"), Duration.ofMinutes(3));
            status = measure(app, port, secret, base, management);
        } finally {
            platforms.stop();
            Machine.deleteRecursively(data, "bench-hostile");
        }
        System.exit(status);
    }

    private static int measure(AppProcess app, int port, String secret, String base, int management) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        SlackSigner signer = new SlackSigner(secret);
        AtomicLong ids = new AtomicLong();
        Map<String, Double> cpuMs = new LinkedHashMap<>();
        for (Map.Entry<String, String> message : messages().entrySet()) {
            for (String platform : List.of("slack", "teams")) {
                String kind = platform + ":" + message.getKey();
                String text = message.getValue();
                java.util.function.Supplier<HttpRequest> request = platform.equals("slack")
                        ? () -> slack(port, signer, text, base)
                        : () -> teams(port, text, base, ids.incrementAndGet());
                for (int i = 0; i < WARMUP; i++) {
                    send(http, request.get(), kind);
                }
                Optional<Duration> before = app.cpuTime();
                for (int i = 0; i < MEASURED; i++) {
                    send(http, request.get(), kind);
                }
                Optional<Duration> after = app.cpuTime();
                if (before.isEmpty() || after.isEmpty()) {
                    System.err.println("bench-hostile: the app's CPU time cannot be read on this system");
                    return 1;
                }
                double perMessage = after.get().minus(before.get()).toNanos() / 1e6 / MEASURED;
                cpuMs.put(kind, perMessage);
                System.out.printf(
                        Locale.ROOT, "  %-32s %6d chars  %7.2f ms CPU per message%n", kind, text.length(), perMessage);
            }
        }
        Map.Entry<String, Double> worst =
                cpuMs.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        List<Double> sorted = new ArrayList<>(cpuMs.values());
        sorted.sort(Comparator.naturalOrder());
        double median = sorted.get(sorted.size() / 2);
        System.out.println();
        Attacks attacks = new Attacks(http, port, signer, base, management);
        attacks.replay();
        System.out.println("load average at end: " + Machine.loadAverage());
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "bench-hostile: messages=%d worst=%s worst_cpu_ms=%.2f median_cpu_ms=%.2f target_ms=%d "
                        + "attacks_refused=%d/%d slow_bodies_answer_ms=%d%n",
                cpuMs.size(),
                worst.getKey(),
                worst.getValue(),
                median,
                TARGET_MS,
                attacks.refused(),
                attacks.tried(),
                attacks.slowBodiesAnswerMillis());
        return worst.getValue() < TARGET_MS
                        && attacks.refused() == attacks.tried()
                        && attacks.slowBodiesAnswerMillis() < 1_000
                ? 0
                : 1;
    }

    /** The outside probe's attacks that apply to the quick start (Teams authentication off), each checked refused or harmless. */
    private static final class Attacks {

        private final HttpClient http;
        private final int port;
        private final SlackSigner signer;
        private final String base;
        private final int management;
        private int tried;
        private int refused;
        private long slowBodiesAnswerMillis = -1;

        Attacks(HttpClient http, int port, SlackSigner signer, String base, int management) {
            this.http = http;
            this.port = port;
            this.signer = signer;
            this.base = base;
            this.management = management;
        }

        void replay() throws Exception {
            System.out.println("attacks of the outside probe (issue 13), against the quick start:");
            long ahead = Instant.now().getEpochSecond() + 6 * 60;
            String command =
                    "token=x&team_id=T0HOSTILE&channel_id=C0HOSTILE&user_id=U0PERSON&command=%2Fcharter&text=help";
            check(
                    "a Slack request signed 6 minutes ahead",
                    raw(
                            "/slack/events",
                            "application/x-www-form-urlencoded",
                            command,
                            Map.of(
                                    "X-Slack-Request-Timestamp",
                                    Long.toString(ahead),
                                    "X-Slack-Signature",
                                    signer.signature(ahead, command))),
                    response -> response.statusCode() == 401);
            check(
                    "an unsigned %zz=1",
                    raw("/slack/events", "application/x-www-form-urlencoded", "%zz=1", Map.of()),
                    response -> response.statusCode() == 401);
            check(
                    "an unsigned ssl_check=1 with a command",
                    raw("/slack/events", "application/x-www-form-urlencoded", "ssl_check=1&" + command, Map.of()),
                    response -> response.statusCode() == 401);
            check(
                    "a workspace admin naming another workspace runs 'nudges now'",
                    slackFrom("T0OTHER", "nudges now"),
                    response ->
                            response.statusCode() == 200 && response.body().contains("Only charter administrators"));
            check(
                    "U+202E in the lang argument",
                    slackFrom("T0HOSTILE", "lang \u202Exx"),
                    response -> response.statusCode() == 200
                            && response.body().contains("xx")
                            && !response.body().contains("\u202E")
                            && !response.body().toLowerCase(Locale.ROOT).contains("\\u202e"));
            for (String url : List.of(
                    base + "/elsewhere/", "http://127.0.0.1:" + management + "/actuator/", "http://169.254.169.254/")) {
                check("a Teams reply asked to go to " + url, teamsTo(url), response -> response.statusCode() == 403);
            }
            slowBodies();
        }

        private HttpRequest slackFrom(String team, String text) {
            String body = "token=x&team_id=" + team + "&channel_id=C0HOSTILE&user_id=U0PERSON&command=%2Fcharter&text="
                    + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&response_url="
                    + URLEncoder.encode(base + "/commands/1", StandardCharsets.UTF_8);
            long timestamp = Instant.now().getEpochSecond();
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                    .header("X-Slack-Signature", signer.signature(timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        }

        private HttpRequest teamsTo(String serviceUrl) {
            String body = """
                    {"type":"message","id":"attack-%d","timestamp":"2026-12-06T09:30:00.123Z","channelId":"msteams",                    "serviceUrl":"%s","from":{"id":"29:1hostile","name":"Someone","aadObjectId":"6b2c8a1e-3d4f-4a5b-9c8d-000000000001"},                    "conversation":{"conversationType":"personal","tenantId":"%s","id":"a:1hostile-personal"},                    "recipient":{"id":"28:hostile-bot","name":"Charter"},"locale":"en-US","textFormat":"plain","text":"stats",                    "channelData":{"tenant":{"id":"%s"}}}""".formatted(System.nanoTime(), serviceUrl, TENANT, TENANT);
            return raw("/api/messages", "application/json", body, Map.of());
        }

        private HttpRequest raw(String path, String contentType, String body, Map<String, String> headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", contentType);
            headers.forEach(request::header);
            return request.POST(HttpRequest.BodyPublishers.ofString(body)).build();
        }

        private void check(
                String what, HttpRequest request, java.util.function.Predicate<HttpResponse<String>> harmless)
                throws Exception {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            tried++;
            boolean ok = harmless.test(response);
            if (ok) {
                refused++;
            }
            System.out.printf(
                    Locale.ROOT,
                    "  %-70s HTTP %d  %s%n",
                    what,
                    response.statusCode(),
                    ok ? "refused or harmless" : "GOT THROUGH");
        }

        /** 250 connections trickling a body, then a normal signed request: how long its answer takes. */
        private void slowBodies() throws Exception {
            List<java.net.Socket> trickles = new ArrayList<>();
            try {
                for (int i = 0; i < 250; i++) {
                    java.net.Socket socket = new java.net.Socket("127.0.0.1", port);
                    socket.getOutputStream()
                            .write(("POST " + (i % 2 == 0 ? "/slack/events" : "/api/messages")
                                            + " HTTP/1.1\r\nHost: x\r\n"
                                            + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\nx")
                                    .getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    trickles.add(socket);
                }
                long start = System.nanoTime();
                HttpResponse<String> answer = http.send(
                        slackFrom("T0HOSTILE", "can I post a photo of the plant?"),
                        HttpResponse.BodyHandlers.ofString());
                slowBodiesAnswerMillis = (System.nanoTime() - start) / 1_000_000;
                tried++;
                if (answer.statusCode() == 200 && slowBodiesAnswerMillis < 1_000) {
                    refused++;
                }
                System.out.printf(
                        Locale.ROOT,
                        "  %-70s HTTP %d  answered in %d ms%n",
                        "a signed question while 250 bodies trickle",
                        answer.statusCode(),
                        slowBodiesAnswerMillis);
            } finally {
                for (java.net.Socket socket : trickles) {
                    socket.close();
                }
            }
        }

        int tried() {
            return tried;
        }

        int refused() {
            return refused;
        }

        long slowBodiesAnswerMillis() {
            return slowBodiesAnswerMillis;
        }
    }

    private static void send(HttpClient http, HttpRequest request, String kind) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(kind + " was answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static HttpRequest slack(int port, SlackSigner signer, String text, String base) {
        String body = "token=x&team_id=T0HOSTILE&channel_id=C0HOSTILE&user_id=U0PERSON&command=%2Fcharter&text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&response_url="
                + URLEncoder.encode(base + "/commands/1", StandardCharsets.UTF_8);
        long timestamp = Instant.now().getEpochSecond();
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                .header("X-Slack-Signature", signer.signature(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static HttpRequest teams(int port, String text, String base, long id) {
        String body = """
                {"type":"message","id":"hostile-%d","timestamp":"2026-12-06T09:30:00.123Z","channelId":"msteams",\
                "serviceUrl":"%s/teams/","from":{"id":"29:1hostile","name":"Someone","aadObjectId":"6b2c8a1e-3d4f-4a5b-9c8d-000000000001"},\
                "conversation":{"conversationType":"personal","tenantId":"%s","id":"a:1hostile-personal"},\
                "recipient":{"id":"28:hostile-bot","name":"Charter"},"locale":"en-US","textFormat":"plain","text":"%s",\
                "channelData":{"tenant":{"id":"%s"}}}""".formatted(id, base, TENANT, Json.escape(text), TENANT);
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }
}
