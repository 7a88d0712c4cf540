package com.charterbot.slack;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the bot reaches Slack. Validates itself; no error message and no {@link #toString()} ever
 * contains a secret or token value.
 *
 * <p>Blank secrets and tokens count as absent (stored as {@code null}); a null or blank
 * {@code apiUrl} or {@code command} and null durations take the defaults below.
 *
 * @param signingSecret the app's signing secret, for requests arriving over HTTP ({@code /slack/events})
 * @param botToken the bot token ({@code xoxb-...}), required
 * @param appToken an app-level token ({@code xapp-...}) with {@code connections:write}: Socket Mode
 *     instead of (or besides) HTTP
 * @param apiUrl the Web API's base URL, absolute, ending with {@code /} (default {@value #DEFAULT_API_URL})
 * @param command the slash command (default {@value #DEFAULT_COMMAND})
 * @param adminCacheTtl how long what {@code users.info} says of a person (workspace admin, locale) is remembered (default 10 minutes)
 * @param apiTimeout the timeout of one Web API call (default 5 seconds)
 */
public record SlackSettings(String signingSecret, String botToken, String appToken, String apiUrl, String command,
        Duration adminCacheTtl, Duration apiTimeout) {

    public static final String DEFAULT_API_URL = "https://slack.com/api/";
    public static final String DEFAULT_COMMAND = "/charter";
    public static final Duration DEFAULT_ADMIN_CACHE_TTL = Duration.ofMinutes(10);
    public static final Duration DEFAULT_API_TIMEOUT = Duration.ofSeconds(5);

    public SlackSettings {
        signingSecret = blankToNull(signingSecret);
        botToken = blankToNull(botToken);
        appToken = blankToNull(appToken);
        apiUrl = apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : apiUrl.strip();
        command = command == null || command.isBlank() ? DEFAULT_COMMAND : command.strip();
        adminCacheTtl = adminCacheTtl == null ? DEFAULT_ADMIN_CACHE_TTL : adminCacheTtl;
        apiTimeout = apiTimeout == null ? DEFAULT_API_TIMEOUT : apiTimeout;

        List<String> problems = new ArrayList<>();
        if (botToken == null) {
            problems.add("botToken is required");
        } else if (!botToken.startsWith("xoxb-")) {
            problems.add("botToken must be a bot token (starting with \"xoxb-\")");
        }
        if (signingSecret == null && appToken == null) {
            problems.add("either signingSecret (HTTP mode) or appToken (Socket Mode) is required");
        }
        if (appToken != null && !appToken.startsWith("xapp-")) {
            problems.add("appToken must be an app-level token (starting with \"xapp-\")");
        }
        if (!isApiUrl(apiUrl)) {
            problems.add("apiUrl must be an absolute http or https URL ending with '/', without credentials, query or fragment");
        }
        if (!command.startsWith("/") || command.length() < 2 || command.chars().anyMatch(Character::isWhitespace)) {
            problems.add("command must start with '/' and contain no spaces");
        }
        if (adminCacheTtl.isNegative() || adminCacheTtl.isZero()) {
            problems.add("adminCacheTtl must be positive");
        }
        if (apiTimeout.isNegative() || apiTimeout.isZero()) {
            problems.add("apiTimeout must be positive");
        } else if (apiTimeout.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
            problems.add("apiTimeout is too long");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid Slack settings: " + String.join("; ", problems));
        }
    }

    /** HTTP mode only, with the defaults for everything else. */
    public static SlackSettings http(String signingSecret, String botToken) {
        return new SlackSettings(signingSecret, botToken, null, null, null, null, null);
    }

    /** Whether the bot connects over Socket Mode: an app token is set. */
    public boolean socketMode() {
        return appToken != null;
    }

    /** Whether Slack can reach the bot over HTTP: a signing secret is set. */
    public boolean httpMode() {
        return signingSecret != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean isApiUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return uri.isAbsolute() && (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawUserInfo() == null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && url.endsWith("/");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "SlackSettings[signingSecret=" + shown(signingSecret) + ", botToken=" + shown(botToken) + ", appToken="
                + shown(appToken) + ", apiUrl=" + apiUrl + ", command=" + command + ", adminCacheTtl=" + adminCacheTtl
                + ", apiTimeout=" + apiTimeout + "]";
    }

    private static String shown(String secret) {
        return secret == null ? "(none)" : "****";
    }
}
