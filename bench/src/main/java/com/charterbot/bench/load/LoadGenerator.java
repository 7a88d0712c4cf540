package com.charterbot.bench.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends HTTP/1.1 load through one {@link HttpClient} and measures it; one phase at a time.
 *
 * <p>Every request gets {@code requestTimeout} unless its factory set its own. In a constant-rate
 * phase at most {@code maxConnections} requests are in flight (HTTP/1.1: one connection each); a
 * request that finds them all busy is sent as soon as one frees, and its latency still counts from
 * its intended send time. A request still not sent when its timeout has run out is counted as a
 * timeout without being sent, so a dead server cannot make a phase last much longer than planned.
 */
public final class LoadGenerator implements AutoCloseable {

    /** The first request goes out this long after the phase starts, so the schedule starts clean. */
    private static final long START_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final int maxConnections;
    private final Duration requestTimeout;
    private final ExecutorService executor;
    private final HttpClient client;

    public LoadGenerator(int maxConnections, Duration requestTimeout) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, got " + maxConnections);
        }
        LoadPlans.requirePositive(requestTimeout, "request timeout");
        this.maxConnections = maxConnections;
        this.requestTimeout = requestTimeout;
        this.executor = Executors.newCachedThreadPool(daemonThreads("load-client-"));
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(requestTimeout)
                .executor(executor)
                .build();
    }

    /**
     * Open loop: sends at {@code plan.ratePerSecond()} whatever the server does, and measures each
     * request from its intended send time to its full response (so queueing caused by a slow server
     * counts, which a closed loop would hide). Returns once every measured request has ended.
     */
    public PhaseResult constantRate(Target target, ConstantRate plan) throws InterruptedException {
        return constantRate(target, plan, WindowListener.NONE);
    }

    /** {@link #constantRate(Target, ConstantRate)}, telling {@code window} when the measured window opens and closes. */
    public PhaseResult constantRate(Target target, ConstantRate plan, WindowListener window)
            throws InterruptedException {
        return constantRate(target, plan, window, RequestListener.NONE);
    }

    /** {@link #constantRate(Target, ConstantRate, WindowListener)}, telling {@code requests} how each request ended. */
    public PhaseResult constantRate(Target target, ConstantRate plan, WindowListener window, RequestListener requests)
            throws InterruptedException {
        Tally warmup = new Tally(target.check());
        Tally measured = new Tally(target.check());
        Semaphore connections = new Semaphore(maxConnections);
        long timeoutNanos = requestTimeout.toNanos();
        long warmupRequests = plan.warmupRequests();
        long total = warmupRequests + plan.measuredRequests();
        long start = System.nanoTime() + START_DELAY_NANOS;
        long windowStart = start + plan.intendedOffsetNanos(warmupRequests);

        for (long sequence = 0; sequence < total; sequence++) {
            long intended = start + plan.intendedOffsetNanos(sequence);
            Tally tally = sequence < warmupRequests ? warmup : measured;
            parkUntil(intended);
            if (sequence == warmupRequests) {
                window.opened();
            }
            long now = System.nanoTime();
            if (!connections.tryAcquire(Math.max(0, intended + timeoutNanos - now), TimeUnit.NANOSECONDS)) {
                now = System.nanoTime();
                tally.gaveUp(now - intended, now);
                requests.ended(
                        sequence, intended, now, null, new HttpTimeoutException("not sent: every connection busy"));
                continue;
            }
            now = System.nanoTime();
            tally.sendLag(now - intended);
            HttpRequest request;
            try {
                request = withTimeout(target.requests().next(sequence));
            } catch (RuntimeException e) {
                connections.release();
                tally.factoryFailed(e, now);
                requests.ended(sequence, intended, now, null, e);
                continue;
            }
            long number = sequence;
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                long done = System.nanoTime();
                tally.record(response, failure, done - intended, done);
                try {
                    requests.ended(number, intended, done, response, failure);
                } finally {
                    connections.release();
                }
            });
        }
        // Every request ends within its timeout (or the connect timeout); the margin covers callbacks.
        if (!connections.tryAcquire(
                maxConnections, timeoutNanos * 2 + TimeUnit.SECONDS.toNanos(5), TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException("requests still in flight long after their timeout in " + target.name());
        }
        connections.release(maxConnections);
        window.closed();
        return result(target, plan.describe(), measured, warmup, windowStart, start + plan.intendedOffsetNanos(total));
    }

    /**
     * Closed loop: {@code plan.concurrency()} workers send back to back, each waiting for its response
     * before the next, to find the most the server completes per second. Latency here is service time
     * from the actual send (the schedule is the server's own, so there is no queueing to miss).
     */
    public PhaseResult maxThroughput(Target target, MaxThroughput plan) throws InterruptedException {
        return maxThroughput(target, plan, WindowListener.NONE);
    }

    /** {@link #maxThroughput(Target, MaxThroughput)}, telling {@code window} when the measured window opens and closes. */
    public PhaseResult maxThroughput(Target target, MaxThroughput plan, WindowListener window)
            throws InterruptedException {
        Tally warmup = new Tally(target.check());
        Tally measured = new Tally(target.check());
        AtomicLong sequence = new AtomicLong();
        long start = System.nanoTime();
        long windowStart = start + plan.warmup().toNanos();
        long end = windowStart + plan.duration().toNanos();

        Thread[] workers = new Thread[plan.concurrency()];
        ThreadFactory threads = daemonThreads("load-worker-");
        for (int i = 0; i < workers.length; i++) {
            workers[i] = threads.newThread(() -> {
                long sent;
                while ((sent = System.nanoTime()) < end
                        && !Thread.currentThread().isInterrupted()) {
                    Tally tally = sent < windowStart ? warmup : measured;
                    HttpRequest request;
                    try {
                        request = withTimeout(target.requests().next(sequence.getAndIncrement()));
                    } catch (RuntimeException e) {
                        tally.factoryFailed(e, sent);
                        continue;
                    }
                    HttpResponse<String> response = null;
                    Throwable failure = null;
                    try {
                        response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    } catch (IOException e) {
                        failure = e;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    long done = System.nanoTime();
                    tally.record(response, failure, done - sent, done);
                }
            });
            workers[i].start();
        }
        try {
            parkUntil(windowStart);
            window.opened();
            for (Thread worker : workers) {
                worker.join();
            }
            window.closed();
        } finally {
            for (Thread worker : workers) {
                worker.interrupt();
            }
        }
        return result(target, plan.describe(), measured, warmup, windowStart, end);
    }

    /**
     * Sends one request (sequence 0) and says what was wrong with its answer, if anything: a quick
     * check before a long phase against an endpoint that is missing or misconfigured.
     *
     * @return empty when the response passes the target's check, else a description of what came back
     */
    public Optional<String> checkOnce(Target target) throws InterruptedException {
        Tally tally = new Tally(target.check());
        HttpResponse<String> response = null;
        Throwable failure = null;
        long sent = System.nanoTime();
        try {
            response = client.send(withTimeout(target.requests().next(0)), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            failure = e;
        }
        long done = System.nanoTime();
        tally.record(response, failure, done - sent, done);
        return tally.counts().ok() == 1
                ? Optional.empty()
                : tally.failureKinds().keySet().stream().findFirst();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private PhaseResult result(
            Target target, String plan, Tally measured, Tally warmup, long windowStart, long plannedEnd) {
        long last = Math.max(measured.lastCompletionNanos(), plannedEnd);
        return new PhaseResult(
                target.name(),
                plan,
                measured.counts(),
                measured.latencySnapshot(),
                Duration.ofNanos(Math.max(0, last - windowStart)),
                Duration.ofNanos(measured.maxSendLagNanos()),
                measured.failureKinds(),
                warmup.counts());
    }

    private HttpRequest withTimeout(HttpRequest request) {
        Objects.requireNonNull(request, "the request factory returned null");
        if (request.timeout().isPresent()) {
            return request;
        }
        return HttpRequest.newBuilder(request, (name, value) -> true)
                .timeout(requestTimeout)
                .build();
    }

    private static void parkUntil(long deadline) {
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
