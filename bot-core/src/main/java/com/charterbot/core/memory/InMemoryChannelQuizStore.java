package com.charterbot.core.memory;

import com.charterbot.core.quiz.ChannelQuiz;
import com.charterbot.core.quiz.ChannelQuizStore;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.UserRef;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** A {@link ChannelQuizStore} in memory, for tests and single-process use. Thread-safe. */
public final class InMemoryChannelQuizStore implements ChannelQuizStore {

    private final Map<String, ChannelQuiz> quizzes = new ConcurrentHashMap<>();

    @Override
    public void save(ChannelQuiz quiz) {
        quizzes.put(quiz.id(), quiz);
    }

    @Override
    public Optional<ChannelQuiz> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(quizzes.get(id));
    }

    @Override
    public Optional<ChannelQuiz> recordAnswer(String id, UserRef user, int option) {
        Objects.requireNonNull(user, "user");
        if (id == null) {
            return Optional.empty();
        }
        AtomicReference<ChannelQuiz> updated = new AtomicReference<>();
        quizzes.computeIfPresent(id, (key, quiz) -> {
            if (quiz.answeredBy(user)) {
                return quiz;
            }
            ChannelQuiz next = quiz.withAnswer(user, option);
            updated.set(next);
            return next;
        });
        return Optional.ofNullable(updated.get());
    }

    @Override
    public List<ChannelQuiz> posted(ChannelRef channel, Instant since) {
        return quizzes.values().stream()
                .filter(quiz ->
                        quiz.channel().equals(channel) && !quiz.postedAt().isBefore(since))
                .sorted(Comparator.comparing(ChannelQuiz::postedAt).thenComparing(ChannelQuiz::id))
                .toList();
    }

    @Override
    public int purgeOlderThan(Instant before) {
        int removed = 0;
        for (Map.Entry<String, ChannelQuiz> entry : quizzes.entrySet()) {
            if (entry.getValue().postedAt().isBefore(before) && quizzes.remove(entry.getKey(), entry.getValue())) {
                removed++;
            }
        }
        return removed;
    }

    @Override
    public void forget(UserRef user) {
        Objects.requireNonNull(user, "user");
        quizzes.replaceAll((id, quiz) -> quiz.without(user));
    }
}
