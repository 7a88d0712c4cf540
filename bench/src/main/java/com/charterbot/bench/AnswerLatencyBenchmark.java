package com.charterbot.bench;

import com.charterbot.core.answer.Answer;
import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.answer.Question;
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
 * Latency of one answer: the engine is built once, then every call answers the next question of
 * the evaluation set, round-robin, so the distribution covers the whole mix (EN and FR, in and
 * out of scope).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 10, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 4, timeUnit = TimeUnit.SECONDS)
public class AnswerLatencyBenchmark {

    private AnswerEngine engine;
    private Question[] questions;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        engine = new AnswerEngine(Fixtures.bundledCharter(), Language.EN);
        questions = Fixtures.evalQuestions();
        next = 0;
    }

    @Benchmark
    public Answer answer() {
        Question question = questions[next];
        next = next + 1 == questions.length ? 0 : next + 1;
        return engine.answer(question);
    }
}
