package com.charterbot.app.persistence;

import com.charterbot.core.activity.ActivityCounts;
import com.charterbot.core.activity.ForwardingActivityLog;
import com.charterbot.core.activity.QuestionAsked;
import com.charterbot.core.activity.StatsScope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link JdbcActivityLog}, with the one record made on every question written off the request
 * thread: questions wait in a bounded queue and a background thread writes them in batches every
 * {@code every} (250 ms by default), so answering costs no statement. Everything else goes straight
 * through.
 *
 * <p>Nothing is lost silently: a question that finds the queue full ({@value #CAPACITY} waiting, the
 * database down for a while under load) is counted in {@link #dropped()} (the
 * {@code charter.activity.questions.dropped} gauge) and logged; a batch the database refuses is kept
 * and tried again on the next rounds, while new questions queue behind it, and counted as dropped only
 * after {@value #TRIES} tries in a row (a batch the database will never take must not stop the
 * others). One WARN line when writing starts failing, one INFO line when it works again. Reading questions back
 * (or counting them) writes what waits first, so this replica's statistics include its latest questions;
 * {@link #close()} (at shutdown) writes the rest. Thread-safe.
 */
public final class BatchedQuestions extends ForwardingActivityLog implements AutoCloseable {

    static final int CAPACITY = 10_000;
    static final int BATCH = 500;
    static final int TRIES = 40;
    private static final Logger LOG = LoggerFactory.getLogger(BatchedQuestions.class);

    private final JdbcActivityLog log;
    private final BlockingQueue<QuestionAsked> waiting = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final ScheduledExecutorService writer;
    private final Object writing = new Object();
    private List<QuestionAsked> refused = List.of(); // guarded by writing
    private int tries; // of the refused batch; guarded by writing
    private volatile boolean failing;

    public BatchedQuestions(JdbcActivityLog log, Duration every) {
        super(log);
        this.log = log;
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("the interval between writes must be positive");
        }
        this.writer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "charter-activity-writer");
            thread.setDaemon(true);
            return thread;
        });
        writer.scheduleWithFixedDelay(this::writeQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void record(QuestionAsked event) {
        Objects.requireNonNull(event, "event");
        if (!waiting.offer(event)) {
            long total = dropped.incrementAndGet();
            if (total == 1 || total % 1_000 == 0) {
                LOG.warn(
                        "{} question record(s) not kept for statistics so far: {} wait to be written (is the database reachable?)",
                        total,
                        CAPACITY);
            }
        }
    }

    /** Questions not kept because the queue was full, since start-up. */
    public long dropped() {
        return dropped.get();
    }

    /** Writes every question waiting now; throws what the database throws (the batch stays for the next try). */
    void write() {
        synchronized (writing) {
            List<QuestionAsked> batch = new ArrayList<>(refused);
            refused = List.of();
            do {
                waiting.drainTo(batch, BATCH - batch.size());
                if (batch.isEmpty()) {
                    return;
                }
                try {
                    log.recordAll(batch);
                } catch (RuntimeException e) {
                    if (++tries >= TRIES) {
                        dropped.addAndGet(batch.size());
                        LOG.warn(
                                "{} question record(s) dropped after {} failed writes: {}",
                                batch.size(),
                                tries,
                                e.getClass().getSimpleName());
                        tries = 0;
                    } else {
                        refused = List.copyOf(batch);
                    }
                    throw e;
                }
                tries = 0;
                batch.clear();
            } while (!waiting.isEmpty());
        }
    }

    private void writeQuietly() {
        try {
            write();
            if (failing) {
                failing = false;
                LOG.info("question records are written again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warn(
                        "question records not written, tried again every round: {}",
                        e.getClass().getSimpleName());
            }
        }
    }

    @Override
    public List<QuestionAsked> questions(Instant from, Instant to) {
        writeQuietly();
        return super.questions(from, to);
    }

    @Override
    public List<ActivityCounts> count(List<ActivityCounts.Period> periods, StatsScope scope) {
        writeQuietly();
        return super.count(periods, scope);
    }

    /** Stops the background writer and writes what waits (at shutdown). */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            write();
        } catch (RuntimeException e) {
            LOG.warn(
                    "{} question record(s) not written at shutdown: {}",
                    waiting.size() + refusedCount(),
                    e.getClass().getSimpleName());
        }
    }

    private int refusedCount() {
        synchronized (writing) {
            return refused.size();
        }
    }
}
