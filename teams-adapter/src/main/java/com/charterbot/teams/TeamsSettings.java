package com.charterbot.teams;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How the Teams adapter talks to the Bot Framework.
 *
 * @param appId the bot's Microsoft App ID (Azure Bot registration); empty switches authentication
 *     off, for local use with the Bot Framework Emulator only
 * @param appPassword the registration's client secret; never shown by {@link #toString()}
 * @param tenantId the Entra tenant of a single-tenant registration; empty for a (deprecated)
 *     multi-tenant one
 * @param allowedServiceUrls the Bot Connector service URLs the bot may send to, as URL prefixes
 *     (scheme, host and port must be equal, the path must start with the entry's path)
 * @param openIdMetadataUrl where the Bot Framework's signing keys are published; empty for the
 *     public cloud's; set by tests to a stub
 */
public record TeamsSettings(
        String appId, String appPassword, String tenantId, List<String> allowedServiceUrls, String openIdMetadataUrl) {

    /**
     * The public Microsoft Teams service URLs ({@code https://smba.trafficmanager.net/amer/},
     * {@code /emea/}, {@code /apac/}, {@code /teams/}...). Government clouds use other hosts and must
     * be added explicitly.
     */
    public static final List<String> PUBLIC_TEAMS_SERVICE_URLS = List.of("https://smba.trafficmanager.net/");

    public TeamsSettings {
        appId = appId == null ? "" : appId.strip();
        appPassword = appPassword == null ? "" : appPassword;
        tenantId = tenantId == null ? "" : tenantId.strip();
        allowedServiceUrls = List.copyOf(Objects.requireNonNull(allowedServiceUrls, "allowedServiceUrls"));
        for (String url : allowedServiceUrls) {
            Prefix.parse(url);
        }
        openIdMetadataUrl = openIdMetadataUrl == null ? "" : openIdMetadataUrl.strip();
        if (!appId.isEmpty() && appPassword.isEmpty()) {
            throw new IllegalArgumentException("an app id needs its app password (client secret)");
        }
    }

    /** Authentication off and the public Teams service URLs only: the Bot Framework Emulator's setup. */
    public static TeamsSettings unauthenticated(List<String> allowedServiceUrls) {
        return new TeamsSettings("", "", "", allowedServiceUrls, "");
    }

    /** Whether incoming requests must carry a valid Bot Framework token (an app id is configured). */
    public boolean authenticationEnabled() {
        return !appId.isEmpty();
    }

    /**
     * Whether the bot may send to this service URL. A URL with user info, a fragment, or that does
     * not parse is never allowed.
     */
    public boolean allowsServiceUrl(String serviceUrl) {
        if (serviceUrl == null || serviceUrl.isBlank()) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(serviceUrl.strip());
        } catch (URISyntaxException e) {
            return false;
        }
        if (uri.getRawUserInfo() != null
                || uri.getRawFragment() != null
                || uri.getHost() == null
                || uri.getScheme() == null) {
            return false;
        }
        for (String allowed : allowedServiceUrls) {
            if (Prefix.parse(allowed).matches(uri)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the bot serves an activity that names these tenants: with a single-tenant registration,
     * only when it names at least one and every one is the registration's; a multi-tenant
     * registration (no tenant configured) cannot tell, and serves any.
     */
    public boolean allowsTenant(List<String> activityTenants) {
        if (tenantId.isEmpty()) {
            return true;
        }
        return !activityTenants.isEmpty() && activityTenants.stream().allMatch(tenantId::equalsIgnoreCase);
    }

    @Override
    public String toString() {
        return "TeamsSettings[appId=" + appId + ", appPassword=" + (appPassword.isEmpty() ? "" : "******")
                + ", tenantId=" + tenantId + ", allowedServiceUrls=" + allowedServiceUrls + ", openIdMetadataUrl="
                + openIdMetadataUrl + "]";
    }

    /** One allow-list entry, parsed. */
    private record Prefix(String scheme, String host, int port, String path) {

        static Prefix parse(String entry) {
            Objects.requireNonNull(entry, "allowed service URL");
            URI uri;
            try {
                uri = new URI(entry.strip());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("not a URL: " + entry, e);
            }
            if (uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("an allowed service URL is scheme://host[:port]/path: " + entry);
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw new IllegalArgumentException("an allowed service URL is http or https: " + entry);
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return new Prefix(
                    scheme, uri.getHost().toLowerCase(Locale.ROOT), port(uri), path.endsWith("/") ? path : path + "/");
        }

        boolean matches(URI uri) {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (!path.endsWith("/")) {
                path = path + "/";
            }
            return scheme.equals(uri.getScheme().toLowerCase(Locale.ROOT))
                    && host.equals(uri.getHost().toLowerCase(Locale.ROOT))
                    && port == port(uri)
                    && path.startsWith(this.path)
                    // no dot segments, plain or encoded, that could climb out of the allowed path
                    && !path.contains("/../")
                    && !path.contains("/./")
                    && !path.toLowerCase(Locale.ROOT).contains("%2e");
        }

        private static int port(URI uri) {
            if (uri.getPort() >= 0) {
                return uri.getPort();
            }
            return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        }
    }
}
