package com.charterbot.core.admin;

import com.charterbot.core.values.UserRef;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One administrator action, kept for accountability.
 *
 * @param action what was done, lower-case dotted words such as {@code nudges.change} or {@code stats.view}
 * @param target what it was done to, e.g. a channel key; at most {@value #MAX_LENGTH} characters
 * @param before the value before the change, empty when there was none; at most {@value #MAX_LENGTH} characters
 * @param after the value after the change, empty when there is none; at most {@value #MAX_LENGTH} characters
 */
public record AuditRecord(UserRef who, Instant at, String action, String target, String before, String after) {

    public static final int MAX_LENGTH = 2_000;
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");

    public AuditRecord {
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        if (!ACTION.matcher(action).matches() || action.length() > 100) {
            throw new IllegalArgumentException(
                    "an audit action is lower-case dotted words such as nudges.change, not '" + action + "'");
        }
        Objects.requireNonNull(target, "target");
        if (target.isBlank()) {
            throw new IllegalArgumentException("an audit record names its target");
        }
        before = before == null ? "" : before;
        after = after == null ? "" : after;
        requireShort(target, "target");
        requireShort(before, "before");
        requireShort(after, "after");
    }

    private static void requireShort(String value, String name) {
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "an audit record's " + name + " is at most " + MAX_LENGTH + " characters");
        }
    }
}
