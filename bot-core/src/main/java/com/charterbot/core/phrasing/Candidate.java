package com.charterbot.core.phrasing;

import com.charterbot.core.values.Language;
import java.time.Instant;
import java.util.Objects;

/**
 * A real question suggested as a new phrasing of a charter section, from what people did (a "did you
 * mean" they followed, an expert's section). No user id: only the text, how often and when it was seen.
 *
 * @param id the store's id
 * @param count how many times it was seen
 */
public record Candidate(
        long id,
        String text,
        String sectionId,
        Language language,
        int count,
        Instant firstSeen,
        Instant lastSeen,
        Status status) {

    /** Where a candidate stands. */
    public enum Status {
        /** Waiting for an administrator; deleted after the question retention. */
        PENDING,
        /** A phrasing of its section on every replica, until exported into the charter's files. */
        APPROVED,
        /** Not a phrasing of any section. */
        REJECTED
    }

    /** The longest phrasing kept. */
    public static final int MAX_TEXT = 500;

    public Candidate {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sectionId, "sectionId");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(status, "status");
        if (text.isBlank() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("a phrasing has 1 to " + MAX_TEXT + " characters");
        }
    }
}
