package com.charterbot.core.people;

import com.charterbot.core.values.UserRef;

/** Something that keeps data about a person and can erase it when they ask ("forget me"). */
public interface PersonalData {

    void forget(UserRef user);
}
