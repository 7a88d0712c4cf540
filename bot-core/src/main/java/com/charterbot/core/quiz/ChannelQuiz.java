package com.charterbot.core.quiz;

import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.UserRef;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A micro-quiz posted in a channel: one question everyone there may answer once.
 *
 * @param id random lower-case hex, 16 to 64 characters, carried by the answer buttons
 * @param language the language the question was posted in
 * @param answers the option each person chose, first answer only
 */
public record ChannelQuiz(
        String id,
        ChannelRef channel,
        String questionId,
        Language language,
        Instant postedAt,
        Map<UserRef, Integer> answers) {

    public ChannelQuiz {
        Objects.requireNonNull(id, "id");
        if (!QuizSession.ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a channel quiz id is 16 to 64 lower-case hex characters");
        }
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(postedAt, "postedAt");
        answers = Map.copyOf(answers);
        answers.values().forEach(option -> {
            if (option < 0) {
                throw new IllegalArgumentException("an option index is not negative");
            }
        });
    }

    /** A quiz nobody answered yet. */
    public static ChannelQuiz posted(
            String id, ChannelRef channel, String questionId, Language language, Instant postedAt) {
        return new ChannelQuiz(id, channel, questionId, language, postedAt, Map.of());
    }

    public boolean answeredBy(UserRef user) {
        return answers.containsKey(user);
    }

    /** This quiz with one more answer; the first answer of a person stands. */
    public ChannelQuiz withAnswer(UserRef user, int option) {
        if (answers.containsKey(user)) {
            return this;
        }
        Map<UserRef, Integer> next = new HashMap<>(answers);
        next.put(Objects.requireNonNull(user, "user"), option);
        return new ChannelQuiz(id, channel, questionId, language, postedAt, next);
    }

    /** This quiz without this person's answer. */
    public ChannelQuiz without(UserRef user) {
        if (!answers.containsKey(user)) {
            return this;
        }
        Map<UserRef, Integer> next = new HashMap<>(answers);
        next.remove(user);
        return new ChannelQuiz(id, channel, questionId, language, postedAt, next);
    }
}
