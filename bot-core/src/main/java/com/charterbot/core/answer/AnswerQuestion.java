package com.charterbot.core.answer;

/** Answers an employee's question from the current charter. */
public interface AnswerQuestion {

    /** Never throws for any text; bad input gets an answer that says what is wrong. */
    Answer answer(Question question);
}
