package com.charterbot.app.ops;

import com.charterbot.app.nudge.SchedulerLifecycle;
import com.github.kagkarlsson.scheduler.SchedulerState;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The nudge scheduler of this replica ("scheduler" in the readiness group): up while it runs, down
 * before it starts and once it stops picking work. A replica started with
 * {@code charter.scheduler.enabled=false} runs none, which is up: the other replicas send the nudges.
 */
final class SchedulerHealthIndicator implements HealthIndicator {

    private final Supplier<SchedulerLifecycle> scheduler;

    /** @param scheduler this replica's scheduler; null when it runs none */
    SchedulerHealthIndicator(Supplier<SchedulerLifecycle> scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    @Override
    public Health health() {
        SchedulerLifecycle lifecycle = scheduler.get();
        if (lifecycle == null) {
            return Health.up().withDetail("state", "disabled on this replica").build();
        }
        SchedulerState state = lifecycle.scheduler().getSchedulerState();
        if (state.isShuttingDown()) {
            return Health.down().withDetail("state", "stopping").build();
        }
        if (!state.isStarted()) {
            return Health.down().withDetail("state", "not started").build();
        }
        return Health.up()
                .withDetail("state", state.isPaused() ? "paused" : "running")
                .build();
    }
}
