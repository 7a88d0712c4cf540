package com.charterbot.app.teams;

import com.charterbot.app.experts.PlatformExpertsMessenger;
import com.charterbot.app.nudge.PlatformChannelMessenger;
import com.charterbot.app.startup.StartupRefusal;
import com.charterbot.core.chat.Converse;
import com.charterbot.core.chat.PlatformApiErrors;
import com.charterbot.core.chat.RepliedMessages;
import com.charterbot.core.chat.SeenEvents;
import com.charterbot.core.home.ShowHome;
import com.charterbot.core.nudge.ChannelMembership;
import com.charterbot.core.nudge.EditNudges;
import com.charterbot.core.values.Platform;
import com.charterbot.teams.AdaptiveCardRenderer;
import com.charterbot.teams.ConversationReferences;
import com.charterbot.teams.TeamsAdapter;
import com.charterbot.teams.TeamsBot;
import com.charterbot.teams.TeamsChannelMessenger;
import com.charterbot.teams.TeamsExpertsMessenger;
import com.charterbot.teams.TeamsMessagesServlet;
import com.charterbot.teams.TeamsSettings;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Wires Microsoft Teams: the Bot Framework messaging endpoint at {@code POST /api/messages}, the bot
 * over the core's conversation, the conversation references in the database, and the messenger the
 * nudge dispatcher uses for Teams channels. Off with {@code charter.teams.enabled=false}.
 *
 * <p>Without an app id, authentication is off (the Bot Framework Emulator's setup) and the adapter
 * logs so loudly; with the {@code prod} profile the application refuses to start that way.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "charter.teams", name = "enabled", havingValue = "true", matchIfMissing = true)
class TeamsConfiguration {

    /** The profiles in which the Teams endpoint must authenticate. */
    static final Profiles PRODUCTION = Profiles.of("prod | production");

    @Bean
    TeamsSettings teamsSettings(TeamsProperties properties, Environment environment) {
        TeamsSettings settings = new TeamsSettings(
                orEnvironment(properties.appId(), environment, "MICROSOFT_APP_ID"),
                orEnvironment(properties.appPassword(), environment, "MICROSOFT_APP_PASSWORD"),
                orEnvironment(properties.tenantId(), environment, "MICROSOFT_APP_TENANT_ID"),
                properties.allowedServiceUrls(),
                properties.openIdMetadataUrl());
        if (!settings.authenticationEnabled() && environment.acceptsProfiles(PRODUCTION)) {
            throw new StartupRefusal(
                    "Microsoft Teams is enabled without an app id, which would accept unauthenticated "
                            + "requests on /api/messages: the production profile refuses to start that way.",
                    "Set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID (or charter.teams.app-id, app-password, "
                            + "tenant-id), or turn Teams off with CHARTER_TEAMS_ENABLED=false.");
        }
        return settings;
    }

    private static String orEnvironment(String configured, Environment environment, String variable) {
        return configured.isEmpty() ? environment.getProperty(variable, "") : configured;
    }

    @Bean
    TeamsAdapter teamsAdapter(TeamsSettings settings) {
        return TeamsAdapter.create(settings);
    }

    @Bean
    ConversationReferences teamsConversationReferences(DataSource dataSource) {
        return new JdbcConversationReferences(dataSource);
    }

    @Bean
    AdaptiveCardRenderer adaptiveCardRenderer() {
        return new AdaptiveCardRenderer();
    }

    @Bean
    TeamsBot teamsBot(
            Converse converse,
            ChannelMembership membership,
            EditNudges editNudges,
            SeenEvents seenEvents,
            ObjectProvider<ShowHome> home,
            ConversationReferences teamsConversationReferences,
            TeamsSettings settings,
            AdaptiveCardRenderer adaptiveCardRenderer,
            Clock clock,
            PlatformApiErrors apiErrors,
            RepliedMessages replies) {
        return new TeamsBot(
                new TeamsBot.Parts(
                        converse,
                        membership,
                        editNudges,
                        seenEvents,
                        Optional.ofNullable(home.getIfAvailable()),
                        teamsConversationReferences,
                        clock,
                        apiErrors,
                        replies),
                settings,
                adaptiveCardRenderer,
                TeamsBot.ReplyRetry.DEFAULT);
    }

    @Bean
    ServletRegistrationBean<TeamsMessagesServlet> teamsMessagesServlet(
            TeamsAdapter teamsAdapter, TeamsBot teamsBot, TeamsProperties properties) {
        int maxBytes =
                (int) Math.min(Integer.MAX_VALUE, properties.maxRequestSize().toBytes());
        ServletRegistrationBean<TeamsMessagesServlet> registration = new ServletRegistrationBean<>(
                new TeamsMessagesServlet(teamsAdapter, teamsBot, maxBytes), "/api/messages");
        registration.setName("teamsMessages");
        return registration;
    }

    @Bean
    PlatformChannelMessenger teamsChannelMessenger(
            TeamsAdapter teamsAdapter,
            ConversationReferences teamsConversationReferences,
            AdaptiveCardRenderer adaptiveCardRenderer) {
        return new PlatformChannelMessenger(
                Platform.TEAMS,
                new TeamsChannelMessenger(
                        teamsAdapter,
                        teamsConversationReferences,
                        adaptiveCardRenderer,
                        TeamsChannelMessenger.DEFAULT_TIMEOUT));
    }

    @Bean
    PlatformExpertsMessenger teamsExpertsMessenger(
            TeamsAdapter teamsAdapter,
            ConversationReferences teamsConversationReferences,
            AdaptiveCardRenderer adaptiveCardRenderer) {
        return new PlatformExpertsMessenger(
                Platform.TEAMS,
                new TeamsExpertsMessenger(
                        teamsAdapter,
                        teamsConversationReferences,
                        adaptiveCardRenderer,
                        TeamsChannelMessenger.DEFAULT_TIMEOUT));
    }
}
