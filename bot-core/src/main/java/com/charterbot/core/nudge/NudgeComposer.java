package com.charterbot.core.nudge;

import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.quiz.RunChannelQuiz;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.tip.ShowTip;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds a channel's next nudge: a tip or a channel micro-quiz, as its settings' content and its
 * last nudge say ({@link ChannelState#nextKind()}), in the settings' language. A quiz nudge falls
 * back to a tip when the charter has no quiz question.
 *
 * <p>Composing records what it picked (the tip as shown, the quiz as posted), so compose only a
 * nudge that is about to be sent.
 */
public final class NudgeComposer {

    /** A composed nudge: what it is and the message to post. */
    public record Nudge(NudgeSent.Kind kind, Reply reply) {
        public Nudge {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reply, "reply");
        }
    }

    private final ShowTip tips;
    private final RunChannelQuiz quizzes;

    public NudgeComposer(ShowTip tips, RunChannelQuiz quizzes) {
        this.tips = Objects.requireNonNull(tips, "tips");
        this.quizzes = Objects.requireNonNull(quizzes, "quizzes");
    }

    /** The channel's next nudge, posted to the whole conversation. */
    public Nudge compose(ChannelState channel) {
        Objects.requireNonNull(channel, "channel");
        if (channel.nextKind() == NudgeSent.Kind.QUIZ) {
            Optional<Reply> quiz =
                    quizzes.post(channel.channel(), channel.settings().language());
            if (quiz.isPresent()) {
                return new Nudge(NudgeSent.Kind.QUIZ, quiz.get());
            }
        }
        return new Nudge(
                NudgeSent.Kind.TIP,
                tips.next(channel.channel(), channel.settings().language(), Reply.Delivery.CONVERSATION));
    }
}
