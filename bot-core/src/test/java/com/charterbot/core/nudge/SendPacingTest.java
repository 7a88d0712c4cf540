package com.charterbot.core.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SendPacingTest {

    static final Instant T0 = Instant.parse("2024-03-04T10:00:00Z");

    @Test
    void evenPacingSendsNoMoreThanTheBudgetInAnySecondEvenAfterAnIdleSpell() {
        SendPacing pacing = SendPacing.evenly(100, Duration.ZERO);
        SendPacing.Slots slots = SendPacing.Slots.NONE;
        int inFirstSecond = 0;
        for (int i = 0; i < 250; i++) {
            SendPacing.Decision decision =
                    pacing.decide(new SendPacing.Slots(slots.tenantNext(), null, null), T0, null);
            assertThat(decision.booked()).isTrue();
            if (decision.delay().compareTo(Duration.ofSeconds(1)) < 0) {
                inFirstSecond++;
            }
            slots = decision.slots();
        }

        assertThat(inFirstSecond).isEqualTo(100);
        assertThat(slots.tenantNext()).isEqualTo(T0.plusMillis(2500));
    }

    @Test
    void aDecisionDependsOnlyOnTheSlotsItIsGiven() {
        SendPacing pacing = new SendPacing(10, 1, Duration.ofMillis(1100));
        SendPacing.Slots slots = new SendPacing.Slots(T0.plusMillis(300), null, T0.plusMillis(800));

        SendPacing.Decision first = pacing.decide(slots, T0, null);
        SendPacing.Decision again = pacing.decide(slots, T0, null);

        assertThat(again).isEqualTo(first);
        assertThat(first.delay())
                .as("the channel's spacing binds, not the tenant's slot")
                .isEqualTo(Duration.ofMillis(800));
        assertThat(first.slots()).isEqualTo(new SendPacing.Slots(T0.plusMillis(900), null, T0.plusMillis(1900)));
    }

    @Test
    void aCallerTurnedAwayMovesOnlyTheComeBackSlot() {
        SendPacing pacing = SendPacing.evenly(2, Duration.ZERO);
        SendPacing.Slots busy = new SendPacing.Slots(T0.plusSeconds(5), null, null);

        SendPacing.Decision first = pacing.decide(busy, T0, Duration.ofSeconds(1));
        SendPacing.Decision second = pacing.decide(first.slots(), T0, Duration.ofSeconds(1));

        assertThat(first.booked()).isFalse();
        assertThat(first.delay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(first.slots().tenantNext()).as("nothing booked").isEqualTo(T0.plusSeconds(5));
        assertThat(second.delay()).as("the next one half a second later").isEqualTo(Duration.ofMillis(5500));
    }
}
