package com.charterbot.core.memory;

import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.nudge.DeliveryStore;
import com.charterbot.core.nudge.NudgeDelivery;
import com.charterbot.core.values.ChannelRef;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** A {@link DeliveryStore} in memory, for tests and single-process use. Thread-safe. */
public final class InMemoryDeliveryStore implements DeliveryStore {

    private record Key(ChannelRef channel, Instant due) {}

    private final TreeMap<Long, NudgeDelivery> byId = new TreeMap<>();
    private final Map<Key, Long> byKey = new HashMap<>();
    private long lastId;

    @Override
    public synchronized Optional<NudgeDelivery> createIfAbsent(ChannelRef channel, Instant due) {
        Key key = new Key(Objects.requireNonNull(channel, "channel"), Objects.requireNonNull(due, "due"));
        if (byKey.containsKey(key)) {
            return Optional.empty();
        }
        NudgeDelivery delivery = NudgeDelivery.pending(++lastId, channel, due);
        byId.put(delivery.id(), delivery);
        byKey.put(key, delivery.id());
        return Optional.of(delivery);
    }

    @Override
    public synchronized Optional<NudgeDelivery> find(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<NudgeDelivery> find(ChannelRef channel, Instant due) {
        Long id = byKey.get(new Key(Objects.requireNonNull(channel, "channel"), Objects.requireNonNull(due, "due")));
        return id == null ? Optional.empty() : Optional.of(byId.get(id));
    }

    @Override
    public synchronized List<NudgeDelivery> pending(int limit) {
        return byId.values().stream()
                .filter(d -> d.status() == NudgeDelivery.Status.PENDING)
                .limit(Math.max(0, limit))
                .toList();
    }

    @Override
    public synchronized boolean markSent(long id, Instant at, NudgeSent.Kind kind) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        return update(
                id,
                d -> new NudgeDelivery(
                        d.id(),
                        d.channel(),
                        d.due(),
                        Optional.of(kind),
                        NudgeDelivery.Status.SENT,
                        d.attempts(),
                        d.rateLimited(),
                        d.lastError(),
                        Optional.of(at)));
    }

    @Override
    public synchronized boolean markRetry(long id, int attempts, int rateLimited, String error) {
        String clipped = DeliveryStore.clip(Objects.requireNonNull(error, "error"));
        return update(
                id,
                d -> new NudgeDelivery(
                        d.id(),
                        d.channel(),
                        d.due(),
                        d.kind(),
                        NudgeDelivery.Status.PENDING,
                        attempts,
                        rateLimited,
                        clipped,
                        d.sentAt()));
    }

    @Override
    public synchronized boolean markFailed(long id, int attempts, String error) {
        String clipped = DeliveryStore.clip(Objects.requireNonNull(error, "error"));
        return update(
                id,
                d -> new NudgeDelivery(
                        d.id(),
                        d.channel(),
                        d.due(),
                        d.kind(),
                        NudgeDelivery.Status.FAILED,
                        attempts,
                        d.rateLimited(),
                        clipped,
                        d.sentAt()));
    }

    @Override
    public synchronized boolean markSkipped(long id, String reason) {
        String clipped = DeliveryStore.clip(Objects.requireNonNull(reason, "reason"));
        return update(
                id,
                d -> new NudgeDelivery(
                        d.id(),
                        d.channel(),
                        d.due(),
                        d.kind(),
                        NudgeDelivery.Status.SKIPPED,
                        d.attempts(),
                        d.rateLimited(),
                        clipped,
                        d.sentAt()));
    }

    @Override
    public synchronized List<NudgeDelivery> problems(Instant since) {
        Objects.requireNonNull(since, "since");
        return byId.values().stream()
                .filter(d -> d.status() == NudgeDelivery.Status.FAILED || d.status() == NudgeDelivery.Status.SKIPPED)
                .filter(d -> !d.due().isBefore(since))
                .sorted(Comparator.comparing(NudgeDelivery::due)
                        .thenComparingLong(NudgeDelivery::id)
                        .reversed())
                .toList();
    }

    @Override
    public synchronized int purgeBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        List<NudgeDelivery> old = byId.values().stream()
                .filter(d -> d.status().terminal() && d.due().isBefore(cutoff))
                .toList();
        for (NudgeDelivery delivery : old) {
            byId.remove(delivery.id());
            byKey.remove(new Key(delivery.channel(), delivery.due()));
        }
        return old.size();
    }

    /** Every delivery, by id; handy for tests. */
    public synchronized List<NudgeDelivery> all() {
        return List.copyOf(byId.values());
    }

    private boolean update(long id, UnaryOperator<NudgeDelivery> change) {
        NudgeDelivery delivery = byId.get(id);
        if (delivery == null || delivery.status() != NudgeDelivery.Status.PENDING) {
            return false;
        }
        byId.put(id, change.apply(delivery));
        return true;
    }
}
