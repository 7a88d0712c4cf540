package com.charterbot.core.quiz;

import com.charterbot.core.values.UserRef;
import java.time.Instant;
import java.util.Optional;

/** Keeps personal quizzes in progress. */
public interface QuizSessionStore {

    void save(QuizSession session);

    /** The session with this id, expired or not. */
    Optional<QuizSession> find(String id);

    /**
     * Atomically records the answer to question {@code expectedIndex}, only if that is the
     * session's current question and the session has not expired at {@code at}.
     *
     * @return the updated session; empty if there is no such session, it expired, or that question
     *     was already answered (a double click, a second device): the answer then counts once
     */
    Optional<QuizSession> advance(String id, int expectedIndex, boolean correct, Instant at);

    /** Deletes every session of this person. */
    void forget(UserRef user);

    /** Deletes the sessions expired at this instant; returns how many. */
    int purgeExpired(Instant now);

    /**
     * Whether this session is the given person's. A store that keeps only pseudonyms compares those,
     * since a session it reads back cannot carry the real user id.
     */
    default boolean belongsTo(QuizSession session, UserRef user) {
        return session.user().equals(user);
    }
}
