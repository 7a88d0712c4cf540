package com.charterbot.core.quiz;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Chooses the questions of a personal quiz: first the due ones (lowest box, then most overdue,
 * first), then new ones spread over as many sections as possible, then the ones due soonest.
 * The same bank, progress, instant and random sequence always give the same quiz.
 */
public final class QuizSelector {

    /**
     * Up to {@code count} distinct question ids of the bank, fewer when the bank is smaller.
     * Progress about questions no longer in the bank is ignored.
     */
    public List<String> select(
            QuizBank bank, Map<String, CardState> progress, int count, Instant now, RandomGenerator random) {
        Objects.requireNonNull(bank, "bank");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(random, "random");
        if (count < 0) {
            throw new IllegalArgumentException("count is not negative: " + count);
        }
        Set<String> chosen = new LinkedHashSet<>();
        List<String> known = bank.ids().stream().filter(progress::containsKey).toList();

        known.stream()
                .filter(id -> progress.get(id).isDue(now))
                .sorted(Comparator.<String>comparingInt(id -> progress.get(id).box())
                        .thenComparing(id -> progress.get(id).due())
                        .thenComparing(Comparator.naturalOrder()))
                .limit(count)
                .forEach(chosen::add);

        addNewQuestions(bank, progress, count, random, chosen);

        known.stream()
                .filter(id -> !chosen.contains(id))
                .sorted(Comparator.<String, Instant>comparing(
                                id -> progress.get(id).due())
                        .thenComparing(Comparator.naturalOrder()))
                .limit(Math.max(0, count - chosen.size()))
                .forEach(chosen::add);
        return List.copyOf(chosen);
    }

    /** Adds never-answered questions one section at a time, sections not yet in the quiz first. */
    private static void addNewQuestions(
            QuizBank bank, Map<String, CardState> progress, int count, RandomGenerator random, Set<String> chosen) {
        if (chosen.size() >= count) {
            return;
        }
        Map<String, List<String>> bySection = new LinkedHashMap<>();
        for (String id : bank.ids()) {
            if (!progress.containsKey(id)) {
                bySection
                        .computeIfAbsent(bank.sectionId(id).orElseThrow(), key -> new ArrayList<>())
                        .add(id);
            }
        }
        Map<String, Integer> usedSections = new HashMap<>();
        for (String id : chosen) {
            bank.sectionId(id).ifPresent(section -> usedSections.merge(section, 1, Integer::sum));
        }
        List<String> sections = new ArrayList<>(bySection.keySet());
        shuffle(sections, random);
        sections.sort(Comparator.comparingInt(section -> usedSections.getOrDefault(section, 0)));
        List<Deque<String>> queues = new ArrayList<>();
        for (String section : sections) {
            List<String> questions = new ArrayList<>(bySection.get(section));
            shuffle(questions, random);
            queues.add(new ArrayDeque<>(questions));
        }
        boolean added = true;
        while (chosen.size() < count && added) {
            added = false;
            for (Deque<String> queue : queues) {
                if (chosen.size() >= count) {
                    break;
                }
                if (!queue.isEmpty()) {
                    chosen.add(queue.removeFirst());
                    added = true;
                }
            }
        }
    }

    /** Fisher-Yates, with the given generator so that a seed gives one order. */
    static <T> void shuffle(List<T> list, RandomGenerator random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
    }
}
