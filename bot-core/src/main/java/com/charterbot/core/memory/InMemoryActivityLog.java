package com.charterbot.core.memory;

import com.charterbot.core.activity.ActivityLog;
import com.charterbot.core.activity.AnswerFeedback;
import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.activity.QuestionAsked;
import com.charterbot.core.activity.QuizAnswered;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.UserRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** An {@link ActivityLog} in memory, for tests and single-process use. Thread-safe. */
public final class InMemoryActivityLog implements ActivityLog {

    private final List<QuestionAsked> questions = new ArrayList<>();
    private final List<QuizAnswered> quizAnswers = new ArrayList<>();
    private final List<NudgeSent> nudges = new ArrayList<>();
    private final List<AnswerFeedback> feedback = new ArrayList<>();

    @Override
    public synchronized void record(QuestionAsked event) {
        questions.add(event);
    }

    @Override
    public synchronized void record(QuizAnswered event) {
        quizAnswers.add(event);
    }

    @Override
    public synchronized void record(NudgeSent event) {
        nudges.add(event);
    }

    @Override
    public synchronized void record(AnswerFeedback event) {
        feedback.add(event);
    }

    @Override
    public synchronized List<QuestionAsked> questions(Instant from, Instant to) {
        return between(questions, QuestionAsked::at, from, to);
    }

    @Override
    public synchronized List<QuizAnswered> quizAnswers(Instant from, Instant to) {
        return between(quizAnswers, QuizAnswered::at, from, to);
    }

    @Override
    public synchronized List<QuizAnswered> quizAnswers(ChannelRef channel, Instant since) {
        return quizAnswers.stream()
                .filter(a -> channel.equals(a.channel()) && !a.at().isBefore(since))
                .toList();
    }

    @Override
    public synchronized List<NudgeSent> nudges(Instant from, Instant to) {
        return between(nudges, NudgeSent::at, from, to);
    }

    @Override
    public synchronized List<AnswerFeedback> feedback(Instant from, Instant to) {
        return between(feedback, AnswerFeedback::at, from, to);
    }

    @Override
    public synchronized void forget(UserRef user) {
        quizAnswers.removeIf(answer -> answer.participant().equals(user));
    }

    private static <T> List<T> between(List<T> events, Function<T, Instant> at, Instant from, Instant to) {
        List<T> result = new ArrayList<>();
        for (T event : events) {
            Instant instant = at.apply(event);
            if (!instant.isBefore(from) && instant.isBefore(to)) {
                result.add(event);
            }
        }
        return result;
    }
}
