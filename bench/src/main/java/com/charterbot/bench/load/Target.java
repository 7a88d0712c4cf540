package com.charterbot.bench.load;

import java.util.Objects;

/** What one phase loads: a name for the report, how to build each request, and what counts as ok. */
public record Target(String name, RequestFactory requests, ResponseCheck check) {

    public Target {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a target needs a name");
        }
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(check, "check");
    }
}
