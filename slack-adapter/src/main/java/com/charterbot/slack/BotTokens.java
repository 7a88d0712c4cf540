package com.charterbot.slack;

import java.util.Optional;

/**
 * Which bot speaks in a workspace when no request says it: for scheduled nudges, which know only
 * the channel's workspace. One fixed token in single-workspace mode; the installation serving the
 * workspace (its own, or its organization's org-wide one), refreshed when due, otherwise.
 */
@FunctionalInterface
interface BotTokens {

    /**
     * The bot serving this workspace; empty when the app is not installed there.
     *
     * @throws RuntimeException when the installations cannot be read (the store is down): worth retrying
     */
    Optional<WorkspaceBot> forWorkspace(String team);

    /** One token for every workspace. */
    static BotTokens fixed(String token) {
        return team -> Optional.of(new WorkspaceBot(team, token, null));
    }
}
