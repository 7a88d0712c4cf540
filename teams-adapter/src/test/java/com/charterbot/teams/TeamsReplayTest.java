package com.charterbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.charterbot.core.testing.ReplayCore;
import com.charterbot.core.testing.ReplayFixtures;
import com.charterbot.core.testing.TestConversation;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Activities Teams really sends, in the shapes of Microsoft's Teams documentation and Bot Framework
 * SDK tests (each fixture in {@code src/test/resources/replay/teams} names its source; see the README
 * there), replayed through the real endpoint with authentication on (a Bot Connector token signed for
 * this bot and the activity's service URL, validated by the SDK), against the whole real core. Each
 * fixture says what the people in the conversation get (cards sent, updated or sent privately, with
 * what they show) and, for an invoke, the answer Teams expects; every one is answered 200 and none
 * logs a WARN or an ERROR.
 *
 * <p>Placeholders: {@code ${SERVICE_URL}} (the connector stand-in's), {@code ${BOT_ID}},
 * {@code ${TENANT}}, {@code ${ACTIVITY_ID}} (fresh for each run), and after a {@code setup},
 * {@code ${CHANNEL_QUIZ_ID}} and {@code ${QUIZ_SESSION}}. Expected texts written {@code en:key} or
 * {@code fr:key} are the bot's own sentences (up to their first placeholder).
 */
class TeamsReplayTest {

    private static final String FIXTURES = "replay/teams";
    private static final String APP_ID = "9f3c2b1a-0e4d-4c5b-8a7f-6e5d4c3b2a19";
    private static final String PRIVATE_CHAT = "a:1private-chat-created";
    private static final AtomicLong IDS = new AtomicLong(1_750_000_000_000L);

    private static BotFrameworkIdentity identity;
    private static ReplayCore core;
    private static TeamsRig rig;

    private final Map<String, String> values = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        identity = new BotFrameworkIdentity();
        core = new ReplayCore();
        rig = new TeamsRig(
                serviceUrl -> new TeamsSettings(
                        APP_ID, "replay-client-secret", Activities.TENANT, List.of(serviceUrl), identity.metadataUrl()),
                core);
    }

    @AfterAll
    static void stop() throws Exception {
        String logs = rig.logText();
        rig.close();
        identity.close();
        assertThat(logs).doesNotContain("replay-client-secret").doesNotContain("eyJ");
    }

    static Stream<Arguments> fixtures() {
        return ReplayFixtures.files(FIXTURES).stream()
                .map(file -> Arguments.of(file.getFileName().toString(), file));
    }

    @Test
    void coversEnoughShapes() {
        List<JsonNode> all = ReplayFixtures.files(FIXTURES).stream()
                .map(TeamsReplayTest::read)
                .toList();

        assertThat(all).hasSizeGreaterThanOrEqualTo(60);
        assertThat(all)
                .allSatisfy(
                        fixture -> assertThat(fixture.path("source").asText()).isNotBlank());
        List<String> invokes = all.stream()
                .map(fixture -> fixture.path("activity").path("name").asText())
                .toList();
        assertThat(invokes)
                .contains(
                        "adaptiveCard/action",
                        "task/fetch",
                        "task/submit",
                        "config/fetch",
                        "config/submit",
                        "signin/verifyState",
                        "fileConsent/invoke",
                        "composeExtension/query",
                        "composeExtension/queryLink",
                        "composeExtension/fetchTask",
                        "composeExtension/submitAction",
                        "composeExtension/selectItem",
                        "composeExtension/querySettingUrl",
                        "composeExtension/setting",
                        "composeExtension/onCardButtonClicked");
        assertThat(all)
                .filteredOn(fixture -> fixture.toString().contains("fr-FR"))
                .hasSizeGreaterThanOrEqualTo(8);
        assertThat(all)
                .filteredOn(fixture -> fixture.toString().contains("\u00a0")
                        || fixture.toString().contains("&nbsp;"))
                .hasSizeGreaterThanOrEqualTo(4);
        assertThat(all)
                .filteredOn(fixture -> fixture.path("activity").has("attachments"))
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(all)
                .filteredOn(fixture -> fixture.path("expect").path("sent").isEmpty()
                        && !fixture.path("activity").path("type").asText().equals("invoke"))
                .hasSizeGreaterThanOrEqualTo(15);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void replays(String name, Path file) {
        JsonNode fixture = read(file);
        prepare(fixture);
        int logsBefore = rig.logEvents().size();
        String activity = substitute(fixture.path("activity").toString());

        HttpResponse<String> response = rig.post(activity, identity.bearer(APP_ID, rig.serviceUrl()));

        JsonNode expect = fixture.path("expect");
        assertThat(response.statusCode())
                .as("HTTP status of %s (%s)", name, response.body())
                .isEqualTo(expect.path("status").asInt(200));
        if (expect.has("invoke")) {
            JsonNode invoke = expect.path("invoke");
            if (invoke.path("empty").asBoolean(false)) {
                assertThat(response.body()).as("the invoke's answer").isEmpty();
            } else {
                JsonNode body = TeamsRig.read(response.body());
                if (invoke.has("type")) {
                    assertThat(body.path("type").asText())
                            .as("the answer's type")
                            .isEqualTo(invoke.path("type").asText());
                    assertThat(body.path("statusCode").asInt()).isEqualTo(200);
                }
                if (invoke.has("key")) {
                    assertThat(body.has(invoke.path("key").asText()))
                            .as("the answer has %s", invoke.path("key").asText())
                            .isTrue();
                }
                String shown =
                        body.path("value").isObject() && body.path("value").has("body")
                                ? String.join("\n", shown(body.path("value")))
                                : String.join("\n", strings(body));
                for (JsonNode expected : invoke.path("contains")) {
                    assertThat(shown)
                            .as("the invoke's answer to %s", name)
                            .contains(ReplayFixtures.text(expected.asText()));
                }
                if (invoke.path("refresh").asBoolean(false)) {
                    assertThat(body.path("value")
                                    .path("refresh")
                                    .path("userIds")
                                    .toString())
                            .contains(sender(fixture));
                }
            }
        }
        List<Sent> sent = sent();
        JsonNode expected = expect.path("sent");
        assertThat(sent)
                .as("what the connector was asked to do for %s", name)
                .extracting(Sent::kind)
                .containsExactlyElementsOf(expectedKinds(expected));
        for (int index = 0; index < expected.size(); index++) {
            JsonNode one = expected.get(index);
            Sent actual = sent.get(index);
            String shown = String.join("\n", actual.texts());
            for (JsonNode text : one.path("contains")) {
                assertThat(shown).as("card %d of %s", index + 1, name).contains(ReplayFixtures.text(text.asText()));
            }
            for (JsonNode text : one.path("excludes")) {
                assertThat(shown)
                        .as("card %d of %s", index + 1, name)
                        .doesNotContain(ReplayFixtures.text(text.asText()));
            }
            if (one.has("id")) {
                assertThat(actual.path())
                        .as("the activity updated")
                        .endsWith("/activities/" + substitute(one.path("id").asText()));
            }
            if (one.has("refresh")) {
                assertThat(actual.card()
                                .path("refresh")
                                .path("userIds")
                                .toString()
                                .contains(sender(fixture)))
                        .as("card %d of %s refreshes for the sender", index + 1, name)
                        .isEqualTo(one.path("refresh").asBoolean());
            }
            if (one.has("personal")) {
                assertThat(actual.card().toString().contains("\"personal\":true"))
                        .as("card %d of %s is one person's", index + 1, name)
                        .isEqualTo(one.path("personal").asBoolean());
            }
        }
        List<String> loud = rig.logEvents().subList(logsBefore, rig.logEvents().size()).stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
        assertThat(loud).as("WARN and ERROR lines while replaying %s", name).isEmpty();
    }

    // ----- before a fixture -----

    private void prepare(JsonNode fixture) {
        rig.stubConnector();
        core.reset();
        rig.replies.forgetBefore(Instant.MAX);
        values.clear();
        values.put("${SERVICE_URL}", rig.serviceUrl());
        values.put("${BOT_ID}", Activities.BOT_ID);
        values.put("${TENANT}", Activities.TENANT);
        values.put("${ACTIVITY_ID}", String.valueOf(IDS.incrementAndGet()));
        JsonNode setup = fixture.path("setup");
        if (setup.has("replied")) {
            JsonNode replied = setup.path("replied");
            rig.replies.remember(
                    new ChannelRef(
                            Platform.TEAMS,
                            Activities.TENANT,
                            replied.path("conversation").asText()),
                    replied.path("message").asText(),
                    replied.path("reply").asText(),
                    TestConversation.CLOCK.instant());
        }
        if (setup.has("channelQuiz")) {
            values.put(
                    "${CHANNEL_QUIZ_ID}",
                    core.postChannelQuiz(new ChannelRef(
                            Platform.TEAMS,
                            Activities.TENANT,
                            setup.path("channelQuiz").asText())));
        }
        if (setup.has("quizOf")) {
            values.put(
                    "${QUIZ_SESSION}",
                    core.startQuiz(new UserRef(
                            Platform.TEAMS,
                            Activities.TENANT,
                            setup.path("quizOf").asText())));
        }
    }

    private String substitute(String text) {
        String result = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            result = result.replace(value.getKey(), value.getValue());
        }
        return result;
    }

    private static String sender(JsonNode fixture) {
        return fixture.path("activity").path("from").path("id").asText();
    }

    // ----- what the connector was asked -----

    /** One thing the connector was asked to show: a send, an update, a send to a new personal chat. */
    private record Sent(String kind, String path, JsonNode card, List<String> texts) {}

    private List<Sent> sent() {
        List<Sent> sent = new ArrayList<>();
        for (LoggedRequest request : rig.connector.findAll(WireMock.anyRequestedFor(WireMock.anyUrl()))) {
            String path = request.getUrl();
            if (!path.contains("/activities")) {
                continue;
            }
            String kind = request.getMethod().equals(RequestMethod.PUT)
                    ? "update"
                    : request.getMethod().equals(RequestMethod.DELETE)
                            ? "delete"
                            : path.contains("/conversations/" + PRIVATE_CHAT + "/") ? "private" : "send";
            JsonNode card = kind.equals("delete")
                    ? TeamsRig.JSON.createObjectNode()
                    : TeamsRig.card(TeamsRig.read(request.getBodyAsString()));
            sent.add(new Sent(kind, path, card, shown(card)));
        }
        return sent;
    }

    /** Every text a card shows: its text runs and its buttons' titles. */
    private static List<String> shown(JsonNode card) {
        List<String> texts = new ArrayList<>(TeamsRig.texts(card));
        for (JsonNode action : TeamsRig.actions(card)) {
            texts.add(action.path("title").asText());
        }
        return texts;
    }

    /** Every string anywhere in a JSON tree. */
    private static List<String> strings(JsonNode tree) {
        List<String> strings = new ArrayList<>();
        if (tree.isTextual()) {
            strings.add(tree.asText());
        }
        tree.forEach(child -> strings.addAll(strings(child)));
        return strings;
    }

    private static List<String> expectedKinds(JsonNode expected) {
        List<String> kinds = new ArrayList<>();
        expected.forEach(one -> kinds.add(one.path("kind").asText()));
        return kinds;
    }

    // ----- fixtures -----

    private static JsonNode read(Path file) {
        try {
            return TeamsRig.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
