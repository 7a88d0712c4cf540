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
     * What happened in the tenants of the scope, counted for each period between two consecutive
     * bounds ([bounds[i], bounds[i + 1]), oldest first; see {@link ActivityCounts#requireBounds}).
     * This reads every entry of the span; stores that can count without should.
     */
    default List<ActivityCounts> count(List<Instant> bounds, StatsScope scope) {
        ActivityCounts.requireBounds(bounds);
        Objects.requireNonNull(scope, "scope");
        Instant from = bounds.get(0);
        Instant to = bounds.get(bounds.size() - 1);
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
        for (int i = 1; i < bounds.size(); i++) {
            Instant start = bounds.get(i - 1);
            Instant end = bounds.get(i);
            counts.add(ActivityCounts.of(
                    within(asked, QuestionAsked::at, start, end),
                    within(answered, QuizAnswered::at, start, end),
                    within(sent, NudgeSent::at, start, end)));
        }
        return counts;
    }

    private static <T> List<T> within(List<T> events, Function<T, Instant> at, Instant start, Instant end) {
        return events.stream()
                .filter(event ->
                        !at.apply(event).isBefore(start) && at.apply(event).isBefore(end))
                .toList();
    }
}
