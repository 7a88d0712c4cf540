package com.charterbot.core.charter;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A section's {@code ## Signals} block: what the draft checker looks for and says for this section.
 *
 * @param advice what to change when a signal is found, in the charter's words; empty only without signals
 * @param signals what makes the section apply to a draft, each with its level
 * @param unless what shows a draft already does what the section asks ("I work at", a link to the
 *     official announcement): the section's cautions and tips are then dropped, and its stops become tips
 * @param always a one-line check shown when a draft raises nothing, for the two or three points that
 *     always apply (photos, colleagues, confidentiality)
 */
public record SectionSignals(String advice, List<Signal> signals, List<SignalPattern> unless, Optional<String> always) {

    /** A section the checker never raises. */
    public static final SectionSignals NONE = new SectionSignals("", List.of(), List.of(), Optional.empty());

    public SectionSignals {
        Objects.requireNonNull(advice, "advice");
        signals = List.copyOf(signals);
        unless = List.copyOf(unless);
        Objects.requireNonNull(always, "always");
        if (!signals.isEmpty() && advice.isBlank()) {
            throw new IllegalArgumentException("a section with signals says what to change");
        }
    }
}
