package com.charterbot.core.nudge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.charterbot.core.activity.NudgeSent.Kind;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChannelStateTest {

    static final ChannelRef CHANNEL = new ChannelRef(Platform.SLACK, "T1", "C1");
    static final NudgeSettings SETTINGS =
            NudgeSettings.defaults(ZoneId.of("Europe/Paris"), Language.EN).withWeekday(java.time.DayOfWeek.TUESDAY);

    @Test
    void aNewChannelIsActiveAndNeverNudged() {
        ChannelState state = ChannelState.of(CHANNEL, "general", SETTINGS);

        assertThat(state.status()).isEqualTo(ChannelState.Status.ACTIVE);
        assertThat(state.pauseReason()).isEmpty();
        assertThat(state.lastDelivery()).isEmpty();
        assertThat(state.nextKind()).isEqualTo(Kind.TIP);
    }

    @Test
    void aDeliveryIsRememberedAndTheKindAlternates() {
        Instant at = Instant.parse("2024-03-05T09:00:00Z");
        ChannelState state = ChannelState.of(CHANNEL, "", SETTINGS).delivered(at, Kind.TIP);

        assertThat(state.lastDelivery()).contains(at);
        assertThat(state.lastKind()).contains(Kind.TIP);
        assertThat(state.nextKind()).isEqualTo(Kind.QUIZ);
        assertThat(state.nextDue(Clock.fixed(at, ZoneOffset.UTC))).contains(Instant.parse("2024-03-12T09:00:00Z"));
    }

    @Test
    void aPausedChannelIsNeverDueUntilResumed() {
        Clock clock = Clock.fixed(Instant.parse("2024-03-04T09:00:00Z"), ZoneOffset.UTC);
        ChannelState paused = ChannelState.of(CHANNEL, "general", SETTINGS).paused("the bot was removed");

        assertThat(paused.status()).isEqualTo(ChannelState.Status.PAUSED);
        assertThat(paused.pauseReason()).isEqualTo("the bot was removed");
        assertThat(paused.nextDue(clock)).isEmpty();
        assertThat(paused.resumed().pauseReason()).isEmpty();
        assertThat(paused.resumed().nextDue(clock)).contains(Instant.parse("2024-03-05T09:00:00Z"));
    }

    @Test
    void rejectsInconsistentStates() {
        assertThatThrownBy(() -> new ChannelState(
                        CHANNEL,
                        "",
                        SETTINGS,
                        ChannelState.Status.ACTIVE,
                        "reason",
                        Optional.empty(),
                        Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChannelState(
                        CHANNEL, "", SETTINGS, ChannelState.Status.ACTIVE, "", Optional.empty(), Optional.of(Kind.TIP)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChannelState(
                        CHANNEL, null, SETTINGS, ChannelState.Status.ACTIVE, "", Optional.empty(), Optional.empty()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ChannelState.of(CHANNEL, "", null)).isInstanceOf(NullPointerException.class);
    }
}
