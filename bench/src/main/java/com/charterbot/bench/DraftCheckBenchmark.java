package com.charterbot.bench;

import com.charterbot.core.charter.Charter;
import com.charterbot.core.check.Draft;
import com.charterbot.core.check.DraftChecker;
import com.charterbot.core.check.DraftFindings;
import com.charterbot.core.check.DraftReport;
import com.charterbot.core.values.Language;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of one draft check against the bundled charter (every signal of both languages), on
 * drafts of {@link #chars} characters made of the labelled drafts run together, round-robin, so
 * that the mix holds risky and clean posts, English and French, links, mentions and emoji. The
 * charter's signals are compiled in the setup, as the bot compiles them once per charter version.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 10, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 4, timeUnit = TimeUnit.SECONDS)
public class DraftCheckBenchmark {

    /** The length of each draft checked. */
    @Param("1000")
    public int chars;

    private DraftChecker checker;
    private Draft[] drafts;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        Charter charter = Fixtures.bundledCharter();
        checker = new DraftChecker(() -> charter, Language.EN, DraftFindings.NONE);
        drafts = Fixtures.drafts(chars);
        next = 0;
        checker.check(drafts[0]);
    }

    @Benchmark
    public DraftReport check() {
        Draft draft = drafts[next];
        next = next + 1 == drafts.length ? 0 : next + 1;
        return checker.check(draft);
    }
}
