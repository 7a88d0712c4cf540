package com.charterbot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SeenEvents} does, the in-memory one and the database's alike: each
 * implementation's test extends this class and says how to make an empty store.
 */
public abstract class SeenEventsContract {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    /** A new, empty store. */
    protected abstract SeenEvents newStore();

    @Test
    void anEventIsNewOnceAndSeenEveryTimeAfter() {
        SeenEvents seen = newStore();

        assertThat(seen.firstTime("slack:Ev01", T0)).isTrue();
        assertThat(seen.firstTime("slack:Ev01", T0.plusSeconds(1))).isFalse();
        assertThat(seen.firstTime("slack:Ev01", T0.plusSeconds(3600))).isFalse();
        assertThat(seen.firstTime("slack:Ev02", T0)).isTrue();
        assertThat(seen.firstTime("teams:Ev01", T0))
                .as("keys are platform-scoped")
                .isTrue();
    }

    @Test
    void forgettingRemovesOnlyWhatIsOlderAndCountsIt() {
        SeenEvents seen = newStore();
        seen.firstTime("slack:old1", T0);
        seen.firstTime("slack:old2", T0.plusSeconds(10));
        seen.firstTime("slack:new", T0.plusSeconds(100));

        assertThat(seen.forgetBefore(T0.plusSeconds(50))).isEqualTo(2);

        assertThat(seen.firstTime("slack:old1", T0.plusSeconds(200)))
                .as("forgotten, so new again")
                .isTrue();
        assertThat(seen.firstTime("slack:new", T0.plusSeconds(200))).isFalse();
        assertThat(seen.forgetBefore(T0)).isZero();
    }
}
