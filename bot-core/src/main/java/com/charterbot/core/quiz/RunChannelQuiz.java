package com.charterbot.core.quiz;

import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.UserRef;
import java.util.List;
import java.util.Optional;

/** A micro-quiz posted in a channel, which everyone there may answer once, privately. */
public interface RunChannelQuiz {

    /** Posts a question in this channel; empty when the charter has no quiz questions. */
    Optional<Reply> post(ChannelRef channel, Language language);

    /**
     * Handles a click on a {@link com.charterbot.core.reply.ActionIds#CHANNEL_QUIZ_ANSWER} button.
     * Never throws for any value.
     *
     * @param channel where the click happened
     * @param value the button's value, {@code <channel quiz id>:<option index>}
     * @param language the language of the person who clicked, for their private feedback
     * @return for a first answer, the private feedback then the channel message updated with the
     *     totals; otherwise a single private message saying why the answer was not counted
     */
    List<Reply> answer(UserRef user, ChannelRef channel, String value, Language language);

    /**
     * The channel quiz as this person sees it: the question with its totals, followed by their
     * verdict once they answered. Never throws for any value.
     *
     * @param quizId the value of a {@link com.charterbot.core.reply.ActionIds#CHANNEL_QUIZ_VIEW} action
     * @return one reply replacing the message it was asked for
     */
    Reply view(UserRef user, ChannelRef channel, String quizId, Language language);
}
