package com.charterbot.core.chat;

/** A chat platform the bot lives on. */
public enum Platform {
    SLACK,
    TEAMS
}
