package com.charterbot.bench.load;

import java.net.http.HttpResponse;

/**
 * Told how each request of a constant-rate phase ended, warm-up included, for a benchmark that
 * sorts outcomes itself (by kind of request, by the time window it was meant for...). Called from
 * the HTTP client's threads, concurrently; must return quickly.
 */
@FunctionalInterface
public interface RequestListener {

    RequestListener NONE = (sequence, intendedNanos, endNanos, response, failure) -> {};

    /**
     * @param sequence      the request's number, as given to the {@link RequestFactory}
     * @param intendedNanos when it was meant to be sent ({@link System#nanoTime()})
     * @param endNanos      when its response, failure or timeout came
     * @param response      the response; null when {@code failure} is set
     * @param failure       why there is no response: the client's exception, an
     *                      {@link java.net.http.HttpTimeoutException} for a request never sent because every
     *                      connection stayed busy, or what the factory threw; null when {@code response} is set
     */
    void ended(long sequence, long intendedNanos, long endNanos, HttpResponse<String> response, Throwable failure);
}
