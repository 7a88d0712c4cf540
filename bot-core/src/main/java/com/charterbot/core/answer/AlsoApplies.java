package com.charterbot.core.answer;

import java.util.Objects;

/**
 * Another section that applies to a question besides the one an answer cites, with its key point:
 * the first sentence of its rule.
 */
public record AlsoApplies(Citation citation, String keyPoint) {

    public AlsoApplies {
        Objects.requireNonNull(citation, "citation");
        Objects.requireNonNull(keyPoint, "keyPoint");
        if (keyPoint.isBlank()) {
            throw new IllegalArgumentException("a section that also applies has a key point");
        }
    }
}
