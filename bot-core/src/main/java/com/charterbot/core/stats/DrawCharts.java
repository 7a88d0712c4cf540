package com.charterbot.core.stats;

import java.util.Optional;

/**
 * Draws a {@link ChartSheet} as a PNG picture. The core decides what the charts say; an
 * implementation outside the core decides how they look.
 */
public interface DrawCharts {

    /**
     * The largest picture, in bytes, that every platform shows inline: Teams refuses a message over
     * about 28 KB, and a picture travels in it as base64, a third larger.
     */
    int MAX_PNG_BYTES = 19_000;

    /** The sheet as a PNG of at most {@link #MAX_PNG_BYTES} bytes, or empty when it cannot be drawn that small. */
    Optional<byte[]> png(ChartSheet sheet);

    /** Draws nothing: statistics come as text alone. */
    static DrawCharts none() {
        return sheet -> Optional.empty();
    }
}
