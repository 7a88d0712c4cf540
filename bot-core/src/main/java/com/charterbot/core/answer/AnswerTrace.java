package com.charterbot.core.answer;

import java.util.List;
import java.util.Objects;

/**
 * An answer with what led to it, for a charter's authors (the playground): the sections the
 * question matched, best first, with their ranking scores and the question's words each contains.
 * Employees never see it.
 *
 * @param ranked empty when the question was refused before any search (blank, too long)
 */
public record AnswerTrace(Answer answer, List<Ranked> ranked) {

    /**
     * One section as the engine ranked it.
     *
     * @param score the ranking score; only its order and ratios mean something
     * @param coverage the share of the question's weight the section contains, in [0, 1]
     * @param matchedWords the question's words, as typed, that the section contains (or a synonym of them)
     */
    public record Ranked(
            String sectionId, boolean notCovered, double score, double coverage, List<String> matchedWords) {
        public Ranked {
            Objects.requireNonNull(sectionId, "sectionId");
            matchedWords = List.copyOf(matchedWords);
        }
    }

    public AnswerTrace {
        Objects.requireNonNull(answer, "answer");
        ranked = List.copyOf(ranked);
    }
}
