package com.charterbot.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/** What every benchmark reports about the machine it ran on, and the chores they share. */
public final class Machine {

    private Machine() {}

    /** The 1, 5 and 15 minute load averages and the core count, e.g. {@code 1.30 3.35 4.87 (2 cores)}; "unknown" off Linux. */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2] + " ("
                    + Runtime.getRuntime().availableProcessors() + " cores)";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** A figure with two decimals, or "-" when it was not measured (NaN). */
    public static String decimal(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }

    /** Deletes a folder and everything in it; a failure is reported on stderr under the benchmark's name, not thrown. */
    public static void deleteRecursively(Path dir, String benchmark) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println(benchmark + ": could not delete " + dir + ": " + e.getMessage());
        }
    }
}
