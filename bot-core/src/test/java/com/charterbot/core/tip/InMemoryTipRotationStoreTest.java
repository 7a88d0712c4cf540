package com.charterbot.core.tip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.charterbot.core.memory.InMemoryTipRotationStore;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Platform;
import org.junit.jupiter.api.Test;

class InMemoryTipRotationStoreTest {

    private final InMemoryTipRotationStore store = new InMemoryTipRotationStore();
    private final ChannelRef general = new ChannelRef(Platform.SLACK, "T1", "C1");
    private final ChannelRef random = new ChannelRef(Platform.SLACK, "T1", "C2");

    @Test
    void remembersShownTipsPerChannel() {
        store.markShown(general, "scope#0");
        store.markShown(general, "scope#1");
        store.markShown(random, "sanctions#2");

        assertThat(store.shown(general)).containsExactlyInAnyOrder("scope#0", "scope#1");
        assertThat(store.shown(random)).containsExactly("sanctions#2");
        assertThat(store.last(general)).contains("scope#1");
    }

    @Test
    void resetForgetsTheCycleButKeepsTheLastTip() {
        store.markShown(general, "scope#0");
        store.reset(general);

        assertThat(store.shown(general)).isEmpty();
        assertThat(store.last(general)).contains("scope#0");
        assertThat(store.last(random)).isEmpty();
    }

    @Test
    void refusesSomethingThatIsNotATipId() {
        assertThatThrownBy(() -> store.markShown(general, "scope")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.markShown(general, "#3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.markShown(general, "scope#x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tipIdsReadBackWhatTheyWrite() {
        TipId id = TipId.parse("photos-videos#2");
        assertThat(id).isEqualTo(new TipId("photos-videos", 2));
        assertThat(id.value()).isEqualTo("photos-videos#2");
    }
}
