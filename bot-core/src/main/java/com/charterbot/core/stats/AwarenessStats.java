package com.charterbot.core.stats;

import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.answer.Tier;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * What happened in a period [from, to), as counts only: no user ids, no question text.
 *
 * @param questionsBySection questions by the section they were matched to, or {@link #UNMATCHED}
 * @param quizParticipants how many different people answered quiz questions (a count, never who)
 * @param quizBySection quiz answers and correct answers by section, personal and channel quizzes together
 * @param nudgesByKind nudges delivered, every kind present (0 when none)
 * @param nudgesFailed nudges that could not be delivered, as reported by the caller (0 when unknown)
 */
public record AwarenessStats(
        Instant from,
        Instant to,
        Map<String, TierCounts> questionsBySection,
        int quizParticipants,
        Map<String, QuizScore> quizBySection,
        Map<NudgeSent.Kind, Integer> nudgesByKind,
        int nudgesFailed) {

    /** The key of questions that matched no section. */
    public static final String UNMATCHED = "unmatched";

    /** Questions by tier: answered, offered suggestions, or not covered (abstentions). */
    public record TierCounts(int answered, int suggested, int notCovered) {

        public static final TierCounts NONE = new TierCounts(0, 0, 0);

        public TierCounts {
            requireCount(answered, "answered");
            requireCount(suggested, "suggested");
            requireCount(notCovered, "notCovered");
        }

        public int count(Tier tier) {
            return switch (tier) {
                case ANSWER -> answered;
                case SUGGEST -> suggested;
                case FALLBACK -> notCovered;
            };
        }

        public int total() {
            return answered + suggested + notCovered;
        }

        /** These counts plus one question of this tier. */
        public TierCounts plus(Tier tier) {
            return new TierCounts(
                    answered + (tier == Tier.ANSWER ? 1 : 0),
                    suggested + (tier == Tier.SUGGEST ? 1 : 0),
                    notCovered + (tier == Tier.FALLBACK ? 1 : 0));
        }
    }

    /** Quiz answers on one section and how many were correct. */
    public record QuizScore(int answered, int correct) {

        public QuizScore {
            requireCount(answered, "answered");
            requireCount(correct, "correct");
            if (correct > answered) {
                throw new IllegalArgumentException(
                        "more correct answers (" + correct + ") than answers (" + answered + ")");
            }
        }

        /** The share of correct answers, 0 to 1; empty without answers. */
        public OptionalDouble rate() {
            return answered == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) correct / answered);
        }

        /** These counts plus one answer. */
        public QuizScore plus(boolean wasCorrect) {
            return new QuizScore(answered + 1, correct + (wasCorrect ? 1 : 0));
        }
    }

    public AwarenessStats {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a period ends after it starts: " + from + " to " + to);
        }
        questionsBySection = sorted(questionsBySection, "questionsBySection");
        quizBySection = sorted(quizBySection, "quizBySection");
        Objects.requireNonNull(nudgesByKind, "nudgesByKind");
        Map<NudgeSent.Kind, Integer> nudges = new EnumMap<>(NudgeSent.Kind.class);
        for (NudgeSent.Kind kind : NudgeSent.Kind.values()) {
            Integer count = nudgesByKind.getOrDefault(kind, 0);
            requireCount(Objects.requireNonNull(count, "nudge count"), "nudges");
            nudges.put(kind, count);
        }
        nudgesByKind = Collections.unmodifiableMap(nudges);
        requireCount(quizParticipants, "quizParticipants");
        requireCount(nudgesFailed, "nudgesFailed");
        int answers =
                quizBySection.values().stream().mapToInt(QuizScore::answered).sum();
        if (quizParticipants > answers || (answers > 0 && quizParticipants == 0)) {
            throw new IllegalArgumentException(
                    quizParticipants + " quiz participants cannot give " + answers + " answers");
        }
    }

    /** Statistics without failed-delivery counts. */
    public AwarenessStats(
            Instant from,
            Instant to,
            Map<String, TierCounts> questionsBySection,
            int quizParticipants,
            Map<String, QuizScore> quizBySection,
            Map<NudgeSent.Kind, Integer> nudgesByKind) {
        this(from, to, questionsBySection, quizParticipants, quizBySection, nudgesByKind, 0);
    }

    /** The same statistics with this many failed nudge deliveries. */
    public AwarenessStats withNudgesFailed(int failed) {
        return new AwarenessStats(from, to, questionsBySection, quizParticipants, quizBySection, nudgesByKind, failed);
    }

    public int totalQuestions() {
        return questionsBySection.values().stream().mapToInt(TierCounts::total).sum();
    }

    /** Questions of one tier, over every section. */
    public int questions(Tier tier) {
        return questionsBySection.values().stream()
                .mapToInt(counts -> counts.count(tier))
                .sum();
    }

    /** Questions the charter did not cover (tier {@link Tier#FALLBACK}). */
    public int abstentions() {
        return questions(Tier.FALLBACK);
    }

    public int quizAnswers() {
        return quizBySection.values().stream().mapToInt(QuizScore::answered).sum();
    }

    public int quizCorrect() {
        return quizBySection.values().stream().mapToInt(QuizScore::correct).sum();
    }

    /** The share of correct quiz answers over every section, 0 to 1; empty without answers. */
    public OptionalDouble quizScore() {
        return new QuizScore(quizAnswers(), quizCorrect()).rate();
    }

    public int nudgesSent() {
        return nudgesByKind.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int nudgesSent(NudgeSent.Kind kind) {
        return nudgesByKind.get(kind);
    }

    /** Whether nothing at all happened in the period. */
    public boolean isEmpty() {
        return totalQuestions() == 0 && quizAnswers() == 0 && nudgesSent() == 0 && nudgesFailed == 0;
    }

    private static <V> Map<String, V> sorted(Map<String, V> map, String name) {
        Objects.requireNonNull(map, name);
        Map<String, V> copy = new LinkedHashMap<>();
        new TreeMap<>(map).forEach((key, value) -> {
            if (key.isBlank()) {
                throw new IllegalArgumentException(name + " has a blank section id");
            }
            copy.put(key, Objects.requireNonNull(value, name + " value"));
        });
        return Collections.unmodifiableMap(copy);
    }

    private static void requireCount(int count, String name) {
        if (count < 0) {
            throw new IllegalArgumentException(name + " is a count, 0 or more, not " + count);
        }
    }
}
