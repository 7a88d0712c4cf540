package com.charterbot.app.nudge;

import java.time.Instant;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * One purge run by the daily "retention" task: deletes what has outlived its retention. Declare
 * more as beans of this type; the scheduler runs every one, each failure logged without stopping
 * the others.
 */
public interface RetentionHook {

    /** What is purged, for the log. */
    String name();

    /**
     * Deletes what is older than its retention, counted back from {@code now}.
     *
     * @return how many entries went
     */
    int purge(Instant now);

    /** A hook from a name and a function. */
    static RetentionHook of(String name, ToIntFunction<Instant> purge) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(purge, "purge");
        return new RetentionHook() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int purge(Instant now) {
                return purge.applyAsInt(now);
            }

            @Override
            public String toString() {
                return "RetentionHook[" + name + "]";
            }
        };
    }
}
