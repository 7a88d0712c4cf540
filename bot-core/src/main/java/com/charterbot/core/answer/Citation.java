package com.charterbot.core.answer;

import java.util.Objects;

/**
 * A charter section as the bot cites it.
 *
 * @param link the section in the full charter, or null when no charter link is configured
 */
public record Citation(String sectionId, String title, String link) {

    public Citation {
        Objects.requireNonNull(sectionId, "sectionId");
        Objects.requireNonNull(title, "title");
    }
}
