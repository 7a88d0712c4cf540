package com.charterbot.bench.rehearsal;

import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the stubs saw besides nudges: the replies the app sent for the load's requests (Slack
 * response URLs, Teams reply-to ids), quiz answer buttons to click next, every call by kind, and
 * anything that a forged request caused. Thread-safe.
 */
final class Sightings {

    /** A quiz answer button seen in a reply: who may click it, and its value. */
    record QuizButton(int person, String channel, String actionId, String value) {}

    /** When each reply reached its stub ({@link System#nanoTime()}), by the load request's key. */
    private final Map<String, Long> replies = new ConcurrentHashMap<>();

    private final Set<String> forged = ConcurrentHashMap.newKeySet();
    private final Queue<QuizButton> slackQuiz = new ConcurrentLinkedQueue<>();
    private final Queue<QuizButton> teamsQuiz = new ConcurrentLinkedQueue<>();
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

    /** A reply for the load request with this key (a response URL's last segment, a Teams activity id) arrived. */
    void reply(String key) {
        replies.putIfAbsent(key, System.nanoTime());
    }

    boolean replied(String key) {
        return replies.containsKey(key);
    }

    /** When the first reply for this key reached its stub ({@link System#nanoTime()}), if one did. */
    Optional<Long> repliedAt(String key) {
        return Optional.ofNullable(replies.get(key));
    }

    /** Something reached a stub because of a forged request: the marker says which. */
    void forged(String marker) {
        forged.add(marker);
    }

    Set<String> forgedSideEffects() {
        return Set.copyOf(forged);
    }

    void slackQuizButton(QuizButton button) {
        slackQuiz.add(button);
    }

    void teamsQuizButton(QuizButton button) {
        teamsQuiz.add(button);
    }

    /** The next Slack quiz button not clicked yet, or null. */
    QuizButton nextSlackQuizButton() {
        return slackQuiz.poll();
    }

    /** The next Teams quiz button not clicked yet, or null. */
    QuizButton nextTeamsQuizButton() {
        return teamsQuiz.poll();
    }

    void call(String kind) {
        calls.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** Calls by {@code "METHOD path -> status"}, sorted. */
    Map<String, Long> calls() {
        Map<String, Long> sorted = new TreeMap<>();
        calls.forEach((kind, count) -> sorted.put(kind, count.sum()));
        return sorted;
    }
}
