package com.charterbot.app.ops;

import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.nudge.DeliveryStore;
import com.charterbot.core.nudge.NudgeDelivery;
import com.charterbot.core.values.ChannelRef;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link DeliveryStore} that counts the nudges rescheduled after a failed or rate-limited
 * attempt ("retried") and the ones given up ("failed"). Either costs one more read, for the
 * channel's platform; both are rare next to the nudges sent.
 */
final class MeteredDeliveryStore implements DeliveryStore {

    private final DeliveryStore store;
    private final BotMetrics metrics;

    MeteredDeliveryStore(DeliveryStore store, BotMetrics metrics) {
        this.store = Objects.requireNonNull(store, "store");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public boolean markRetry(long id, int attempts, int rateLimited, String error) {
        boolean marked = store.markRetry(id, attempts, rateLimited, error);
        if (marked) {
            count(id, "retried");
        }
        return marked;
    }

    @Override
    public boolean markFailed(long id, int attempts, String error) {
        boolean marked = store.markFailed(id, attempts, error);
        if (marked) {
            count(id, "failed");
        }
        return marked;
    }

    private void count(long id, String outcome) {
        store.find(id)
                .ifPresent(delivery ->
                        metrics.nudges(delivery.channel().platform(), outcome).increment());
    }

    @Override
    public Optional<NudgeDelivery> createIfAbsent(ChannelRef channel, Instant due) {
        return store.createIfAbsent(channel, due);
    }

    @Override
    public Optional<NudgeDelivery> find(long id) {
        return store.find(id);
    }

    @Override
    public List<NudgeDelivery> findAll(Collection<Slot> slots) {
        return store.findAll(slots);
    }

    @Override
    public List<NudgeDelivery> createAllIfAbsent(Collection<Slot> slots) {
        return store.createAllIfAbsent(slots);
    }

    @Override
    public Optional<NudgeDelivery> find(ChannelRef channel, Instant due) {
        return store.find(channel, due);
    }

    @Override
    public List<NudgeDelivery> pending(int limit) {
        return store.pending(limit);
    }

    @Override
    public boolean markSent(long id, Instant at, NudgeSent.Kind kind) {
        return store.markSent(id, at, kind);
    }

    @Override
    public boolean markSkipped(long id, String reason) {
        return store.markSkipped(id, reason);
    }

    @Override
    public List<NudgeDelivery> problems(Instant since) {
        return store.problems(since);
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        return store.purgeBefore(cutoff);
    }
}
