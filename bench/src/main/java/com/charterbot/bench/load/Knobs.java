package com.charterbot.bench.load;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Settings of a load benchmark read from system properties under one prefix
 * ({@code -Dbench.slack.rate=300}), each with its default; remembers what it read so the report can
 * say which values the run used.
 */
public final class Knobs {

    private final String prefix;
    private final Properties properties;
    private final Map<String, String> used = new LinkedHashMap<>();

    /** @param prefix for example {@code "bench.slack."} */
    public Knobs(String prefix, Properties properties) {
        this.prefix = prefix;
        this.properties = properties;
    }

    public int integer(String name, int defaultValue, int min, int max) {
        String raw = raw(name, Integer.toString(defaultValue));
        int value;
        try {
            value = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(prefix + name + " must be a whole number, got '" + raw + "'");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    prefix + name + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    public Duration seconds(String name, int defaultSeconds, int min, int max) {
        return Duration.ofSeconds(integer(name, defaultSeconds, min, max));
    }

    public Duration millis(String name, int defaultMillis, int min, int max) {
        return Duration.ofMillis(integer(name, defaultMillis, min, max));
    }

    public String string(String name, String defaultValue) {
        return raw(name, defaultValue);
    }

    /** A space-separated list, such as extra JVM options or arguments; empty by default. */
    public List<String> words(String name) {
        String value = raw(name, "");
        return value.isBlank() ? List.of() : List.of(value.strip().split("\\s+"));
    }

    /** {@code name=value} for every knob read so far, in reading order. */
    public String describe() {
        return used.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    private String raw(String name, String defaultValue) {
        String value = properties.getProperty(prefix + name, defaultValue);
        used.put(name, value.isEmpty() ? "''" : value);
        return value;
    }
}
