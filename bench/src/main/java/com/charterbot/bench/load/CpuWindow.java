package com.charterbot.bench.load;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The server's CPU time over one measured window: per ok response, it changes much less than
 * latency or throughput when other work shares the machine, so runs on a busy machine stay comparable.
 */
public final class CpuWindow implements WindowListener {

    private final Supplier<Optional<Duration>> cpuTime;
    private volatile Optional<Duration> atOpen = Optional.empty();
    private volatile Optional<Duration> atClose = Optional.empty();
    private volatile long openedNanos;
    private volatile long closedNanos;

    /** @param cpuTime the server's total CPU time so far, e.g. {@link AppProcess#cpuTime()} */
    public CpuWindow(Supplier<Optional<Duration>> cpuTime) {
        this.cpuTime = cpuTime;
    }

    @Override
    public void opened() {
        openedNanos = System.nanoTime();
        atOpen = cpuTime.get();
    }

    @Override
    public void closed() {
        closedNanos = System.nanoTime();
        atClose = cpuTime.get();
    }

    /** CPU time used between open and close; empty if either reading was unavailable. */
    public Optional<Duration> used() {
        Optional<Duration> open = atOpen;
        Optional<Duration> close = atClose;
        return open.isPresent() && close.isPresent() ? Optional.of(close.get().minus(open.get())) : Optional.empty();
    }

    /** CPU milliseconds per ok response of {@code phase}; NaN when unknown. */
    public double millisPerOk(PhaseResult phase) {
        long ok = phase.counts().ok();
        return used().filter(cpu -> ok > 0).map(cpu -> cpu.toNanos() / 1e6 / ok).orElse(Double.NaN);
    }

    /** One report line, in the style of {@link PhaseResult#report()}. */
    public String describe(PhaseResult phase) {
        Optional<Duration> used = used();
        if (used.isEmpty()) {
            return "  server CPU: unknown";
        }
        double wallSeconds = (closedNanos - openedNanos) / 1e9;
        return String.format(
                Locale.ROOT,
                "  server CPU %.2f ms per ok response, %.2f cores busy on average",
                millisPerOk(phase),
                wallSeconds <= 0 ? Double.NaN : used.get().toNanos() / 1e9 / wallSeconds);
    }
}
