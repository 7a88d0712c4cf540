package com.charterbot.bench;

import java.io.IOException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs both benchmarks and ends with one machine-readable line:
 * {@code bench-answers: p50_us=<n> p99_us=<n> build_ms=<n>}.
 *
 * <p>Arguments are JMH command-line options (for example {@code -f 2}, {@code -i 10},
 * {@code -prof gc}); they override the defaults annotated on the benchmark classes.
 */
public final class Main {

    private static final String ANSWER = AnswerLatencyBenchmark.class.getName() + ".answer";
    private static final String BUILD = IndexBuildBenchmark.class.getName() + ".build";

    private Main() {}

    public static void main(String[] args) throws RunnerException, IOException {
        CommandLineOptions cli;
        try {
            cli = new CommandLineOptions(args);
        } catch (CommandLineOptionException e) {
            System.err.println("bench-answers: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (cli.shouldHelp()) {
            cli.showHelp();
            return;
        }

        Options options = new OptionsBuilder()
                .parent(cli)
                .include("^" + quote(ANSWER) + "$")
                .include("^" + quote(BUILD) + "$")
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();

        Result<?> answer = primary(results, ANSWER);
        Result<?> build = primary(results, BUILD);
        checkUnit(answer, TimeUnit.MICROSECONDS);
        checkUnit(build, TimeUnit.MILLISECONDS);

        long p50 = Math.round(answer.getStatistics().getPercentile(50.0));
        long p99 = Math.round(answer.getStatistics().getPercentile(99.0));
        long buildMs = Math.round(build.getScore());
        System.out.println();
        System.out.printf(Locale.ROOT, "bench-answers: p50_us=%d p99_us=%d build_ms=%d%n", p50, p99, buildMs);
    }

    private static Result<?> primary(Collection<RunResult> results, String benchmark) {
        Optional<RunResult> run = results.stream()
                .filter(r -> r.getParams().getBenchmark().equals(benchmark))
                .findFirst();
        if (run.isEmpty()) {
            System.err.println("bench-answers: no result for " + benchmark);
            System.exit(1);
        }
        return run.get().getPrimaryResult();
    }

    /** The last line promises microseconds and milliseconds: refuse a -tu that would change them silently. */
    private static void checkUnit(Result<?> result, TimeUnit expected) {
        String unit = result.getScoreUnit();
        String symbol = expected == TimeUnit.MICROSECONDS ? "us/op" : "ms/op";
        if (!unit.equals(symbol)) {
            System.err.println("bench-answers: expected scores in " + symbol + ", got " + unit + " (do not pass -tu)");
            System.exit(1);
        }
    }

    private static String quote(String name) {
        return name.replace(".", "\\.");
    }
}
