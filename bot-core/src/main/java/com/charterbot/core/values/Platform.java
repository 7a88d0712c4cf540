package com.charterbot.core.values;

/** A chat platform the bot lives on. */
public enum Platform {
    SLACK,
    TEAMS
}
