package com.charterbot.app.slack;

import com.charterbot.app.startup.StartupRefusal;
import com.charterbot.slack.SlackSettings;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Slack app's settings ({@code charter.slack.*}; application.yaml also reads Slack's usual
 * variables {@code SLACK_SIGNING_SECRET}, {@code SLACK_BOT_TOKEN} and {@code SLACK_APP_TOKEN}).
 * Without a bot token the Slack adapter stays off.
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
        @DefaultValue("false") boolean benchEndpoint) {

    /** Whether the Slack adapter runs at all. */
    public boolean enabled() {
        return !botToken.isBlank();
    }

    /** The adapter's settings; validated there, with messages that never repeat a secret. */
    public SlackSettings settings() {
        try {
            return new SlackSettings(signingSecret.strip(), botToken.strip(), appToken.strip(), apiUrl.strip(), command.strip(),
                    adminCacheTtl, apiTimeout);
        } catch (IllegalArgumentException e) {
            throw new StartupRefusal("Slack is configured wrongly: " + e.getMessage() + ".",
                    "Set SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET for HTTP mode, or with SLACK_APP_TOKEN for Socket Mode "
                            + "(charter.slack.*); or unset SLACK_BOT_TOKEN to leave Slack off.");
        }
    }

    @Override
    public String toString() {
        return "SlackProperties[signingSecret=" + mask(signingSecret) + ", botToken=" + mask(botToken) + ", appToken=" + mask(appToken)
                + ", apiUrl=" + apiUrl + ", command=" + command + ", adminUserIds=" + adminUserIds + ", adminCacheTtl=" + adminCacheTtl
                + ", apiTimeout=" + apiTimeout + ", benchEndpoint=" + benchEndpoint + "]";
    }

    private static String mask(String secret) {
        return secret.isBlank() ? "(unset)" : "(set)";
    }
}
