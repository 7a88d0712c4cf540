package com.charterbot.teams;

import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import com.microsoft.bot.integration.Configuration;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bot Framework adapter of the bot, built from {@link TeamsSettings}: what the endpoint
 * ({@link TeamsMessagesServlet}) and the proactive sends ({@link TeamsChannelMessenger}) share.
 * It keeps the SDK's types inside this module. Thread-safe.
 */
public final class TeamsAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsAdapter.class);

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
            LOG.warn("""
                    ***************************************************************************************
                    Microsoft Teams authentication is OFF: no app id is configured, so /api/messages accepts
                    activities from anyone. Use this only locally with the Bot Framework Emulator; set
                    MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID everywhere else.
                    ***************************************************************************************""");
        }
        return new TeamsAdapter(new TenantAdapter(configuration(settings), settings), settings);
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

    /** Gets connector tokens from the registration's own tenant when it is single-tenant. */
    private static final class TenantAdapter extends BotFrameworkHttpAdapter {

        private final TeamsSettings settings;

        TenantAdapter(Configuration configuration, TeamsSettings settings) {
            super(configuration);
            this.settings = settings;
        }

        @Override
        protected CompletableFuture<AppCredentials> buildAppCredentials(String appId, String scope) {
            if (settings.tenantId().isEmpty() || !settings.appId().equals(appId)) {
                return super.buildAppCredentials(appId, scope);
            }
            return CompletableFuture.completedFuture(
                    new MicrosoftAppCredentials(settings.appId(), settings.appPassword(), settings.tenantId(), scope));
        }
    }
}
