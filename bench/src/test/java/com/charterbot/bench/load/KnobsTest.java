package com.charterbot.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KnobsTest {

    @Test
    void readsOverridesAndDefaultsAndSaysWhichWereUsed() {
        Properties properties = new Properties();
        properties.setProperty("bench.x.rate", "300");
        Knobs knobs = new Knobs("bench.x.", properties);

        assertThat(knobs.integer("rate", 200, 1, 1000)).isEqualTo(300);
        assertThat(knobs.seconds("duration-s", 30, 1, 60)).isEqualTo(Duration.ofSeconds(30));
        assertThat(knobs.string("app-args", "")).isEmpty();
        assertThat(knobs.describe()).isEqualTo("rate=300 duration-s=30 app-args=''");
    }

    @Test
    void splitsAListOnSpaces() {
        Properties properties = new Properties();
        properties.setProperty("bench.x.app-jvm-args", "  -XX:ActiveProcessorCount=1   -XX:MaxRAM=640m ");
        Knobs knobs = new Knobs("bench.x.", properties);

        assertThat(knobs.words("app-jvm-args")).containsExactly("-XX:ActiveProcessorCount=1", "-XX:MaxRAM=640m");
        assertThat(knobs.words("app-args")).isEmpty();
    }

    @Test
    void rejectsValuesOutOfRangeOrNotNumbers() {
        Properties properties = new Properties();
        properties.setProperty("bench.x.rate", "0");
        properties.setProperty("bench.x.concurrency", "lots");
        Knobs knobs = new Knobs("bench.x.", properties);

        assertThatThrownBy(() -> knobs.integer("rate", 200, 1, 1000))
                .hasMessage("bench.x.rate must be between 1 and 1000, got 0");
        assertThatThrownBy(() -> knobs.integer("concurrency", 16, 1, 64))
                .hasMessage("bench.x.concurrency must be a whole number, got 'lots'");
    }
}
