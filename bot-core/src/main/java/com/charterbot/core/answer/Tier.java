package com.charterbot.core.answer;

/** How sure the bot is, which decides the shape of the reply. */
public enum Tier {
    /** Confident: the cited section answers the question. */
    ANSWER,
    /** Unsure: "did you mean" with up to three sections. */
    SUGGEST,
    /** The charter does not cover it: the closest sections, if any, and whom to ask. */
    FALLBACK
}
