package com.charterbot.app.nudge;

import com.charterbot.core.nudge.NudgeDispatcher;
import com.charterbot.core.nudge.RetryPolicy;
import com.charterbot.core.nudge.SendPacing;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The persistent scheduler that sends the channels' nudges ({@code charter.scheduler.*}). Every
 * replica sharing the database runs one; the database makes sure each nudge goes out once.
 *
 * @param enabled whether this process runs the scheduler at all
 * @param name this replica's name in the task table; empty: the host name
 * @param plannerInterval how often due nudges are looked for
 * @param threads threads delivering nudges in this replica
 * @param pollingInterval how often this replica looks for due work scheduled by the others
 * @param heartbeatInterval how often a replica proves it is alive while it works
 * @param missedHeartbeats after how many missed heartbeats another replica takes over its work (with
 *     the defaults, a replica killed mid-delivery has its work taken over after about a minute)
 * @param shutdownMaxWait how long a stopping replica lets running deliveries finish
 * @param tenantBudgetPerSecond messages per second per Slack workspace or Teams tenant, for the whole
 *     cluster (the replicas share one budget on the database), evenly paced, at most: see
 *     {@link #sendPacing()}
 * @param channelSpacing the least time between two messages to one channel
 * @param maxLimiterWait the longest budget wait a delivery sleeps; beyond it, it is rescheduled
 * @param firstNudgeGrace how late a never-nudged channel's first slot may still be planned
 * @param retry how failed sends are retried
 * @param retention the daily purge of old data
 */
@ConfigurationProperties("charter.scheduler")
public record NudgeSchedulerProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("") String name,
        @DefaultValue("30s") Duration plannerInterval,
        @DefaultValue("10") int threads,
        @DefaultValue("5s") Duration pollingInterval,
        @DefaultValue("10s") Duration heartbeatInterval,
        @DefaultValue("6") int missedHeartbeats,
        @DefaultValue("10s") Duration shutdownMaxWait,
        @DefaultValue("20") double tenantBudgetPerSecond,
        @DefaultValue("1100ms") Duration channelSpacing,
        @DefaultValue("2s") Duration maxLimiterWait,
        @DefaultValue("5m") Duration firstNudgeGrace,
        @DefaultValue Retry retry,
        @DefaultValue Retention retention) {

    public NudgeSchedulerProperties {
        Objects.requireNonNull(name, "name");
        requirePositive(plannerInterval, "planner-interval");
        requirePositive(pollingInterval, "polling-interval");
        requirePositive(heartbeatInterval, "heartbeat-interval");
        requirePositive(shutdownMaxWait, "shutdown-max-wait");
        requirePositive(firstNudgeGrace, "first-nudge-grace");
        Objects.requireNonNull(channelSpacing, "channelSpacing");
        Objects.requireNonNull(maxLimiterWait, "maxLimiterWait");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(retention, "retention");
        if (threads < 1) {
            throw new IllegalArgumentException("charter.scheduler.threads must be at least 1: " + threads);
        }
        if (missedHeartbeats < 4) {
            throw new IllegalArgumentException(
                    "charter.scheduler.missed-heartbeats must be at least 4: " + missedHeartbeats);
        }
        if (!(tenantBudgetPerSecond > 0)) {
            throw new IllegalArgumentException(
                    "charter.scheduler.tenant-budget-per-second must be positive: " + tenantBudgetPerSecond);
        }
    }

    /** The defaults, as if nothing were configured. */
    public static NudgeSchedulerProperties defaults() {
        return new NudgeSchedulerProperties(
                true,
                "",
                Duration.ofSeconds(30),
                10,
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                6,
                Duration.ofSeconds(10),
                20,
                Duration.ofMillis(1100),
                Duration.ofSeconds(2),
                Duration.ofMinutes(5),
                Retry.defaults(),
                Retention.defaults());
    }

    /**
     * The share of {@code tenant-budget-per-second} the pacing leaves unused. A message reaches the
     * platform some milliseconds after its slot, by an amount that varies (the thread's wake-up,
     * the HTTP call), so two messages booked one second apart can land in one second of the
     * platform's clock with every message booked between them: paced at exactly the budget, one
     * second holds one more than the budget ({@code bench/fanout} saw 101 at 100 a second on a
     * loaded machine). At 96% of it, a second holds more only when those delays differ by more
     * than 40 ms (at 98%, 20 ms: still 101 once in three quiet runs on two cores).
     */
    static final double PACING_MARGIN = 0.04;

    /** The send budget's rule: {@code tenant-budget-per-second} less {@link #PACING_MARGIN}, evenly, and the channel spacing. */
    public SendPacing sendPacing() {
        return SendPacing.evenly(tenantBudgetPerSecond * (1 - PACING_MARGIN), channelSpacing);
    }

    /** The dispatcher's settings. */
    public NudgeDispatcher.Settings dispatcherSettings() {
        return new NudgeDispatcher.Settings(retry.policy(), maxLimiterWait, firstNudgeGrace);
    }

    /**
     * See {@link RetryPolicy}.
     *
     * @param maxAttempts attempts in all, the first one included
     * @param baseDelay the wait after the first failure, doubled after each further one
     * @param maxDelay the longest wait between two attempts
     * @param jitter 0 to 1, the largest share of a wait taken off at random
     * @param rateLimitFloor the shortest wait after an HTTP 429
     * @param maxRateLimited how many 429s are retried without counting as failures
     */
    public record Retry(
            @DefaultValue("6") int maxAttempts,
            @DefaultValue("30s") Duration baseDelay,
            @DefaultValue("30m") Duration maxDelay,
            @DefaultValue("0.5") double jitter,
            @DefaultValue("1s") Duration rateLimitFloor,
            @DefaultValue("20") int maxRateLimited) {

        public Retry {
            policyOf(maxAttempts, baseDelay, maxDelay, jitter, rateLimitFloor, maxRateLimited);
        }

        public static Retry defaults() {
            RetryPolicy d = RetryPolicy.DEFAULT;
            return new Retry(
                    d.maxAttempts(), d.baseDelay(), d.maxDelay(), d.jitter(), d.rateLimitFloor(), d.maxRateLimited());
        }

        public RetryPolicy policy() {
            return policyOf(maxAttempts, baseDelay, maxDelay, jitter, rateLimitFloor, maxRateLimited);
        }

        private static RetryPolicy policyOf(
                int maxAttempts,
                Duration baseDelay,
                Duration maxDelay,
                double jitter,
                Duration rateLimitFloor,
                int maxRateLimited) {
            try {
                return new RetryPolicy(maxAttempts, baseDelay, maxDelay, jitter, rateLimitFloor, maxRateLimited);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("invalid charter.scheduler.retry: " + e.getMessage(), e);
            }
        }
    }

    /**
     * @param dailyAt when the daily purge runs, HH:mm in UTC
     * @param deliveries how long finished nudge deliveries are kept
     */
    public record Retention(
            @DefaultValue("03:30") String dailyAt,
            @DefaultValue("90d") Duration deliveries) {

        public Retention {
            Objects.requireNonNull(dailyAt, "dailyAt");
            time(dailyAt);
            requirePositive(deliveries, "retention.deliveries");
        }

        public static Retention defaults() {
            return new Retention("03:30", Duration.ofDays(90));
        }

        /** {@link #dailyAt} as a time of day (UTC). */
        public LocalTime time() {
            return time(dailyAt);
        }

        private static LocalTime time(String text) {
            try {
                return LocalTime.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "charter.scheduler.retention.daily-at must be HH:mm, not " + text, e);
            }
        }
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("charter.scheduler." + name + " must be positive: " + duration);
        }
    }
}
