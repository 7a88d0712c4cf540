package com.charterbot.bench;

import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.values.Language;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to index a charter: building an {@link AnswerEngine} from a charter already loaded and
 * validated, which is what a reload costs once the files are read. Warm, steady-state mean.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 10, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public class IndexBuildBenchmark {

    private Charter charter;

    @Setup(Level.Trial)
    public void setUp() {
        charter = Fixtures.bundledCharter();
    }

    @Benchmark
    public AnswerEngine build() {
        return new AnswerEngine(charter, Language.EN);
    }
}
