package com.charterbot.slack;

import com.slack.api.bolt.context.Context;
import java.util.Objects;

/**
 * The bot in one workspace: the token of the installation serving it (the one bot token in
 * single-workspace mode) and the bot's own user id there. Every Web API call of the adapter speaks
 * through one, so a workspace is only ever answered with its own installation's token.
 * {@link #toString()} shows no token.
 *
 * @param team the workspace the request or the channel belongs to
 * @param botUserId the bot's user id in that workspace; null when not known (nudges)
 */
record WorkspaceBot(String team, String token, String botUserId) {

    WorkspaceBot {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(token, "token");
    }

    /**
     * The bot Bolt's authorization found for a request from this workspace; null for the requests
     * Bolt authorizes without a token ({@code app_uninstalled}, {@code tokens_revoked}).
     */
    static WorkspaceBot of(String team, Context ctx) {
        return ctx.getBotToken() == null || team == null
                ? null
                : new WorkspaceBot(team, ctx.getBotToken(), ctx.getBotUserId());
    }

    @Override
    public String toString() {
        return "WorkspaceBot[" + team + ", bot user " + botUserId + "]";
    }
}
