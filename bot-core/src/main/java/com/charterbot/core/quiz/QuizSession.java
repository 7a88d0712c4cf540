package com.charterbot.core.quiz;

import com.charterbot.core.values.Language;
import com.charterbot.core.values.UserRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One personal quiz in progress.
 *
 * @param id random lower-case hex, 16 to 64 characters, carried by the answer buttons
 * @param language the language the quiz was started in
 * @param questionIds the questions, in the order they are asked; distinct
 * @param currentIndex the question waiting for an answer; equal to the number of questions once finished
 * @param correctCount how many answers so far were right
 * @param results whether each answered question was answered right, one per question before {@code currentIndex}
 * @param expires from this instant on the quiz can no longer be answered
 */
public record QuizSession(
        String id,
        UserRef user,
        Language language,
        List<String> questionIds,
        int currentIndex,
        int correctCount,
        List<Boolean> results,
        Instant created,
        Instant expires) {

    /** What a session id looks like. */
    public static final Pattern ID = Pattern.compile("[0-9a-f]{16,64}");

    public QuizSession {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a session id is 16 to 64 lower-case hex characters");
        }
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(language, "language");
        questionIds = List.copyOf(questionIds);
        if (questionIds.isEmpty() || new HashSet<>(questionIds).size() != questionIds.size()) {
            throw new IllegalArgumentException("a quiz asks at least one question, each once");
        }
        results = List.copyOf(results);
        if (currentIndex < 0 || currentIndex > questionIds.size() || results.size() != currentIndex) {
            throw new IllegalArgumentException("one result per answered question, at most one per question");
        }
        if (correctCount != results.stream().filter(Boolean::booleanValue).count()) {
            throw new IllegalArgumentException("the correct count does not match the results");
        }
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(expires, "expires");
        if (!expires.isAfter(created)) {
            throw new IllegalArgumentException("a session expires after it is created");
        }
    }

    /** A new session, nothing answered yet. */
    public static QuizSession start(
            String id, UserRef user, Language language, List<String> questionIds, Instant created, Instant expires) {
        return new QuizSession(id, user, language, questionIds, 0, 0, List.of(), created, expires);
    }

    public int size() {
        return questionIds.size();
    }

    public boolean finished() {
        return currentIndex == questionIds.size();
    }

    public boolean expiredAt(Instant at) {
        return !at.isBefore(expires);
    }

    /** The session after the current question was answered. */
    public QuizSession answered(boolean correct) {
        if (finished()) {
            throw new IllegalStateException("every question is already answered");
        }
        List<Boolean> next = new ArrayList<>(results);
        next.add(correct);
        return new QuizSession(
                id,
                user,
                language,
                questionIds,
                currentIndex + 1,
                correctCount + (correct ? 1 : 0),
                next,
                created,
                expires);
    }
}
