package com.charterbot.app.ops;

import com.charterbot.core.activity.ActivityLog;
import com.charterbot.core.activity.ForwardingActivityLog;
import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.activity.QuestionAsked;
import com.charterbot.core.activity.QuizAnswered;
import java.util.Objects;

/** An {@link ActivityLog} that also counts what it records; each entry is counted once it is recorded. */
final class MeteredActivityLog extends ForwardingActivityLog {

    private final BotMetrics metrics;

    MeteredActivityLog(ActivityLog log, BotMetrics metrics) {
        super(log);
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void record(QuestionAsked event) {
        super.record(event);
        metrics.questionAsked(event);
    }

    @Override
    public void record(QuizAnswered event) {
        super.record(event);
        metrics.quizAnswer(event.correct()).increment();
    }

    @Override
    public void record(NudgeSent event) {
        super.record(event);
        metrics.nudges(event.channel().platform(), "sent").increment();
    }
}
