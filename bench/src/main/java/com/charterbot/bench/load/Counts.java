package com.charterbot.bench.load;

/**
 * How the requests of a phase ended. {@code unexpected}: a 2xx the {@link ResponseCheck} refused;
 * {@code errors}: no response (connection refused or reset...); {@code timeouts}: no response within
 * the request timeout, or not even sent within it because every connection was busy.
 */
public record Counts(long ok, long non2xx, long unexpected, long errors, long timeouts) {

    public Counts {
        if (ok < 0 || non2xx < 0 || unexpected < 0 || errors < 0 || timeouts < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    public long total() {
        return ok + failed();
    }

    public long failed() {
        return non2xx + unexpected + errors + timeouts;
    }

    /** Share of requests that were not ok, 0 when there were none. */
    public double failureRatio() {
        long total = total();
        return total == 0 ? 0.0 : (double) failed() / total;
    }
}
