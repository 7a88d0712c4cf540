package com.charterbot.app.slack;

import com.charterbot.app.nudge.PlatformChannelMessenger;
import com.charterbot.core.chat.Converse;
import com.charterbot.core.chat.Platform;
import com.charterbot.core.chat.PlatformApiErrors;
import com.charterbot.core.chat.PlatformEvents;
import com.charterbot.core.chat.RepliedMessages;
import com.charterbot.core.chat.SeenEvents;
import com.charterbot.core.home.ShowHome;
import com.charterbot.core.nudge.ChannelMembership;
import com.charterbot.core.nudge.EditNudges;
import com.charterbot.slack.SlackBareServlet;
import com.charterbot.slack.SlackBot;
import com.charterbot.slack.SlackEventsServlet;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Wires the Slack adapter when a bot token is configured: the Bolt app over the conversation, the
 * {@code POST /slack/events} endpoint (HTTP mode, with a signing secret) or a Socket Mode
 * connection (with an app token), and the messenger that posts scheduled nudges to Slack
 * channels. Without a token nothing Slack-related starts, and the log says so once.
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
                LOG.info("Slack adapter off: no bot token (set SLACK_BOT_TOKEN or charter.slack.bot-token to turn it on)");
            } else if (properties.settings().socketMode()) {
                LOG.info("Slack adapter on, in Socket Mode (no public URL needed)");
            } else {
                LOG.info("Slack adapter on, in HTTP mode: Slack sends requests to {}", EVENTS_PATH);
            }
        };
    }

    @Bean(destroyMethod = "close")
    @Conditional(SlackEnabled.class)
    SlackBot slackBot(SlackProperties properties, Converse converse, ChannelMembership membership, ShowHome home, EditNudges nudges,
            SeenEvents seen, Clock clock, PlatformApiErrors apiErrors, RepliedMessages replies, PlatformEvents platformEvents) {
        return new SlackBot(properties.settings(), new SlackBot.Parts(converse, membership, home, nudges, seen, clock, apiErrors, replies,
                platformEvents));
    }

    @Bean
    @Conditional(SlackEnabled.class)
    PlatformChannelMessenger slackMessenger(SlackBot bot) {
        return new PlatformChannelMessenger(Platform.SLACK, bot.messenger());
    }

    @Bean
    @Conditional(SlackHttpMode.class)
    ServletRegistrationBean<SlackEventsServlet> slackEvents(SlackBot bot) {
        ServletRegistrationBean<SlackEventsServlet> registration = new ServletRegistrationBean<>(new SlackEventsServlet(bot), EVENTS_PATH);
        registration.setName("slackEvents");
        return registration;
    }

    @Bean
    @Conditional(SlackHttpMode.class)
    @ConditionalOnProperty(name = "charter.slack.bench-endpoint", havingValue = "true")
    ServletRegistrationBean<SlackBareServlet> slackBenchBaseline(SlackProperties properties) {
        LOG.warn("{} is exposed (charter.slack.bench-endpoint=true): a benchmark endpoint, keep it off in production", BENCH_PATH);
        ServletRegistrationBean<SlackBareServlet> registration = new ServletRegistrationBean<>(new SlackBareServlet(properties.settings()), BENCH_PATH);
        registration.setName("slackBenchBaseline");
        return registration;
    }

    /** Keeps the Socket Mode connection, once the application is up; the first to stop on shutdown. */
    @Bean
    @Conditional(SlackSocketMode.class)
    SocketModeLifecycle slackSocketMode(SlackBot bot, Clock clock) {
        return new SocketModeLifecycle(new SocketModeLifecycle.Connection() {
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
        }, SocketModeLifecycle.BACKOFF, CONNECTION_CHECK, clock);
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
        return registry -> Gauge.builder("charter.slack.connected", socketMode, lifecycle -> lifecycle.state().connected() ? 1 : 0)
                .description("1 while the Slack Socket Mode connection is up, 0 while it is not")
                .register(registry);
    }

    /** A bot token is configured. */
    static final class SlackEnabled implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !context.getEnvironment().getProperty("charter.slack.bot-token", "").isBlank();
        }
    }

    /** A bot token and an app token: the bot connects to Slack over Socket Mode. */
    static final class SlackSocketMode implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return new SlackEnabled().matches(context, metadata) && !context.getEnvironment().getProperty("charter.slack.app-token", "").isBlank();
        }
    }

    /** A bot token and no app token: Slack reaches the bot over HTTP. */
    static final class SlackHttpMode implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return new SlackEnabled().matches(context, metadata) && context.getEnvironment().getProperty("charter.slack.app-token", "").isBlank();
        }
    }
}
