package com.charterbot.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.charterbot.app.TestCharters;
import com.charterbot.core.i18n.Messages;
import com.charterbot.core.values.Language;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The playground's endpoints over HTTP, in-process (the browser test drives the page): answers as
 * the platforms render them with the ranking behind them, bad requests refused with a status and a
 * message key, only this machine served, and a charter that starts broken shown with its problems.
 */
class PlaygroundApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static PlaygroundServer playground;
    private static String base;
    private static final ByteArrayOutputStream OUT = new ByteArrayOutputStream();

    @BeforeAll
    static void start() throws IOException {
        Path charter = TestCharters.copyBundled(Files.createTempDirectory("playground-api"));
        playground = Playground.start(
                new String[] {
                    "playground", "--charter", charter.toString(), "--port", "0", "--charter.company-name=Globex"
                },
                new PrintStream(OUT, true, StandardCharsets.UTF_8));
        base = "http://127.0.0.1:" + playground.port();
    }

    @AfterAll
    static void stop() {
        playground.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @Test
    void saysWhereItIsInBothLanguages() {
        assertThat(OUT.toString(StandardCharsets.UTF_8))
                .contains("Charter playground: " + base + "/")
                .contains("Bac à sable de la charte : " + base + "/");
    }

    @Test
    void servesThePageWithAPolicyThatRunsOnlyItsOwnScript() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<script src=\"playground.js\" defer></script>")
                .doesNotContain("<script>");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValue(PlaygroundGuard.CONTENT_SECURITY_POLICY);
        assertThat(PlaygroundGuard.CONTENT_SECURITY_POLICY)
                .contains("script-src 'self'")
                .doesNotContain("unsafe");
        assertThat(get("/playground.js").statusCode()).isEqualTo(200);
        assertThat(get("/playground.css").statusCode()).isEqualTo(200);
    }

    @Test
    void anEnglishQuestionComesWithBothRenderingsAndTheRanking() throws Exception {
        JsonNode answer = json(post("/api/ask", "{\"text\": \"Can I post a photo of the plant on LinkedIn?\"}"));

        JsonNode reply = answer.path("replies").path(0);
        assertThat(reply.path("slack").path(0).path("type").asString()).isEqualTo("header");
        assertThat(reply.path("slack").path(0).path("text").path("text").asString())
                .isEqualTo("Photos and videos at work");
        assertThat(reply.path("teams").path("type").asString()).isEqualTo("AdaptiveCard");
        assertThat(reply.path("slackText").asString()).startsWith("Photos and videos at work");
        JsonNode trace = answer.path("trace");
        assertThat(trace.path("tier").asString()).isEqualTo("ANSWER");
        assertThat(trace.path("confidence").asDouble()).isBetween(0.0, 1.0);
        JsonNode best = trace.path("ranked").path(0);
        assertThat(best.path("id").asString()).isEqualTo("photos-videos");
        assertThat(best.path("cited").asBoolean()).isTrue();
        assertThat(best.path("relative").asDouble()).isEqualTo(1.0);
        List<String> words = new ArrayList<>();
        best.path("words").forEach(word -> words.add(word.asString()));
        assertThat(words).contains("photo");
    }

    @Test
    void theReplyLanguageCanBeChosenAndCommandsHaveNoRanking() throws Exception {
        JsonNode french = json(post("/api/ask", "{\"text\": \"Can I post a photo?\", \"lang\": \"fr\"}"));
        JsonNode help = json(post("/api/ask", "{\"text\": \"aide\"}"));

        assertThat(french.path("replies").path(0).path("language").asString()).isEqualTo("fr");
        assertThat(french.path("trace").path("language").asString()).isEqualTo("fr");
        assertThat(help.path("trace").isNull()).isTrue();
        assertThat(help.path("replies").path(0).path("slackText").asString())
                .contains(Messages.get(Language.FR, "commands.help.title"));
    }

    @Test
    void aClickOnAReplysButtonAnswersAsTheConversationDoes() throws Exception {
        JsonNode opened = json(
                post("/api/action", "{\"actionId\": \"charter.section.open\", \"value\": \"fr~media-inquiries\"}"));

        assertThat(opened.path("replies").path(0).path("language").asString()).isEqualTo("fr");
        assertThat(opened.path("replies")
                        .path(0)
                        .path("slack")
                        .path(0)
                        .path("type")
                        .asString())
                .isEqualTo("header");
    }

    @Test
    void badRequestsGetAStatusAndAMessageKeyNeverATrace() throws Exception {
        HttpResponse<String> notJson = post("/api/ask", "{text: ");
        HttpResponse<String> unquoted = post("/api/ask", "{text: hi}");
        HttpResponse<String> trailing = post("/api/ask", "{\"text\": \"hi\"} {}");
        HttpResponse<String> deep = post("/api/ask", "[".repeat(60_000));
        HttpResponse<String> notAString = post("/api/ask", "{\"text\": [\"hi\"]}");
        HttpResponse<String> noText = post("/api/ask", "{\"question\": \"hi\"}");
        HttpResponse<String> badLanguage = post("/api/ask", "{\"text\": \"hi\", \"lang\": \"de\"}");
        HttpResponse<String> tooLong =
                post("/api/ask", "{\"text\": \"" + "x".repeat(PlaygroundApi.MAX_TEXT + 1) + "\"}");
        HttpResponse<String> noAction = post("/api/action", "{\"value\": \"x\"}");

        for (HttpResponse<String> response :
                List.of(notJson, unquoted, trailing, deep, notAString, noText, badLanguage, noAction)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).path("error").asString()).isEqualTo("error.bad-request");
        }
        assertThat(tooLong.statusCode()).isEqualTo(413);
        assertThat(json(tooLong).path("error").asString()).isEqualTo("error.too-long");
        assertThat(notJson.body()).doesNotContain("Exception", "at com.");
    }

    @Test
    void wrongMethodsAndUnknownPathsGetTheirStatus() throws Exception {
        HttpResponse<String> getAsk = get("/api/ask");
        HttpResponse<String> postState = post("/api/state", "{}");
        HttpResponse<String> unknown = get("/WEB-INF/web.xml");
        HttpResponse<String> climbing = get("/../application.yaml");

        assertThat(getAsk.statusCode()).isEqualTo(405);
        assertThat(getAsk.headers().firstValue("Allow")).hasValue("POST");
        assertThat(postState.statusCode()).isEqualTo(405);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(climbing.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Security-Policy"))
                .hasValue(PlaygroundGuard.CONTENT_SECURITY_POLICY);
    }

    @Test
    void theStateIsStreamedNowAndAgainAfterEveryReading() throws Exception {
        assertThat(get("/api/sections").statusCode())
                .as("the charter's first reading")
                .isEqualTo(200);
        HttpResponse<java.util.stream.Stream<String>> events = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/events")).build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(events.statusCode()).isEqualTo(200);
        assertThat(events.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        java.util.Iterator<String> lines = events.body().iterator();
        try {
            assertThat(lines.next()).isEqualTo("event: state");
            JsonNode first = JSON.readTree(lines.next().substring("data: ".length()));
            assertThat(lines.next()).isEmpty();

            assertThat(post("/api/ask", "{\"text\": \"reload\"}").statusCode()).isEqualTo(200);

            assertThat(lines.next()).isEqualTo("event: state");
            JsonNode second = JSON.readTree(lines.next().substring("data: ".length()));
            assertThat(second.path("revision").asLong())
                    .isGreaterThan(first.path("revision").asLong());
            assertThat(second.path("version").asString())
                    .isEqualTo(first.path("version").asString());
        } finally {
            events.body().close();
        }
    }

    @Test
    void aQuestionFileGivesMetricsAndOutcomes() throws Exception {
        String yaml = """
                - q: "Can I post a photo of the plant on LinkedIn?"
                  lang: en
                  expect: [photos-videos]
                - q: "Can I post a photo of the plant on LinkedIn?"
                  lang: en
                  expect: [recruitment]
                - q: "Can you order me a pizza?"
                  lang: en
                  expect: []
                """;

        JsonNode report = json(HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/eval"))
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString(yaml))
                        .build(),
                HttpResponse.BodyHandlers.ofString()));

        assertThat(report.path("metrics")).hasSize(2);
        assertThat(report.path("metrics").path(1).path("label").asString()).isEqualTo("all");
        assertThat(report.path("metrics").path(1).path("n").asInt()).isEqualTo(3);
        assertThat(report.path("outcomes")).hasSize(3);
        assertThat(report.path("outcomes").path(0).path("kind").asString()).isEqualTo("ok");
        assertThat(report.path("outcomes").path(1).path("kind").asString()).isEqualTo("wrong");
        assertThat(report.path("outcomes").path(2).path("failed").asBoolean()).isFalse();
    }

    @Test
    void aMetricWithNoQuestionOfItsKindIsNullNotAnError() throws Exception {
        HttpResponse<String> response = post(
                "/api/eval",
                "- q: \"Can I post a photo of the plant on LinkedIn?\"\n  lang: en\n  expect: [photos-videos]\n");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode all = json(response).path("metrics").path(1);
        assertThat(all.path("answeredAt1").asDouble()).isEqualTo(1.0);
        assertThat(all.path("abstain").isNull()).isTrue();
    }

    @Test
    void aBrokenQuestionFileSaysWhy() throws Exception {
        HttpResponse<String> response = post("/api/eval", "- q: hi\n  lang: de\n  expect: []\n");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asString()).isEqualTo("error.eval-file");
        assertThat(json(response).path("detail").asString()).contains("lang must be en or fr");
    }

    @Test
    void theSectionsComeInBothLanguagesWithTheCompanysName() throws Exception {
        JsonNode view = json(get("/api/sections"));

        JsonNode photos = null;
        for (JsonNode section : view.path("sections")) {
            if (section.path("id").asString().equals("photos-videos")) {
                photos = section;
            }
        }
        assertThat(photos).isNotNull();
        assertThat(photos.path("en").path("questions").size()).isGreaterThanOrEqualTo(8);
        assertThat(photos.path("fr").path("title").asString())
                .isNotEqualTo(photos.path("en").path("title").asString());
        assertThat(photos.path("flags").toString()).doesNotContain("no-french");
        assertThat(view.toString()).contains("Globex").doesNotContain("{{company}}");
    }

    @Test
    void thePagesSentencesExistInBothLanguagesWithFrenchSpacing() {
        Properties english = PlaygroundMessages.bundle(Language.EN);
        Properties french = PlaygroundMessages.bundle(Language.FR);

        assertThat(french.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        for (String key : french.stringPropertyNames()) {
            String text = french.getProperty(key);
            assertThat(text)
                    .as(key)
                    .isNotBlank()
                    .doesNotContainPattern("[\\p{L}\\d)»][:?!;]")
                    .doesNotContain("'");
            assertThat(text.replaceAll("\\{\\d}", "")).as(key).doesNotContain("{", "}");
        }
    }

    @Test
    void anotherHostNameIsRefused() throws Exception {
        // A page elsewhere that points its own name at 127.0.0.1 (DNS rebinding) names itself in Host.
        int port = playground.port();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream()
                    .write(("GET /api/state HTTP/1.1\r\nHost: evil.example:" + port + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(response).startsWith("HTTP/1.1 403");
        }
    }

    @Test
    void aPageOfAnotherSiteCannotPostHere() throws Exception {
        HttpResponse<String> foreign = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/ask"))
                        .header("Origin", "https://evil.example")
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"reload\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> own = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/ask"))
                        .header("Origin", base)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"help\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(own.statusCode()).isEqualTo(200);
    }

    @Test
    void listensOnThisMachineOnly() throws Exception {
        int port = playground.port();
        java.util.Optional<java.net.InetAddress> outside =
                java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                        .flatMap(network -> java.util.Collections.list(network.getInetAddresses()).stream())
                        .filter(address -> !address.isLoopbackAddress() && address instanceof java.net.Inet4Address)
                        .findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(
                outside.isPresent(), "this machine has no address but its loopback");

        assertThat(org.assertj.core.api.Assertions.catchException(() -> new Socket(outside.get(), port).close()))
                .as("a connection to %s:%d", outside.get(), port)
                .isInstanceOf(java.net.ConnectException.class);
    }

    @Test
    void aSettingThatDoesNotBindStopsThePlaygroundNamingIt() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Playground.start(
                        new String[] {"playground", "--port", "0", "--charter.nudges.zone=Mars/Olympus"}, out))
                .withMessageContaining("charter.nudges.zone");
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        Playground.start(new String[] {"playground", "--port", String.valueOf(playground.port())}, out))
                .withMessageContaining("port " + playground.port() + " is taken");
    }

    @Test
    void wrongCommandLinesAreRefusedWithWhatIsWrong(@TempDir Path dir) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Playground.Options.parse(new String[] {"playground", "--port", "http"}))
                .withMessageContaining("--port");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Playground.Options.parse(new String[] {"playground", "--port", "70000"}));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Playground.Options.parse(new String[] {"playground", "--charter"}))
                .withMessageContaining("needs a value");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Playground.Options.parse(new String[] {
                    "playground", "--charter", dir.resolve("missing").toString()
                }))
                .withMessageContaining("no charter folder");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Playground.Options.parse(new String[] {"playground", "--verbose"}))
                .withMessageContaining("unknown option");
        assertThat(Playground.Options.parse(
                        new String[] {"playground", "--port=9000", "--charter.link=https://x.example"}))
                .isEqualTo(new Playground.Options(null, 9000, List.of("--charter.link=https://x.example")));
        assertThat(Playground.isCommand(new String[] {"playground"})).isTrue();
        assertThat(Playground.isCommand(new String[] {"ask", "playground"})).isFalse();
    }
}
