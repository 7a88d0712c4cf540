package com.charterbot.app.charter;

import com.charterbot.core.charter.Calibration;
import com.charterbot.core.charter.CharterFile;
import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.CharterProblem;
import com.charterbot.core.charter.ExamplePosts;
import com.charterbot.core.charter.Vocabulary;
import com.charterbot.core.charter.WatchList;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reloads the charter when its files change: every {@code charter.reload.watch-interval} it reads
 * the folder as the loader does and compares a hash of what it read with the last one. Polling
 * rather than a file-system watch service, which misses the symbolic-link swap Kubernetes uses to
 * update a mounted ConfigMap. A change that breaks the charter is logged (every problem, with file
 * and line) once per change, and the charter in use stays.
 */
public final class CharterWatcher implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(CharterWatcher.class);

    private final Path dir;
    private final Duration every;
    private final CharterReloader reloader;
    private ScheduledExecutorService executor;
    private volatile String seen;

    CharterWatcher(Path dir, Duration every, CharterReloader reloader) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.every = Objects.requireNonNull(every, "every");
        this.reloader = Objects.requireNonNull(reloader, "reloader");
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("the watch interval must be positive: " + every);
        }
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        seen = fingerprint(dir);
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "charter-watch");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::check, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Watching {} for charter changes every {}", dir, every);
    }

    /** One look at the folder: reloads when what the loader would read has changed since the last look. */
    void check() {
        try {
            String now = fingerprint(dir);
            if (!now.equals(seen)) {
                seen = now;
                reloader.reload(CharterReloader.Trigger.FILE_CHANGE);
            }
        } catch (RuntimeException e) {
            // The next look tries again; the charter in use stays.
            LOG.warn("Checking {} for charter changes failed", dir, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** A hash of the files the loader reads from the folder and of the problems met reading them. */
    public static String fingerprint(Path dir) {
        CharterFiles files = CharterFiles.fromDirectory(dir);
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        for (CharterFile file : files.files()) {
            update(digest, file.name());
            update(digest, file.text());
        }
        if (files.vocabulary() != null) {
            update(digest, Vocabulary.FILE_NAME);
            update(digest, files.vocabulary());
        }
        if (files.calibration() != null) {
            update(digest, Calibration.FILE_NAME);
            update(digest, files.calibration());
        }
        files.watchList().ifPresent(text -> {
            update(digest, WatchList.FILE);
            update(digest, text);
        });
        files.examplePosts().ifPresent(text -> {
            update(digest, ExamplePosts.FILE);
            update(digest, text);
        });
        for (CharterProblem problem : files.problems()) {
            update(digest, problem.toString());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }
}
