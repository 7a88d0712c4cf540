package com.charterbot.bench.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Slack's Web API and response URLs, stubbed on a loopback port: {@code auth.test} answers for the
 * bench workspace, every other {@code /api/*} method and every {@code /commands/*} response URL
 * answers ok. Counts the calls it gets, so the report shows what the app calls per command.
 */
public final class SlackApiStub implements AutoCloseable {

    static final String AUTH_TEST = """
            {"ok":true,"url":"https://bench.slack.com/","team":"Bench","user":"charter",\
            "team_id":"T0BENCH","user_id":"U0BOT","bot_id":"B0BOT"}""";

    private final WireMockServer server;
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

    private SlackApiStub(WireMockServer server) {
        this.server = server;
    }

    public static SlackApiStub start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                // Thousands of calls under load: count them instead of journaling each one.
                .disableRequestJournal());
        server.stubFor(post(urlPathEqualTo("/api/auth.test")).atPriority(1).willReturn(okJson(AUTH_TEST)));
        server.stubFor(post(urlPathMatching("/api/.*")).atPriority(5).willReturn(okJson("{\"ok\":true}")));
        server.stubFor(post(urlPathMatching("/commands/.*")).atPriority(5).willReturn(ok("ok")));
        SlackApiStub stub = new SlackApiStub(server);
        server.addMockServiceRequestListener((request, response) -> {
            String path = request.getUrl().replaceFirst("\\?.*", "");
            String key = request.getMethod() + " " + (path.startsWith("/commands/") ? "/commands/..." : path) + " -> "
                    + response.getStatus();
            stub.calls.computeIfAbsent(key, k -> new LongAdder()).increment();
        });
        server.start();
        return stub;
    }

    /** For {@code charter.slack.api-url}. */
    public String apiUrl() {
        return "http://127.0.0.1:" + server.port() + "/api/";
    }

    /** For the payloads' {@code response_url}. */
    public String responseUrlBase() {
        return "http://127.0.0.1:" + server.port() + "/commands/";
    }

    /** {@code "METHOD path -> status"} and how often, sorted by key. */
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
