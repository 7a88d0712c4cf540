package com.charterbot.core.activity;

import com.charterbot.core.answer.Tier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What happened in one period, counted: questions by section and tier, quiz answers and right ones
 * by section, how many different people answered the quiz, nudges by kind. Counts only, never a
 * person or a text: what {@link ActivityLog#count} gives the statistics.
 *
 * @param questions by the section cited or suggested ({@link #NO_SECTION} for none), then by tier
 * @param quizAnswers quiz answers by section
 * @param quizCorrect right quiz answers by section (never more than {@code quizAnswers})
 * @param quizParticipants different people who answered the quiz
 * @param nudges nudges delivered, by kind
 */
public record ActivityCounts(
        Map<String, Map<Tier, Integer>> questions,
        Map<String, Integer> quizAnswers,
        Map<String, Integer> quizCorrect,
        int quizParticipants,
        Map<NudgeSent.Kind, Integer> nudges) {

    /** The key of the questions recorded without a section. */
    public static final String NO_SECTION = "";

    public ActivityCounts {
        Map<String, Map<Tier, Integer>> copied = new HashMap<>();
        questions.forEach((section, tiers) -> copied.put(section, Map.copyOf(tiers)));
        questions = Map.copyOf(copied);
        quizAnswers = Map.copyOf(quizAnswers);
        quizCorrect = Map.copyOf(quizCorrect);
        nudges = Map.copyOf(nudges);
        if (quizParticipants < 0) {
            throw new IllegalArgumentException("a negative count of participants: " + quizParticipants);
        }
    }

    /** Counts these events, all of the period and of the scope. */
    public static ActivityCounts of(
            Collection<QuestionAsked> asked, Collection<QuizAnswered> answered, Collection<NudgeSent> sent) {
        Tally tally = new Tally();
        asked.forEach(question -> tally.questions(question.sectionId(), question.tier(), 1));
        answered.forEach(answer -> tally.quizAnswers(answer.sectionId(), 1, answer.correct() ? 1 : 0));
        tally.participants((int)
                answered.stream().map(QuizAnswered::participant).distinct().count());
        sent.forEach(nudge -> tally.nudges(nudge.kind(), 1));
        return tally.counts();
    }

    /**
     * A period [from, to) that {@link ActivityLog#count} counts on its own; periods counted together may
     * overlap. An empty period (from = to) counts nothing.
     */
    public record Period(Instant from, Instant to) {

        public Period {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("a period ends before it starts: " + from + " to " + to);
            }
        }

        /** Whether the instant is inside [from, to). */
        public boolean holds(Instant at) {
            return !at.isBefore(from) && at.isBefore(to);
        }

        /** The shortest period that holds all these (at least one), from the earliest start to the latest end. */
        public static Period spanning(List<Period> periods) {
            Instant from = periods.get(0).from();
            Instant to = periods.get(0).to();
            for (Period period : periods) {
                from = period.from().isBefore(from) ? period.from() : from;
                to = period.to().isAfter(to) ? period.to() : to;
            }
            return new Period(from, to);
        }

        /**
         * The periods between consecutive bounds, [bounds[i], bounds[i + 1]), oldest first.
         *
         * @throws IllegalArgumentException when the bounds fail {@link #requireBounds}
         */
        public static List<Period> between(List<Instant> bounds) {
            requireBounds(bounds);
            List<Period> periods = new ArrayList<>();
            for (int i = 1; i < bounds.size(); i++) {
                periods.add(new Period(bounds.get(i - 1), bounds.get(i)));
            }
            return List.copyOf(periods);
        }
    }

    /**
     * Checks bounds that make consecutive periods: at least two, none null, never going back.
     *
     * @throws IllegalArgumentException when they are not
     */
    public static void requireBounds(List<Instant> bounds) {
        Objects.requireNonNull(bounds, "bounds");
        if (bounds.size() < 2) {
            throw new IllegalArgumentException("periods need at least two bounds, not " + bounds.size());
        }
        for (int i = 1; i < bounds.size(); i++) {
            if (Objects.requireNonNull(bounds.get(i), "bound").isBefore(Objects.requireNonNull(bounds.get(i - 1)))) {
                throw new IllegalArgumentException("bounds go back in time at " + bounds.get(i));
            }
        }
    }

    /** Counts being added up, e.g. from a database's grouped rows. Not thread-safe. */
    public static final class Tally {

        private final Map<String, Map<Tier, Integer>> questions = new HashMap<>();
        private final Map<String, Integer> quizAnswers = new HashMap<>();
        private final Map<String, Integer> quizCorrect = new HashMap<>();
        private int participants;
        private final Map<NudgeSent.Kind, Integer> nudges = new EnumMap<>(NudgeSent.Kind.class);

        /** Adds questions of a section (null or blank: {@link #NO_SECTION}) answered with this tier. */
        public Tally questions(String sectionId, Tier tier, int count) {
            String section = sectionId == null || sectionId.isBlank() ? NO_SECTION : sectionId;
            questions
                    .computeIfAbsent(section, key -> new EnumMap<>(Tier.class))
                    .merge(Objects.requireNonNull(tier, "tier"), count, Integer::sum);
            return this;
        }

        /** Adds quiz answers on a section, {@code correct} of them right. */
        public Tally quizAnswers(String sectionId, int answered, int correct) {
            Objects.requireNonNull(sectionId, "sectionId");
            quizAnswers.merge(sectionId, answered, Integer::sum);
            quizCorrect.merge(sectionId, correct, Integer::sum);
            return this;
        }

        /** Adds people who answered, none of them counted already. */
        public Tally participants(int count) {
            participants += count;
            return this;
        }

        public Tally nudges(NudgeSent.Kind kind, int count) {
            nudges.merge(Objects.requireNonNull(kind, "kind"), count, Integer::sum);
            return this;
        }

        public ActivityCounts counts() {
            return new ActivityCounts(questions, quizAnswers, quizCorrect, participants, nudges);
        }
    }
}
