package com.charterbot.core.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.memory.InMemoryChannelStore;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InMemoryChannelStoreTest {

    static final NudgeSettings SETTINGS = NudgeSettings.defaults(ZoneId.of("UTC"), Language.EN);

    static ChannelRef channel(String id) {
        return new ChannelRef(Platform.SLACK, "T1", id);
    }

    @Test
    void findsWhatWasSavedAndNothingElse() {
        InMemoryChannelStore store = new InMemoryChannelStore();
        ChannelState state = ChannelState.of(channel("C1"), "general", SETTINGS);

        store.save(state);

        assertThat(store.find(channel("C1"))).contains(state);
        assertThat(store.find(channel("C2"))).isEmpty();
    }

    @Test
    void savingAgainReplacesTheChannelsState() {
        InMemoryChannelStore store = new InMemoryChannelStore();
        store.save(ChannelState.of(channel("C1"), "general", SETTINGS));
        ChannelState renamed = ChannelState.of(channel("C1"), "random", SETTINGS);

        store.save(renamed);

        assertThat(store.all()).containsExactly(renamed);
    }

    @Test
    void removeForgetsTheChannelAndIgnoresUnknownOnes() {
        InMemoryChannelStore store = new InMemoryChannelStore();
        store.save(ChannelState.of(channel("C1"), "", SETTINGS));
        store.save(ChannelState.of(channel("C2"), "", SETTINGS));

        store.remove(channel("C1"));
        store.remove(channel("C9"));

        assertThat(store.all()).extracting(ChannelState::channel).containsExactly(channel("C2"));
    }

    @Test
    void allIsASnapshot() {
        InMemoryChannelStore store = new InMemoryChannelStore();
        store.save(ChannelState.of(channel("C1"), "", SETTINGS));
        List<ChannelState> before = store.all();

        store.save(ChannelState.of(channel("C2"), "", SETTINGS));

        assertThat(before).hasSize(1);
        assertThat(store.all()).hasSize(2);
    }

    @Test
    void concurrentSavesAreAllKept() throws Exception {
        InMemoryChannelStore store = new InMemoryChannelStore();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                int offset = thread * 500;
                tasks.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        store.save(ChannelState.of(channel("C" + (offset + i)), "", SETTINGS));
                        if (i % 50 == 0) {
                            store.all();
                        }
                    }
                }));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(store.all()).hasSize(4_000);
    }
}
