package com.charterbot.core.charter;

import java.util.Objects;

/**
 * One line of a section's {@code ## Signals} list: what in a draft makes the section apply, and
 * how serious it is.
 *
 * @param written the pattern as the charter writes it, for reports
 */
public record Signal(Level level, SignalPattern pattern, String written) {

    /** How serious a finding is; the order is from the most serious. */
    public enum Level {
        /** Do not post as it is. */
        STOP,
        /** Check before posting. */
        CAUTION,
        /** A good habit to keep in mind. */
        TIP
    }

    public Signal {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(written, "written");
    }
}
