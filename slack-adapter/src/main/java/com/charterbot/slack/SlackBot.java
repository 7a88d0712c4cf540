package com.charterbot.slack;

import com.charterbot.core.chat.Converse;
import com.charterbot.core.chat.PlatformApiErrors;
import com.charterbot.core.chat.PlatformEvents;
import com.charterbot.core.chat.RepliedMessages;
import com.charterbot.core.chat.SeenEvents;
import com.charterbot.core.experts.ExpertsMessenger;
import com.charterbot.core.home.ShowHome;
import com.charterbot.core.net.NoDelaySockets;
import com.charterbot.core.nudge.ChannelMembership;
import com.charterbot.core.nudge.ChannelMessenger;
import com.charterbot.core.nudge.EditNudges;
import com.charterbot.core.values.Language;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.RequestVerification;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.apps.connections.AppsConnectionsOpenResponse;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.util.http.SlackHttpClient;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot on Slack: a Bolt {@link App} with every handler registered (slash command, buttons, the
 * nudge form, the message shortcuts that check a message with the charter, events), reachable over
 * HTTP through {@link SlackEventsServlet} and, with an app token, over Socket Mode
 * ({@link #startSocketMode()}).
 *
 * <p>Installed in one workspace with its bot token, or distributed: any number of workspaces and
 * Enterprise Grid organizations install it through Slack's OAuth flow (Bolt's own, served by
 * {@link SlackOAuthServlet}), their installations kept in an {@link InstallationStore}; every
 * request and every nudge then speaks with the token of the installation serving its workspace.
 *
 * <p>Nothing talks to Slack while the bot is built: {@code auth.test} is called on the first
 * request that needs a token and its answer kept (per token), which gives the bot's own user id.
 * Requests over HTTP must carry a valid Slack signature (Bolt's {@code RequestVerification}), else HTTP 401.
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
    public static final Map<String, Language> CHECK_SHORTCUTS =
            Map.of("charter.check", Language.EN, "charter.check.fr", Language.FR);

    /**
     * What the bot works with, from the core.
     *
     * @param seen remembers handled events across replicas, so that Slack's retries run once
     * @param clock dates the events recorded in {@code seen}
     * @param apiErrors told of each error the Web API or a {@code response_url} answers to a reply
     * @param replies which reply answered which message, so that an edited question's answer replaces it
     * @param platformEvents told when Slack holds events back ({@code app_rate_limited})
     */
    public record Parts(
            Converse converse,
            ChannelMembership membership,
            ShowHome home,
            EditNudges nudges,
            SeenEvents seen,
            Clock clock,
            PlatformApiErrors apiErrors,
            RepliedMessages replies,
            PlatformEvents platformEvents) {
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
    }

    /**
     * Where a distributed app keeps what the OAuth flow gives, shared by the replicas.
     *
     * @param installations the installations and their tokens
     * @param states the OAuth states already used
     */
    public record Stores(InstallationStore installations, OAuthStateStore states) {
        public Stores {
            Objects.requireNonNull(installations, "installations");
            Objects.requireNonNull(states, "states");
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
    private final ExpertsMessenger expertsMessenger;
    private final PlatformEvents platformEvents;
    private final AtomicBoolean closed = new AtomicBoolean();
    private SocketModeApp socketMode;

    /** Installed in one workspace with the settings' bot token. */
    public SlackBot(SlackSettings settings, Parts parts) {
        this(settings, parts, null);
    }

    /**
     * @param stores where installations are kept: required when the settings distribute the app
     *     through OAuth, unused otherwise
     */
    public SlackBot(SlackSettings settings, Parts parts, Stores stores) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(parts, "parts");
        SlackSettings.Distribution distribution = settings.distribution();
        if (distribution != null && stores == null) {
            throw new IllegalArgumentException(
                    "a Slack app installed through OAuth needs an installation store and an OAuth state store");
        }
        this.redaction = distribution == null
                ? new Redaction(settings.botToken(), settings.appToken(), settings.signingSecret())
                : new Redaction(
                        settings.appToken(),
                        settings.signingSecret(),
                        distribution.clientSecret(),
                        distribution.stateSecret());
        this.slack = slack(slackConfig(settings));
        InstallPages pages = new InstallPages();
        AppConfig appConfig = appConfig(settings, slack, pages);
        Installations installations = distribution == null
                ? null
                : new Installations(stores.installations(), slack, distribution, parts.clock(), redaction);
        this.app = new App(appConfig, middleware(appConfig, installations));
        if (installations == null) {
            app.asOAuthApp(false);
            this.messenger = new SlackChannelMessenger(slack, settings.botToken(), renderer);
            this.expertsMessenger =
                    new SlackExpertsMessenger(slack, BotTokens.fixed(settings.botToken()), renderer, redaction);
        } else {
            app.asOAuthApp(true);
            app.service(installations);
            app.service(new SignedOAuthStates(distribution.stateSecret(), stores.states(), parts.clock()));
            pages.register(app);
            this.messenger = new SlackChannelMessenger(slack, installations, renderer);
            this.expertsMessenger = new SlackExpertsMessenger(slack, installations, renderer, redaction);
        }
        this.background = new Background("charter-slack", 4, 1_000, redaction);
        this.lookups = new Background("charter-slack-lookup", 2, 100, redaction);

        SlackOutbox outbox = new SlackOutbox(slack, renderer, redaction, settings.apiUrl(), parts.apiErrors());
        WorkspaceAdmins admins = new WorkspaceAdmins(
                outbox,
                lookups,
                settings.adminCacheTtl(),
                installations == null ? enterprise -> Set.of() : installations::workspacesOf);
        SlackLocales locales = new SlackLocales(outbox, settings.adminCacheTtl());
        this.platformEvents = parts.platformEvents();
        SlackFiles files = new SlackFiles(outbox, settings.apiUrl(), parts.apiErrors());
        HomeTab homeTab = new HomeTab(parts.home(), admins, locales, outbox, renderer);
        Interactions interactions = new Interactions(
                parts.converse(),
                homeTab,
                parts.nudges(),
                admins,
                outbox,
                background,
                renderer,
                settings.apiTimeout(),
                files);
        // Catch-all patterns: Bolt answers 404 (an error the person sees) to what no pattern matches.
        app.command(
                ANY,
                (request, ctx) -> settings.command().equals(request.getPayload().getCommand())
                        ? safely("slash command", () -> interactions.command(request, ctx), true)
                        : QuietAcks.ack("slash command of another app"));
        app.blockAction(ANY, (request, ctx) -> safely("button", () -> interactions.blockAction(request, ctx), false));
        app.viewSubmission(ANY, (request, ctx) -> {
            String callback = request.getPayload().getView().getCallbackId();
            if (NudgeModal.CALLBACK_ID.equals(callback)) {
                return safely("nudge form", () -> interactions.viewSubmission(request, ctx), true);
            }
            return FormModal.handles(callback)
                    ? safely("form", () -> interactions.formSubmission(request, ctx), true)
                    : QuietAcks.ack("view_submission of another view");
        });
        app.messageShortcut(ANY, (request, ctx) -> {
            Language language =
                    CHECK_SHORTCUTS.get(String.valueOf(request.getPayload().getCallbackId()));
            return language != null
                    ? safely("check shortcut", () -> interactions.messageShortcut(request, ctx, language), true)
                    : QuietAcks.ack("message shortcut of another app");
        });
        QuietAcks.register(app);
        new Events(parts, admins, locales, outbox, background, homeTab, installations, files).register(app);
    }

    /** Slack's client as the SDK builds it from {@code config}, its sockets with Nagle off ({@link NoDelaySockets} says why). */
    static Slack slack(SlackConfig config) {
        OkHttpClient client = SlackHttpClient.buildOkHttpClient(config)
                .newBuilder()
                .socketFactory(NoDelaySockets.INSTANCE)
                .build();
        return Slack.getInstance(config, new SlackHttpClient(client));
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

    // Bolt 1.46 still reads the deprecated verification token and OAuth path names: each is set here, so that no
    // environment variable sets it instead.
    @SuppressWarnings("deprecation")
    private static AppConfig appConfig(SlackSettings settings, Slack slack, InstallPages pages) {
        SlackSettings.Distribution distribution = settings.distribution();
        boolean oauth = distribution != null;
        return AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(settings.botToken())
                // Without a signing secret (Socket Mode only), Bolt would check HTTP requests against a
                // well-known placeholder: a random secret nobody knows rejects every HTTP request instead.
                .signingSecret(settings.httpMode() ? settings.signingSecret() : randomSecret())
                // Every AppConfig default below would otherwise come from environment variables.
                .verificationToken(null)
                .clientId(oauth ? distribution.clientId() : null)
                .clientSecret(oauth ? distribution.clientSecret() : null)
                .redirectUri(oauth ? distribution.redirectUri() : null)
                .scope(oauth ? String.join(",", SlackSettings.Distribution.BOT_SCOPES) : null)
                .userScope(null)
                .oauthStartPath(SlackSettings.Distribution.INSTALL_PATH)
                .oauthInstallPath(SlackSettings.Distribution.INSTALL_PATH)
                .oauthCallbackPath(SlackSettings.Distribution.REDIRECT_PATH)
                .oauthRedirectUriPath(SlackSettings.Distribution.REDIRECT_PATH)
                .oauthCompletionUrl(null)
                .oauthCancellationUrl(null)
                .stateValidationEnabled(true)
                .oAuthInstallPageRenderer(pages)
                .oAuthRedirectUriPageRenderer(pages)
                .tokenRotationExpirationMillis(
                        oauth ? distribution.refreshBefore().toMillis() : 0)
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
     * and {@code auth.test} called on the first request that needs it for a token, its answer kept
     * ({@link KeptAuthTest} for one workspace, {@link KeptAuthTests} for installations).
     */
    @SuppressWarnings(
            "deprecation") // Bolt's SSLCheck still takes the verification token (null here: no legacy token check)
    private static List<Middleware> middleware(AppConfig config, Installations installations) {
        List<Middleware> middleware = new ArrayList<>();
        middleware.add(new SSLCheck(config.getVerificationToken()));
        middleware.add(new RequestVerification(
                new SlackSignature.Verifier(new Utf8SignatureGenerator(config.getSigningSecret()))));
        middleware.add(installations == null ? new KeptAuthTest(config) : new KeptAuthTests(config, installations));
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

    /** Posts scheduled nudges with the same Slack client as the handlers, with the token of each channel's workspace. */
    public ChannelMessenger messenger() {
        return messenger;
    }

    /** Sends the communications team's cards and answers with the same Slack client and tokens. */
    public ExpertsMessenger expertsMessenger() {
        return expertsMessenger;
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
     * Connects over Socket Mode (Java-WebSocket backend) and returns without blocking; once
     * connected, Bolt keeps the connection and reconnects by itself. Asks Slack for a connection
     * first ({@link #socketModeProblem()}), so that a refusal or an unreachable Slack fails here with
     * its cause, rather than deep inside Bolt.
     *
     * @throws IllegalStateException without an app token, when closed, or when Slack cannot be
     *     reached or refuses the connection; the message says why in one line, without secrets
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
        Optional<String> problem = socketModeProblem();
        if (problem.isPresent()) {
            throw new IllegalStateException(problem.get());
        }
        try {
            SocketModeApp started = new SocketModeApp(
                    settings.appToken(),
                    SocketModeClient.Backend.JavaWebSocket,
                    errorContext -> {
                        log.error(
                                "Slack Socket Mode request failed: {}",
                                redaction.describe(errorContext.getException()));
                        return null;
                    },
                    app);
            started.startAsync();
            socketMode = started;
        } catch (Exception e) {
            // Bolt's client is missing when Slack failed between the check above and Bolt's own request.
            throw new IllegalStateException("Slack Socket Mode did not start: " + redaction.describe(e));
        }
    }

    /**
     * Why Slack would not give this app a Socket Mode connection now, in one line without secrets
     * (Slack unreachable, the app token refused...); empty when it would. Asks Slack's
     * {@code apps.connections.open}, whose URL is then left unused.
     */
    public Optional<String> socketModeProblem() {
        try {
            AppsConnectionsOpenResponse response =
                    slack.methods().appsConnectionsOpen(r -> r.token(settings.appToken()));
            if (response.isOk()) {
                return Optional.empty();
            }
            String error = response.getError();
            String hint = switch (String.valueOf(error)) {
                case "invalid_auth", "not_authed", "token_revoked", "account_inactive" ->
                    ": the app-level token (SLACK_APP_TOKEN) is not valid; create one with the connections:write scope";
                case "not_allowed_token_type" ->
                    ": SLACK_APP_TOKEN must be an app-level token (xapp-...), not a bot token";
                default -> "";
            };
            return Optional.of("Slack refused the Socket Mode connection (" + error + ")" + hint);
        } catch (SlackApiException e) {
            return Optional.of(
                    "Slack answered HTTP " + e.getResponse().code() + " to the Socket Mode connection request");
        } catch (IOException e) {
            return Optional.of("cannot reach Slack at " + settings.apiUrl() + " (" + redaction.describe(e) + ")");
        } catch (RuntimeException e) {
            return Optional.of("the Socket Mode connection request failed (" + redaction.describe(e) + ")");
        }
    }

    /**
     * Whether the Socket Mode connection is open and answers a ping; may wait up to three seconds
     * for the answer, so call it off the request threads.
     */
    public boolean socketModeConnected() {
        SocketModeApp current;
        synchronized (this) {
            current = socketMode;
        }
        return current != null
                && current.getClient() != null
                && current.getClient().verifyConnection();
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
