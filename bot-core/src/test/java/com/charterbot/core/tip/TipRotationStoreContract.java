package com.charterbot.core.tip;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Platform;
import org.junit.jupiter.api.Test;

/** What every {@link TipRotationStore} does; each implementation's test extends this class. */
public abstract class TipRotationStoreContract {

    private static final ChannelRef GENERAL = new ChannelRef(Platform.SLACK, "T0ACME", "C0GENERAL");
    private static final ChannelRef RANDOM = new ChannelRef(Platform.TEAMS, "tenant-1", "19:random@thread.tacv2");

    /** A new, empty store. */
    protected abstract TipRotationStore newStore();

    @Test
    void aChannelsCycleHoldsTheTipsShownAndTheLastOne() {
        TipRotationStore store = newStore();
        assertThat(store.shown(GENERAL)).isEmpty();
        assertThat(store.last(GENERAL)).isEmpty();

        store.markShown(GENERAL, "photos#0");
        store.markShown(GENERAL, "leaks#1");
        store.markShown(RANDOM, "photos#2");

        assertThat(store.shown(GENERAL)).containsExactlyInAnyOrder("photos#0", "leaks#1");
        assertThat(store.last(GENERAL)).contains("leaks#1");
        assertThat(store.shown(RANDOM)).containsExactly("photos#2");
    }

    @Test
    void aNewCycleForgetsWhatWasShownButNotTheLastTip() {
        TipRotationStore store = newStore();
        store.markShown(GENERAL, "photos#0");
        store.markShown(GENERAL, "leaks#1");

        store.reset(GENERAL);

        assertThat(store.shown(GENERAL)).isEmpty();
        assertThat(store.last(GENERAL)).contains("leaks#1");
        store.markShown(GENERAL, "photos#0");
        assertThat(store.shown(GENERAL)).containsExactly("photos#0");
        assertThat(store.last(GENERAL)).contains("photos#0");
    }
}
