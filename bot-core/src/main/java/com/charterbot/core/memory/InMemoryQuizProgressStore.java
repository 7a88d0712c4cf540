package com.charterbot.core.memory;

import com.charterbot.core.quiz.CardState;
import com.charterbot.core.quiz.QuizProgressStore;
import com.charterbot.core.values.UserRef;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link QuizProgressStore} in memory, for tests and single-process use. Thread-safe. */
public final class InMemoryQuizProgressStore implements QuizProgressStore {

    private final Map<UserRef, Map<String, CardState>> states = new ConcurrentHashMap<>();

    @Override
    public Map<String, CardState> load(UserRef user) {
        Map<String, CardState> cards = states.get(Objects.requireNonNull(user, "user"));
        return cards == null ? Map.of() : Map.copyOf(cards);
    }

    @Override
    public void save(UserRef user, String questionId, CardState state) {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(state, "state");
        states.computeIfAbsent(Objects.requireNonNull(user, "user"), key -> new ConcurrentHashMap<>())
                .put(questionId, state);
    }

    @Override
    public void forget(UserRef user) {
        states.remove(Objects.requireNonNull(user, "user"));
    }
}
