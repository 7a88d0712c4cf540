package com.charterbot.core.check;

import com.charterbot.core.answer.Citation;
import java.util.Objects;

/**
 * A point to check before posting whatever the draft says (photos, colleagues, confidentiality),
 * from a section's {@code always:} signal line.
 */
public record AlwaysCheck(String text, Citation section) {

    public AlwaysCheck {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(section, "section");
    }
}
