package com.charterbot.app.ops;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every incoming request a correlation id: the caller's {@value #HEADER} when it is a short
 * token, a new UUID otherwise. The id is in the logging context as {@value #MDC_KEY} while the
 * request is handled (plain logs show it in brackets, JSON logs as a field) and is echoed in the
 * response header.
 *
 * <p>It reads headers only: never a parameter, never the body. Slack signs the raw body of its
 * form posts, and reading a form parameter here would consume that body before the signature check.
 */
public final class RequestIdFilter implements Filter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    /** What a caller's id may look like; anything else (too long, spaces, control characters) is replaced. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse reply)) {
            chain.doFilter(request, response);
            return;
        }
        // The second pass of a request whose body was read first (RequestBodyFilter) keeps the id of the first.
        String given = http.getDispatcherType() == DispatcherType.ASYNC ? reply.getHeader(HEADER) : null;
        String id = given != null
                ? given
                : accepted(http.getHeader(HEADER))
                        .orElseGet(() -> UUID.randomUUID().toString());
        reply.setHeader(HEADER, id);
        String outer = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (outer == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, outer);
            }
        }
    }

    /** The caller's id when it can be used as it is. */
    static Optional<String> accepted(String header) {
        return Optional.ofNullable(header)
                .map(String::strip)
                .filter(id -> ACCEPTED.matcher(id).matches());
    }
}
