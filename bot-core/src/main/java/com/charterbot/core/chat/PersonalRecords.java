package com.charterbot.core.chat;

import com.charterbot.core.activity.ActivityLog;
import com.charterbot.core.people.LanguagePreferences;
import com.charterbot.core.people.PersonalData;
import java.util.Objects;

/**
 * What the conversation keeps about people, all of which {@code forget me} erases.
 *
 * @param languages the reply language each person chose
 * @param quizData their quiz progress, sessions and answers
 * @param activity the questions asked and the feedback given, for the statistics
 */
public record PersonalRecords(LanguagePreferences languages, PersonalData quizData, ActivityLog activity) {

    public PersonalRecords {
        Objects.requireNonNull(languages, "languages");
        Objects.requireNonNull(quizData, "quizData");
        Objects.requireNonNull(activity, "activity");
    }
}
