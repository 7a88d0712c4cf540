package com.charterbot.core.quiz;

import java.time.Duration;
import java.util.Objects;

/**
 * How personal quizzes run.
 *
 * @param questionsPerQuiz how many questions a quiz asks, 1 to 10
 * @param sessionTtl how long after its start a quiz can still be answered
 */
public record QuizSettings(int questionsPerQuiz, Duration sessionTtl) {

    /** Three questions, answerable for 30 minutes. */
    public static final QuizSettings DEFAULTS = new QuizSettings(3, Duration.ofMinutes(30));

    public QuizSettings {
        if (questionsPerQuiz < 1 || questionsPerQuiz > 10) {
            throw new IllegalArgumentException("a quiz asks 1 to 10 questions, not " + questionsPerQuiz);
        }
        Objects.requireNonNull(sessionTtl, "sessionTtl");
        if (sessionTtl.isNegative() || sessionTtl.isZero()) {
            throw new IllegalArgumentException("the session lifetime is positive");
        }
    }
}
