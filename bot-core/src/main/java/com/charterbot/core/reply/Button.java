package com.charterbot.core.reply;

import java.util.Objects;

/**
 * A button or choice the user can click. Clicking it comes back to the core as an action with
 * the same {@code actionId} and {@code value}.
 *
 * @param actionId one of {@link ActionIds}, stable across versions
 * @param value what the click carries (a section id, a quiz answer...); at most 2,000 characters
 */
public record Button(String actionId, String value, String label, Style style) {

    /** How prominent a button is; adapters map it to the platform's styles. */
    public enum Style {
        DEFAULT,
        PRIMARY,
        DANGER
    }

    public Button {
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(style, "style");
        if (value.length() > 2_000) {
            throw new IllegalArgumentException("a button value is at most 2,000 characters");
        }
    }

    public static Button of(String actionId, String value, String label) {
        return new Button(actionId, value, label, Style.DEFAULT);
    }
}
