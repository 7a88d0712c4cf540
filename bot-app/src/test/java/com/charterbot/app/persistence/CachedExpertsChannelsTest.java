package com.charterbot.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.experts.ExpertsChannels;
import com.charterbot.core.memory.InMemoryExpertsChannels;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Platform;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedExpertsChannelsTest {

    private static final ChannelRef COMMS = new ChannelRef(Platform.SLACK, "T0ACME", "C0COMMS");
    private static final ChannelRef PRESS = new ChannelRef(Platform.SLACK, "T0ACME", "C0PRESS");

    /** The shared database, as every replica sees it, counting its reads. */
    private final InMemoryExpertsChannels database = new InMemoryExpertsChannels();

    private final AtomicInteger reads = new AtomicInteger();
    private final ExpertsChannels counted = new ExpertsChannels() {
        @Override
        public Optional<ChannelRef> find(Platform platform, String tenant) {
            reads.incrementAndGet();
            return database.find(platform, tenant);
        }

        @Override
        public void set(ChannelRef channel) {
            database.set(channel);
        }
    };
    private final AtomicLong nanos = new AtomicLong();
    private final CachedExpertsChannels replica =
            new CachedExpertsChannels(counted, Duration.ofSeconds(10), nanos::get);

    @Test
    void aTenantsChannelAndItsAbsenceAreReadOnceWhileKept() {
        database.set(COMMS);

        for (int i = 0; i < 5; i++) {
            assertThat(replica.find(Platform.SLACK, "T0ACME")).contains(COMMS);
            assertThat(replica.find(Platform.TEAMS, "T0ACME")).isEmpty();
            assertThat(replica.find(Platform.SLACK, "T0OTHER")).isEmpty();
        }

        assertThat(reads).hasValue(3);
    }

    @Test
    void aChannelSetOnThisReplicaShowsAtOnce() {
        assertThat(replica.find(Platform.SLACK, "T0ACME")).isEmpty();

        replica.set(COMMS);

        assertThat(replica.find(Platform.SLACK, "T0ACME")).contains(COMMS);
        assertThat(database.find(Platform.SLACK, "T0ACME")).contains(COMMS);
    }

    @Test
    void aChannelSetOnAnotherReplicaShowsOnceTheKeptValueExpires() {
        replica.set(COMMS);
        database.set(PRESS); // through another replica

        nanos.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(replica.find(Platform.SLACK, "T0ACME"))
                .as("still within the 10 s it is kept")
                .contains(COMMS);
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(replica.find(Platform.SLACK, "T0ACME")).contains(PRESS);
    }
}
