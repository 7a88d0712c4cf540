package com.charterbot.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.app.TestCharters;
import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.chat.Converse;
import com.charterbot.core.i18n.Messages;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Message;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application with its charter in a folder: health, info and metrics on the management
 * port and nowhere else, the bot's metrics moving as people use it, the administrators' reload,
 * and the correlation id of each request.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class OperationsEndToEndTest {

    static final String ADMIN_ID = "U0OPSADMIN";
    static final UserRef ADMIN = new UserRef(Platform.SLACK, "T0OPS", ADMIN_ID);
    static final UserRef EMPLOYEE = new UserRef(Platform.SLACK, "T0OPS", "U0EMPLOYEE");
    static final ChannelRef CHANNEL = new ChannelRef(Platform.SLACK, "T0OPS", "C0OPS");
    static final Path CHARTER = charterFolder();
    /** The metrics the Helm chart's dashboard and alerts read. */
    static final Path EXPORTED_METRICS =
            Path.of("..", "helm-tests", "src", "test", "resources", "exported-metrics.txt");

    private static Path charterFolder() {
        try {
            Path dir = Files.createTempDirectory("charter-ops");
            dir.toFile().deleteOnExit();
            return TestCharters.copyBundled(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void charter(DynamicPropertyRegistry registry) {
        registry.add("charter.dir", CHARTER::toString);
        registry.add("charter.admins.slack-user-ids", () -> ADMIN_ID);
        // The test reloads by command; the watcher is there but does not look during the test.
        registry.add("charter.reload.watch-interval", () -> "1h");
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    Converse converse;

    @Autowired
    AnswerEngine engine;

    @Autowired
    com.charterbot.core.chat.PlatformApiErrors apiErrors;

    @Autowired
    Map<String, HealthIndicator> indicators;

    @Autowired
    MeterRegistry meters;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void probesAreOnTheManagementPortWithoutDetails() throws Exception {
        HttpResponse<String> readiness = get(managementPort, "/actuator/health/readiness");
        HttpResponse<String> liveness = get(managementPort, "/actuator/health/liveness");

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body())
                .contains("\"status\":\"UP\"")
                .doesNotContain("charter", "scheduler", "db", engine.charter().version());
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void readinessCoversTheDatabaseTheCharterAndTheScheduler() {
        assertThat(indicators).containsKeys("charterHealthIndicator", "schedulerHealthIndicator");
        Health charter = indicators.get("charterHealthIndicator").health();
        assertThat(charter.getStatus()).isEqualTo(Status.UP);
        assertThat(charter.getDetails())
                .containsEntry("version", engine.charter().version())
                .containsEntry("source", "folder");
        Health scheduler = indicators.get("schedulerHealthIndicator").health();
        assertThat(scheduler.getStatus()).isEqualTo(Status.UP);
        assertThat(scheduler.getDetails()).containsEntry("state", "running");
    }

    @Test
    void infoNamesTheCharterVersionAndTheApplicationVersion() throws Exception {
        HttpResponse<String> info = get(managementPort, "/actuator/info");

        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.body())
                .contains("\"charter\"", "\"version\":\"" + engine.charter().version() + "\"", "\"source\":\"folder\"");
        assertThat(info.body()).contains("\"build\"").contains("\"artifact\":\"bot-app\"");
    }

    @Test
    void theMainPortServesNoManagementEndpoint() throws Exception {
        for (String path : List.of(
                "/actuator",
                "/actuator/health",
                "/actuator/health/readiness",
                "/actuator/info",
                "/actuator/prometheus",
                "/actuator/env",
                "/actuator/metrics")) {
            assertThat(get(port, path).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(get(managementPort, "/actuator/env").statusCode())
                .as("only health, info and prometheus are exposed")
                .isEqualTo(404);
    }

    /**
     * A platform request is read by RequestBodyFilter before its endpoint, in an async dispatch: its
     * HTTP observation must still end. It did not when the filter ran before Spring's observation
     * filter: every request stayed "active" for good (63,000 after 20 minutes of bench/soak, the
     * heap growing with them) and {@code http_server_requests_seconds} counted none.
     */
    @Test
    void everyPlatformRequestEndsItsHttpObservation() throws Exception {
        double before = requestsTimed();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"type\":"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode())
                    .as("a broken activity is refused, not failed")
                    .isBetween(400, 499);
        }

        // The observation ends when the async request completes, just after the response is sent.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ((activeRequests() > 0 || requestsTimed() < before + 5) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(activeRequests()).isZero();
        assertThat(requestsTimed()).isGreaterThanOrEqualTo(before + 5);
    }

    private int activeRequests() {
        return meters.find("http.server.requests.active").longTaskTimers().stream()
                .mapToInt(LongTaskTimer::activeTasks)
                .sum();
    }

    private double requestsTimed() {
        return meters.find("http.server.requests").timers().stream()
                .mapToLong(Timer::count)
                .sum();
    }

    @Test
    void questionsAndAnswerTimesShowInPrometheus() throws Exception {
        converse.onMessage(message(EMPLOYEE, "can I post this photo?"));
        converse.onMessage(message(EMPLOYEE, "puis-je publier cette photo ?"));

        String scrape = get(managementPort, "/actuator/prometheus").body();

        assertThat(scrape).contains("charter_questions_total{language=\"en\",tier=\"answer\",topic=\"photos-videos\"}");
        assertThat(scrape).contains("charter_questions_total{language=\"fr\",tier=\"answer\",topic=\"photos-videos\"}");
        assertThat(scrape).containsPattern("charter_answer_seconds_count\\{platform=\"slack\"} [1-9]");
        assertThat(scrape).contains("charter_answer_seconds_bucket{platform=\"slack\",le=\"0.1\"}");
        assertThat(scrape)
                .contains(
                        "charter_quiz_answers_total{result=\"right\"}",
                        "charter_nudges_total{outcome=\"sent\",platform=\"teams\"}",
                        "charter_channels_paused ");
        assertThat(scrape).doesNotContain("can I post");
    }

    @Test
    void anAdministratorReloadsTheEditedCharterAndABrokenOneIsReportedWhileTheOldOneStays() throws Exception {
        String before = engine.charter().version();
        String title = firstLine(CHARTER.resolve("en/photos-videos.md"), "title:");
        String related = firstLine(CHARTER.resolve("en/photos-videos.md"), "related:");
        try {
            TestCharters.replaceLine(CHARTER, "en/photos-videos.md", "title:", "title: Pictures and films at work");
            Reply reloaded = single(converse.onMessage(message(ADMIN, "reload")));
            String edited = engine.charter().version();
            assertThat(edited).isNotEqualTo(before);
            assertThat(reloaded.fallbackText())
                    .contains(Messages.get(
                            Language.EN,
                            "commands.reload.done",
                            engine.charter().topicIds().size(),
                            edited));

            TestCharters.replaceLine(CHARTER, "en/photos-videos.md", "related:", "related: no-such-section");
            Reply rejected = single(converse.onMessage(message(ADMIN, "recharger")));
            assertThat(rejected.language()).isEqualTo(Language.FR);
            assertThat(rejected.fallbackText()).contains("en/photos-videos.md:", "no-such-section");
            assertThat(engine.charter().version())
                    .as("the edited charter stays in use")
                    .isEqualTo(edited);
            assertThat(get(managementPort, "/actuator/health/readiness").statusCode())
                    .isEqualTo(200);
            assertThat(indicators
                            .get("charterHealthIndicator")
                            .health()
                            .getDetails()
                            .get("lastReload")
                            .toString())
                    .contains("rejected");

            Reply refused = single(converse.onMessage(message(EMPLOYEE, "reload")));
            assertThat(refused.fallbackText()).contains(Messages.get(Language.EN, "admin.denied.not-admin"));
        } finally {
            TestCharters.replaceLine(CHARTER, "en/photos-videos.md", "title:", title);
            TestCharters.replaceLine(CHARTER, "en/photos-videos.md", "related:", related);
        }
    }

    @Test
    void everyResponseCarriesItsRequestId() throws Exception {
        HttpResponse<String> given = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/nothing-here"))
                        .header(RequestIdFilter.HEADER, "lb-7f3e")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> generated = get(port, "/nothing-here");

        assertThat(given.headers().firstValue(RequestIdFilter.HEADER)).contains("lb-7f3e");
        assertThat(generated.headers().firstValue(RequestIdFilter.HEADER))
                .hasValueSatisfying(id -> assertThat(id).hasSize(36));
    }

    /**
     * Every metric the Helm chart's Grafana dashboard and alert rules read (listed in
     * {@code helm-tests/src/test/resources/exported-metrics.txt}, which the chart tests hold their
     * expressions to) is in a real scrape, once the bot has answered, met a platform error and served
     * a request. The scrape is kept in {@code target/prometheus-scrape.txt} for a look.
     */
    @Test
    void theScrapeHasEveryMetricTheHelmChartReads() throws Exception {
        converse.onMessage(message(EMPLOYEE, "can I post this photo?"));
        apiErrors.count(Platform.SLACK, "ratelimited");
        get(port, "/no-such-page");

        String scrape = get(managementPort, "/actuator/prometheus").body();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "prometheus-scrape.txt"), scrape);

        List<String> names = Files.readAllLines(EXPORTED_METRICS).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        assertThat(names).hasSizeGreaterThan(5);
        for (String name : names) {
            assertThat(scrape)
                    .as("a sample of %s", name)
                    .containsPattern("(?m)^" + java.util.regex.Pattern.quote(name) + "[{ ]");
        }
        assertThat(scrape).containsPattern("(?m)^charter_ready 1\\.0$");
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Message message(UserRef user, String text) {
        return new Message(user, CHANNEL, text, Message.Origin.COMMAND, false, Optional.empty());
    }

    private static Reply single(List<Reply> replies) {
        assertThat(replies).hasSize(1);
        return replies.get(0);
    }

    private static String firstLine(Path file, String prefix) throws IOException {
        return Files.readAllLines(file).stream()
                .filter(line -> line.startsWith(prefix))
                .findFirst()
                .orElseThrow();
    }
}
