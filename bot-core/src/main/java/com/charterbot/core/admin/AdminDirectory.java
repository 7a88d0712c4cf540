package com.charterbot.core.admin;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who administers the charter bot: people named in the configuration, and, when trusted, the
 * platform's own administrators (Slack workspace admins and owners; Teams reports none), as the
 * adapter reports them.
 *
 * @param slackUserIds Slack user ids ({@code U...}), compared exactly
 * @param teamsUserIds Microsoft Entra object ids of Teams users, compared ignoring case
 * @param trustPlatformAdmins whether a platform administrator counts as a charter administrator
 */
public record AdminDirectory(Set<String> slackUserIds, Set<String> teamsUserIds, boolean trustPlatformAdmins) {

    /** Nobody configured; platform administrators trusted. */
    public static final AdminDirectory DEFAULTS = new AdminDirectory(Set.of(), Set.of(), true);

    public AdminDirectory {
        slackUserIds = ids(slackUserIds, "Slack", false);
        teamsUserIds = ids(teamsUserIds, "Teams", true);
    }

    /** Configured ids, with platform administrators trusted (the default). */
    public AdminDirectory(Set<String> slackUserIds, Set<String> teamsUserIds) {
        this(slackUserIds, teamsUserIds, true);
    }

    private static Set<String> ids(Collection<String> ids, String platform, boolean lowerCase) {
        Set<String> cleaned = new TreeSet<>();
        if (ids == null) {
            return Set.of();
        }
        for (String id : ids) {
            Objects.requireNonNull(id, platform + " admin id");
            String stripped = id.strip();
            if (stripped.isEmpty() || stripped.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("not a " + platform + " user id: '" + id + "'");
            }
            cleaned.add(lowerCase ? stripped.toLowerCase(Locale.ROOT) : stripped);
        }
        return Set.copyOf(cleaned);
    }
}
