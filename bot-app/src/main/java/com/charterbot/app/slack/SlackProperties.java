package com.charterbot.app.slack;

import com.charterbot.app.startup.StartupRefusal;
import com.charterbot.slack.SlackSettings;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Slack app's settings ({@code charter.slack.*}; application.yaml also reads Slack's usual
 * variables {@code SLACK_SIGNING_SECRET}, {@code SLACK_BOT_TOKEN}, {@code SLACK_APP_TOKEN},
 * {@code SLACK_CLIENT_ID}, {@code SLACK_CLIENT_SECRET} and {@code SLACK_STATE_SECRET}). With a bot
 * token the bot serves that one workspace; with a client id, any number of workspaces and
 * Enterprise Grid organizations install it through OAuth, and then a token encryption key is
 * required. With neither the Slack adapter stays off.
 *
 * @param signingSecret checks that HTTP requests come from Slack (HTTP mode)
 * @param botToken the bot user's token, {@code xoxb-...}
 * @param appToken an app-level token, {@code xapp-...}: Socket Mode instead of HTTP (no public URL needed)
 * @param apiUrl the Web API's base URL; tests point it at a stub
 * @param command the slash command the app declares
 * @param adminUserIds Slack user ids of charter administrators, besides {@code charter.admins.slack-user-ids}
 * @param adminCacheTtl how long a workspace admin or owner looked up with {@code users.info} is remembered
 * @param apiTimeout how long a Web API call may take
 * @param benchEndpoint exposes {@code POST /slack/bench-bare}, which only checks the signature (the
 *     baseline of {@code bench/slack-load}); keep it off in production
 * @param clientId the app's client id: installs through OAuth ({@code /slack/install})
 * @param clientSecret the app's client secret
 * @param stateSecret signs each install's OAuth state (32+ characters)
 * @param redirectUri the redirect URL to send Slack, {@code https://<host>/slack/oauth_redirect}; empty: the app's only one
 * @param tokenEncryptionKey encrypts the installations' tokens at rest (AES-256-GCM): 32 random bytes in base64
 * @param tokenEncryptionPreviousKeys keys tokens may still be encrypted with, after a key rotation (decrypt only)
 * @param tokenRefreshBefore how long before a rotating token expires it is refreshed
 */
@ConfigurationProperties("charter.slack")
public record SlackProperties(
        @DefaultValue("") String signingSecret,
        @DefaultValue("") String botToken,
        @DefaultValue("") String appToken,
        @DefaultValue("https://slack.com/api/") String apiUrl,
        @DefaultValue("/charter") String command,
        @DefaultValue Set<String> adminUserIds,
        @DefaultValue("10m") Duration adminCacheTtl,
        @DefaultValue("5s") Duration apiTimeout,
        @DefaultValue("false") boolean benchEndpoint,
        @DefaultValue("") String clientId,
        @DefaultValue("") String clientSecret,
        @DefaultValue("") String stateSecret,
        @DefaultValue("") String redirectUri,
        @DefaultValue("") String tokenEncryptionKey,
        @DefaultValue List<String> tokenEncryptionPreviousKeys,
        @DefaultValue("2h") Duration tokenRefreshBefore) {

    /** Whether the Slack adapter runs at all. */
    public boolean enabled() {
        return !botToken.isBlank() || distributed();
    }

    /** Whether workspaces install the app through OAuth (a client id is set). */
    public boolean distributed() {
        return !clientId.isBlank();
    }

    /** The adapter's settings; validated there, with messages that never repeat a secret. */
    public SlackSettings settings() {
        try {
            SlackSettings.Distribution distribution = distributed()
                    ? new SlackSettings.Distribution(
                            clientId.strip(),
                            clientSecret.strip(),
                            stateSecret.strip(),
                            redirectUri.strip(),
                            tokenRefreshBefore)
                    : null;
            return new SlackSettings(
                    signingSecret.strip(),
                    botToken.strip(),
                    appToken.strip(),
                    apiUrl.strip(),
                    command.strip(),
                    adminCacheTtl,
                    apiTimeout,
                    distribution);
        } catch (IllegalArgumentException e) {
            throw new StartupRefusal(
                    "Slack is configured wrongly: " + e.getMessage() + ".",
                    "Set SLACK_BOT_TOKEN for one workspace, or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for installs "
                            + "through OAuth; with SLACK_SIGNING_SECRET for HTTP mode or SLACK_APP_TOKEN for Socket Mode (charter.slack.*). "
                            + "With neither a bot token nor a client id Slack stays off.");
        }
    }

    @Override
    public String toString() {
        return "SlackProperties[signingSecret=" + mask(signingSecret) + ", botToken=" + mask(botToken) + ", appToken="
                + mask(appToken)
                + ", apiUrl=" + apiUrl + ", command=" + command + ", adminUserIds=" + adminUserIds + ", adminCacheTtl="
                + adminCacheTtl
                + ", apiTimeout=" + apiTimeout + ", benchEndpoint=" + benchEndpoint + ", clientId=" + clientId
                + ", clientSecret="
                + mask(clientSecret) + ", stateSecret=" + mask(stateSecret) + ", redirectUri=" + redirectUri
                + ", tokenEncryptionKey="
                + mask(tokenEncryptionKey) + ", tokenEncryptionPreviousKeys=" + tokenEncryptionPreviousKeys.size()
                + " key(s)"
                + ", tokenRefreshBefore=" + tokenRefreshBefore + "]";
    }

    private static String mask(String secret) {
        return secret.isBlank() ? "(unset)" : "(set)";
    }
}
