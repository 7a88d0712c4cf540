package com.charterbot.core.charter;

import com.charterbot.core.values.Language;
import java.util.List;
import java.util.Objects;

/**
 * One section of the charter in one language, with its placeholders already replaced.
 *
 * <p>For a {@link Kind#NOT_COVERED} entry, {@code rule} says where to go instead, and the
 * checklist, do, don't, tips and quiz lists are empty.
 *
 * @param questions the phrasings employees use when asking about this section
 * @param source the file it was read from, for problem reports
 * @param signals what the draft checker looks for for this section ({@code ## Signals})
 */
public record Section(
        String id,
        Kind kind,
        Language language,
        String title,
        String rule,
        List<String> checklist,
        List<String> dos,
        List<String> donts,
        List<String> questions,
        List<String> related,
        List<String> tips,
        List<QuizQuestion> quiz,
        String source,
        SectionSignals signals) {

    /** Whether a section is part of the charter or a pointer to where an off-topic question belongs. */
    public enum Kind {
        SECTION,
        NOT_COVERED
    }

    public Section {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(rule, "rule");
        checklist = List.copyOf(checklist);
        dos = List.copyOf(dos);
        donts = List.copyOf(donts);
        questions = List.copyOf(questions);
        related = List.copyOf(related);
        tips = List.copyOf(tips);
        quiz = List.copyOf(quiz);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(signals, "signals");
    }

    /** A section the draft checker never raises. */
    public Section(
            String id,
            Kind kind,
            Language language,
            String title,
            String rule,
            List<String> checklist,
            List<String> dos,
            List<String> donts,
            List<String> questions,
            List<String> related,
            List<String> tips,
            List<QuizQuestion> quiz,
            String source) {
        this(
                id,
                kind,
                language,
                title,
                rule,
                checklist,
                dos,
                donts,
                questions,
                related,
                tips,
                quiz,
                source,
                SectionSignals.NONE);
    }

    public boolean isNotCovered() {
        return kind == Kind.NOT_COVERED;
    }

    /** The same section with other phrasings. */
    public Section withQuestions(List<String> others) {
        return new Section(
                id, kind, language, title, rule, checklist, dos, donts, others, related, tips, quiz, source, signals);
    }
}
