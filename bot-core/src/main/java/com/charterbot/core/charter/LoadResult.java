package com.charterbot.core.charter;

import java.util.List;
import java.util.Objects;

/** What loading a charter gave: a valid charter, or every problem found. */
public sealed interface LoadResult {

    record Loaded(Charter charter) implements LoadResult {
        public Loaded {
            Objects.requireNonNull(charter, "charter");
        }
    }

    record Rejected(List<CharterProblem> problems) implements LoadResult {
        public Rejected {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a rejected charter has at least one problem");
            }
        }
    }
}
