package com.charterbot.core.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Charts to draw side by side as one picture: what each says, in the reader's language, and its
 * numbers. How they look is up to {@link DrawCharts}.
 *
 * @param title the sheet's title, drawn above the charts
 */
public record ChartSheet(String title, List<Chart> charts) {

    /** How a chart shows its series. */
    public enum Kind {
        /** One column per category, the series stacked in it (weeks by tier). */
        STACKED_COLUMNS,
        /** One horizontal bar per category, a single series (topics by count); the categories are long labels. */
        BARS,
        /** One point per category joined by a line; a missing value leaves a gap (a weekly rate). */
        LINE
    }

    /**
     * One chart.
     *
     * @param categories the labels along the category axis, in order
     * @param maximum the value axis ends here when positive (100 for a percentage); 0 lets it fit the values
     */
    public record Chart(String title, Kind kind, List<String> categories, List<Series> series, double maximum) {
        public Chart {
            requireText(title, "title");
            Objects.requireNonNull(kind, "kind");
            categories = List.copyOf(categories);
            series = List.copyOf(series);
            if (series.isEmpty()) {
                throw new IllegalArgumentException("a chart has at least one series");
            }
            for (Series one : series) {
                if (one.values().size() != categories.size()) {
                    throw new IllegalArgumentException("series '" + one.name() + "' has "
                            + one.values().size() + " values for " + categories.size() + " categories");
                }
            }
            if (kind != Kind.STACKED_COLUMNS && series.size() != 1) {
                throw new IllegalArgumentException(kind + " charts have one series");
            }
            if (!(maximum >= 0)) {
                throw new IllegalArgumentException("maximum must be 0 or positive: " + maximum);
            }
        }
    }

    /**
     * A named row of values, one per category.
     *
     * @param values null where there is no value (a week without quiz answers has no success rate)
     */
    public record Series(String name, List<Double> values) {
        public Series {
            requireText(name, "name");
            values = Collections.unmodifiableList(new ArrayList<>(values));
            for (Double value : values) {
                if (value != null && !(value >= 0)) {
                    throw new IllegalArgumentException("values are counts or rates, 0 or more: " + value);
                }
            }
        }
    }

    public ChartSheet {
        requireText(title, "title");
        charts = List.copyOf(charts);
        if (charts.isEmpty()) {
            throw new IllegalArgumentException("a sheet has at least one chart");
        }
    }

    private static void requireText(String text, String name) {
        Objects.requireNonNull(text, name);
        if (text.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
