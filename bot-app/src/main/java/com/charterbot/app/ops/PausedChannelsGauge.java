package com.charterbot.app.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@value BotMetrics#CHANNELS_PAUSED}: the channels whose nudges are paused, counted in the database
 * at most once per {@code refresh}, whatever the scrape rate; the last count while the database
 * cannot be reached, none (NaN) before a first one.
 */
final class PausedChannelsGauge implements MeterBinder {

    private static final Logger LOG = LoggerFactory.getLogger(PausedChannelsGauge.class);

    private final IntSupplier count;
    private final Clock clock;
    private final Duration refresh;
    private double value = Double.NaN;
    private Instant countedAt;

    PausedChannelsGauge(IntSupplier count, Clock clock, Duration refresh) {
        this.count = Objects.requireNonNull(count, "count");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refresh = Objects.requireNonNull(refresh, "refresh");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(BotMetrics.CHANNELS_PAUSED, this, PausedChannelsGauge::value)
                .description("Channels whose nudges are paused (the bot was removed, the channel archived...)")
                .strongReference(true)
                .register(registry);
    }

    synchronized double value() {
        Instant now = clock.instant();
        if (countedAt == null || !now.isBefore(countedAt.plus(refresh))) {
            try {
                value = count.getAsInt();
            } catch (RuntimeException e) {
                LOG.debug("cannot count the paused channels: {}", e.toString());
            }
            countedAt = now;
        }
        return value;
    }
}
