package com.charterbot.core.quiz;

import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.QuizQuestion;
import com.charterbot.core.charter.Section;
import com.charterbot.core.values.Language;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The quiz questions of one charter, by stable id {@code <section id>#<index>}: the index in the
 * section's quiz list, the same in every language. Only questions present in every language are
 * kept, so a question id always has a text in each of them.
 */
public final class QuizBank {

    private final Charter charter;
    private final Map<String, String> sectionOf;

    private QuizBank(Charter charter, Map<String, String> sectionOf) {
        this.charter = charter;
        this.sectionOf = Collections.unmodifiableMap(sectionOf);
    }

    /** The questions of every real section (not the not-covered entries) of this charter. */
    public static QuizBank of(Charter charter) {
        Objects.requireNonNull(charter, "charter");
        Map<String, String> sectionOf = new LinkedHashMap<>();
        for (String sectionId : charter.topicIds()) {
            int count = Integer.MAX_VALUE;
            for (Language language : Language.values()) {
                count = Math.min(
                        count,
                        charter.section(sectionId, language)
                                .map(s -> s.quiz().size())
                                .orElse(0));
            }
            for (int index = 0; index < count; index++) {
                sectionOf.put(id(sectionId, index), sectionId);
            }
        }
        return new QuizBank(charter, sectionOf);
    }

    /** The id of the question at this index of this section's quiz list. */
    public static String id(String sectionId, int index) {
        Objects.requireNonNull(sectionId, "sectionId");
        if (index < 0) {
            throw new IllegalArgumentException("a question index is not negative: " + index);
        }
        return sectionId + "#" + index;
    }

    /** The charter the questions come from. */
    public Charter charter() {
        return charter;
    }

    /** Every question id, in charter order. */
    public List<String> ids() {
        return new ArrayList<>(sectionOf.keySet());
    }

    public int size() {
        return sectionOf.size();
    }

    public boolean contains(String questionId) {
        return questionId != null && sectionOf.containsKey(questionId);
    }

    /** The id of the section a question belongs to; empty for an unknown id. */
    public Optional<String> sectionId(String questionId) {
        return questionId == null ? Optional.empty() : Optional.ofNullable(sectionOf.get(questionId));
    }

    /** The section a question belongs to, in this language. */
    public Optional<Section> section(String questionId, Language language) {
        return sectionId(questionId).flatMap(id -> charter.section(id, language));
    }

    /** The question with this id, in this language. */
    public Optional<QuizQuestion> question(String questionId, Language language) {
        Optional<Section> section = section(questionId, language);
        if (section.isEmpty()) {
            return Optional.empty();
        }
        int index = Integer.parseInt(questionId.substring(questionId.lastIndexOf('#') + 1));
        return Optional.of(section.get().quiz().get(index));
    }
}
