package com.charterbot.playground;

import com.charterbot.app.charter.CharterProperties;
import com.charterbot.app.charter.CharterSource;
import com.charterbot.app.charter.CharterWatcher;
import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.CharterLoader;
import com.charterbot.core.charter.CharterProblem;
import com.charterbot.core.charter.LoadResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The charter the playground answers from, read again whenever its files change, with the
 * server's rules: a folder is checked often (the author is waiting), a broken charter is reported
 * with every problem and never replaces the last good one ({@link AnswerEngine#reload}). Unlike
 * the server, the playground starts with a broken charter too: it shows the problems and answers
 * once the files load. The first reading happens on the side, while the web server starts.
 * Listeners hear of every reading that changed something. Thread-safe.
 */
final class LiveCharter {

    private static final Logger LOG = LoggerFactory.getLogger(LiveCharter.class);

    /**
     * What the author sees of the charter now.
     *
     * @param revision grows with every change of files or of the charter served
     * @param source the folder, or the bundled charter
     * @param watching whether the files are checked for changes (only a folder is)
     * @param version the version answers come from; empty until the files first load
     * @param problems what is wrong with the files as they are now; empty when they load
     * @param loading whether the files are being read for the first time (nothing else is known yet)
     */
    record State(
            long revision,
            Instant checkedAt,
            String source,
            boolean watching,
            Optional<String> version,
            int sections,
            List<CharterProblem> problems,
            boolean loading) {

        State {
            Objects.requireNonNull(version, "version");
            problems = List.copyOf(problems);
        }

        /** Whether the files as they are now are broken while an earlier version still answers. */
        boolean keptEarlier() {
            return version.isPresent() && !problems.isEmpty();
        }
    }

    private final CharterProperties properties;
    private final Duration every;
    private final Clock clock;
    private final List<Consumer<State>> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> firstLoad;
    private volatile AnswerEngine engine;
    private volatile State state;
    private String seen;
    private ScheduledExecutorService executor;

    LiveCharter(CharterProperties properties, Duration every, Clock clock) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.every = Objects.requireNonNull(every, "every");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.state = new State(
                0,
                clock.instant(),
                CharterSource.files(properties).origin(),
                properties.folder() != null,
                Optional.empty(),
                0,
                List.of(),
                true);
        // The first reading (the index, most of a second) overlaps the web server's start.
        this.firstLoad = CompletableFuture.runAsync(
                () -> {
                    synchronized (this) {
                        if (properties.folder() != null) {
                            seen = CharterWatcher.fingerprint(properties.folder());
                        }
                        load();
                    }
                    notifyListeners();
                },
                task -> {
                    Thread thread = new Thread(task, "playground-first-load");
                    thread.setDaemon(true);
                    thread.start();
                });
    }

    /** Completes once the files have been read for the first time, loaded or not. */
    CompletableFuture<Void> firstLoad() {
        return firstLoad.copy();
    }

    /** The engine answers come from, once the files have loaded; waits for the first reading. */
    Optional<AnswerEngine> engine() {
        awaitFirstLoad();
        return Optional.ofNullable(engine);
    }

    /** Waits until the files have been read once (the page asks as soon as it loads). */
    void awaitFirstLoad() {
        try {
            firstLoad.get(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Reading the charter failed: {}", e.toString());
        }
    }

    State state() {
        return state;
    }

    /** Called after each change, on the checking thread. */
    void onChange(Consumer<State> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Reads the files again now; what a {@code reload} in the playground's chat does. */
    synchronized State reloadNow() {
        if (properties.folder() != null) {
            seen = CharterWatcher.fingerprint(properties.folder());
        }
        load();
        notifyListeners();
        return state;
    }

    /** One look at the folder: reads the charter again when the files changed since the last look. */
    synchronized void check() {
        if (properties.folder() == null || state.loading()) {
            return;
        }
        try {
            String now = CharterWatcher.fingerprint(properties.folder());
            if (!now.equals(seen)) {
                seen = now;
                load();
                notifyListeners();
            }
        } catch (RuntimeException e) {
            LOG.warn("Checking {} for charter changes failed: {}", properties.folder(), e.toString());
        }
    }

    private synchronized void load() {
        CharterFiles files = CharterSource.files(properties);
        LoadResult result;
        AnswerEngine current = engine;
        if (current == null) {
            result = CharterLoader.load(files, properties.settings());
            if (result instanceof LoadResult.Loaded loaded) {
                engine = new AnswerEngine(loaded.charter(), properties.language());
            }
        } else {
            result = current.reload(files, properties.settings());
        }
        List<CharterProblem> problems =
                result instanceof LoadResult.Rejected rejected ? rejected.problems() : List.of();
        Charter served = engine == null ? null : engine.charter();
        long revision = state.revision() + 1;
        state = new State(
                revision,
                clock.instant(),
                files.origin(),
                properties.folder() != null,
                Optional.ofNullable(served).map(Charter::version),
                served == null ? 0 : served.topicIds().size(),
                problems,
                false);
        if (problems.isEmpty()) {
            LOG.info("Charter {} loaded from {}", state.version().orElse("?"), files.origin());
        } else {
            LOG.info(
                    "The charter in {} has {} problem(s){}",
                    files.origin(),
                    problems.size(),
                    served == null ? "" : "; version " + served.version() + " still answers");
        }
    }

    private void notifyListeners() {
        State now = state;
        for (Consumer<State> listener : listeners) {
            try {
                listener.accept(now);
            } catch (RuntimeException e) {
                LOG.debug("A charter listener failed: {}", e.toString());
            }
        }
    }

    /** Starts checking the folder for changes (a bundled charter does not change). */
    synchronized void start() {
        if (executor != null || properties.folder() == null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "playground-watch");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::check, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops checking the folder. */
    synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }
}
