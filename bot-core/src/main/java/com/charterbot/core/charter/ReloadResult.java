package com.charterbot.core.charter;

import java.util.List;
import java.util.Objects;

/** What {@link ReloadCharter#reload} gave. */
public sealed interface ReloadResult {

    /**
     * The charter files were valid and are now in use.
     *
     * @param previousVersion the version served before; equal to {@code version} when the files had not changed
     * @param sections how many sections (not counting the "not covered" entries) the charter has
     */
    record Reloaded(String previousVersion, String version, int sections) implements ReloadResult {
        public Reloaded {
            Objects.requireNonNull(previousVersion, "previousVersion");
            Objects.requireNonNull(version, "version");
        }

        /** Whether the reload brought a different charter. */
        public boolean changed() {
            return !previousVersion.equals(version);
        }
    }

    /**
     * The charter files have problems: the charter in use stays.
     *
     * @param keptVersion the version still served
     * @param problems every problem found, sorted by file and line; never empty
     */
    record Rejected(String keptVersion, List<CharterProblem> problems) implements ReloadResult {
        public Rejected {
            Objects.requireNonNull(keptVersion, "keptVersion");
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a rejected reload has at least one problem");
            }
        }
    }

    /** The bot serves the charter bundled with it: there is no charter folder to read again. */
    record Bundled() implements ReloadResult {}
}
