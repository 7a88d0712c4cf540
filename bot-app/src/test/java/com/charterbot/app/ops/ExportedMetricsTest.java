package com.charterbot.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.chat.ChannelRef;
import com.charterbot.core.chat.Converse;
import com.charterbot.core.chat.Message;
import com.charterbot.core.chat.Platform;
import com.charterbot.core.chat.PlatformApiErrors;
import com.charterbot.core.chat.PlatformEvents;
import com.charterbot.core.chat.UserRef;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every metric the Helm chart's Grafana dashboard and alert rules read (listed in
 * {@code helm-tests/src/test/resources/exported-metrics.txt}, which the chart tests hold the
 * expressions to) is in a real scrape of {@code /actuator/prometheus}, once the bot has answered a
 * question, met a platform error and served a request. The scrape is kept in
 * {@code target/prometheus-scrape.txt} for a look.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ExportedMetricsTest {

    static final Path EXPORTED = Path.of("..", "helm-tests", "src", "test", "resources", "exported-metrics.txt");

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    Converse converse;

    @Autowired
    PlatformApiErrors apiErrors;

    @Autowired
    PlatformEvents platformEvents;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theScrapeHasEveryMetricTheChartReads() throws Exception {
        converse.onMessage(new Message(new UserRef(Platform.SLACK, "T0M", "U0M"), new ChannelRef(Platform.SLACK, "T0M", "C0M"),
                "can I post this photo?", Message.Origin.COMMAND, false, Optional.empty()));
        apiErrors.count(Platform.SLACK, "ratelimited");
        platformEvents.eventsRateLimited(Platform.SLACK);
        get(port, "/no-such-page");

        String scrape = get(managementPort, "/actuator/prometheus").body();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "prometheus-scrape.txt"), scrape);

        List<String> names = Files.readAllLines(EXPORTED).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(names).hasSizeGreaterThan(5);
        for (String name : names) {
            assertThat(scrape).as("a sample of %s", name).containsPattern(Pattern.compile("(?m)^" + Pattern.quote(name) + "[{ ]"));
        }
        assertThat(scrape).containsPattern("(?m)^charter_ready 1\\.0$");
    }

    private HttpResponse<String> get(int target, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
