package com.charterbot.core.activity;

import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.UserRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An {@link ActivityLog} that hands every call to another: the base of decorators, which override
 * only what they add to (counting, batching).
 */
public abstract class ForwardingActivityLog implements ActivityLog {

    private final ActivityLog log;

    protected ForwardingActivityLog(ActivityLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public void record(QuestionAsked event) {
        log.record(event);
    }

    @Override
    public void record(QuizAnswered event) {
        log.record(event);
    }

    @Override
    public void record(NudgeSent event) {
        log.record(event);
    }

    @Override
    public void record(AnswerFeedback event) {
        log.record(event);
    }

    @Override
    public List<QuestionAsked> questions(Instant from, Instant to) {
        return log.questions(from, to);
    }

    @Override
    public List<QuizAnswered> quizAnswers(Instant from, Instant to) {
        return log.quizAnswers(from, to);
    }

    @Override
    public List<QuizAnswered> quizAnswers(ChannelRef channel, Instant since) {
        return log.quizAnswers(channel, since);
    }

    @Override
    public List<NudgeSent> nudges(Instant from, Instant to) {
        return log.nudges(from, to);
    }

    @Override
    public List<AnswerFeedback> feedback(Instant from, Instant to) {
        return log.feedback(from, to);
    }

    @Override
    public void forget(UserRef user) {
        log.forget(user);
    }

    @Override
    public List<ActivityCounts> count(List<ActivityCounts.Period> periods, StatsScope scope) {
        return log.count(periods, scope);
    }
}
