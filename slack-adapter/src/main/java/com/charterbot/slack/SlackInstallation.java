package com.charterbot.slack;

import java.time.Instant;
import java.util.Objects;

/**
 * The app installed in one Slack workspace, or org-wide in an Enterprise Grid organization, as
 * the OAuth flow gave it: what a request or a nudge for that place speaks with. No user token is
 * ever kept (the app asks for none), nor who installed it. {@link #toString()} shows no token.
 *
 * @param enterpriseId the Enterprise Grid organization ({@code E...}); null outside Grid
 * @param teamId the workspace ({@code T...}); null for an org-wide install
 * @param enterpriseInstall whether it is installed for the whole organization
 * @param enterpriseUrl the organization's address ({@code https://<org>.enterprise.slack.com/}), for an org-wide install
 * @param botScopes the scopes granted, comma-separated, as Slack lists them
 * @param botToken the bot token ({@code xoxb-...}, or {@code xoxe.xoxb-...} when it rotates)
 * @param botRefreshToken the refresh token of a rotating bot token; null when the token does not expire
 * @param botTokenExpiresAt when a rotating token expires; null when it does not
 */
public record SlackInstallation(
        String enterpriseId,
        String teamId,
        boolean enterpriseInstall,
        String enterpriseUrl,
        String appId,
        String botId,
        String botUserId,
        String botScopes,
        String botToken,
        String botRefreshToken,
        Instant botTokenExpiresAt,
        Instant installedAt) {

    private static final String ORG = "org:";
    private static final String TEAM = "team:";

    public SlackInstallation {
        enterpriseId = blankToNull(enterpriseId);
        teamId = blankToNull(teamId);
        Objects.requireNonNull(installedAt, "installedAt");
        if (botToken == null || botToken.isBlank()) {
            throw new IllegalArgumentException(
                    "an installation without a bot token serves nothing (the app asks for bot scopes)");
        }
        if (enterpriseInstall ? enterpriseId == null : teamId == null) {
            throw new IllegalArgumentException(
                    enterpriseInstall
                            ? "an org-wide installation names its organization"
                            : "a workspace installation names its workspace");
        }
        if ((botRefreshToken == null) != (botTokenExpiresAt == null)) {
            throw new IllegalArgumentException("a rotating token has both a refresh token and an expiry");
        }
    }

    /** The key an org-wide installation is stored under. */
    public static String orgKey(String enterpriseId) {
        return ORG + Objects.requireNonNull(enterpriseId, "enterpriseId");
    }

    /** The key a workspace installation is stored under. */
    public static String teamKey(String teamId) {
        return TEAM + Objects.requireNonNull(teamId, "teamId");
    }

    /** Where it is stored: one installation per organization (org-wide) or per workspace. */
    public String key() {
        return enterpriseInstall ? orgKey(enterpriseId) : teamKey(teamId);
    }

    /** Whether the bot token expires and must be refreshed. */
    public boolean rotating() {
        return botRefreshToken != null;
    }

    /** The same installation with the tokens a refresh gave. */
    public SlackInstallation withTokens(String token, String refreshToken, Instant expiresAt) {
        return new SlackInstallation(
                enterpriseId,
                teamId,
                enterpriseInstall,
                enterpriseUrl,
                appId,
                botId,
                botUserId,
                botScopes,
                token,
                refreshToken,
                expiresAt,
                installedAt);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        return "SlackInstallation[" + key() + (enterpriseId != null && !enterpriseInstall ? " in " + enterpriseId : "")
                + ", app " + appId + ", bot user " + botUserId
                + (rotating() ? ", rotating token expiring " + botTokenExpiresAt : "") + "]";
    }
}
