package com.charterbot.bench;

import java.io.IOException;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the draft-check benchmark and ends with one machine-readable line:
 * {@code bench-drafts: chars=<n> p50_us=<n> p99_us=<n> p999_us=<n>}.
 *
 * <p>Arguments are JMH command-line options (for example {@code -f 2}, {@code -i 10},
 * {@code -p chars=5000}); they override the defaults annotated on the benchmark class.
 */
public final class DraftsMain {

    private static final String CHECK = DraftCheckBenchmark.class.getName() + ".check";

    private DraftsMain() {}

    public static void main(String[] args) throws RunnerException, IOException {
        CommandLineOptions cli;
        try {
            cli = new CommandLineOptions(args);
        } catch (CommandLineOptionException e) {
            System.err.println("bench-drafts: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (cli.shouldHelp()) {
            cli.showHelp();
            return;
        }
        Options options = new OptionsBuilder()
                .parent(cli)
                .include("^" + CHECK.replace(".", "\\.") + "$")
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        for (RunResult run : results) {
            Result<?> result = run.getPrimaryResult();
            if (!result.getScoreUnit().equals("us/op")) {
                System.err.println("bench-drafts: the last line is in microseconds; drop -tu " + result.getScoreUnit());
                System.exit(2);
            }
            System.out.println();
            System.out.printf(
                    Locale.ROOT,
                    "bench-drafts: chars=%s p50_us=%d p99_us=%d p999_us=%d%n",
                    run.getParams().getParam("chars"),
                    Math.round(result.getStatistics().getPercentile(50.0)),
                    Math.round(result.getStatistics().getPercentile(99.0)),
                    Math.round(result.getStatistics().getPercentile(99.9)));
        }
    }
}
