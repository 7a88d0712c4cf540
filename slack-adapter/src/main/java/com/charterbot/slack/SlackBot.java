package com.charterbot.slack;

import com.charterbot.core.charter.Language;
import com.charterbot.core.chat.Converse;
import com.charterbot.core.chat.InMemoryRepliedMessages;
import com.charterbot.core.chat.PlatformApiErrors;
import com.charterbot.core.chat.PlatformEvents;
import com.charterbot.core.chat.RepliedMessages;
import com.charterbot.core.chat.SeenEvents;
import com.charterbot.core.home.ShowHome;
import com.charterbot.core.nudge.ChannelMembership;
import com.charterbot.core.nudge.ChannelMessenger;
import com.charterbot.core.nudge.EditNudges;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.RequestVerification;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import com.slack.api.bolt.response.Response;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot on Slack: a Bolt {@link App} with every handler registered (slash command, buttons, the
 * nudge form, the message shortcuts that check a message with the charter, events), reachable over
 * HTTP through {@link SlackEventsServlet} and, with an app token, over Socket Mode
 * ({@link #startSocketMode()}).
 *
 * <p>Nothing talks to Slack while the bot is built: {@code auth.test} is called on the first
 * request that needs a token and its answer kept, which gives the bot's own user id. Requests over
 * HTTP must carry a valid Slack signature (Bolt's {@code RequestVerification}), else HTTP 401.
 * Handlers answer within Slack's 3 seconds; Web API calls happen afterwards, in the background.
 * An exception in a handler never reaches Bolt: it is logged without secrets and answered with a
 * short error body, without stack trace.
 */
public final class SlackBot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SlackBot.class);
    private static final String INTERNAL_ERROR = "{\"error\":\"internal error\"}";
    private static final Pattern ANY = Pattern.compile(".*");

    /**
     * The {@code callback_id}s of the message shortcuts "Check with the charter" and "Vérifier avec
     * la charte" (declared in the app manifests), and the language each asks in.
     */
    public static final Map<String, Language> CHECK_SHORTCUTS = Map.of("charter.check", Language.EN, "charter.check.fr", Language.FR);

    /**
     * What the bot works with, from the core.
     *
     * @param seen remembers handled events across replicas, so that Slack's retries run once
     * @param clock dates the events recorded in {@code seen}
     * @param apiErrors told of each error the Web API or a {@code response_url} answers to a reply
     * @param replies which reply answered which message, so that an edited question's answer replaces it
     * @param platformEvents told when Slack holds events back ({@code app_rate_limited})
     */
    public record Parts(Converse converse, ChannelMembership membership, ShowHome home, EditNudges nudges, SeenEvents seen, Clock clock,
            PlatformApiErrors apiErrors, RepliedMessages replies, PlatformEvents platformEvents) {
        public Parts {
            Objects.requireNonNull(converse, "converse");
            Objects.requireNonNull(membership, "membership");
            Objects.requireNonNull(home, "home");
            Objects.requireNonNull(nudges, "nudges");
            Objects.requireNonNull(seen, "seen");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(apiErrors, "apiErrors");
            Objects.requireNonNull(replies, "replies");
            Objects.requireNonNull(platformEvents, "platformEvents");
        }

        /** The parts of a bot that keeps replies in memory and counts no platform event (tests, one process). */
        public Parts(Converse converse, ChannelMembership membership, ShowHome home, EditNudges nudges, SeenEvents seen, Clock clock,
                PlatformApiErrors apiErrors) {
            this(converse, membership, home, nudges, seen, clock, apiErrors, new InMemoryRepliedMessages(), PlatformEvents.NONE);
        }
    }

    private final SlackSettings settings;
    private final Slack slack;
    private final App app;
    private final Background background;
    private final Background lookups;
    private final Redaction redaction;
    private final BlockKitRenderer renderer = new BlockKitRenderer();
    private final ChannelMessenger messenger;
    private final PlatformEvents platformEvents;
    private final AtomicBoolean closed = new AtomicBoolean();
    private SocketModeApp socketMode;

    public SlackBot(SlackSettings settings, Parts parts) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(parts, "parts");
        this.redaction = new Redaction(settings.botToken(), settings.appToken(), settings.signingSecret());
        this.slack = Slack.getInstance(slackConfig(settings));
        AppConfig appConfig = appConfig(settings, slack);
        this.app = new App(appConfig, middleware(appConfig));
        app.asOAuthApp(false);
        this.background = new Background("charter-slack", 4, 1_000, redaction);
        this.lookups = new Background("charter-slack-lookup", 2, 100, redaction);
        this.messenger = new SlackChannelMessenger(slack, settings.botToken(), renderer);

        SlackOutbox outbox = new SlackOutbox(slack, settings.botToken(), renderer, redaction, settings.apiUrl(), parts.apiErrors());
        WorkspaceAdmins admins = new WorkspaceAdmins(outbox, lookups, settings.adminCacheTtl());
        SlackLocales locales = new SlackLocales(outbox, settings.adminCacheTtl());
        this.platformEvents = parts.platformEvents();
        Interactions interactions = new Interactions(parts.converse(), parts.home(), parts.nudges(), admins, outbox, background, renderer,
                settings.apiTimeout());
        // Catch-all patterns: Bolt answers 404 (an error the person sees) to what no pattern matches.
        app.command(ANY, (request, ctx) -> settings.command().equals(request.getPayload().getCommand())
                ? safely("slash command", () -> interactions.command(request, ctx), true)
                : QuietAcks.ack("slash command of another app"));
        app.blockAction(ANY, (request, ctx) -> safely("button", () -> interactions.blockAction(request, ctx), false));
        app.viewSubmission(ANY, (request, ctx) -> NudgeModal.CALLBACK_ID.equals(request.getPayload().getView().getCallbackId())
                ? safely("nudge form", () -> interactions.viewSubmission(request, ctx), true)
                : QuietAcks.ack("view_submission of another view"));
        app.messageShortcut(ANY, (request, ctx) -> {
            Language language = CHECK_SHORTCUTS.get(String.valueOf(request.getPayload().getCallbackId()));
            return language != null
                    ? safely("check shortcut", () -> interactions.messageShortcut(request, ctx, language), true)
                    : QuietAcks.ack("message shortcut of another app");
        });
        QuietAcks.register(app);
        new Events(parts, admins, locales, outbox, background, renderer).register(app);
    }

    private static SlackConfig slackConfig(SlackSettings settings) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        int timeout = (int) settings.apiTimeout().toMillis();
        config.setHttpClientCallTimeoutMillis(timeout);
        config.setHttpClientReadTimeoutMillis(timeout);
        config.setHttpClientWriteTimeoutMillis(timeout);
        config.setPrettyResponseLoggingEnabled(false);
        // The client's metrics would call auth.test before the first call of each token, and again
        // before every call while auth.test fails: an extra Web API call on the request path.
        config.setStatsEnabled(false);
        return config;
    }

    private static AppConfig appConfig(SlackSettings settings, Slack slack) {
        return AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(settings.botToken())
                // Without a signing secret (Socket Mode only), Bolt would check HTTP requests against a
                // well-known placeholder: a random secret nobody knows rejects every HTTP request instead.
                .signingSecret(settings.httpMode() ? settings.signingSecret() : randomSecret())
                // Every AppConfig default below would otherwise come from environment variables.
                .verificationToken(null)
                .clientId(null)
                .clientSecret(null)
                .redirectUri(null)
                .scope(null)
                .userScope(null)
                // Self events are filtered by the handlers; Bolt's filter would call bots.info on the request path.
                .ignoringSelfEventsEnabled(false)
                // Events without a handler (message subtypes...) are acknowledged, so Slack does not retry them.
                .allEventsApiAutoAckEnabled(true)
                .unmatchedRequestHandler(QuietAcks::unmatched)
                .threadPoolSize(1)
                .build();
    }

    /**
     * Bolt's default middleware, but with signatures computed over UTF-8 ({@link Utf8SignatureGenerator})
     * and {@code auth.test} called on the first request that needs it, its answer kept ({@link KeptAuthTest}).
     */
    private static List<Middleware> middleware(AppConfig config) {
        List<Middleware> middleware = new ArrayList<>();
        middleware.add(new SSLCheck(config.getVerificationToken()));
        middleware.add(new RequestVerification(new SlackSignature.Verifier(new Utf8SignatureGenerator(config.getSigningSecret()))));
        middleware.add(new KeptAuthTest(config));
        return middleware;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Runs a handler; an exception is logged (masked) and answered with a short HTTP 500 body when
     * {@code errorStatus}, else with a plain acknowledgement (a click whose work failed).
     */
    private Response safely(String what, Callable<Response> handler, boolean errorStatus) {
        try {
            return handler.call();
        } catch (Exception e) {
            log.error("Slack {} failed: {}", what, redaction.describe(e));
            return errorStatus ? Response.json(500, INTERNAL_ERROR) : Response.ok();
        }
    }

    /** The Bolt app, to serve with {@link SlackEventsServlet} or to drive directly. */
    public App app() {
        return app;
    }

    /** What {@link SlackEventsServlet} tells of payloads Bolt has no request type for. */
    PlatformEvents platformEvents() {
        return platformEvents;
    }

    /** Posts scheduled nudges with the same Slack client and bot token as the handlers. */
    public ChannelMessenger messenger() {
        return messenger;
    }

    /** Whether no background work is queued or running (for tests). */
    boolean idle() {
        return background.idle();
    }

    /** The settings the bot runs with. */
    public SlackSettings settings() {
        return settings;
    }

    /**
     * Connects over Socket Mode (Java-WebSocket backend) and returns without blocking; Bolt
     * reconnects by itself. Calls {@code auth.test} and {@code apps.connections.open} first.
     *
     * @throws IllegalStateException without an app token, when closed, or when Slack refuses the connection
     */
    public synchronized void startSocketMode() {
        if (!settings.socketMode()) {
            throw new IllegalStateException("Socket Mode needs an app token (xapp-...) in the Slack settings");
        }
        if (closed.get()) {
            throw new IllegalStateException("this Slack bot is closed");
        }
        if (socketMode != null) {
            return;
        }
        try {
            SocketModeApp started = new SocketModeApp(settings.appToken(), SocketModeClient.Backend.JavaWebSocket, errorContext -> {
                log.error("Slack Socket Mode request failed: {}", redaction.describe(errorContext.getException()));
                return null;
            }, app);
            started.startAsync();
            socketMode = started;
        } catch (Exception e) {
            throw new IllegalStateException("Socket Mode did not start: " + redaction.describe(e));
        }
    }

    /** Stops Socket Mode and the background work; idempotent. */
    @Override
    public synchronized void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (socketMode != null) {
            try {
                socketMode.close();
            } catch (Exception e) {
                log.warn("Slack Socket Mode did not stop cleanly: {}", redaction.describe(e));
            }
            socketMode = null;
        }
        background.close();
        lookups.close();
        app.stop();
        app.executorService().shutdown();
    }

    @Override
    public String toString() {
        return "SlackBot[" + settings + "]";
    }
}
