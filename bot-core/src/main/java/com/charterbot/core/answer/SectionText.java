package com.charterbot.core.answer;

import com.charterbot.core.charter.QuizQuestion;
import com.charterbot.core.charter.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The parts of a section the engine learns from, grouped as the index weighs them. */
final class SectionText {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?:])\\s+");

    private SectionText() {}

    /** The rule (or, for a not-covered entry, where to go), the checklist and the do and don't lists. */
    static List<String> body(Section section) {
        List<String> body = new ArrayList<>();
        body.add(section.rule());
        body.addAll(section.checklist());
        body.addAll(section.dos());
        body.addAll(section.donts());
        return body;
    }

    /** The tips and the quiz: each question with its right option, and its explanation. */
    static List<String> more(Section section) {
        List<String> more = new ArrayList<>(section.tips());
        for (QuizQuestion question : section.quiz()) {
            more.add(question.text() + " " + question.correctOption());
            more.add(question.explanation());
        }
        return more;
    }

    /** Every sentence of the section: title, phrasings, the rule's sentences one by one, lists, tips and quiz. */
    static List<String> sentences(Section section) {
        List<String> sentences = new ArrayList<>();
        sentences.add(section.title());
        sentences.addAll(section.questions());
        for (String sentence : SENTENCE_END.split(section.rule().strip())) {
            sentences.add(sentence);
        }
        sentences.addAll(section.checklist());
        sentences.addAll(section.dos());
        sentences.addAll(section.donts());
        sentences.addAll(more(section));
        return sentences;
    }
}
