package com.charterbot.teams;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs the rest of a message's turn once Teams has its 200: the core's answer and the replies sent
 * through the Bot Connector. Teams only needs to know the activity was received; a reply is a
 * connector call of its own either way. Done in the request, a slow or throttled connector (whose
 * retries wait up to seconds) held Teams' request open, near its 15 s limit, and a Tomcat thread
 * with it.
 *
 * <p>Bounded threads and queue. Nothing is dropped: when the queue is full, or once closing has
 * begun, the work runs on the caller's thread, in the request, as it did before (the request then
 * waits, which slows the sender down). A task that throws is logged and never takes a thread down.
 * A task runs with the logging context (MDC: the request id) of the thread that handed it over.
 */
final class AfterAcknowledgement implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AfterAcknowledgement.class);

    private final ThreadPoolExecutor pool;
    private final Duration drain;
    private final AtomicInteger pending = new AtomicInteger();

    /**
     * @param threads how many turns run at once
     * @param queue how many more may wait before a request runs its own
     * @param drain how long {@link #close} waits for the turns already handed over
     */
    AfterAcknowledgement(int threads, int queue, Duration drain) {
        this.drain = drain;
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "charter-teams-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        RejectedExecutionHandler inCaller = (task, executor) -> task.run();
        this.pool = new ThreadPoolExecutor(
                threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(queue), factory, inCaller);
        this.pool.allowCoreThreadTimeOut(true);
    }

    /** Runs the task soon, on a thread of its own if one is free or queued, in the caller otherwise; never throws. */
    void run(String what, Runnable task) {
        pending.incrementAndGet();
        Map<String, String> caller = MDC.getCopyOfContextMap();
        Runnable logged = () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Teams {} failed after its acknowledgement", what, e);
            } finally {
                pending.decrementAndGet();
            }
        };
        pool.execute(() -> {
            Map<String, String> own = MDC.getCopyOfContextMap();
            if (caller != null) {
                MDC.setContextMap(caller);
            }
            try {
                logged.run();
            } finally {
                if (own != null) {
                    MDC.setContextMap(own);
                } else {
                    MDC.clear();
                }
            }
        });
    }

    /** Whether no task handed over is queued or running: tests wait for it before reading what was sent. */
    boolean idle() {
        return pending.get() == 0;
    }

    /** Lets the turns handed over finish, for up to the drain time; later ones run in their callers. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(drain.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Teams turns still running after {} s of shutdown: stopped", drain.toSeconds());
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
