package com.charterbot.app.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.contributor.Status;

/**
 * {@value #NAME}: 1 while the readiness health group ({@code /actuator/health/readiness}: database,
 * charter, scheduler) is up, 0 otherwise, read at each scrape. An alert on it sees what Kubernetes'
 * readiness probe sees, from Prometheus, without kube-state-metrics.
 */
final class ReadinessGauge implements MeterBinder {

    /** The gauge's name; Prometheus shows it as {@code charter_ready}. */
    static final String NAME = "charter.ready";

    private final Supplier<HealthDescriptor> readiness;

    ReadinessGauge(Supplier<HealthDescriptor> readiness) {
        this.readiness = Objects.requireNonNull(readiness, "readiness");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(NAME, this, ReadinessGauge::value)
                .description("1 when the bot is ready for traffic (database, charter and scheduler), 0 when not")
                .strongReference(true)
                .register(registry);
    }

    double value() {
        try {
            HealthDescriptor health = readiness.get();
            return health != null && Status.UP.equals(health.getStatus()) ? 1 : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
