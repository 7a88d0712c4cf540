package com.charterbot.core.tip;

import java.util.Objects;

/**
 * The stable id of one tip: {@code <section id>#<index>}, the index counting from 0 in the
 * section's list of tips. The same in every language, since tips are listed in the same order.
 */
public record TipId(String sectionId, int index) {

    public TipId {
        Objects.requireNonNull(sectionId, "sectionId");
        if (sectionId.isBlank() || sectionId.contains("#") || !sectionId.equals(sectionId.strip())) {
            throw new IllegalArgumentException("not a section id: '" + sectionId + "'");
        }
        if (index < 0) {
            throw new IllegalArgumentException("a tip index is 0 or more, not " + index);
        }
    }

    /** Reads {@code <section id>#<index>}; throws IllegalArgumentException for anything else. */
    public static TipId parse(String id) {
        Objects.requireNonNull(id, "tip id");
        int hash = id.lastIndexOf('#');
        if (hash <= 0 || hash == id.length() - 1) {
            throw new IllegalArgumentException("not a tip id: '" + id + "'");
        }
        String digits = id.substring(hash + 1);
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9') || digits.length() > 6) {
            throw new IllegalArgumentException("not a tip id: '" + id + "'");
        }
        return new TipId(id.substring(0, hash), Integer.parseInt(digits));
    }

    /** The id as stored and compared: {@code <section id>#<index>}. */
    public String value() {
        return sectionId + "#" + index;
    }

    @Override
    public String toString() {
        return value();
    }
}
