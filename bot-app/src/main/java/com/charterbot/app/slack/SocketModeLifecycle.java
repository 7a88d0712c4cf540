package com.charterbot.app.slack;

import com.charterbot.core.nudge.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps the Socket Mode connection to Slack once the application has started. While Slack cannot
 * be reached or refuses, it tries again with exponential back-off (1 s doubling up to 5 minutes,
 * less up to a fifth at random), one log line per failed attempt with its cause. Once connected,
 * Bolt keeps the connection and reconnects by itself; this checks every {@code checkEvery} that it
 * still answers, and logs one line when it drops and one when it is back. Its {@link #state()}
 * feeds the {@code slack} health indicator and the {@code charter_slack_connected} gauge.
 */
final class SocketModeLifecycle implements SmartLifecycle {

    /** What this keeps of the Slack bot. */
    interface Connection {

        /** Connects, or throws an {@link IllegalStateException} whose message says why not, in one line without secrets. */
        void start();

        /** Whether the connection answers now; may take a few seconds. */
        boolean connected();

        /** Why Slack would not give a connection now, if it would not. */
        Optional<String> problem();

        void close();
    }

    /**
     * The connection as last seen.
     *
     * @param problem why it is down; empty when connected
     * @param since when it became what it is
     */
    record State(boolean connected, String problem, Instant since) {
        State {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(since, "since");
        }
    }

    static final RetryPolicy BACKOFF =
            new RetryPolicy(Integer.MAX_VALUE, Duration.ofSeconds(1), Duration.ofMinutes(5), 0.2, Duration.ZERO, 0);

    private static final Logger LOG = LoggerFactory.getLogger(SocketModeLifecycle.class);

    private final Connection connection;
    private final RetryPolicy backoff;
    private final Duration checkEvery;
    private final Clock clock;
    private final SplittableRandom random = new SplittableRandom();
    private ScheduledExecutorService scheduler;
    private volatile boolean running;
    private volatile State state;
    private int failedAttempts;

    SocketModeLifecycle(Connection connection, RetryPolicy backoff, Duration checkEvery, Clock clock) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.checkEvery = Objects.requireNonNull(checkEvery, "checkEvery");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.state = new State(false, "not connected yet", clock.instant());
    }

    @Override
    public synchronized void start() {
        running = true;
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "slack-socket-mode");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.execute(this::connect);
    }

    private void connect() {
        if (!running) {
            return;
        }
        try {
            connection.start();
            failedAttempts = 0;
            // Said before the state shows it, as in check(): whoever sees the state connected finds the line written.
            LOG.info("Slack Socket Mode connected");
            state = new State(true, "", clock.instant());
            schedule(this::check, checkEvery);
        } catch (IllegalStateException e) {
            failedAttempts++;
            Duration delay = backoff.delayAfter(failedAttempts, random).orElse(backoff.maxDelay());
            if (state.connected() || failedAttempts == 1) {
                state = new State(false, e.getMessage(), clock.instant());
            } else {
                state = new State(false, e.getMessage(), state.since());
            }
            LOG.error(
                    "Slack Socket Mode not connected: {}; next attempt in {} s (attempt {})",
                    e.getMessage(),
                    Math.max(1, delay.toSeconds()),
                    failedAttempts);
            schedule(this::connect, delay);
        }
    }

    /** Once connected: Bolt reconnects by itself, this says when the connection is down and when it is back. */
    private void check() {
        if (!running) {
            return;
        }
        boolean connected = connection.connected();
        if (connected != state.connected()) {
            if (connected) {
                LOG.info(
                        "Slack Socket Mode connected again, after {} s without",
                        Duration.between(state.since(), clock.instant()).toSeconds());
                state = new State(true, "", clock.instant());
            } else {
                String problem = connection.problem().orElse("the connection stopped answering");
                LOG.error("Slack Socket Mode connection lost: {}; Bolt reconnects by itself", problem);
                state = new State(false, problem, clock.instant());
            }
        }
        schedule(this::check, checkEvery);
    }

    private synchronized void schedule(Runnable task, Duration delay) {
        if (running && scheduler != null) {
            scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The connection as last seen. */
    State state() {
        return state;
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
        connection.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
