package com.charterbot.bench.rehearsal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The run's raw data beside the report, for a closer look: every request, and every nudge send the stubs got. */
final class Csv {

    private Csv() {}

    /** Writes {@code requests.csv} and {@code nudges.csv} into {@code dir}; times in seconds since the run started. */
    static void write(Path dir, List<Ledger.Outcome> outcomes, Receipts receipts, Timeline timeline)
            throws IOException {
        try (Writer out = Files.newBufferedWriter(dir.resolve("requests.csv"), StandardCharsets.UTF_8)) {
            out.write("sequence,kind,instance,intended_s,latency_ms,status,verdict,failure\n");
            for (Ledger.Outcome o : outcomes) {
                out.write(String.format(
                        Locale.ROOT,
                        "%d,%s,%s,%.3f,%.1f,%d,%s,%s%n",
                        o.sequence(),
                        o.planned().kind(),
                        o.planned().replica(),
                        (o.intendedNanos() - timeline.origin) / 1e9,
                        o.latencyMillis(),
                        o.status(),
                        o.verdict(),
                        o.failure() == null ? "" : '"' + o.failure().replace('"', '\'') + '"'));
            }
        }
        try (Writer out = Files.newBufferedWriter(dir.resolve("nudges.csv"), StandardCharsets.UTF_8)) {
            out.write("channel,at_s,answer\n");
            for (Receipts.Receipt r : receipts.all()) {
                out.write(String.format(
                        Locale.ROOT, "%s,%.3f,%s%n", r.channel(), (r.atNanos() - timeline.origin) / 1e9, r.answer()));
            }
        }
    }
}
