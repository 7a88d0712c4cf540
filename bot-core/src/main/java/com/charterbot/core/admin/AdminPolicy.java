package com.charterbot.core.admin;

import com.charterbot.core.values.UserRef;
import java.util.Locale;
import java.util.Objects;

/** Decides who is a charter administrator, from an {@link AdminDirectory}. */
public final class AdminPolicy {

    private final AdminDirectory directory;

    public AdminPolicy(AdminDirectory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * Whether this person may use the administrator commands.
     *
     * @param platformAdmin what the adapter says: a Slack workspace admin or owner (Teams says nothing)
     */
    public Decision decide(UserRef user, boolean platformAdmin) {
        Objects.requireNonNull(user, "user");
        boolean configured = switch (user.platform()) {
            case SLACK -> directory.slackUserIds().contains(user.userId().strip());
            case TEAMS ->
                directory.teamsUserIds().contains(user.userId().strip().toLowerCase(Locale.ROOT));
        };
        if (configured) {
            return new Decision.Allowed(Decision.Allowed.CONFIGURED);
        }
        if (platformAdmin && directory.trustPlatformAdmins()) {
            return new Decision.Allowed(Decision.Allowed.PLATFORM);
        }
        return new Decision.Denied(Decision.Denied.NOT_ADMIN);
    }
}
