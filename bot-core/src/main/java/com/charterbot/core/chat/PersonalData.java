package com.charterbot.core.chat;

/** Something that keeps data about a person and can erase it when they ask ("forget me"). */
public interface PersonalData {

    void forget(UserRef user);
}
