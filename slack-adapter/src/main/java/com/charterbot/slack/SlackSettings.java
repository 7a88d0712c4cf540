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
 * <p>Two ways to be installed: one workspace with a bot token from the environment (the quick
 * start), or any number of workspaces and Enterprise Grid organizations through Slack's OAuth flow
 * ({@link Distribution}), each installation's token kept by an {@link InstallationStore}. Exactly
 * one of {@code botToken} and {@code distribution} is set.
 *
 * <p>Blank secrets and tokens count as absent (stored as {@code null}); a null or blank
 * {@code apiUrl} or {@code command} and null durations take the defaults below.
 *
 * @param signingSecret the app's signing secret, for requests arriving over HTTP ({@code /slack/events})
 * @param botToken the bot token ({@code xoxb-...}) of the one workspace served; null with a distribution
 * @param appToken an app-level token ({@code xapp-...}) with {@code connections:write}: Socket Mode
 *     instead of (or besides) HTTP
 * @param apiUrl the Web API's base URL, absolute, ending with {@code /} (default {@value #DEFAULT_API_URL})
 * @param command the slash command (default {@value #DEFAULT_COMMAND})
 * @param adminCacheTtl how long what {@code users.info} says of a person (workspace admin, locale) is remembered (default 10 minutes)
 * @param apiTimeout the timeout of one Web API call (default 5 seconds)
 * @param distribution the OAuth flow's settings when the app is installed through it; null for one workspace by its bot token
 */
public record SlackSettings(
        String signingSecret,
        String botToken,
        String appToken,
        String apiUrl,
        String command,
        Duration adminCacheTtl,
        Duration apiTimeout,
        Distribution distribution) {

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
        if (botToken == null && distribution == null) {
            problems.add(
                    "botToken (one workspace) or the OAuth distribution settings (any number of workspaces) are required");
        } else if (botToken != null && distribution != null) {
            problems.add(
                    "botToken and the OAuth distribution settings exclude each other: installations through OAuth bring their own tokens");
        } else if (botToken != null && !botToken.startsWith("xoxb-")) {
            problems.add("botToken must be a bot token (starting with \"xoxb-\")");
        }
        if (signingSecret == null && appToken == null) {
            problems.add("either signingSecret (HTTP mode) or appToken (Socket Mode) is required");
        }
        if (appToken != null && !appToken.startsWith("xapp-")) {
            problems.add("appToken must be an app-level token (starting with \"xapp-\")");
        }
        if (!isApiUrl(apiUrl)) {
            problems.add(
                    "apiUrl must be an absolute http or https URL ending with '/', without credentials, query or fragment");
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

    /** One workspace by its bot token. */
    public SlackSettings(
            String signingSecret,
            String botToken,
            String appToken,
            String apiUrl,
            String command,
            Duration adminCacheTtl,
            Duration apiTimeout) {
        this(signingSecret, botToken, appToken, apiUrl, command, adminCacheTtl, apiTimeout, null);
    }

    /** HTTP mode only, with the defaults for everything else. */
    public static SlackSettings http(String signingSecret, String botToken) {
        return new SlackSettings(signingSecret, botToken, null, null, null, null, null);
    }

    /** Whether workspaces install the app through Slack's OAuth flow (else one workspace by its bot token). */
    public boolean distributed() {
        return distribution != null;
    }

    /**
     * Slack's OAuth v2 flow, as Bolt runs it: people start at {@value #INSTALL_PATH}, Slack sends
     * them back to {@value #REDIRECT_PATH} (the app's redirect URL). Validates itself; no message
     * and no {@link #toString()} holds a secret.
     *
     * @param clientId the app's client id (Basic Information)
     * @param clientSecret the app's client secret
     * @param stateSecret signs the OAuth {@code state} of each install, at least 32 characters
     * @param redirectUri the redirect URL to name in the authorize request, absolute https (or http on
     *     localhost); null: the app's only one
     * @param refreshBefore how long before a rotating token expires it is refreshed (default 2 hours;
     *     Slack's rotating tokens live 12)
     */
    public record Distribution(
            String clientId, String clientSecret, String stateSecret, String redirectUri, Duration refreshBefore) {

        /** Where an install starts: a page with the "Add to Slack" button. */
        public static final String INSTALL_PATH = "/slack/install";
        /** Where Slack sends the person back with a code: the redirect URL of the app's manifest. */
        public static final String REDIRECT_PATH = "/slack/oauth_redirect";

        public static final Duration DEFAULT_REFRESH_BEFORE = Duration.ofHours(2);
        /** The bot scopes an install asks for: exactly those of the app manifests in {@code slack/}, which the code uses. */
        public static final List<String> BOT_SCOPES = List.of(
                "app_mentions:read",
                "channels:read",
                "groups:read",
                "chat:write",
                "commands",
                "files:write",
                "im:history",
                "users:read");

        static final int MIN_STATE_SECRET = 32;

        public Distribution {
            clientId = blankToNull(clientId);
            clientSecret = blankToNull(clientSecret);
            stateSecret = blankToNull(stateSecret);
            redirectUri = blankToNull(redirectUri);
            refreshBefore = refreshBefore == null ? DEFAULT_REFRESH_BEFORE : refreshBefore;
            List<String> problems = new ArrayList<>();
            if (clientId == null || !clientId.matches("[0-9A-Za-z.]{1,64}")) {
                problems.add("clientId is required (digits and dots, from Basic Information)");
            }
            if (clientSecret == null) {
                problems.add("clientSecret is required");
            }
            if (stateSecret == null || stateSecret.length() < MIN_STATE_SECRET) {
                problems.add("stateSecret is required, at least " + MIN_STATE_SECRET
                        + " characters (e.g. openssl rand -base64 32)");
            }
            if (redirectUri != null && !isRedirectUri(redirectUri)) {
                problems.add("redirectUri must be an absolute https URL ending with " + REDIRECT_PATH
                        + " (http only on localhost)");
            }
            if (refreshBefore.isNegative() || refreshBefore.compareTo(Duration.ofHours(11)) > 0) {
                problems.add("refreshBefore must be between 0 and 11 hours (Slack's rotating tokens live 12)");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("Invalid Slack OAuth settings: " + String.join("; ", problems));
            }
        }

        private static boolean isRedirectUri(String url) {
            try {
                URI uri = new URI(url);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
                boolean local = host.equals("localhost") || host.equals("127.0.0.1");
                return uri.isAbsolute()
                        && (scheme.equals("https") || scheme.equals("http") && local)
                        && !host.isEmpty()
                        && uri.getRawUserInfo() == null
                        && uri.getRawQuery() == null
                        && uri.getRawFragment() == null
                        && REDIRECT_PATH.equals(uri.getPath());
            } catch (URISyntaxException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            return "Distribution[clientId=" + clientId + ", clientSecret=" + shown(clientSecret) + ", stateSecret="
                    + shown(stateSecret) + ", redirectUri=" + redirectUri + ", refreshBefore=" + refreshBefore + "]";
        }
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
            return uri.isAbsolute()
                    && (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && uri.getRawUserInfo() == null
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null
                    && url.endsWith("/");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "SlackSettings[signingSecret=" + shown(signingSecret) + ", botToken=" + shown(botToken) + ", appToken="
                + shown(appToken) + ", apiUrl=" + apiUrl + ", command=" + command + ", adminCacheTtl=" + adminCacheTtl
                + ", apiTimeout=" + apiTimeout + ", distribution=" + distribution + "]";
    }

    private static String shown(String secret) {
        return secret == null ? "(none)" : "****";
    }
}
