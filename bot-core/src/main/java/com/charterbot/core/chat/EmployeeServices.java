package com.charterbot.core.chat;

import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.check.CheckDraft;
import com.charterbot.core.home.ShowHome;
import com.charterbot.core.quiz.RunChannelQuiz;
import com.charterbot.core.quiz.RunQuiz;
import com.charterbot.core.tip.ShowTip;
import java.util.Objects;

/**
 * What employees use in the conversation: answers from the charter, draft checks, quizzes, tips and
 * their own page.
 *
 * @param answers also gives the charter in use (its sections, company name and contact) and the default language
 * @param drafts checks the drafts of {@code check <draft>}, the message shortcut and the message action
 * @param channelQuiz the quizzes nudges post in channels, answered by anyone there
 * @param home the person's page for {@code home}, the one the platforms show in their own places (Slack's App Home)
 */
public record EmployeeServices(
        AnswerEngine answers,
        CheckDraft drafts,
        RunQuiz quiz,
        RunChannelQuiz channelQuiz,
        ShowTip tips,
        ShowHome home) {

    public EmployeeServices {
        Objects.requireNonNull(answers, "answers");
        Objects.requireNonNull(drafts, "drafts");
        Objects.requireNonNull(quiz, "quiz");
        Objects.requireNonNull(channelQuiz, "channelQuiz");
        Objects.requireNonNull(tips, "tips");
        Objects.requireNonNull(home, "home");
    }
}
