package com.charterbot.app.nudge;

import java.time.Instant;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * Work the scheduler runs once an hour on one replica (the "hourly" task), such as reminding the
 * experts' channel of old questions. Declare as beans; each failure is logged without stopping the others.
 */
public interface HourlyHook {

    /** What runs, for the log. */
    String name();

    /** Does the work at {@code now}; how many things it did. */
    int run(Instant now);

    /** A hook from a name and a function. */
    static HourlyHook of(String name, ToIntFunction<Instant> work) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(work, "work");
        return new HourlyHook() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int run(Instant now) {
                return work.applyAsInt(now);
            }

            @Override
            public String toString() {
                return "HourlyHook[" + name + "]";
            }
        };
    }
}
