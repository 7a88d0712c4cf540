package com.charterbot.bench.load;

import java.net.http.HttpRequest;

/**
 * Builds the request to send next: body, headers, target. Called once per request, just before it is
 * sent, so time-dependent parts such as signatures are fresh.
 *
 * <p>In {@link LoadGenerator#constantRate} it is called from one thread; in
 * {@link LoadGenerator#maxThroughput} from every worker at once, so it must be thread-safe.
 */
@FunctionalInterface
public interface RequestFactory {

    /**
     * @param sequence 0 for the first request of a phase (warm-up included), then 1, 2, ...;
     *                 use it to rotate over questions, users and so on
     */
    HttpRequest next(long sequence);
}
