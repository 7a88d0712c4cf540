package com.charterbot.core.values;

import java.util.Locale;

/** A chat platform the bot lives on. */
public enum Platform {
    SLACK,
    TEAMS;

    /** The key of one of its workspaces or tenants: {@code slack:T0123}. */
    public String tenantKey(String tenant) {
        return name().toLowerCase(Locale.ROOT) + ":" + tenant;
    }
}
