package com.charterbot.app.slack;

import com.charterbot.app.experts.PlatformExpertsMessenger;
import com.charterbot.app.nudge.PlatformChannelMessenger;
import com.charterbot.app.nudge.RetentionHook;
import com.charterbot.core.chat.Converse;
import com.charterbot.core.chat.PlatformApiErrors;
import com.charterbot.core.chat.PlatformEvents;
import com.charterbot.core.chat.RepliedMessages;
import com.charterbot.core.chat.SeenEvents;
import com.charterbot.core.home.ShowHome;
import com.charterbot.core.nudge.ChannelMembership;
import com.charterbot.core.nudge.EditNudges;
import com.charterbot.core.values.Platform;
import com.charterbot.slack.SlackBareServlet;
import com.charterbot.slack.SlackBot;
import com.charterbot.slack.SlackEventsServlet;
import com.charterbot.slack.SlackOAuthServlet;
import com.charterbot.slack.SlackSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Wires the Slack adapter when a bot token (one workspace) or a client id (installs through OAuth)
 * is configured: the Bolt app over the conversation, the {@code POST /slack/events} endpoint (HTTP
 * mode, with a signing secret) or a Socket Mode connection (with an app token), and the messenger
 * that posts scheduled nudges to Slack channels. Installed through OAuth it also serves
 * {@code GET /slack/install} and {@code GET /slack/oauth_redirect}, keeps installations in the
 * database with their tokens encrypted (and refuses to start without the encryption key), and
 * purges used OAuth states. Without either nothing Slack-related starts, and the log says so once.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlackProperties.class)
class SlackConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SlackConfiguration.class);

    /** Where Slack sends slash commands, interactivity and events in HTTP mode. */
    static final String EVENTS_PATH = "/slack/events";
    /** The benchmark's baseline: the signature check alone. */
    static final String BENCH_PATH = "/slack/bench-bare";
    /** How often the Socket Mode connection is checked once it is up. */
    static final Duration CONNECTION_CHECK = Duration.ofSeconds(15);

    @Bean
    ApplicationRunner slackStatus(SlackProperties properties) {
        return arguments -> {
            if (!properties.enabled()) {
                LOG.info(
                        "Slack adapter off: no bot token and no client id (set SLACK_BOT_TOKEN for one workspace, or SLACK_CLIENT_ID, "
                                + "SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for installs through OAuth)");
                return;
            }
            String installs = properties.distributed()
                    ? "installed through OAuth from " + SlackSettings.Distribution.INSTALL_PATH
                            + " (any number of workspaces)"
                    : "for one workspace (its bot token)";
            if (properties.settings().socketMode()) {
                LOG.info("Slack adapter on, in Socket Mode (no public URL needed for events), {}", installs);
            } else {
                LOG.info("Slack adapter on, in HTTP mode: Slack sends requests to {}; {}", EVENTS_PATH, installs);
            }
        };
    }

    @Bean(destroyMethod = "close")
    @Conditional(SlackEnabled.class)
    SlackBot slackBot(
            SlackProperties properties,
            Converse converse,
            ChannelMembership membership,
            ShowHome home,
            EditNudges nudges,
            SeenEvents seen,
            Clock clock,
            PlatformApiErrors apiErrors,
            RepliedMessages replies,
            PlatformEvents platformEvents,
            ObjectProvider<JdbcSlackInstallations> installations,
            ObjectProvider<JdbcOAuthStates> states) {
        SlackSettings settings = properties.settings();
        SlackBot.Stores stores =
                settings.distributed() ? new SlackBot.Stores(installations.getObject(), states.getObject()) : null;
        return new SlackBot(
                settings,
                new SlackBot.Parts(converse, membership, home, nudges, seen, clock, apiErrors, replies, platformEvents),
                stores);
    }

    /**
     * The installations, tokens encrypted under {@code charter.slack.token-encryption-key}: without
     * a valid key the application does not start (a distributed app would otherwise keep tokens in
     * plaintext). Tokens stored under a previous key are written again under the current one.
     */
    @Bean
    @DependsOnDatabaseInitialization
    @Conditional(SlackDistributed.class)
    JdbcSlackInstallations slackInstallations(DataSource dataSource, SlackProperties properties, Clock clock) {
        TokenCipher cipher;
        try {
            cipher = new TokenCipher(properties.tokenEncryptionKey(), properties.tokenEncryptionPreviousKeys());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "Slack installs through OAuth keep every workspace's bot token in the database, encrypted: "
                            + e.getMessage()
                            + ". Set CHARTER_SLACK_TOKENENCRYPTIONKEY (the Helm chart reads it from the Secret's "
                            + "slack-token-encryption-key).");
        }
        JdbcSlackInstallations installations = new JdbcSlackInstallations(dataSource, cipher, clock);
        if (!properties.tokenEncryptionPreviousKeys().isEmpty()) {
            int written = installations.reencrypt();
            LOG.info(
                    "Slack tokens encrypted with a previous key written again with the current one: {} installation(s)",
                    written);
        }
        return installations;
    }

    @Bean
    @DependsOnDatabaseInitialization
    @Conditional(SlackDistributed.class)
    JdbcOAuthStates slackOAuthStates(DataSource dataSource) {
        return new JdbcOAuthStates(dataSource);
    }

    /** Forgets used OAuth states once expired: a state cannot be used after that anyway. */
    @Bean
    @Conditional(SlackDistributed.class)
    RetentionHook slackOAuthStateRetention(JdbcOAuthStates states) {
        return RetentionHook.of("expired Slack OAuth states", states::purgeBefore);
    }

    /** The install page and the redirect URL: GET only, answered by Bolt's OAuth flow. */
    @Bean
    @Conditional(SlackDistributed.class)
    ServletRegistrationBean<SlackOAuthServlet> slackInstall(SlackBot bot) {
        ServletRegistrationBean<SlackOAuthServlet> registration = new ServletRegistrationBean<>(
                new SlackOAuthServlet(bot),
                SlackSettings.Distribution.INSTALL_PATH,
                SlackSettings.Distribution.REDIRECT_PATH);
        registration.setName("slackInstall");
        return registration;
    }

    @Bean
    @Conditional(SlackEnabled.class)
    PlatformChannelMessenger slackMessenger(SlackBot bot) {
        return new PlatformChannelMessenger(Platform.SLACK, bot.messenger());
    }

    @Bean
    @Conditional(SlackEnabled.class)
    PlatformExpertsMessenger slackExpertsMessenger(SlackBot bot) {
        return new PlatformExpertsMessenger(Platform.SLACK, bot.expertsMessenger());
    }

    @Bean
    @Conditional(SlackHttpMode.class)
    ServletRegistrationBean<SlackEventsServlet> slackEvents(SlackBot bot) {
        ServletRegistrationBean<SlackEventsServlet> registration =
                new ServletRegistrationBean<>(new SlackEventsServlet(bot), EVENTS_PATH);
        registration.setName("slackEvents");
        return registration;
    }

    @Bean
    @Conditional(SlackHttpMode.class)
    @ConditionalOnProperty(name = "charter.slack.bench-endpoint", havingValue = "true")
    ServletRegistrationBean<SlackBareServlet> slackBenchBaseline(SlackProperties properties) {
        LOG.warn(
                "{} is exposed (charter.slack.bench-endpoint=true): a benchmark endpoint, keep it off in production",
                BENCH_PATH);
        ServletRegistrationBean<SlackBareServlet> registration =
                new ServletRegistrationBean<>(new SlackBareServlet(properties.settings()), BENCH_PATH);
        registration.setName("slackBenchBaseline");
        return registration;
    }

    /** Keeps the Socket Mode connection, once the application is up; the first to stop on shutdown. */
    @Bean
    @Conditional(SlackSocketMode.class)
    SocketModeLifecycle slackSocketMode(SlackBot bot, Clock clock) {
        return new SocketModeLifecycle(
                new SocketModeLifecycle.Connection() {
                    @Override
                    public void start() {
                        bot.startSocketMode();
                    }

                    @Override
                    public boolean connected() {
                        return bot.socketModeConnected();
                    }

                    @Override
                    public Optional<String> problem() {
                        return bot.socketModeProblem();
                    }

                    @Override
                    public void close() {
                        bot.close();
                    }
                },
                SocketModeLifecycle.BACKOFF,
                CONNECTION_CHECK,
                clock);
    }

    /** "slack" in /actuator/health: whether the Socket Mode connection is up (not part of readiness). */
    @Bean
    @Conditional(SlackSocketMode.class)
    HealthIndicator slackHealthIndicator(SocketModeLifecycle socketMode) {
        return new SlackHealthIndicator(socketMode);
    }

    /** {@code charter_slack_connected}: 1 while the Socket Mode connection is up, 0 while it is not. */
    @Bean
    @Conditional(SlackSocketMode.class)
    MeterBinder slackConnectedGauge(SocketModeLifecycle socketMode) {
        return registry -> Gauge.builder(
                        "charter.slack.connected",
                        socketMode,
                        lifecycle -> lifecycle.state().connected() ? 1 : 0)
                .description("1 while the Slack Socket Mode connection is up, 0 while it is not")
                .register(registry);
    }

    /** A bot token or a client id is configured. */
    static final class SlackEnabled implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !context.getEnvironment()
                            .getProperty("charter.slack.bot-token", "")
                            .isBlank()
                    || new SlackDistributed().matches(context, metadata);
        }
    }

    /** A client id is configured: workspaces install the app through OAuth. */
    static final class SlackDistributed implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !context.getEnvironment()
                    .getProperty("charter.slack.client-id", "")
                    .isBlank();
        }
    }

    /** A bot token and an app token: the bot connects to Slack over Socket Mode. */
    static final class SlackSocketMode implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return new SlackEnabled().matches(context, metadata)
                    && !context.getEnvironment()
                            .getProperty("charter.slack.app-token", "")
                            .isBlank();
        }
    }

    /** A bot token and no app token: Slack reaches the bot over HTTP. */
    static final class SlackHttpMode implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return new SlackEnabled().matches(context, metadata)
                    && context.getEnvironment()
                            .getProperty("charter.slack.app-token", "")
                            .isBlank();
        }
    }
}
