package com.charterbot.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * The measured part of one phase.
 *
 * <p>Only requests whose (intended) send time falls in the measured window count, wherever their
 * response lands. {@code window} runs from the start of that window to the last of their responses,
 * so a server that falls behind gets a longer window and a lower throughput, not a flattering one.
 *
 * @param latencyMicros responses of any status plus timeouts, in microseconds: from the intended send
 *                      time in a constant-rate phase, from the actual one in a max-throughput phase
 * @param maxSendLag    how late the sender was at most (constant rate only; zero otherwise): large
 *                      values mean every connection was busy or the load generator itself was starved
 * @param failures      failure descriptions (status and body excerpt, or exception) and their counts
 */
public record PhaseResult(
        String target,
        String plan,
        Counts counts,
        Histogram latencyMicros,
        Duration window,
        Duration maxSendLag,
        Map<String, Long> failures,
        Counts warmup) {

    public PhaseResult {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(latencyMicros, "latencyMicros");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(maxSendLag, "maxSendLag");
        failures = Map.copyOf(failures);
        Objects.requireNonNull(warmup, "warmup");
    }

    /** Ok responses per second over the window. */
    public double throughputPerSecond() {
        double seconds = window.toNanos() / 1e9;
        return seconds <= 0 ? 0.0 : counts.ok() / seconds;
    }

    /** Latency at {@code percentile} (0 to 100) in milliseconds; NaN when nothing was recorded. */
    public double latencyMillis(double percentile) {
        if (latencyMicros.getTotalCount() == 0) {
            return Double.NaN;
        }
        return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    public double maxLatencyMillis() {
        return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getMaxValue() / 1000.0;
    }

    /** A few indented lines for a human: counts, percentiles, throughput, failure kinds. */
    public List<String> report() {
        List<String> lines = new ArrayList<>();
        lines.add(target + ": " + plan);
        lines.add(String.format(
                Locale.ROOT,
                "  requests %d  ok %d  non-2xx %d  unexpected %d  errors %d  timeouts %d  (warm-up: %d requests, %d not ok)",
                counts.total(),
                counts.ok(),
                counts.non2xx(),
                counts.unexpected(),
                counts.errors(),
                counts.timeouts(),
                warmup.total(),
                warmup.failed()));
        lines.add(String.format(
                Locale.ROOT,
                "  latency ms  p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f",
                latencyMillis(50),
                latencyMillis(90),
                latencyMillis(99),
                latencyMillis(99.9),
                maxLatencyMillis()));
        String lag = maxSendLag.isZero()
                ? ""
                : String.format(Locale.ROOT, "; sender at most %.1f ms behind schedule", maxSendLag.toNanos() / 1e6);
        lines.add(String.format(
                Locale.ROOT,
                "  throughput %.1f ok/s over %.2f s%s",
                throughputPerSecond(),
                window.toNanos() / 1e9,
                lag));
        failures.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> lines.add("  not ok: " + e.getValue() + " x " + e.getKey()));
        return lines;
    }
}
