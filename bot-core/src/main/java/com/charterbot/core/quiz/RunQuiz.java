package com.charterbot.core.quiz;

import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.UserRef;
import java.util.List;

/** A personal micro-quiz, asked privately one question at a time. */
public interface RunQuiz {

    /** Starts a quiz for this person and returns its first question (or why there is none). */
    Reply start(UserRef user, Language language);

    /**
     * Handles a click on a {@link com.charterbot.core.reply.ActionIds#QUIZ_ANSWER} button. Never
     * throws for any value.
     *
     * @param value the button's value, {@code <session id>:<question index>:<option index>}
     * @return the feedback replacing the question, then the next question or the summary; a
     *     single private message for an invalid or expired quiz; nothing for an answer already given
     */
    List<Reply> answer(UserRef user, String value, Language language);

    /**
     * The quiz as it stands now for this person: the question they are at, the summary once it is
     * over, or why there is none (expired, someone else's). Never throws for any value.
     *
     * @param sessionId the value of a {@link com.charterbot.core.reply.ActionIds#QUIZ_VIEW} action
     * @return one reply replacing the message it was asked for
     */
    Reply view(UserRef user, String sessionId, Language language);
}
