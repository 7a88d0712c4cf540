package com.charterbot.bench.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.bench.load.SampleQuestion;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SlashCommandRequestsTest {

    private static final String SECRET = "bench-secret";
    private static final Instant NOW = Instant.parse("2025-11-26T10:00:00Z");
    private static final List<SampleQuestion> QUESTIONS = SampleQuestion.all();

    private final SlashCommandRequests requests = new SlashCommandRequests(
            URI.create("http://127.0.0.1:1/slack/events"),
            new SlackSigner(SECRET),
            Clock.fixed(NOW, ZoneOffset.UTC),
            QUESTIONS,
            "http://127.0.0.1:2/commands/");

    @Test
    void postsASignedFormOnTheWireAsSlackDoes() throws Exception {
        AtomicReference<String> body = new AtomicReference<>();
        AtomicReference<Map<String, String>> headers = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/slack/events", exchange -> {
            try (exchange) {
                body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                headers.set(exchange.getRequestHeaders().entrySet().stream()
                        .collect(Collectors.toMap(
                                e -> e.getKey().toLowerCase(), e -> e.getValue().get(0))));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        server.start();
        try {
            URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/slack/events");
            SlashCommandRequests local = new SlashCommandRequests(
                    endpoint,
                    new SlackSigner(SECRET),
                    Clock.fixed(NOW, ZoneOffset.UTC),
                    QUESTIONS,
                    "http://127.0.0.1:2/commands/");

            HttpClient.newHttpClient().send(local.next(26), HttpResponse.BodyHandlers.discarding());
        } finally {
            server.stop(0);
        }

        assertThat(headers.get())
                .containsEntry("content-type", "application/x-www-form-urlencoded")
                .containsEntry("x-slack-request-timestamp", Long.toString(NOW.getEpochSecond()))
                .containsEntry(
                        "x-slack-signature", new SlackSigner(SECRET).signature(NOW.getEpochSecond(), body.get()));
        assertThat(body.get()).isEqualTo(requests.body(26));
    }

    @Test
    void carriesEveryFieldOfASlashCommandUrlEncoded() {
        String body = requests.body(24);

        assertThat(body)
                .contains("&text=puis-je+partager+une+offre+d%27emploi+%3F&")
                .contains("&command=%2Fcharter&")
                .contains("&response_url=http%3A%2F%2F127.0.0.1%3A2%2Fcommands%2FT0BENCH%2F");
        assertThat(form(body).keySet())
                .containsExactly(
                        "token",
                        "team_id",
                        "team_domain",
                        "channel_id",
                        "channel_name",
                        "user_id",
                        "user_name",
                        "command",
                        "text",
                        "api_app_id",
                        "is_enterprise_install",
                        "response_url",
                        "trigger_id");
        assertThat(form(body))
                .containsEntry("team_id", "T0BENCH")
                .containsEntry("user_id", "U0BENCH25")
                .containsEntry("text", "puis-je partager une offre d'emploi ?");
    }

    @Test
    void canMakeEveryQuestionTextUniqueSoThatNoneIsCached() {
        SlashCommandRequests distinct = new SlashCommandRequests(
                URI.create("http://127.0.0.1:1/slack/events"),
                new SlackSigner(SECRET),
                Clock.systemUTC(),
                QUESTIONS,
                "http://127.0.0.1:2/commands/",
                true);
        long rounds = 3L * QUESTIONS.size();

        Set<String> texts = LongStream.range(0, rounds)
                .mapToObj(n -> form(distinct.body(n)).get("text"))
                .collect(Collectors.toSet());

        assertThat(texts).hasSize((int) rounds);
        assertThat(form(distinct.body(0)).get("text"))
                .isEqualTo(form(requests.body(0)).get("text") + " 1");
    }

    @Test
    void rotatesOverEveryQuestionAndUser() {
        Set<String> texts = LongStream.range(0, QUESTIONS.size())
                .mapToObj(n -> form(requests.body(n)).get("text"))
                .collect(Collectors.toSet());
        Set<String> users = LongStream.range(0, 100)
                .mapToObj(n -> form(requests.body(n)).get("user_id"))
                .collect(Collectors.toSet());
        Set<String> triggers = LongStream.range(0, 100)
                .mapToObj(n -> form(requests.body(n)).get("trigger_id"))
                .collect(Collectors.toSet());

        assertThat(texts).hasSize(QUESTIONS.size());
        assertThat(users).hasSize(SlashCommandRequests.userCount()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(triggers).hasSize(100);
    }

    @Test
    void signsWithTheClocksCurrentSecond() {
        HttpRequest request = requests.next(3);

        assertThat(request.headers().firstValue("X-Slack-Request-Timestamp")).contains("1764151200");
        assertThat(request.headers().firstValue("X-Slack-Signature"))
                .contains(new SlackSigner(SECRET).signature(1764151200L, requests.body(3)));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }
}
