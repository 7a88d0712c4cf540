package com.charterbot.teams;

import com.charterbot.core.net.NoDelaySockets;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import com.microsoft.bot.integration.Configuration;
import com.microsoft.bot.restclient.RestClient;
import com.microsoft.bot.restclient.ServiceResponseBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Retrofit;

/**
 * The Bot Framework adapter of the bot, built from {@link TeamsSettings}: what the endpoint
 * ({@link TeamsMessagesServlet}) and the proactive sends ({@link TeamsChannelMessenger}) share.
 * It keeps the SDK's types inside this module. Thread-safe.
 */
public final class TeamsAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsAdapter.class);

    /**
     * Calls in flight at once through one connector client (one service URL and credentials),
     * replies and proactive sends together. The SDK's clients keep OkHttp's default of 5 per host:
     * one slow connector call then held up the replies of every conversation behind it (found by
     * bench/rehearsal). OkHttp's overall default, 64, is the same as this.
     */
    static final int CONNECTOR_REQUESTS_PER_HOST = 64;

    /**
     * How long a call to the Bot Connector may wait for its answer once sent (the SDK's default is
     * 120 s). A call that times out then was received whole: see {@link UnansweredCalls}.
     */
    static final Duration CONNECTOR_READ_TIMEOUT = Duration.ofSeconds(30);

    /** How long connecting to the Bot Connector may take (the SDK's default is 60 s). */
    static final Duration CONNECTOR_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** How long the start-up token fetch may take. */
    private static final Duration TOKEN_WAIT = Duration.ofSeconds(60);

    private final BotFrameworkHttpAdapter botFramework;
    private final TeamsSettings settings;

    private TeamsAdapter(BotFrameworkHttpAdapter botFramework, TeamsSettings settings) {
        this.botFramework = botFramework;
        this.settings = settings;
    }

    /**
     * An adapter that validates incoming tokens for the settings' app id (none when it is empty),
     * against the settings' OpenID metadata URL when one is set, and gets its own tokens for the
     * connector from the settings' tenant (single-tenant registration) or from the Bot Framework's
     * (multi-tenant).
     *
     * <p>Note: the SDK keeps the OpenID metadata URL in a static field, so an override applies to
     * every adapter of the JVM.
     */
    public static TeamsAdapter create(TeamsSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (!settings.authenticationEnabled()) {
            LOG.warn(
                    "Microsoft Teams authentication is OFF: no app id is configured, so /api/messages accepts activities from "
                            + "anyone; fine locally with the Bot Framework Emulator, anywhere else set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD "
                            + "and MICROSOFT_APP_TENANT_ID (or CHARTER_TEAMS_ENABLED=false)");
        }
        return create(settings, TenantCredentials.MICROSOFT, CONNECTOR_READ_TIMEOUT);
    }

    /** {@link #create(TeamsSettings)} with another maker of the tenant's credentials and read timeout (tests). */
    static TeamsAdapter create(TeamsSettings settings, TenantCredentials credentials, Duration connectorReadTimeout) {
        TenantAdapter adapter = new TenantAdapter(configuration(settings), settings, credentials, connectorReadTimeout);
        adapter.fetchTokenInBackground();
        return new TeamsAdapter(adapter, settings);
    }

    /** Makes the credentials a single-tenant registration gets its connector tokens with, for one OAuth scope. */
    @FunctionalInterface
    interface TenantCredentials {

        TenantCredentials MICROSOFT = (settings, scope) ->
                new MicrosoftAppCredentials(settings.appId(), settings.appPassword(), settings.tenantId(), scope);

        AppCredentials create(TeamsSettings settings, String scope);
    }

    /** The settings it was built from. */
    public TeamsSettings settings() {
        return settings;
    }

    BotFrameworkHttpAdapter botFramework() {
        return botFramework;
    }

    @Override
    public String toString() {
        return "TeamsAdapter[" + settings + "]";
    }

    private static Configuration configuration(TeamsSettings settings) {
        Properties properties = new Properties();
        properties.setProperty(MicrosoftAppCredentials.MICROSOFTAPPID, settings.appId());
        properties.setProperty(MicrosoftAppCredentials.MICROSOFTAPPPASSWORD, settings.appPassword());
        if (!settings.openIdMetadataUrl().isEmpty()) {
            properties.setProperty("BotOpenIdMetadata", settings.openIdMetadataUrl());
        }
        return new Configuration() {
            @Override
            public String getProperty(String key) {
                return properties.getProperty(key);
            }

            @Override
            public Properties getProperties() {
                Properties copy = new Properties();
                copy.putAll(properties);
                return copy;
            }

            @Override
            public String[] getProperties(String key) {
                String value = properties.getProperty(key);
                return value == null ? null : value.split(",");
            }

            @Override
            public String toString() {
                return "TeamsConfiguration[" + settings + "]";
            }
        };
    }

    /** The client that posts to one service URL: the SDK's default, not capped at OkHttp's 5 calls per host, with Nagle off. */
    static ConnectorClient connector(String serviceUrl, AppCredentials credentials, Duration readTimeout) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequestsPerHost(CONNECTOR_REQUESTS_PER_HOST);
        String baseUrl;
        try {
            baseUrl = new URI(serviceUrl).toURL().toString();
        } catch (Exception e) {
            throw new IllegalArgumentException("not a service URL", e);
        }
        // RestConnectorClient.getDefaultRestClientBuilder, plus the listener, dispatcher, timeouts, a plain mapper and
        // Nagle off
        // (NoDelaySockets: a reply card over 8 KiB otherwise waits for a delayed acknowledgement).
        return new RestConnectorClient(new RestClient.Builder(
                        new OkHttpClient.Builder()
                                .eventListenerFactory(UnansweredCalls.FACTORY)
                                .socketFactory(NoDelaySockets.INSTANCE),
                        new Retrofit.Builder())
                .withBaseUrl(baseUrl)
                .withCredentials(credentials)
                .withSerializerAdapter(new PlainJacksonAdapter())
                .withResponseBuilderFactory(new ServiceResponseBuilder.Factory())
                .withDispatcher(dispatcher)
                .withReadTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .withConnectionTimeout(CONNECTOR_CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .build());
    }

    /**
     * Gets connector tokens from the registration's own tenant when it is single-tenant (the first
     * one at start-up), and makes connector clients that allow {@link #CONNECTOR_REQUESTS_PER_HOST}
     * calls at once.
     */
    private static final class TenantAdapter extends BotFrameworkHttpAdapter {

        private final TeamsSettings settings;
        private final TenantCredentials makeCredentials;
        private final Duration readTimeout;
        private final Map<String, ConnectorClient> connectors = new ConcurrentHashMap<>();
        private final Map<String, AppCredentials> credentials = new ConcurrentHashMap<>();

        TenantAdapter(
                Configuration configuration,
                TeamsSettings settings,
                TenantCredentials makeCredentials,
                Duration readTimeout) {
            super(configuration);
            this.settings = settings;
            this.makeCredentials = makeCredentials;
            this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
        }

        /**
         * Gets the Bot Connector token of a single-tenant registration now, on a thread of its own,
         * instead of on the first replies after start-up: they would all wait for it (and each ask
         * for one), several seconds on a busy replica (found by bench/rehearsal after a restart).
         * A failure only means the first reply asks again.
         */
        void fetchTokenInBackground() {
            if (!settings.authenticationEnabled() || settings.tenantId().isEmpty()) {
                return;
            }
            Thread fetch = new Thread(
                    () -> {
                        try {
                            tenantCredentials(AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE)
                                    .getToken()
                                    .get(TOKEN_WAIT.toSeconds(), TimeUnit.SECONDS);
                            LOG.info("Bot Connector token obtained at start-up");
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } catch (Exception e) {
                            LOG.warn(
                                    "no Bot Connector token at start-up ({}); the first reply asks again",
                                    e.getClass().getSimpleName());
                        }
                    },
                    "teams-token-at-start-up");
            fetch.setDaemon(true);
            fetch.start();
        }

        /** One credentials object per scope, so the token fetched at start-up is the one the replies use. */
        private AppCredentials tenantCredentials(String scope) {
            return credentials.computeIfAbsent(
                    scope == null ? "" : scope, key -> makeCredentials.create(settings, scope));
        }

        /**
         * One client per service URL and credentials, as the SDK's own, but not capped at OkHttp's 5
         * calls per host, with shorter timeouts, and its calls watched by {@link UnansweredCalls}.
         */
        @Override
        protected CompletableFuture<ConnectorClient> getOrCreateConnectorClient(
                String serviceUrl, AppCredentials credentials) {
            String key = keyForConnectorClient(
                    serviceUrl,
                    credentials == null ? null : credentials.getAppId(),
                    credentials == null ? null : credentials.oAuthScope());
            try {
                return CompletableFuture.completedFuture(connectors.computeIfAbsent(
                        key,
                        k -> connector(
                                serviceUrl,
                                credentials == null ? MicrosoftAppCredentials.empty() : credentials,
                                readTimeout)));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(new IllegalArgumentException("Invalid Service URL", e));
            }
        }

        @Override
        protected CompletableFuture<AppCredentials> buildAppCredentials(String appId, String scope) {
            if (settings.tenantId().isEmpty() || !settings.appId().equals(appId)) {
                return super.buildAppCredentials(appId, scope);
            }
            return CompletableFuture.completedFuture(tenantCredentials(scope));
        }
    }
}
