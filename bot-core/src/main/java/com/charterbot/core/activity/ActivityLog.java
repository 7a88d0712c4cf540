package com.charterbot.core.activity;

import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.UserRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

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

    /**
     * What happened in the tenants of the scope, counted for each period on its own (periods may
     * overlap: an entry counts in every period that holds it), in the order given. This reads every
     * entry from the earliest start to the latest end; stores that can count without should.
     */
    default List<ActivityCounts> count(List<ActivityCounts.Period> periods, StatsScope scope) {
        Objects.requireNonNull(scope, "scope");
        if (Objects.requireNonNull(periods, "periods").isEmpty()) {
            return List.of();
        }
        ActivityCounts.Period span = ActivityCounts.Period.spanning(periods);
        Instant from = span.from();
        Instant to = span.to();
        List<QuestionAsked> asked = questions(from, to).stream()
                .filter(question -> scope.covers(question.tenant()))
                .toList();
        List<QuizAnswered> answered = quizAnswers(from, to).stream()
                .filter(answer -> scope.covers(answer.participant()))
                .toList();
        List<NudgeSent> sent = nudges(from, to).stream()
                .filter(nudge -> scope.covers(nudge.channel()))
                .toList();
        List<ActivityCounts> counts = new ArrayList<>();
        for (ActivityCounts.Period period : periods) {
            counts.add(ActivityCounts.of(
                    within(asked, QuestionAsked::at, period),
                    within(answered, QuizAnswered::at, period),
                    within(sent, NudgeSent::at, period)));
        }
        return counts;
    }

    private static <T> List<T> within(List<T> events, Function<T, Instant> at, ActivityCounts.Period period) {
        return events.stream().filter(event -> period.holds(at.apply(event))).toList();
    }
}
