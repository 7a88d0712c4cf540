package com.charterbot.playground;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the playground to its author's own browser: a request must name this machine in its
 * {@code Host} (a web page elsewhere that points a name of its own at 127.0.0.1, DNS rebinding,
 * gets 403) and, when it says where it comes from ({@code Origin}), come from this machine too (a
 * page on another site that posts here gets 403); every answer tells the browser to run no script but the page's own, load nothing
 * from elsewhere and never frame the page. Markup someone types can then never run, even if the
 * page's escaping ever failed.
 */
final class PlaygroundGuard extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!local(request.getServerName()) || !sameOrigin(request.getHeader("Origin"))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
    }

    /** No Origin (a tool, a same-origin GET), or this machine's: another site's page cannot post here. */
    static boolean sameOrigin(String origin) {
        if (origin == null || origin.isBlank()) {
            return true;
        }
        try {
            java.net.URI uri = java.net.URI.create(origin.strip());
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
