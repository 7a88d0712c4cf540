package com.charterbot.app.ops;

import com.charterbot.app.charter.CharterProperties;
import com.charterbot.app.charter.CharterReloader;
import com.charterbot.app.nudge.SchedulerLifecycle;
import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.chat.PlatformApiErrors;
import com.charterbot.core.chat.PlatformEvents;
import com.charterbot.core.nudge.ChannelStore;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * What operators see of the bot: the {@code charter} and {@code scheduler} health indicators (in
 * the readiness group with the database), the charter in {@code /actuator/info}, the bot's metrics
 * and the correlation id of each request. The endpoints themselves, on the management port, are
 * configured in {@code application.yaml}.
 */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

    /** How often the paused-channels gauge counts in the database, whatever the scrape rate. */
    static final Duration PAUSED_CHANNELS_REFRESH = Duration.ofSeconds(30);

    @Bean
    BotMetrics botMetrics(MeterRegistry registry) {
        return new BotMetrics(registry);
    }

    /** Errors the platforms answer to replies go to the same counter as those answered to nudges. */
    @Bean
    PlatformApiErrors platformApiErrors(BotMetrics metrics) {
        return metrics::platformError;
    }

    /** What the platforms say about the bot itself (Slack's app_rate_limited) is counted. */
    @Bean
    PlatformEvents platformEvents(BotMetrics metrics) {
        return metrics::eventsRateLimited;
    }

    @Bean
    PausedChannelsGauge pausedChannelsGauge(ObjectProvider<ChannelStore> channels, Clock clock) {
        return new PausedChannelsGauge(() -> channels.getObject().countPaused(), clock, PAUSED_CHANNELS_REFRESH);
    }

    /** {@code charter_ready}: the readiness group's status as a metric, for the dashboard and the not-ready alert. */
    @Bean
    ReadinessGauge readinessGauge(ObjectProvider<HealthEndpoint> health) {
        return new ReadinessGauge(() -> health.getObject().healthForPath("readiness"));
    }

    @Bean
    HealthIndicator charterHealthIndicator(
            AnswerEngine engine, CharterReloader reloader, CharterProperties properties) {
        return new CharterHealthIndicator(engine, reloader, properties.folder() == null);
    }

    @Bean
    HealthIndicator schedulerHealthIndicator(ObjectProvider<SchedulerLifecycle> scheduler) {
        return new SchedulerHealthIndicator(scheduler::getIfAvailable);
    }

    @Bean
    InfoContributor charterInfoContributor(AnswerEngine engine, CharterProperties properties) {
        return new CharterInfoContributor(engine, properties.folder() == null);
    }

    /** First of all filters, so that everything logged while handling a request carries its id. */
    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setName("requestId");
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
