package com.charterbot.core.check;

/** Checks a draft against the current charter. */
public interface CheckDraft {

    /** Never throws for any text; never stores or logs it. */
    DraftReport check(Draft draft);
}
