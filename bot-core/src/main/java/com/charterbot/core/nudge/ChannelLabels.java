package com.charterbot.core.nudge;

import com.charterbot.core.i18n.Messages;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import java.util.Map;
import java.util.Objects;

/**
 * How channels and their pause reasons read in what administrators see (the home page, the nudge
 * form). Pause reasons are stored as short stable codes (the Slack error codes a send failed with,
 * or {@link ChannelMembershipService#REASON_LEFT} and {@link ChannelMembershipService#REASON_ARCHIVED});
 * known codes are explained in whole words, unknown ones shown as stored.
 */
public final class ChannelLabels {

    /** Longer channel names are shortened: platforms cap theirs well below this. */
    static final int MAX_NAME = 80;

    private static final Map<String, String> REASON_KEYS = Map.of(
            ChannelMembershipService.REASON_LEFT,
            "nudges.paused.removed",
            ChannelMembershipService.REASON_ARCHIVED,
            "nudges.paused.archived",
            ChannelMembershipService.REASON_UNINSTALLED,
            "nudges.paused.uninstalled",
            "channel_not_found",
            "nudges.paused.not-found",
            "invalid_auth",
            "nudges.paused.access-revoked",
            "token_revoked",
            "nudges.paused.access-revoked",
            "account_inactive",
            "nudges.paused.access-revoked",
            "missing_scope",
            "nudges.paused.not-allowed",
            "restricted_action",
            "nudges.paused.not-allowed");

    private ChannelLabels() {}

    /** {@code #general} on Slack, the name alone on Teams, the platform id when the name is unknown. */
    public static String name(ChannelRef channel, String name) {
        Objects.requireNonNull(channel, "channel");
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            return channel.channelId();
        }
        if (stripped.length() > MAX_NAME) {
            stripped = stripped.substring(0, MAX_NAME - 1) + "…";
        }
        return channel.platform() == Platform.SLACK && !stripped.startsWith("#") ? "#" + stripped : stripped;
    }

    /** The channel's label, see {@link #name(ChannelRef, String)}. */
    public static String name(ChannelState state) {
        return name(state.channel(), state.name());
    }

    /** Why a channel is paused, in words an administrator understands. */
    public static String pauseReason(String reason, Language language) {
        Objects.requireNonNull(language, "language");
        String code = reason == null ? "" : reason.strip();
        if (code.isEmpty()) {
            return Messages.get(language, "nudges.paused.unknown");
        }
        String key = REASON_KEYS.get(code);
        return key == null ? code : Messages.get(language, key);
    }
}
