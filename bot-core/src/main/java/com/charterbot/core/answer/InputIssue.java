package com.charterbot.core.answer;

/** Why a question could not be searched at all, if it could not. */
public enum InputIssue {
    NONE,
    /** Nothing to search: empty, blank, only emoji or markup. The reply is help. */
    BLANK,
    /** Longer than {@link Question#MAX_LENGTH}. The reply says so. */
    TOO_LONG
}
