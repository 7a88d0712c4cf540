package com.charterbot.bench.rehearsal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the platform stubs received for the nudge channels, per channel: every send and what it was
 * answered. A send answered {@link Faults.Kind#LATE} counts as delivered: the app's client gave up
 * waiting, but the platform took the message, as a slow Slack or Teams would. Thread-safe.
 */
final class Receipts {

    /** One send to a nudge channel, when it reached the stub ({@link System#nanoTime()}) and how it was answered. */
    record Receipt(String channel, long atNanos, Faults.Kind answer) {
        boolean delivered() {
            return answer == Faults.Kind.ACCEPTED || answer == Faults.Kind.LATE;
        }
    }

    private final Set<String> expected;
    private final Map<String, List<Receipt>> byChannel = new ConcurrentHashMap<>();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder unexpected = new LongAdder();
    private final LongAdder wrongToken = new LongAdder();

    /** @param expected the ids of every channel that should get exactly one nudge */
    Receipts(Set<String> expected) {
        this.expected = Set.copyOf(expected);
    }

    boolean isNudgeChannel(String channel) {
        return expected.contains(channel);
    }

    void record(String channel, Faults.Kind answer) {
        Receipt receipt = new Receipt(channel, System.nanoTime(), answer);
        byChannel.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(receipt);
        if (receipt.delivered()) {
            delivered.increment();
        }
    }

    /** A post to a channel that was not seeded: counted, since no such nudge should exist. */
    void recordUnexpected() {
        unexpected.increment();
    }

    /** Messages delivered so far, duplicates included. */
    long deliveredCount() {
        return delivered.sum();
    }

    /** Channels that have at least one delivered message so far. */
    long channelsReached() {
        return byChannel.values().stream()
                .filter(list -> list.stream().anyMatch(Receipt::delivered))
                .count();
    }

    long unexpectedCount() {
        return unexpected.sum();
    }

    /** A post to a nudge channel with another workspace's token. */
    void recordWrongToken() {
        wrongToken.increment();
    }

    long wrongTokenCount() {
        return wrongToken.sum();
    }

    Set<String> expected() {
        return expected;
    }

    /** Every send to this channel so far, oldest first. */
    List<Receipt> of(String channel) {
        return List.copyOf(byChannel.getOrDefault(channel, List.of()));
    }

    /** Every send so far. */
    List<Receipt> all() {
        List<Receipt> all = new ArrayList<>();
        byChannel.values().forEach(all::addAll);
        return all;
    }
}
