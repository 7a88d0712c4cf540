package com.charterbot.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.charterbot.core.admin.AdminDirectory;
import com.charterbot.core.chat.Converse;
import com.charterbot.core.home.ShowHome;
import com.charterbot.core.memory.InMemoryRepliedMessages;
import com.charterbot.core.testing.ReplayCore;
import com.charterbot.core.testing.TestConversation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.slf4j.LoggerFactory;

/**
 * The Teams adapter in process: the real {@link TeamsMessagesServlet} in an embedded Tomcat, the
 * real Bot Framework adapter and {@link TeamsBot} over the bundled conversation, and WireMock
 * standing in for the Bot Connector service (it answers every send, update, delete and
 * conversation creation, and keeps the requests).
 */
final class TeamsRig implements AutoCloseable {

    /** Where the connector stub lives under its root, as Teams' regional service URLs do ({@code /amer/}). */
    static final String CONNECTOR_PATH = "/teams/";

    static final String ACTIVITIES = "/teams/v3/conversations/[^/]+/activities(/[^/]+)?";
    static final ObjectMapper JSON = new ObjectMapper();

    final WireMockServer connector;
    final Fakes.Membership membership = new Fakes.Membership();
    final Fakes.Nudges nudges = new Fakes.Nudges(Set.of(Activities.ADMIN_AAD));
    final InMemoryConversationReferences references = new InMemoryConversationReferences();
    /** Every error status the bot counted for its replies. */
    final List<String> apiErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Which reply answered which message. */
    final InMemoryRepliedMessages replies = new InMemoryRepliedMessages();
    /** The seen events the bot records; {@code seen.down} makes their store unreachable. */
    final Fakes.Seen seen = new Fakes.Seen();
    /** Every wait before a throttled reply's next try, in order: recorded, never slept, under {@link TeamsBot.ReplyRetry#DEFAULT}. */
    final List<Duration> waits = new CopyOnWriteArrayList<>();

    final Activities activities;
    final TeamsAdapter adapter;
    final TeamsSettings settings;
    final TeamsBot bot;
    private final Tomcat tomcat;
    private final Path baseDir;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    /** Tomcat logs through java.util.logging: kept to warnings so test output stays readable. */
    private static final java.util.logging.Logger TOMCAT_LOGS = quiet("org.apache");

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    /** Authentication off; the connector stub on the allow-list. */
    static TeamsRig unauthenticated() {
        return new TeamsRig(serviceUrl -> TeamsSettings.unauthenticated(List.of(serviceUrl)), Optional.empty());
    }

    /** With the settings made for the connector stub's service URL. */
    TeamsRig(Function<String, TeamsSettings> settingsFor, Optional<ShowHome> home) {
        this(settingsFor, home, null, null);
    }

    /** Authentication off, over this conversation. */
    static TeamsRig unauthenticated(Converse converse) {
        return new TeamsRig(
                serviceUrl -> TeamsSettings.unauthenticated(List.of(serviceUrl)), Optional.empty(), null, converse);
    }

    /** Over the whole real core (conversation, home page, welcomes, nudge form), with these settings. */
    TeamsRig(Function<String, TeamsSettings> settingsFor, ReplayCore core) {
        this(settingsFor, Optional.of(core), core, null);
    }

    private TeamsRig(
            Function<String, TeamsSettings> settingsFor,
            Optional<ShowHome> home,
            ReplayCore core,
            Converse conversation) {
        connector = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        connector.start();
        stubConnector();
        String serviceUrl = serviceUrl();
        settings = settingsFor.apply(serviceUrl);
        activities = new Activities(serviceUrl);
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);

        Converse converse = core != null
                ? core
                : conversation != null
                        ? conversation
                        : TestConversation.builder()
                                .admins(new AdminDirectory(Set.of(), Set.of(Activities.ADMIN_AAD)))
                                .build()
                                .conversation;
        bot = new TeamsBot(
                new TeamsBot.Parts(
                        converse,
                        core != null ? core : membership,
                        core != null ? core : nudges,
                        seen,
                        home,
                        references,
                        TestConversation.CLOCK,
                        (platform, status) -> apiErrors.add(platform + " " + status),
                        replies),
                settings,
                new AdaptiveCardRenderer(),
                TeamsBot.ReplyRetry.DEFAULT,
                waits::add,
                new SplittableRandom(17));
        // Over the replay core, replies need a connector token: a fixed one, as Microsoft's login is not reachable.
        adapter = core == null
                ? TeamsAdapter.create(settings)
                : TeamsAdapter.create(
                        settings,
                        (tenant, scope) -> new FixedToken(tenant.appId(), scope),
                        TeamsAdapter.CONNECTOR_READ_TIMEOUT);
        try {
            baseDir = Files.createTempDirectory("teams-rig");
            tomcat = new Tomcat();
            tomcat.setBaseDir(baseDir.toString());
            tomcat.setPort(0);
            tomcat.getConnector();
            Context context = tomcat.addContext("", null);
            Tomcat.addServlet(
                    context,
                    "teams",
                    new TeamsMessagesServlet(adapter, bot, TeamsMessagesServlet.DEFAULT_MAX_BODY_BYTES));
            context.addServletMappingDecoded("/api/messages", "teams");
            tomcat.start();
        } catch (Exception e) {
            throw new IllegalStateException("Tomcat did not start", e);
        }
    }

    String serviceUrl() {
        return "http://127.0.0.1:" + connector.port() + CONNECTOR_PATH;
    }

    /** Every connector call succeeds, as Teams' does, with an id for what was created. */
    void stubConnector() {
        connector.resetAll();
        connector.stubFor(WireMock.post(urlPathMatching(ACTIVITIES)).willReturn(okJson("{\"id\":\"1741599999000\"}")));
        connector.stubFor(put(urlPathMatching(ACTIVITIES)).willReturn(okJson("{\"id\":\"1741599999001\"}")));
        connector.stubFor(
                delete(urlPathMatching(ACTIVITIES)).willReturn(aResponse().withStatus(200)));
        connector.stubFor(WireMock.post(urlPathEqualTo(CONNECTOR_PATH + "v3/conversations"))
                .willReturn(okJson("{\"id\":\"a:1private-chat-created\"}")));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    HttpResponse<String> post(JsonNode activity) {
        return post(activity.toString(), null);
    }

    HttpResponse<String> post(String body, String authorization) {
        HttpResponse<String> response = send(body, authorization);
        awaitIdle();
        return response;
    }

    /** Posts the activity and returns with Teams' answer, while its turn may still be running. */
    HttpResponse<String> postWithoutWaiting(JsonNode activity) {
        return send(activity.toString(), null);
    }

    private HttpResponse<String> send(String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/api/messages"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until the turns run after their acknowledgement are over, so that what they sent can be
     * read: {@link #post} does it after each response.
     */
    void awaitIdle() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!bot.idle()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the bot's turns did not finish within 30 s");
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The connector requests of this method whose path matches, oldest first. */
    List<LoggedRequest> requests(RequestMethod method, String pathRegex) {
        return connector.findAll(anyRequestedFor(urlPathMatching(pathRegex))).stream()
                .filter(request -> request.getMethod().equals(method))
                .toList();
    }

    /** The activities sent or updated through the connector, oldest first, as JSON. */
    List<JsonNode> sent() {
        List<JsonNode> sent = new ArrayList<>();
        for (LoggedRequest request : connector.findAll(anyRequestedFor(anyUrl()))) {
            if (request.getUrl().contains("/activities")
                    && (request.getMethod().equals(RequestMethod.POST)
                            || request.getMethod().equals(RequestMethod.PUT))) {
                sent.add(read(request.getBodyAsString()));
            }
        }
        return sent;
    }

    /** The Adaptive Card of a sent activity. */
    static JsonNode card(JsonNode activity) {
        JsonNode attachment = activity.path("attachments").path(0);
        if (!AdaptiveCardRenderer.CONTENT_TYPE.equals(
                attachment.path("contentType").asText())) {
            throw new AssertionError("not an Adaptive Card: " + activity);
        }
        return attachment.path("content");
    }

    /** Every text run of a card, in order. */
    static List<String> texts(JsonNode card) {
        List<String> texts = new ArrayList<>();
        for (JsonNode element : card.path("body")) {
            for (JsonNode inline : element.path("inlines")) {
                texts.add(inline.path("text").asText());
            }
        }
        return texts;
    }

    /** Every Action.Submit of a card, in order. */
    static List<JsonNode> actions(JsonNode card) {
        List<JsonNode> actions = new ArrayList<>();
        for (JsonNode element : card.path("body")) {
            for (JsonNode action : element.path("actions")) {
                actions.add(action);
            }
        }
        return actions;
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every log event so far. */
    List<ILoggingEvent> logEvents() {
        return List.copyOf(logs.list);
    }

    /** Everything logged so far, messages and stack traces. */
    String logText() {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : List.copyOf(logs.list)) {
            text.append(event.getFormattedMessage()).append('\n');
            if (event.getThrowableProxy() != null) {
                text.append(ThrowableProxyUtil.asString(event.getThrowableProxy()))
                        .append('\n');
            }
        }
        return text.toString();
    }

    /** Credentials that hand out a fixed connector token, never asking Microsoft's login. */
    private static final class FixedToken extends com.microsoft.bot.connector.authentication.AppCredentials {

        FixedToken(String appId, String scope) {
            super(Activities.TENANT, scope);
            setAppId(appId);
        }

        @Override
        public java.util.concurrent.CompletableFuture<String> getToken() {
            return java.util.concurrent.CompletableFuture.completedFuture("replay-connector-token");
        }

        @Override
        protected com.microsoft.bot.connector.authentication.Authenticator buildAuthenticator() {
            throw new AssertionError("the adapter asked Microsoft's login for a token instead of using the fixed one");
        }
    }

    @Override
    public void close() throws LifecycleException {
        bot.close();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        tomcat.stop();
        tomcat.destroy();
        connector.stop();
    }
}
