package com.charterbot.core.activity;

import com.charterbot.core.values.ChannelRef;
import java.time.Instant;
import java.util.Objects;

/** A nudge (tip or channel micro-quiz) was delivered to a channel. */
public record NudgeSent(Instant at, ChannelRef channel, Kind kind) {

    /** What the nudge was. */
    public enum Kind {
        TIP,
        QUIZ
    }

    public NudgeSent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
    }
}
