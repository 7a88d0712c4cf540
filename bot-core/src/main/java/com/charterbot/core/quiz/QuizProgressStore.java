package com.charterbot.core.quiz;

import com.charterbot.core.values.UserRef;
import java.util.Map;

/** Keeps each person's spaced-repetition state, by question id. */
public interface QuizProgressStore {

    /** Every question this person has answered, by id; empty for someone new. */
    Map<String, CardState> load(UserRef user);

    void save(UserRef user, String questionId, CardState state);

    /** Deletes everything about this person. */
    void forget(UserRef user);
}
