package com.charterbot.core.nudge;

import java.time.Instant;
import java.util.Objects;

/** What the scheduler should do with a delivery after {@link NudgeDispatcher#deliver}. */
public sealed interface DeliveryResult {

    /** Nothing more to do: sent, skipped, or already handled by another attempt. */
    record Done() implements DeliveryResult {}

    /** Run the delivery again at this instant. */
    record RetryAt(Instant at) implements DeliveryResult {
        public RetryAt {
            Objects.requireNonNull(at, "at");
        }
    }

    /** The nudge will not be sent: attempts exhausted, the platform refused it for good, or the delivery is gone. */
    record GaveUp(String reason) implements DeliveryResult {
        public GaveUp {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
