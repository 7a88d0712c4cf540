package com.charterbot.core.activity;

import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.UserRef;
import java.time.Instant;
import java.util.List;

/**
 * What happened, for awareness statistics and for choosing tips: questions, quiz answers and
 * nudges. Implementations expire old entries; see the persistence module.
 */
public interface ActivityLog {

    void record(QuestionAsked event);

    void record(QuizAnswered event);

    void record(NudgeSent event);

    void record(AnswerFeedback event);

    /** Questions answered in [from, to). */
    List<QuestionAsked> questions(Instant from, Instant to);

    /** Quiz answers in [from, to), personal and channel ones. */
    List<QuizAnswered> quizAnswers(Instant from, Instant to);

    /** Channel micro-quiz answers given in one channel since an instant. */
    List<QuizAnswered> quizAnswers(ChannelRef channel, Instant since);

    /** Nudges delivered in [from, to). */
    List<NudgeSent> nudges(Instant from, Instant to);

    /** Feedback on answers given in [from, to). */
    List<AnswerFeedback> feedback(Instant from, Instant to);

    /** Deletes every entry about this person (their quiz answers). */
    void forget(UserRef user);
}
