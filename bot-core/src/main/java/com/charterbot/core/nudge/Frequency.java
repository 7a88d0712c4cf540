package com.charterbot.core.nudge;

/** How often a channel gets a nudge. */
public enum Frequency {
    /** No nudges. */
    OFF,
    /** Every Monday to Friday. */
    DAILY_WORKDAYS,
    /** Every week on the settings' weekday. */
    WEEKLY,
    /**
     * Every other week on the settings' weekday. The weeks are counted from Monday 1970-01-05, so
     * the parity never depends on when the schedule is computed.
     */
    BIWEEKLY,
    /** Every month on the settings' day of month, or the month's last day when it is shorter. */
    MONTHLY
}
