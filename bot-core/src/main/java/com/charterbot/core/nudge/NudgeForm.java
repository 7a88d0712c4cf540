package com.charterbot.core.nudge;

import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import java.util.List;
import java.util.Objects;

/**
 * The form to change a channel's nudges, every text final in {@code language}: adapters only lay
 * it out (a Slack modal, an Adaptive Card) and send back {@link Field#id()} to value.
 *
 * @param title e.g. "Nudges in #general"
 * @param submitLabel e.g. "Save"
 * @param cancelLabel e.g. "Cancel"
 */
public record NudgeForm(
        Language language,
        ChannelRef channel,
        String title,
        String submitLabel,
        String cancelLabel,
        List<Field> fields) {

    public static final String FREQUENCY = "frequency";
    public static final String WEEKDAY = "weekday";
    public static final String DAY_OF_MONTH = "day-of-month";
    public static final String TIME = "time";
    public static final String ZONE = "zone";
    public static final String LANGUAGE = "language";
    public static final String CONTENT = "content";

    public NudgeForm {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(submitLabel, "submitLabel");
        Objects.requireNonNull(cancelLabel, "cancelLabel");
        fields = List.copyOf(fields);
    }

    /** How a field is entered. */
    public enum Kind {
        /** One of {@link Field#options()}. */
        CHOICE,
        /** Free text of at most {@link Field#maxLength()} characters. */
        TEXT
    }

    /**
     * One field.
     *
     * @param value the current value: an option's value for a choice, the text otherwise
     * @param hint a line under the field (e.g. "HH:mm, 24-hour"), or empty
     */
    public record Field(
            String id, String label, Kind kind, String value, List<Option> options, String hint, int maxLength) {
        public Field {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(value, "value");
            options = List.copyOf(options);
            Objects.requireNonNull(hint, "hint");
            if (kind == Kind.CHOICE && options.isEmpty()) {
                throw new IllegalArgumentException("a choice has options");
            }
            if (maxLength < 1) {
                throw new IllegalArgumentException("maxLength must be positive");
            }
        }
    }

    /** A choice's option: the value sent back and the label shown. */
    public record Option(String value, String label) {
        public Option {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(label, "label");
        }
    }
}
