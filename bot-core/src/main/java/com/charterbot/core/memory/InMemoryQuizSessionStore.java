package com.charterbot.core.memory;

import com.charterbot.core.quiz.QuizSession;
import com.charterbot.core.quiz.QuizSessionStore;
import com.charterbot.core.values.UserRef;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** A {@link QuizSessionStore} in memory, for tests and single-process use. Thread-safe. */
public final class InMemoryQuizSessionStore implements QuizSessionStore {

    private final Map<String, QuizSession> sessions = new ConcurrentHashMap<>();

    @Override
    public void save(QuizSession session) {
        sessions.put(session.id(), session);
    }

    @Override
    public Optional<QuizSession> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(sessions.get(id));
    }

    @Override
    public Optional<QuizSession> advance(String id, int expectedIndex, boolean correct, Instant at) {
        Objects.requireNonNull(at, "at");
        if (id == null) {
            return Optional.empty();
        }
        AtomicReference<QuizSession> updated = new AtomicReference<>();
        sessions.computeIfPresent(id, (key, session) -> {
            if (session.currentIndex() != expectedIndex || session.finished() || session.expiredAt(at)) {
                return session;
            }
            QuizSession next = session.answered(correct);
            updated.set(next);
            return next;
        });
        return Optional.ofNullable(updated.get());
    }

    @Override
    public void forget(UserRef user) {
        Objects.requireNonNull(user, "user");
        sessions.values().removeIf(session -> session.user().equals(user));
    }

    @Override
    public int purgeExpired(Instant now) {
        Objects.requireNonNull(now, "now");
        int removed = 0;
        for (Map.Entry<String, QuizSession> entry : sessions.entrySet()) {
            if (entry.getValue().expiredAt(now) && sessions.remove(entry.getKey(), entry.getValue())) {
                removed++;
            }
        }
        return removed;
    }

    /** How many sessions are kept, expired ones included. */
    public int size() {
        return sessions.size();
    }
}
