package com.charterbot.core.activity;

import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.UserRef;
import java.time.Instant;
import java.util.Objects;

/**
 * Someone answered a quiz question, in a personal quiz or a channel micro-quiz.
 *
 * @param questionId the quiz question's stable id, {@code <section id>#<index>}
 * @param channel the channel of a channel micro-quiz, or null for a personal quiz
 * @param participant who answered; persistent stores keep only a keyed hash of it
 */
public record QuizAnswered(
        Instant at, String sectionId, String questionId, boolean correct, ChannelRef channel, UserRef participant) {

    public QuizAnswered {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(sectionId, "sectionId");
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(participant, "participant");
    }
}
