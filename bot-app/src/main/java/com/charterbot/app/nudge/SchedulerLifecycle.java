package com.charterbot.app.nudge;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a db-scheduler {@link Scheduler} with the application: started once the context is
 * refreshed (after Flyway, the web server and every other bean), stopped on shutdown in the same
 * phase as the web server's graceful shutdown, so that running deliveries and in-flight requests
 * drain side by side within one {@code spring.lifecycle.timeout-per-shutdown-phase}.
 *
 * <p>Stopping stops picking new work at once; running deliveries get the scheduler's
 * {@code shutdown-max-wait} to finish, then as long again once interrupted (an interrupted send is
 * recorded as a failed attempt and retried). A delivery still running after that stays PENDING
 * with its task instance, which another replica revives once this one's heartbeats stop: a nudge
 * may then be posted twice, never lost.
 */
public final class SchedulerLifecycle implements SmartLifecycle {

    /** The web server's graceful-shutdown phase ({@code WebServerGracefulShutdownLifecycle}'s, whose constant is deprecated). */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1024;

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerLifecycle.class);

    private final Scheduler scheduler;
    private volatile boolean running;

    public SchedulerLifecycle(Scheduler scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** The scheduler, e.g. to schedule or inspect task instances. */
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public synchronized void start() {
        if (!running) {
            scheduler.start();
            running = true;
            LOG.info("nudge scheduler started");
        }
    }

    /** Stops picking work and waits for running deliveries, within the bound described above. */
    @Override
    public synchronized void stop() {
        if (running) {
            running = false;
            LOG.info("nudge scheduler stopping: no new deliveries are picked, running ones may finish");
            scheduler.stop();
            LOG.info("nudge scheduler stopped");
        }
    }

    /** Stops on a thread of its own, so that the web server drains its requests meanwhile. */
    @Override
    public void stop(Runnable callback) {
        if (!running) {
            callback.run();
            return;
        }
        Thread stopping = new Thread(
                () -> {
                    try {
                        stop();
                    } finally {
                        callback.run();
                    }
                },
                "nudge-scheduler-stop");
        stopping.start();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
