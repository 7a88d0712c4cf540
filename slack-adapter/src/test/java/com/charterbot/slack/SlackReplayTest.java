package com.charterbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.charterbot.core.testing.ReplayCore;
import com.charterbot.core.testing.ReplayFixtures;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Platform;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Payloads Slack really sends, collected from Slack's own SDK test suites and documentation (each
 * fixture in {@code src/test/resources/replay/slack} names its source; see the README there),
 * replayed through the real servlet and Bolt app over HTTP, signed with the rig's secret, against
 * the whole real core. Each fixture says what a person should get: the replies (where they go and
 * what they say) or nothing at all; every one is answered 2xx and none logs a WARN or an ERROR.
 *
 * <p>Placeholders in a fixture's request: {@code ${TEAM}}, {@code ${BOT_USER}} (the bot's own user
 * id, from {@code auth.test}), {@code ${EVENT_ID}} (fresh for each run, as Slack's retries are
 * de-duplicated), {@code ${RESPONSE_URL}} (the stand-in's). Expected texts written {@code en:key} or
 * {@code fr:key} are the bot's own sentences, read from its message bundles (up to their first
 * placeholder).
 */
class SlackReplayTest {

    private static final String FIXTURES = "replay/slack";
    /** Web API methods that show a person something, and the response_url: what a fixture's replies list. */
    private static final List<String> SHOWN =
            List.of("chat.postMessage", "chat.postEphemeral", "chat.update", "views.publish", "views.open");

    private static final String FRENCH_USER = "U0FRANCAIS";
    private static final AtomicInteger IDS = new AtomicInteger();

    private static ReplayCore core;
    private static SlackRig rig;

    @BeforeAll
    static void start() throws Exception {
        core = new ReplayCore();
        rig = SlackRig.replaying(core);
    }

    @AfterAll
    static void stop() throws Exception {
        rig.assertNoSecretLogged();
        rig.close();
    }

    static Stream<Arguments> fixtures() {
        return ReplayFixtures.files(FIXTURES).stream()
                .map(file -> Arguments.of(file.getFileName().toString(), file));
    }

    @Test
    void coversEnoughShapes() {
        List<JsonObject> all = ReplayFixtures.files(FIXTURES).stream()
                .map(SlackReplayTest::read)
                .toList();

        assertThat(all).hasSizeGreaterThanOrEqualTo(60);
        assertThat(all)
                .allSatisfy(fixture ->
                        assertThat(fixture.get("source").getAsString()).isNotBlank());
        assertThat(all)
                .filteredOn(fixture -> fixture.toString().contains("enterprise_id"))
                .hasSizeGreaterThanOrEqualTo(10);
        assertThat(all)
                .filteredOn(fixture -> fixture.toString().contains("\"is_enterprise_install\":true"))
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(all)
                .filteredOn(fixture -> fixture.toString().contains("\\u00a0")
                        || fixture.toString().contains("\u00a0"))
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(all)
                .filteredOn(fixture -> fixture.toString().contains("\"files\""))
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(all)
                .filteredOn(fixture -> fixture.getAsJsonObject("expect")
                        .getAsJsonArray("replies")
                        .isEmpty())
                .as("payloads that must be acknowledged without a word")
                .hasSizeGreaterThanOrEqualTo(20);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void replays(String name, Path file) {
        JsonObject fixture = read(file);
        prepare(fixture);
        int logsBefore = rig.logs.list.size();

        HttpResponse<String> response = send(fixture.getAsJsonObject("request"));

        JsonObject expect = fixture.getAsJsonObject("expect");
        int status = expect.has("status") ? expect.get("status").getAsInt() : 200;
        assertThat(response.statusCode()).as("HTTP status of %s", name).isEqualTo(status);
        if (expect.has("body")) {
            String shown = String.join("\n", shownIn(response.body()));
            for (JsonElement expected : expect.getAsJsonArray("body")) {
                assertThat(shown)
                        .as("what the acknowledgement shows")
                        .contains(ReplayFixtures.text(expected.getAsString()));
            }
        }
        JsonArray replies = expect.getAsJsonArray("replies");
        List<Sent> sent = awaitSent(replies.size());
        assertThat(sent)
                .as("what the person is shown, in order")
                .extracting(Sent::to)
                .containsExactlyElementsOf(replies.asList().stream()
                        .map(reply -> reply.getAsJsonObject().get("to").getAsString())
                        .toList());
        for (int index = 0; index < replies.size(); index++) {
            JsonObject reply = replies.get(index).getAsJsonObject();
            Sent actual = sent.get(index);
            String shown = String.join("\n", actual.texts());
            for (JsonElement expected : array(reply, "contains")) {
                assertThat(shown)
                        .as("reply %d of %s", index + 1, name)
                        .contains(ReplayFixtures.text(expected.getAsString()));
            }
            for (JsonElement unexpected : array(reply, "excludes")) {
                assertThat(shown)
                        .as("reply %d of %s", index + 1, name)
                        .doesNotContain(ReplayFixtures.text(unexpected.getAsString()));
            }
            if (reply.has("params")) {
                for (Map.Entry<String, JsonElement> param :
                        reply.getAsJsonObject("params").entrySet()) {
                    assertThat(actual.params())
                            .as("parameters of reply %d of %s", index + 1, name)
                            .containsEntry(
                                    param.getKey(), substitute(param.getValue().getAsString()));
                }
            }
        }
        assertThat(rig.eventsRateLimited)
                .as("app_rate_limited counted")
                .hasSize(expect.has("rateLimited") ? expect.get("rateLimited").getAsInt() : 0);
        List<String> loud = rig.logs.list.subList(logsBefore, rig.logs.list.size()).stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
        assertThat(loud).as("WARN and ERROR lines while replaying %s", name).isEmpty();
    }

    // ----- before a fixture -----

    private void prepare(JsonObject fixture) {
        rig.reset();
        core.reset();
        rig.converse.use(core);
        rig.eventsRateLimited.clear();
        rig.replies.forgetBefore(Instant.MAX);
        rig.slack.stubFor(
                post(urlEqualTo("/api/users.info"))
                        .withRequestBody(containing("user=" + FRENCH_USER))
                        .willReturn(
                                okJson(
                                        "{\"ok\":true,\"user\":{\"id\":\"" + FRENCH_USER + "\",\"team_id\":\""
                                                + SlackRig.TEAM
                                                + "\",\"name\":\"marie\",\"locale\":\"fr-FR\",\"is_admin\":false,\"is_owner\":false,\"is_primary_owner\":false}}")));
        JsonObject setup = fixture.has("setup") ? fixture.getAsJsonObject("setup") : new JsonObject();
        if (setup.has("replied")) {
            JsonObject replied = setup.getAsJsonObject("replied");
            rig.replies.remember(
                    new ChannelRef(
                            Platform.SLACK,
                            SlackRig.TEAM,
                            replied.get("channel").getAsString()),
                    replied.get("message").getAsString(),
                    replied.get("reply").getAsString(),
                    rig.clock.instant());
        }
        values.clear();
        values.put("${TEAM}", SlackRig.TEAM);
        values.put("${BOT_USER}", SlackRig.BOT_USER);
        values.put("${EVENT_ID}", "Ev0REPLAY" + IDS.incrementAndGet());
        values.put("${RESPONSE_URL}", rig.responseUrl());
        if (setup.has("channelQuiz")) {
            values.put(
                    "${CHANNEL_QUIZ_ID}",
                    core.postChannelQuiz(new ChannelRef(
                            Platform.SLACK,
                            SlackRig.TEAM,
                            setup.get("channelQuiz").getAsString())));
        }
    }

    private final Map<String, String> values = new LinkedHashMap<>();

    private String substitute(String text) {
        String result = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            result = result.replace(value.getKey(), value.getValue());
        }
        return result;
    }

    // ----- the request -----

    private HttpResponse<String> send(JsonObject request) {
        if (request.has("json")) {
            return rig.postJson(substitute(request.get("json").toString()));
        }
        if (request.has("payload")) {
            return rig.postForm("payload="
                    + URLEncoder.encode(substitute(request.get("payload").toString()), StandardCharsets.UTF_8));
        }
        if (request.has("form")) {
            Map<String, String> form = new LinkedHashMap<>();
            request.getAsJsonObject("form")
                    .entrySet()
                    .forEach(field ->
                            form.put(field.getKey(), substitute(field.getValue().getAsString())));
            return rig.postForm(SlackRig.formEncode(form));
        }
        return rig.postForm(substitute(request.get("raw").getAsString()));
    }

    // ----- what Slack was asked to show -----

    /** One thing shown to people: a Web API call or a response_url post. */
    private record Sent(String to, List<String> texts, Map<String, String> params, long at) {}

    /** What was shown once {@code expected} things were (or the wait ran out) and the background work is done. */
    private List<Sent> awaitSent(int expected) {
        long deadline = System.nanoTime() + SlackRig.WAIT.toNanos();
        while (sent().size() < expected && System.nanoTime() < deadline) {
            pause();
        }
        rig.awaitIdle();
        return sent();
    }

    private List<Sent> sent() {
        List<Sent> sent = new ArrayList<>();
        for (String method : SHOWN) {
            for (LoggedRequest request : rig.requests(method)) {
                Map<String, String> params = SlackRig.formOf(request);
                List<String> texts = new ArrayList<>();
                texts.add(params.getOrDefault("text", ""));
                if (params.containsKey("blocks")) {
                    texts.addAll(SlackRig.texts(
                            JsonParser.parseString(params.get("blocks")).getAsJsonArray()));
                }
                if (params.containsKey("view")) {
                    texts.addAll(SlackRig.texts(JsonParser.parseString(params.get("view"))
                            .getAsJsonObject()
                            .getAsJsonArray("blocks")));
                }
                sent.add(new Sent(method, texts, params, request.getLoggedDate().getTime()));
            }
        }
        for (LoggedRequest hook : rig.hooks()) {
            sent.add(new Sent(
                    "response_url",
                    shownIn(hook.getBodyAsString()),
                    Map.of(),
                    hook.getLoggedDate().getTime()));
        }
        sent.sort(Comparator.comparingLong(Sent::at));
        return sent;
    }

    /** The texts a JSON message body shows (its text and its blocks'), or the body itself when it is not JSON. */
    private static List<String> shownIn(String body) {
        List<String> texts = new ArrayList<>();
        try {
            JsonElement tree = JsonParser.parseString(body);
            if (tree.isJsonObject()) {
                JsonObject json = tree.getAsJsonObject();
                if (json.has("text") && json.get("text").isJsonPrimitive()) {
                    texts.add(json.get("text").getAsString());
                }
                if (json.has("blocks") && json.get("blocks").isJsonArray()) {
                    texts.addAll(SlackRig.texts(json.getAsJsonArray("blocks")));
                }
            }
        } catch (RuntimeException notJson) {
            // A plain body: the challenge of a url_verification, an empty acknowledgement.
        }
        texts.add(body);
        return texts;
    }

    // ----- fixtures -----

    private static JsonArray array(JsonObject object, String key) {
        return object.has(key) ? object.getAsJsonArray(key) : new JsonArray();
    }

    private static JsonObject read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
