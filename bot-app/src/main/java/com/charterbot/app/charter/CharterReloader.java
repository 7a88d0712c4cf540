package com.charterbot.app.charter;

import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.LoadResult;
import com.charterbot.core.charter.ReloadCharter;
import com.charterbot.core.charter.ReloadResult;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the configured charter folder again with the loader used at start-up and hands it to
 * {@link AnswerEngine#reload}, which installs it only when it is valid: a broken charter is
 * reported (in the log and to the administrator who asked) while the one in use keeps answering.
 * With the bundled charter ({@code charter.dir} unset) there is nothing to read again. One reload
 * at a time; thread-safe.
 */
public final class CharterReloader implements ReloadCharter {

    /** What set a reload off, for the log. */
    public enum Trigger {
        ADMIN_COMMAND,
        FILE_CHANGE
    }

    /**
     * The last reload.
     *
     * @param at when it finished
     */
    public record Outcome(Instant at, Trigger trigger, ReloadResult result) {}

    private static final Logger LOG = LoggerFactory.getLogger(CharterReloader.class);

    private final AnswerEngine engine;
    private final CharterProperties properties;
    private final Clock clock;
    private volatile Outcome last;

    public CharterReloader(AnswerEngine engine, CharterProperties properties, Clock clock) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** An administrator's {@code reload}. */
    @Override
    public ReloadResult reload() {
        return reload(Trigger.ADMIN_COMMAND);
    }

    public synchronized ReloadResult reload(Trigger trigger) {
        Objects.requireNonNull(trigger, "trigger");
        if (properties.folder() == null) {
            return new ReloadResult.Bundled();
        }
        String before = engine.charter().version();
        CharterFiles files = CharterFiles.fromDirectory(properties.folder());
        LoadResult loaded = engine.reload(files, properties.settings());
        ReloadResult result;
        if (loaded instanceof LoadResult.Rejected rejected) {
            result = new ReloadResult.Rejected(before, rejected.problems());
            LOG.warn(
                    "Charter reload ({}) rejected, still serving version {}. {}",
                    describe(trigger),
                    before,
                    CharterSource.describe(files, rejected));
        } else {
            Charter charter = ((LoadResult.Loaded) loaded).charter();
            ReloadResult.Reloaded reloaded = new ReloadResult.Reloaded(
                    before, charter.version(), charter.topicIds().size());
            result = reloaded;
            if (reloaded.changed()) {
                LOG.info(
                        "Charter {} reloaded ({}) from {}: {} sections, was version {}",
                        reloaded.version(),
                        describe(trigger),
                        files.origin(),
                        reloaded.sections(),
                        before);
            } else {
                LOG.info("Charter reload ({}): the files are unchanged, still version {}", describe(trigger), before);
            }
        }
        last = new Outcome(clock.instant(), trigger, result);
        return result;
    }

    /** The last reload, if any happened since start-up. */
    public Optional<Outcome> last() {
        return Optional.ofNullable(last);
    }

    private static String describe(Trigger trigger) {
        return trigger == Trigger.ADMIN_COMMAND ? "asked by an administrator" : "the charter files changed";
    }
}
