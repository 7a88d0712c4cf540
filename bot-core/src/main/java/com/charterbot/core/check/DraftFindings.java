package com.charterbot.core.check;

import com.charterbot.core.charter.Signal;
import java.util.Optional;

/**
 * Told of each checked draft and of each finding, for monitoring: a section id and a level, never
 * a word of the draft.
 */
public interface DraftFindings {

    /** Counts nothing. */
    DraftFindings NONE = new DraftFindings() {
        @Override
        public void checked(Optional<Signal.Level> verdict) {}

        @Override
        public void found(String sectionId, Signal.Level level) {}
    };

    /** A draft was checked; {@code verdict} is its most serious finding's level, empty when nothing was found. */
    void checked(Optional<Signal.Level> verdict);

    /** One finding of a checked draft. */
    void found(String sectionId, Signal.Level level);
}
