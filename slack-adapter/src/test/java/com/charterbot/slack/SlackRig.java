package com.charterbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.charterbot.core.chat.Converse;
import com.charterbot.core.home.ShowHome;
import com.charterbot.core.memory.InMemoryRepliedMessages;
import com.charterbot.core.testing.ReplayCore;
import com.charterbot.core.values.Platform;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.slf4j.LoggerFactory;

/**
 * The real adapter over real HTTP: a {@link SlackBot} served by {@link SlackEventsServlet} (and
 * {@link SlackBareServlet}) in an embedded Tomcat, with WireMock standing in for Slack's Web API
 * and for {@code response_url}s, and hand-written fakes of the core's ports. Requests are signed
 * here, independently of the production code.
 */
final class SlackRig implements AutoCloseable {

    static final String SIGNING_SECRET = "rig-signing-secret-8f74223";
    static final String BOT_TOKEN = "xoxb-1111-2222-rigbottoken";
    static final String APP_TOKEN = "xapp-1-A0RIG-3333-rigapptoken";
    static final String TEAM = "T0RIG";
    static final String BOT_USER = "U0BOT";
    static final String ADMIN = "U0ADMIN";
    static final String MEMBER = "U0MEMBER";
    static final String CHANNEL = "C0GENERAL";
    static final Duration API_TIMEOUT =
            Duration.ofSeconds(2); // generous: a loaded CI machine must not turn admins into members
    static final Duration WAIT = Duration.ofSeconds(10);

    private static final AtomicInteger IDS = new AtomicInteger();
    /** Tomcat's notes about Slack's HTTP client threads outliving the test web application: expected, not interesting. */
    private static final java.util.logging.Logger CATALINA = java.util.logging.Logger.getLogger("org.apache.catalina");

    private static final java.util.logging.Logger COYOTE = java.util.logging.Logger.getLogger("org.apache.coyote");

    static {
        CATALINA.setLevel(java.util.logging.Level.SEVERE);
        COYOTE.setLevel(java.util.logging.Level.SEVERE);
    }

    final WireMockServer slack;
    final SlackBot bot;
    final SlackSettings settings;
    final RecordingConverse converse;
    final FakeMembership membership = new FakeMembership();
    final FakeHome home = new FakeHome();
    final FakeEditNudges nudges = new FakeEditNudges();
    final InMemorySeenEvents seen = new InMemorySeenEvents();
    /** Every error status the bot counted for its replies. */
    final List<String> apiErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Which reply answered which message. */
    final InMemoryRepliedMessages replies = new InMemoryRepliedMessages();
    /** Every time Slack said it held events back. */
    final List<Platform> eventsRateLimited = new java.util.concurrent.CopyOnWriteArrayList<>();

    final Clock clock = Clock.fixed(Instant.parse("2025-03-10T09:30:00Z"), ZoneOffset.UTC);
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Tomcat tomcat;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI events;
    private final URI bare;

    private SlackRig(Converse conversation, boolean socketModeOnly) throws Exception {
        this(conversation, socketModeOnly, !socketModeOnly);
    }

    private SlackRig(Converse conversation, boolean socketModeOnly, boolean warm) throws Exception {
        this(conversation, null, null, socketModeOnly, warm);
    }

    /**
     * With {@code core} (when not null) as the conversation, membership, home page and nudge form, and {@code page}
     * (when not null) as the home page, instead of the fakes.
     */
    private SlackRig(Converse conversation, ReplayCore core, ShowHome page, boolean socketModeOnly, boolean warm)
            throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);

        slack = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        slack.start();
        stubSlack();
        converse = new RecordingConverse(conversation);
        settings = new SlackSettings(
                socketModeOnly ? null : SIGNING_SECRET,
                BOT_TOKEN,
                socketModeOnly ? APP_TOKEN : null,
                "http://127.0.0.1:" + slack.port() + "/api/",
                "/charter",
                Duration.ofMinutes(10),
                API_TIMEOUT);
        bot = new SlackBot(
                settings,
                new SlackBot.Parts(
                        converse,
                        core != null ? core : membership,
                        core != null ? core : page != null ? page : home,
                        core != null ? core : nudges,
                        seen,
                        clock,
                        (platform, status) -> apiErrors.add(platform + " " + status),
                        replies,
                        eventsRateLimited::add));

        tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("slack-rig-tomcat").toString());
        tomcat.setHostname("127.0.0.1");
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "events", new SlackEventsServlet(bot));
        context.addServletMappingDecoded("/slack/events", "events");
        Tomcat.addServlet(context, "bare", new SlackBareServlet(SIGNING_SECRET));
        context.addServletMappingDecoded("/slack/bare", "bare");
        tomcat.start();
        int port = tomcat.getConnector().getLocalPort();
        events = URI.create("http://127.0.0.1:" + port + "/slack/events");
        bare = URI.create("http://127.0.0.1:" + port + "/slack/bare");
        if (warm) {
            warmUp();
        }
    }

    /**
     * One administrator's command before the tests, so that their timings do not include a cold
     * JVM (the first Web API call can take longer than the short test timeout).
     */
    private void warmUp() {
        for (int attempt = 0; attempt < 5; attempt++) {
            if (postForm(slashCommand("U0WARM", CHANNEL, "stats", responseUrl()))
                            .statusCode()
                    == 200) {
                break;
            }
        }
        reset();
        logs.list.clear();
    }

    /** A rig whose conversation is {@code conversation} (the bundled charter's, usually). */
    static SlackRig start(Converse conversation) throws Exception {
        return new SlackRig(conversation, false);
    }

    /** A rig over the whole real core (conversation, home page, welcomes, nudge form). */
    static SlackRig replaying(ReplayCore core) throws Exception {
        return new SlackRig(core, core, null, false, true);
    }

    /** A rig whose conversation and home page are these (the real core's, usually). */
    static SlackRig start(Converse conversation, ShowHome page) throws Exception {
        return new SlackRig(conversation, null, page, false, true);
    }

    /** A rig that never talked to Slack yet: its first request calls {@code auth.test}. */
    static SlackRig coldStart(Converse conversation) throws Exception {
        return new SlackRig(conversation, false, false);
    }

    /** A rig whose bot has an app token and no signing secret: Socket Mode only. */
    static SlackRig socketModeOnly(Converse conversation) throws Exception {
        return new SlackRig(conversation, true);
    }

    /** Forgets what the stand-in received and restores its default answers; the fakes forget their calls. */
    void reset() {
        slack.resetAll();
        stubSlack();
        converse.clear();
        membership.calls.clear();
        home.calls.clear();
        nudges.calls.clear();
    }

    private void stubSlack() {
        slack.stubFor(post(urlEqualTo("/api/auth.test"))
                .willReturn(okJson(
                        "{\"ok\":true,\"url\":\"https://rig.slack.com/\",\"team\":\"Rig\",\"user\":\"charter\",\"team_id\":\""
                                + TEAM + "\",\"user_id\":\"" + BOT_USER + "\",\"bot_id\":\"B0BOT\"}")));
        for (String method :
                List.of("chat.postMessage", "chat.postEphemeral", "chat.update", "views.publish", "views.open")) {
            slack.stubFor(post(urlEqualTo("/api/" + method)).willReturn(okJson("{\"ok\":true}")));
        }
        slack.stubFor(post(urlEqualTo("/api/users.info")).willReturn(okJson(user("U0ANYONE", false))));
        slack.stubFor(post(urlEqualTo("/api/users.info"))
                .withRequestBody(containing("user=" + ADMIN))
                .willReturn(okJson(user(ADMIN, true))));
        slack.stubFor(post(urlEqualTo("/api/conversations.info"))
                .willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"" + CHANNEL
                        + "\",\"name\":\"general\",\"is_channel\":true}}")));
        slack.stubFor(post(urlPathMatching("/hooks/.*"))
                .willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    private static String user(String id, boolean admin) {
        return "{\"ok\":true,\"user\":{\"id\":\"" + id + "\",\"team_id\":\"" + TEAM
                + "\",\"name\":\"someone\",\"is_admin\":" + admin + ",\"is_owner\":false,\"is_primary_owner\":false}}";
    }

    // ----- requests -----

    HttpResponse<String> postForm(String body) {
        return postSigned(body, "application/x-www-form-urlencoded", Map.of());
    }

    HttpResponse<String> postJson(String body) {
        return postSigned(body, "application/json", Map.of());
    }

    HttpResponse<String> postSigned(String body, String contentType, Map<String, String> extraHeaders) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Slack-Request-Timestamp", timestamp);
        headers.put("X-Slack-Signature", sign(SIGNING_SECRET, timestamp, body));
        headers.putAll(extraHeaders);
        return send(events, body, contentType, headers);
    }

    HttpResponse<String> send(URI target, String body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> sendRaw(URI target, HttpRequest.BodyPublisher body, Map<String, String> headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(20)).POST(body);
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI eventsUri() {
        return events;
    }

    URI bareUri() {
        return bare;
    }

    /** Slack's signature: {@code v0=} + hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body)). */
    static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder("v0=");
            for (byte b : digest) {
                hex.append(String.format("%02x", b & 0xff));
            }
            return hex.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ----- payloads shaped like Slack's -----

    String responseUrl() {
        return "http://127.0.0.1:" + slack.port() + "/hooks/actions/" + TEAM + "/" + IDS.incrementAndGet() + "/rig";
    }

    static String eventId() {
        return "Ev0RIG" + IDS.incrementAndGet();
    }

    static String triggerId() {
        return "trigger-" + IDS.incrementAndGet();
    }

    /** A slash command as Slack posts it: form-encoded. */
    static String slashCommand(String user, String channel, String text, String responseUrl) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-verification-token");
        form.put("team_id", TEAM);
        form.put("team_domain", "rig");
        form.put("channel_id", channel);
        form.put("channel_name", "general");
        form.put("user_id", user);
        form.put("user_name", "someone");
        form.put("command", "/charter");
        form.put("text", text);
        form.put("api_app_id", "A0RIG");
        form.put("is_enterprise_install", "false");
        form.put("response_url", responseUrl);
        form.put("trigger_id", triggerId());
        return formEncode(form);
    }

    /** A {@code block_actions} payload for a button in a message (channel set) or in the App Home (channel null). */
    static String blockActions(String user, String channel, String actionId, String value, String responseUrl) {
        JsonObject payload = interaction("block_actions", user, triggerId());
        JsonObject container = new JsonObject();
        if (channel != null) {
            container.addProperty("type", "message");
            container.addProperty("message_ts", "1741599000.000100");
            container.addProperty("channel_id", channel);
            container.addProperty("is_ephemeral", true);
            payload.add("channel", object("id", channel, "name", "general"));
        } else {
            container.addProperty("type", "view");
            container.addProperty("view_id", "V0HOME");
            JsonObject view = object("id", "V0HOME", "type", "home", "callback_id", BlockKitRenderer.HOME_CALLBACK_ID);
            payload.add("view", view);
        }
        payload.add("container", container);
        if (responseUrl != null) {
            payload.addProperty("response_url", responseUrl);
        }
        JsonObject action =
                object("action_id", actionId, "block_id", "b1", "type", "button", "action_ts", "1741599001.000200");
        if (value != null) {
            action.addProperty("value", value);
        }
        action.add("text", object("type", "plain_text", "text", "a button"));
        JsonArray actions = new JsonArray();
        actions.add(action);
        payload.add("actions", actions);
        return encoded(payload);
    }

    /** A {@code view_submission} of the nudge form: {@code values} is block id to the state's value object. */
    static String viewSubmission(String user, String channel, Map<String, JsonObject> values, List<String> blockIds) {
        JsonObject payload = interaction("view_submission", user, triggerId());
        JsonObject view = object(
                "id",
                "V0MODAL",
                "team_id",
                TEAM,
                "type",
                "modal",
                "callback_id",
                NudgeModal.CALLBACK_ID,
                "private_metadata",
                channel,
                "hash",
                "1741599000.abc");
        JsonArray blocks = new JsonArray();
        for (String blockId : blockIds) {
            JsonObject block = object("type", "input", "block_id", blockId);
            block.add("label", object("type", "plain_text", "text", blockId));
            block.add("element", object("type", "plain_text_input", "action_id", blockId));
            blocks.add(block);
        }
        view.add("blocks", blocks);
        view.add("state", state(values));
        payload.add("view", view);
        return encoded(payload);
    }

    /**
     * The start of an interactive payload Slack posts: its type, the rig's workspace, the person and
     * a trigger id; the caller adds the rest.
     */
    static JsonObject interaction(String type, String user, String triggerId) {
        JsonObject payload = new JsonObject();
        payload.addProperty("type", type);
        payload.add("team", object("id", TEAM, "domain", "rig"));
        payload.add("user", object("id", user, "username", "someone", "name", "someone", "team_id", TEAM));
        payload.addProperty("api_app_id", "A0RIG");
        payload.addProperty("token", "legacy-verification-token");
        payload.addProperty("trigger_id", triggerId);
        return payload;
    }

    /** A view's state as a {@code view_submission} carries it: each input's value object by block id, its action id the block id. */
    static JsonObject state(Map<String, JsonObject> values) {
        JsonObject byBlock = new JsonObject();
        values.forEach((blockId, value) -> {
            JsonObject byAction = new JsonObject();
            byAction.add(blockId, value);
            byBlock.add(blockId, byAction);
        });
        JsonObject state = new JsonObject();
        state.add("values", byBlock);
        return state;
    }

    /** An interactive payload as Slack posts it: form-encoded as {@code payload=}. */
    static String encoded(JsonObject payload) {
        return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
    }

    static JsonObject selected(String value) {
        JsonObject selected = object("type", "static_select");
        JsonObject option = object("value", value);
        option.add("text", object("type", "plain_text", "text", value));
        selected.add("selected_option", option);
        return selected;
    }

    static JsonObject typed(String value) {
        JsonObject typed = object("type", "plain_text_input");
        if (value != null) {
            typed.addProperty("value", value);
        }
        return typed;
    }

    /** An Events API {@code event_callback} envelope around {@code event}. */
    static String eventCallback(String eventId, JsonObject event) {
        JsonObject envelope = new JsonObject();
        envelope.addProperty("token", "legacy-verification-token");
        envelope.addProperty("team_id", TEAM);
        envelope.addProperty("api_app_id", "A0RIG");
        envelope.add("event", event);
        envelope.addProperty("type", "event_callback");
        envelope.addProperty("event_id", eventId);
        envelope.addProperty("event_time", 1741599000);
        JsonArray authorizations = new JsonArray();
        JsonObject authorization = object("team_id", TEAM, "user_id", BOT_USER);
        authorization.addProperty("is_bot", true);
        authorizations.add(authorization);
        envelope.add("authorizations", authorizations);
        return envelope.toString();
    }

    static JsonObject object(String... keysAndValues) {
        JsonObject object = new JsonObject();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.addProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    static String formEncode(Map<String, String> form) {
        List<String> pairs = new ArrayList<>();
        form.forEach((k, v) -> pairs.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(name, value);
        }
        return form;
    }

    // ----- what Slack received -----

    /** The requests matching {@code pattern}, once there are at least {@code count} of them (bounded wait). */
    List<LoggedRequest> await(RequestPatternBuilder pattern, int count) {
        awaitTrue(
                () -> slack.findAll(pattern).size() >= count,
                "at least " + count + " request(s) matching " + pattern.build());
        return slack.findAll(pattern);
    }

    List<LoggedRequest> awaitApi(String method, int count) {
        return await(postRequestedFor(urlEqualTo("/api/" + method)), count);
    }

    List<LoggedRequest> requests(String method) {
        return slack.findAll(postRequestedFor(urlEqualTo("/api/" + method)));
    }

    List<LoggedRequest> hooks() {
        return slack.findAll(postRequestedFor(urlPathMatching("/hooks/.*")));
    }

    List<LoggedRequest> awaitHooks(int count) {
        return await(postRequestedFor(urlPathMatching("/hooks/.*")), count);
    }

    /** Waits until the adapter's background work is done: then whatever did not happen will not. */
    void awaitIdle() {
        awaitTrue(bot::idle, "the adapter's background work to finish");
    }

    static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("waited " + WAIT.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    /** A Web API call's form parameters. */
    static Map<String, String> formOf(LoggedRequest request) {
        return form(request.getBodyAsString());
    }

    /** The {@code blocks} a Web API call carried (a form parameter holding JSON). */
    static JsonArray blocksOf(LoggedRequest request) {
        return JsonParser.parseString(formOf(request).get("blocks")).getAsJsonArray();
    }

    static JsonObject jsonOf(LoggedRequest request) {
        return JsonParser.parseString(request.getBodyAsString()).getAsJsonObject();
    }

    static JsonObject json(String body) {
        return JsonParser.parseString(body).getAsJsonObject();
    }

    /** Every text shown in blocks: headers, sections, context elements, button labels. */
    static List<String> texts(JsonArray blocks) {
        List<String> texts = new ArrayList<>();
        for (JsonElement element : blocks) {
            collectTexts(element, texts);
        }
        return texts;
    }

    private static void collectTexts(JsonElement element, List<String> texts) {
        if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> collectTexts(e, texts));
        } else if (element.isJsonObject()) {
            JsonObject object = element.getAsJsonObject();
            if (object.has("type")
                    && object.has("text")
                    && object.get("text").isJsonPrimitive()
                    && List.of("plain_text", "mrkdwn")
                            .contains(object.get("type").getAsString())) {
                texts.add(object.get("text").getAsString());
            }
            object.entrySet().forEach(e -> collectTexts(e.getValue(), texts));
        }
    }

    /** Every button of the blocks as {@code action_id=value}. */
    static List<String> buttons(JsonArray blocks) {
        List<String> buttons = new ArrayList<>();
        for (JsonElement block : blocks) {
            JsonObject object = block.getAsJsonObject();
            if ("actions".equals(object.get("type").getAsString())) {
                for (JsonElement element : object.getAsJsonArray("elements")) {
                    JsonObject button = element.getAsJsonObject();
                    buttons.add(button.get("action_id").getAsString() + "="
                            + (button.has("value") ? button.get("value").getAsString() : ""));
                }
            }
        }
        return buttons;
    }

    static List<String> types(JsonArray blocks) {
        List<String> types = new ArrayList<>();
        blocks.forEach(b -> types.add(b.getAsJsonObject().get("type").getAsString()));
        return types;
    }

    // ----- logs -----

    /** Every log line so far, with its stack trace if any. */
    List<String> logLines() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(logs.list)) {
            String line = event.getFormattedMessage();
            if (event.getThrowableProxy() != null) {
                line += "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
            }
            lines.add(line);
        }
        return lines;
    }

    void assertNoSecretLogged() {
        assertThat(logLines())
                .noneMatch(line -> line.contains(BOT_TOKEN)
                        || line.contains(SIGNING_SECRET)
                        || line.contains(APP_TOKEN)
                        || line.contains("rigbottoken")
                        || line.contains("rigapptoken"));
    }

    @Override
    public void close() throws LifecycleException {
        try {
            bot.close();
            tomcat.stop();
            tomcat.destroy();
        } finally {
            slack.stop();
            Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            root.detachAppender(logs);
        }
    }
}
