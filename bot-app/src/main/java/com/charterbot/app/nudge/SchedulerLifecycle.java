package com.charterbot.app.nudge;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a db-scheduler {@link Scheduler} with the application: started once the context is
 * refreshed (after Flyway and every other bean), stopped first on shutdown. Stopping stops
 * picking new work at once, lets running deliveries finish for up to the scheduler's
 * shutdown-max-wait, then leaves whatever is still running to be revived by another replica.
 */
public final class SchedulerLifecycle implements SmartLifecycle {

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

    @Override
    public synchronized void stop() {
        if (running) {
            running = false;
            scheduler.stop();
            LOG.info("nudge scheduler stopped");
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Last to start, first to stop: the web server and the data source outlive the scheduler. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
