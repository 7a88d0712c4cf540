package com.charterbot.core.charter;

import java.util.List;
import java.util.Objects;

/** A multiple-choice question of a section's quiz bank: 3 or 4 options, one of them correct. */
public record QuizQuestion(String text, List<String> options, int correctIndex, String explanation) {

    public QuizQuestion {
        Objects.requireNonNull(text, "text");
        options = List.copyOf(options);
        Objects.requireNonNull(explanation, "explanation");
        if (text.isBlank() || explanation.isBlank()) {
            throw new IllegalArgumentException("a quiz question needs a text and an explanation");
        }
        if (options.size() < 3 || options.size() > 4) {
            throw new IllegalArgumentException("a quiz question has 3 or 4 options, not " + options.size());
        }
        if (correctIndex < 0 || correctIndex >= options.size()) {
            throw new IllegalArgumentException("correct option out of range: " + correctIndex);
        }
    }

    public String correctOption() {
        return options.get(correctIndex);
    }
}
