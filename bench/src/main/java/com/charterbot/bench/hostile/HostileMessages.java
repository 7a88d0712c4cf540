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
        messages.put("longest-answered", "can I post a photo of my team at the trade fair on LinkedIn ".repeat(17).substring(0, 999));
        return messages;
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("bench.hostile.jar", "bot-app/target/charter-bot.jar"));
        if (!Files.isRegularFile(jar)) {
            System.err.println("bench-hostile: no app jar at " + jar.toAbsolutePath() + " (bench/hostile builds it)");
            System.exit(1);
        }
        System.out.println("load average at start: " + Machine.loadAverage());
        WireMockServer platforms = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort().disableRequestJournal());
        platforms.stubFor(post(urlPathEqualTo("/api/auth.test")).atPriority(1).willReturn(okJson(
                "{\"ok\":true,\"team_id\":\"T0HOSTILE\",\"user_id\":\"U0BOT\",\"bot_id\":\"B0BOT\"}")));
        platforms.stubFor(post(urlPathMatching("/api/.*")).atPriority(5).willReturn(okJson("{\"ok\":true}")));
        platforms.stubFor(any(urlPathMatching("/teams/v3/conversations.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"1741600000000\"}")));
        platforms.start();
        Path data = Files.createTempDirectory("charter-bench-hostile-");
        String secret = "hostile-" + Long.toHexString(System.nanoTime()) + "-signing-secret";
        int port = AppProcess.freePort();
        int management = AppProcess.freePort();
        String base = "http://127.0.0.1:" + platforms.port();
        int status;
        try (AppProcess app = AppProcess.start(jar, List.of("-Xmx256m"), List.of(
                "--server.port=" + port, "--management.server.port=" + management,
                "--charter.slack.signing-secret=" + secret, "--charter.slack.bot-token=xoxb-hostile-0000",
                "--charter.slack.api-url=" + base + "/api/", "--charter.teams.allowed-service-urls=" + base + "/teams/",
                "--charter.scheduler.enabled=false",
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("charter-bot") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"),
                data.resolve("app.log"))) {
            app.awaitHealthy(URI.create("http://127.0.0.1:" + management + "/actuator/health"), Duration.ofMinutes(3));
            status = measure(app, port, secret, base);
        } finally {
            platforms.stop();
            Machine.deleteRecursively(data, "bench-hostile");
        }
        System.exit(status);
    }

    private static int measure(AppProcess app, int port, String secret, String base) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
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
                System.out.printf(Locale.ROOT, "  %-32s %6d chars  %7.2f ms CPU per message%n", kind, text.length(), perMessage);
            }
        }
        Map.Entry<String, Double> worst = cpuMs.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        List<Double> sorted = new ArrayList<>(cpuMs.values());
        sorted.sort(Comparator.naturalOrder());
        double median = sorted.get(sorted.size() / 2);
        System.out.println("load average at end: " + Machine.loadAverage());
        System.out.println();
        System.out.printf(Locale.ROOT, "bench-hostile: messages=%d worst=%s worst_cpu_ms=%.2f median_cpu_ms=%.2f target_ms=%d%n",
                cpuMs.size(), worst.getKey(), worst.getValue(), median, TARGET_MS);
        return worst.getValue() < TARGET_MS ? 0 : 1;
    }

    private static void send(HttpClient http, HttpRequest request, String kind) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(kind + " was answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static HttpRequest slack(int port, SlackSigner signer, String text, String base) {
        String body = "token=x&team_id=T0HOSTILE&channel_id=C0HOSTILE&user_id=U0PERSON&command=%2Fcharter&text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&response_url=" + URLEncoder.encode(base + "/commands/1", StandardCharsets.UTF_8);
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
