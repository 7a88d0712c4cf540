package com.charterbot.app;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.app.persistence.Databases;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The packaged jar as it runs in production: {@code java -jar charter-bot.jar} with the
 * {@code prod} profile against a real PostgreSQL (embedded, no Docker), Slack in HTTP mode with
 * WireMock as its Web API. It must become ready on the management port, answer a signed slash
 * command, show the bot's metrics, serve no management endpoint on the public port, write JSON
 * logs without any secret, and stop cleanly on SIGTERM within the grace period, answering the
 * request in flight when the signal came.
 *
 * <p>Run by failsafe in {@code ./mvnw verify}, after {@code package}; about 30 to 60 seconds.
 */
class PackagedJarIT {

    static final String SIGNING_SECRET = "it-signing-secret-5f0b7c2e91d4";
    static final String BOT_TOKEN = "xoxb-it-4242-secret-token-9c1d";
    static final String USER_KEY_SECRET = "it-user-key-secret-2b7e151628aed2a6abf7";
    static final String QUESTION = "can I post a photo of the factory floor?";
    static final String TEAM = "T0JAR";
    /** The shutdown phase's timeout (spring.lifecycle.timeout-per-shutdown-phase) plus a margin for the JVM's exit. */
    static final Duration GRACE = Duration.ofSeconds(40);

    static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /** How long Slack takes to answer the lookup that is in flight when SIGTERM arrives. */
    static final Duration SLOW_SLACK = Duration.ofSeconds(3);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Kept in target/ after the run, for a look at what the application logged. */
    private final Path log = Path.of("target", "packaged-jar-it.log");

    @Test
    void startsWithTheProductionProfileOnPostgresqlReportsReadyServesMetricsAndStopsGracefullyOnSigterm()
            throws Exception {
        Path jar = Path.of(System.getProperty("charter.jar", "target/charter-bot.jar"));
        assertThat(jar).as("the packaged jar (run with ./mvnw verify)").isRegularFile();
        String database = createDatabase();
        WireMockServer slack = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        slack.start();
        Process app = null;
        try {
            stubSlack(slack);
            int port = freePort();
            int management = freePort();
            long started = System.nanoTime();
            app = start(jar, database, port, management, slack.port());

            awaitReady(app, management);
            Duration startup = Duration.ofNanos(System.nanoTime() - started);

            HttpResponse<String> readiness = get(management, "/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(200);
            assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(get(management, "/actuator/health/liveness").body()).contains("\"UP\"");
            assertThat(get(management, "/actuator/info").body())
                    .contains("\"charter\"", "\"version\"", "\"build\"", "0.1.0");
            for (String path : List.of("/actuator/health", "/actuator/prometheus", "/actuator/info", "/actuator/env")) {
                assertThat(get(port, path).statusCode())
                        .as("public port " + path)
                        .isEqualTo(404);
            }

            HttpResponse<String> answer = http.send(slashCommand(port, QUESTION), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("\"blocks\"");
            assertThat(answer.headers().firstValue("X-Request-Id")).isPresent();

            String metrics = get(management, "/actuator/prometheus").body();
            assertThat(metrics)
                    .contains("charter_questions_total{language=\"en\",tier=\"answer\",topic=\"photos-videos\"} 1.0");
            assertThat(metrics).contains("charter_answer_seconds_count{platform=\"slack\"} 1");
            assertThat(metrics)
                    .contains(
                            "charter_answer_seconds_bucket{platform=\"slack\",le=\"0.25\"}",
                            "charter_quiz_answers_total{result=\"right\"}",
                            "charter_nudges_total{outcome=\"failed\",platform=\"slack\"}",
                            "charter_channels_paused 0.0",
                            "hikaricp_connections",
                            "jvm_memory_used_bytes");

            // An administrator command makes the bot look the user up in Slack while the request waits: Slack is slow
            // this
            // time, and SIGTERM arrives while the request is in flight. It must still be answered.
            slack.stubFor(post(urlEqualTo("/api/users.info"))
                    .willReturn(okJson(
                                    "{\"ok\":true,\"user\":{\"id\":\"U0JAR\",\"is_admin\":false,\"is_owner\":false,\"is_primary_owner\":false}}")
                            .withFixedDelay((int) SLOW_SLACK.toMillis())));
            CompletableFuture<HttpResponse<String>> inFlight =
                    http.sendAsync(slashCommand(port, "stats"), HttpResponse.BodyHandlers.ofString());
            awaitCondition(
                    () -> slack.countRequestsMatching(postRequestedFor(urlEqualTo("/api/users.info"))
                                            .build())
                                    .getCount()
                            > 0,
                    "the stats command waiting for Slack");

            long stopping = System.nanoTime();
            app.destroy(); // SIGTERM on Linux
            boolean exited = app.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS);
            Duration shutdown = Duration.ofNanos(System.nanoTime() - stopping);
            assertThat(exited).as("exits within " + GRACE + " of SIGTERM").isTrue();
            HttpResponse<String> finished = inFlight.get(10, TimeUnit.SECONDS);
            assertThat(finished.statusCode())
                    .as("the request in flight at SIGTERM was answered")
                    .isEqualTo(200);
            assertThat(finished.body()).contains("\"blocks\"", "administrators");
            assertThat(app.exitValue())
                    .as("the JVM's exit status after SIGTERM")
                    .isIn(0, 143);
            List<String> output = output();
            System.out.printf(
                    "packaged jar: ready in %d ms, stopped %d ms after SIGTERM (exit status %d), %d log lines%n",
                    startup.toMillis(), shutdown.toMillis(), app.exitValue(), output.size());

            assertThat(messages(output))
                    .anySatisfy(m -> assertThat(m).contains("Graceful shutdown complete"))
                    .anySatisfy(m -> assertThat(m).contains("nudge scheduler stopped"))
                    .anySatisfy(m -> assertThat(m).contains("Started CharterBotApplication"));
            String all = String.join("\n", output);
            assertThat(all).doesNotContain(SIGNING_SECRET, BOT_TOKEN, USER_KEY_SECRET, "factory floor");
            assertThat(all)
                    .as("the configured user-key secret is used, none generated")
                    .doesNotContain("installation_secret");
        } finally {
            if (app != null && app.isAlive()) {
                app.destroyForcibly();
            }
            slack.stop();
        }
    }

    /** Every line of the output is one JSON log event; their messages, in order. */
    private static List<String> messages(List<String> output) {
        ObjectMapper json = new ObjectMapper();
        List<String> messages = new ArrayList<>();
        for (String line : output) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode event = json.readTree(line);
            assertThat(event.has("@timestamp")).as("a JSON log event: " + line).isTrue();
            assertThat(event.path("log").path("level").asString()).isNotEmpty();
            messages.add(event.path("message").asString());
        }
        assertThat(messages).hasSizeGreaterThan(10);
        return messages;
    }

    private Process start(Path jar, String database, int port, int management, int slackPort) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-jar",
                        jar.toString(),
                        "--spring.profiles.active=prod",
                        "--charter.teams.enabled=false",
                        // The prod profile refuses the sample company and contacts.
                        "--charter.company-name=Jar Works",
                        "--charter.contacts.communications=comms@jar.test",
                        "--charter.contacts.security=security@jar.test",
                        "--charter.contacts.hr=people@jar.test",
                        "--charter.contacts.it=help@jar.test",
                        "--charter.contacts.legal=legal@jar.test",
                        "--server.port=" + port,
                        "--management.server.port=" + management,
                        "--spring.datasource.url=" + database,
                        "--spring.datasource.username=postgres",
                        "--charter.slack.api-url=http://127.0.0.1:" + slackPort + "/api/")
                .redirectErrorStream(true)
                // A file, not a pipe: Process.destroy() closes its pipes, which would lose what the shutdown logs.
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
        environment.put("SLACK_BOT_TOKEN", BOT_TOKEN);
        environment.put("CHARTER_PRIVACY_USERKEYSECRET", USER_KEY_SECRET);
        environment.remove("SPRING_PROFILES_ACTIVE");
        return builder.start();
    }

    /** What the application wrote so far, line by line. */
    private List<String> output() {
        try {
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Process app, int management) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new AssertionError(
                        "the application exited with " + app.exitValue() + ":\n" + String.join("\n", output()));
            }
            try {
                if (get(management, "/actuator/health/readiness").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the management port is not open yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not ready after " + START_TIMEOUT + ":\n" + String.join("\n", output()));
    }

    private static void awaitCondition(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest slashCommand(int port, String text) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("team_id", TEAM);
        fields.put("team_domain", "jar");
        fields.put("channel_id", "C0JAR");
        fields.put("channel_name", "general");
        fields.put("user_id", "U0JAR");
        fields.put("user_name", "someone");
        fields.put("command", "/charter");
        fields.put("text", text);
        fields.put("api_app_id", "A0JAR");
        fields.put("response_url", "http://127.0.0.1:1/hooks/unused");
        fields.put("trigger_id", "1.2.jar");
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        long timestamp = Instant.now().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "v0="
                + HexFormat.of()
                        .formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                .header("X-Slack-Signature", signature)
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static void stubSlack(WireMockServer slack) {
        slack.stubFor(post(urlEqualTo("/api/auth.test"))
                .willReturn(okJson("{\"ok\":true,\"url\":\"https://jar.slack.com/\",\"team\":\"Jar\","
                        + "\"user\":\"charter\",\"team_id\":\"" + TEAM
                        + "\",\"user_id\":\"U0BOT\",\"bot_id\":\"B0BOT\"}")));
        slack.stubFor(
                post(urlEqualTo("/api/users.info"))
                        .willReturn(
                                okJson(
                                        "{\"ok\":true,\"user\":{\"id\":\"U0JAR\",\"is_admin\":false,\"is_owner\":false,\"is_primary_owner\":false}}")));
        slack.stubFor(post(urlEqualTo("/api/chat.postMessage"))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"C0JAR\",\"ts\":\"1.2\"}")));
    }

    /** A new, empty database on the shared embedded PostgreSQL: the application migrates it itself. */
    private static String createDatabase() throws Exception {
        EmbeddedPostgres postgres = Databases.postgresServer();
        String name = "charter_it_" + Long.toString(System.nanoTime(), 36);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
