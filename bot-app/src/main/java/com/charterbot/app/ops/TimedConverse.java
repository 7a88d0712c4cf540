package com.charterbot.app.ops;

import com.charterbot.core.chat.Converse;
import com.charterbot.core.command.Command;
import com.charterbot.core.command.CommandParser;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ActionEvent;
import com.charterbot.core.values.Message;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Objects;

/** A {@link Converse} that times the answers to questions; commands and clicks go through untimed. */
final class TimedConverse implements Converse {

    private final Converse converse;
    private final BotMetrics metrics;

    TimedConverse(Converse converse, BotMetrics metrics) {
        this.converse = Objects.requireNonNull(converse, "converse");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public List<Reply> onMessage(Message message) {
        if (!(CommandParser.parse(message.text()) instanceof Command.Ask)) {
            return converse.onMessage(message);
        }
        Timer.Sample sample = Timer.start(metrics.registry());
        try {
            return converse.onMessage(message);
        } finally {
            sample.stop(metrics.answerTimer(message.user().platform()));
        }
    }

    @Override
    public List<Reply> onAction(ActionEvent action) {
        return converse.onAction(action);
    }

    @Override
    public List<Reply> onDraft(Message draft) {
        return converse.onDraft(draft);
    }
}
