package com.charterbot.core.nudge;

import com.charterbot.core.activity.NudgeSent;
import java.util.Objects;
import java.util.Optional;

/** What a channel's nudges are made of. */
public enum NudgeContent {
    /** Always a practical tip. */
    TIPS,
    /** Always a channel micro-quiz. */
    QUIZ,
    /** A tip and a channel micro-quiz in turn, starting with a tip. */
    ALTERNATE;

    /** The kind of the next nudge, given the kind of the previous one in the channel (if any). */
    public NudgeSent.Kind next(Optional<NudgeSent.Kind> previous) {
        Objects.requireNonNull(previous, "previous");
        return switch (this) {
            case TIPS -> NudgeSent.Kind.TIP;
            case QUIZ -> NudgeSent.Kind.QUIZ;
            case ALTERNATE ->
                previous.filter(kind -> kind == NudgeSent.Kind.TIP).isPresent()
                        ? NudgeSent.Kind.QUIZ
                        : NudgeSent.Kind.TIP;
        };
    }
}
