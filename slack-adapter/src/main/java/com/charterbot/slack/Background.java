package com.charterbot.slack;

import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs what happens after Slack got its acknowledgement: Web API calls and the core's work for
 * events and clicks. Bounded (threads and queue), so a flood of events cannot exhaust memory: work
 * over the limit is dropped and logged. A task that throws is logged (masked, no stack trace) and
 * never takes a thread down. A task runs with the logging context (MDC: the request id) of the
 * thread that handed it over, so its log lines can be told to belong to that request.
 */
final class Background implements Executor, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Background.class);

    private final ThreadPoolExecutor pool;
    private final Redaction redaction;
    private final AtomicInteger pending = new AtomicInteger();

    /**
     * @param name the threads' name prefix
     * @param threads how many tasks run at once
     * @param queue how many more may wait
     */
    Background(String name, int threads, int queue, Redaction redaction) {
        this.redaction = redaction;
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.pool = new ThreadPoolExecutor(
                threads,
                threads,
                60,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(queue),
                factory,
                new ThreadPoolExecutor.AbortPolicy());
        this.pool.allowCoreThreadTimeOut(true);
    }

    /** Runs a task later; {@code what} names it in logs. Never throws. */
    void run(String what, Runnable task) {
        pending.incrementAndGet();
        try {
            pool.execute(withContext(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("Slack {} failed: {}", what, redaction.describe(e));
                } finally {
                    pending.decrementAndGet();
                }
            }));
        } catch (RejectedExecutionException e) {
            pending.decrementAndGet();
            log.warn("Slack {} dropped: the adapter is overloaded or shutting down", what);
        }
    }

    /** For {@link java.util.concurrent.CompletableFuture}s; throws {@link RejectedExecutionException} when full. */
    @Override
    public void execute(Runnable command) {
        pool.execute(withContext(command));
    }

    /** The task, run with the caller's logging context; the pool thread's is empty again after it. */
    private static Runnable withContext(Runnable task) {
        Map<String, String> caller = MDC.getCopyOfContextMap();
        return () -> {
            if (caller != null) {
                MDC.setContextMap(caller);
            }
            try {
                task.run();
            } finally {
                MDC.clear();
            }
        };
    }

    /** Whether no task given to {@link #run} is queued or running: tests wait for it before checking that something did not happen. */
    boolean idle() {
        return pending.get() == 0;
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
