package com.charterbot.playground;

import com.sun.net.httpserver.Headers;
import java.net.URI;
import java.util.Locale;

/**
 * Keeps the playground to its author's own browser: a request must name this machine in its
 * {@code Host} (a web page elsewhere that points a name of its own at 127.0.0.1, DNS rebinding,
 * gets 403) and, when it says where it comes from ({@code Origin}), come from this machine too (a
 * page on another site that posts here gets 403); every answer tells the browser to run no script
 * but the page's own, load nothing from elsewhere and never frame the page. Markup someone types
 * can then never run, even if the page's escaping ever failed.
 */
final class PlaygroundGuard {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private PlaygroundGuard() {}

    /** Whether a request with these headers may be served. */
    static boolean allows(Headers request) {
        String host = request.getFirst("Host");
        return host != null && local(hostName(host)) && sameOrigin(request.getFirst("Origin"));
    }

    /** The headers every answer carries. */
    static void protect(Headers response) {
        response.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.set("X-Content-Type-Options", "nosniff");
        response.set("Referrer-Policy", "no-referrer");
        response.set("X-Frame-Options", "DENY");
        response.set("Cache-Control", "no-store");
    }

    /** A {@code Host} header's name without its port: {@code 127.0.0.1:8090} is {@code 127.0.0.1}, {@code [::1]:8090} is {@code [::1]}. */
    static String hostName(String host) {
        String value = host.strip();
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? value : value.substring(0, end + 1);
        }
        int colon = value.indexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }

    /** No Origin (a tool, a same-origin GET), or this machine's: another site's page cannot post here. */
    static boolean sameOrigin(String origin) {
        if (origin == null || origin.isBlank()) {
            return true;
        }
        try {
            URI uri = URI.create(origin.strip());
            return "http".equalsIgnoreCase(uri.getScheme()) && local(uri.getHost());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean local(String host) {
        String name = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return name.equals("127.0.0.1") || name.equals("localhost") || name.equals("[::1]") || name.equals("::1");
    }
}
