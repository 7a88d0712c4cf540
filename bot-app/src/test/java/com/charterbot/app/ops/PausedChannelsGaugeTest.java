package com.charterbot.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PausedChannelsGaugeTest {

    private Instant now = Instant.parse("2026-03-02T09:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void countsInTheDatabaseAtMostOncePerRefreshWhateverTheScrapeRate() {
        AtomicInteger paused = new AtomicInteger(3);
        AtomicInteger queries = new AtomicInteger();
        MeterRegistry registry = new SimpleMeterRegistry();
        new PausedChannelsGauge(
                        () -> {
                            queries.incrementAndGet();
                            return paused.get();
                        },
                        clock,
                        Duration.ofSeconds(30))
                .bindTo(registry);

        assertThat(gauge(registry)).isEqualTo(3);
        paused.set(5);
        now = now.plusSeconds(29);
        assertThat(gauge(registry)).as("still the count of 29 s ago").isEqualTo(3);
        now = now.plusSeconds(1);
        assertThat(gauge(registry)).isEqualTo(5);
        assertThat(queries).hasValue(2);
    }

    @Test
    void keepsTheLastCountWhileTheDatabaseCannotBeReached() {
        AtomicInteger calls = new AtomicInteger();
        MeterRegistry registry = new SimpleMeterRegistry();
        new PausedChannelsGauge(
                        () -> {
                            if (calls.incrementAndGet() > 1) {
                                throw new IllegalStateException("connection refused");
                            }
                            return 2;
                        },
                        clock,
                        Duration.ofSeconds(30))
                .bindTo(registry);

        assertThat(gauge(registry)).isEqualTo(2);
        now = now.plusSeconds(60);
        assertThat(gauge(registry)).isEqualTo(2);
        assertThat(calls).hasValue(2);
    }

    private static double gauge(MeterRegistry registry) {
        return registry.get(BotMetrics.CHANNELS_PAUSED).gauge().value();
    }
}
