package com.charterbot.bench.load;

import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Outcomes and latencies of one phase (or of its warm-up), recorded from many threads at once.
 *
 * <p>The histogram holds every request that got a response, whatever its status, and every timeout
 * at the time it was given up (a lower bound of its latency): leaving timeouts out would make a
 * server that stops answering look fast. Connection errors have no meaningful latency and are only counted.
 */
final class Tally {

    private static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(10);
    /** Distinct failure descriptions kept for the report; later new kinds go under "other". */
    private static final int FAILURE_KINDS = 8;

    private static final int BODY_EXCERPT = 120;

    private final ResponseCheck check;
    private final Histogram latencyMicros = new ConcurrentHistogram(MAX_LATENCY_MICROS, 3);
    private final LongAdder ok = new LongAdder();
    private final LongAdder non2xx = new LongAdder();
    private final LongAdder unexpected = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final LongAccumulator lastCompletion = new LongAccumulator(Math::max, Long.MIN_VALUE);
    private final LongAccumulator maxSendLag = new LongAccumulator(Math::max, 0);
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();

    Tally(ResponseCheck check) {
        this.check = check;
    }

    /** One request has ended: {@code response} is null when {@code failure} is not. */
    void record(HttpResponse<String> response, Throwable failure, long latencyNanos, long completedAtNanos) {
        lastCompletion.accumulate(completedAtNanos);
        if (response != null) {
            recordLatency(latencyNanos);
            int status = response.statusCode();
            if (status < 200 || status > 299) {
                non2xx.increment();
                fail("HTTP " + status + bodyExcerpt(response));
            } else if (accepted(response)) {
                ok.increment();
            } else {
                unexpected.increment();
                fail("HTTP " + status + " refused by the check" + bodyExcerpt(response));
            }
            return;
        }
        Throwable cause = unwrap(failure);
        if (cause instanceof HttpTimeoutException) {
            recordLatency(latencyNanos);
            timeouts.increment();
            fail("timeout (" + cause.getClass().getSimpleName() + ")");
        } else {
            errors.increment();
            fail(cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        }
    }

    /** A request that could not even be sent before its timeout ran out, because every connection was busy. */
    void gaveUp(long latencyNanos, long atNanos) {
        lastCompletion.accumulate(atNanos);
        recordLatency(latencyNanos);
        timeouts.increment();
        fail("timeout (not sent: every connection busy)");
    }

    /** A request the factory could not build: a bug of the benchmark, counted so the run fails visibly. */
    void factoryFailed(RuntimeException e, long atNanos) {
        lastCompletion.accumulate(atNanos);
        errors.increment();
        fail("request factory threw " + e);
    }

    void sendLag(long lagNanos) {
        maxSendLag.accumulate(lagNanos);
    }

    Counts counts() {
        return new Counts(ok.sum(), non2xx.sum(), unexpected.sum(), errors.sum(), timeouts.sum());
    }

    /** Nanotime of the last response, timeout or error; {@code Long.MIN_VALUE} when nothing ended yet. */
    long lastCompletionNanos() {
        return lastCompletion.get();
    }

    long maxSendLagNanos() {
        return maxSendLag.get();
    }

    Histogram latencySnapshot() {
        return latencyMicros.copy();
    }

    Map<String, Long> failureKinds() {
        Map<String, Long> kinds = new HashMap<>();
        failures.forEach((kind, count) -> kinds.put(kind, count.sum()));
        return kinds;
    }

    private boolean accepted(HttpResponse<String> response) {
        try {
            return check.accepts(response);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void recordLatency(long nanos) {
        long micros = Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos));
        latencyMicros.recordValue(Math.min(micros, MAX_LATENCY_MICROS));
    }

    private void fail(String kind) {
        LongAdder counter = failures.get(kind);
        if (counter == null) {
            String key = failures.size() < FAILURE_KINDS ? kind : "other";
            counter = failures.computeIfAbsent(key, k -> new LongAdder());
        }
        counter.increment();
    }

    private static String bodyExcerpt(HttpResponse<String> response) {
        String body = response.body();
        if (body == null || body.isBlank()) {
            return "";
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        return ": " + (flat.length() <= BODY_EXCERPT ? flat : flat.substring(0, BODY_EXCERPT) + "...");
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
