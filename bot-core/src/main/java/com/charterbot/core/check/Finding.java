package com.charterbot.core.check;

import com.charterbot.core.answer.Citation;
import com.charterbot.core.charter.Signal;
import java.util.List;
import java.util.Objects;

/**
 * One thing the charter says about a draft: how serious it is, the words of the draft that raised
 * it, what to change, and the section it comes from.
 *
 * @param section the charter section, cited like an answer cites it
 * @param triggers the words of the draft that raised it, as written, each at most {@link #MAX_TRIGGER} characters
 * @param change what to change, in the charter's words (the section's signals advice)
 * @param learned whether its level comes from what the charter's example posts taught rather than
 *     from a signal: the draft reads like risky posts, and its triggers are the words that weighed most
 */
public record Finding(Signal.Level level, Citation section, List<String> triggers, String change, boolean learned) {

    /** The longest piece of the draft quoted in a finding. */
    public static final int MAX_TRIGGER = 60;

    public Finding {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(section, "section");
        triggers = List.copyOf(triggers);
        Objects.requireNonNull(change, "change");
    }
}
