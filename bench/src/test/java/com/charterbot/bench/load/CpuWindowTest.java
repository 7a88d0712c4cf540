package com.charterbot.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class CpuWindowTest {

    private final AtomicReference<Optional<Duration>> cpu = new AtomicReference<>(Optional.of(Duration.ofSeconds(10)));

    @Test
    void dividesTheCpuUsedInTheWindowByTheOkResponses() {
        CpuWindow window = new CpuWindow(cpu::get);
        window.opened();
        cpu.set(Optional.of(Duration.ofSeconds(13)));
        window.closed();

        assertThat(window.used()).contains(Duration.ofSeconds(3));
        assertThat(window.millisPerOk(phaseWithOk(1500))).isEqualTo(2.0);
    }

    @Test
    void saysUnknownWhenTheOsDoesNotTell() {
        cpu.set(Optional.empty());
        CpuWindow window = new CpuWindow(cpu::get);
        window.opened();
        window.closed();

        assertThat(window.used()).isEmpty();
        assertThat(window.millisPerOk(phaseWithOk(10))).isNaN();
        assertThat(window.describe(phaseWithOk(10))).isEqualTo("  server CPU: unknown");
    }

    private static PhaseResult phaseWithOk(long ok) {
        return new PhaseResult(
                "t",
                "p",
                new Counts(ok, 0, 0, 0, 0),
                new Histogram(3),
                Duration.ofSeconds(1),
                Duration.ZERO,
                Map.of(),
                new Counts(0, 0, 0, 0, 0));
    }
}
