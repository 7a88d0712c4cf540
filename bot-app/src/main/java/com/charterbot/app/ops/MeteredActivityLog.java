package com.charterbot.app.ops;

import com.charterbot.core.activity.ActivityLog;
import com.charterbot.core.activity.AnswerFeedback;
import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.activity.QuestionAsked;
import com.charterbot.core.activity.QuizAnswered;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.UserRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** An {@link ActivityLog} that also counts what it records; each entry is counted once it is recorded. */
final class MeteredActivityLog implements ActivityLog {

    private final ActivityLog log;
    private final BotMetrics metrics;

    MeteredActivityLog(ActivityLog log, BotMetrics metrics) {
        this.log = Objects.requireNonNull(log, "log");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void record(QuestionAsked event) {
        log.record(event);
        metrics.questionAsked(event);
    }

    @Override
    public void record(QuizAnswered event) {
        log.record(event);
        metrics.quizAnswer(event.correct()).increment();
    }

    @Override
    public void record(NudgeSent event) {
        log.record(event);
        metrics.nudges(event.channel().platform(), "sent").increment();
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
}
