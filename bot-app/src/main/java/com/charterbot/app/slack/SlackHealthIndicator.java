package com.charterbot.app.slack;

import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether the Socket Mode connection to Slack is up ("slack" in {@code /actuator/health}). Not in
 * the readiness group: a replica without Slack still serves Teams, health and nudges to Teams, and
 * taking it out of the Service would not bring Slack back.
 */
final class SlackHealthIndicator implements HealthIndicator {

    private final SocketModeLifecycle socketMode;

    SlackHealthIndicator(SocketModeLifecycle socketMode) {
        this.socketMode = Objects.requireNonNull(socketMode, "socketMode");
    }

    @Override
    public Health health() {
        SocketModeLifecycle.State state = socketMode.state();
        Health.Builder health = state.connected() ? Health.up() : Health.down().withDetail("problem", state.problem());
        return health.withDetail("mode", "socket")
                .withDetail("since", state.since().toString())
                .build();
    }
}
