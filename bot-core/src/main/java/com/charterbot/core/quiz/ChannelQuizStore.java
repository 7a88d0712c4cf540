package com.charterbot.core.quiz;

import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.UserRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Keeps the micro-quizzes posted in channels and who answered them. */
public interface ChannelQuizStore {

    void save(ChannelQuiz quiz);

    Optional<ChannelQuiz> find(String id);

    /**
     * Atomically records a person's answer, only if they have not answered this quiz yet.
     *
     * @return the updated quiz; empty if there is no such quiz or this person already answered
     */
    Optional<ChannelQuiz> recordAnswer(String id, UserRef user, int option);

    /** The quizzes posted in this channel since this instant, oldest first. */
    List<ChannelQuiz> posted(ChannelRef channel, Instant since);

    /** Deletes the quizzes posted before this instant; returns how many. */
    int purgeOlderThan(Instant before);

    /** Removes this person's answers from every quiz. */
    void forget(UserRef user);

    /**
     * The option this person chose in this quiz, if they answered. A store that keeps only pseudonyms
     * looks the pseudonym up, since the quiz it reads back cannot carry the real user id.
     */
    default Optional<Integer> answerOf(ChannelQuiz quiz, UserRef user) {
        return Optional.ofNullable(quiz.answers().get(user));
    }
}
