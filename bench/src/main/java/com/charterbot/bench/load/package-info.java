/**
 * An HTTP load generator for the running app, shared by the load benchmarks ({@code bench/slack-load},
 * later {@code bench/teams-load}).
 *
 * <p>Two modes: {@link LoadGenerator#constantRate} sends at a fixed rate whatever the server does
 * (open loop) and measures latency from each request's intended send time, so a stalled server
 * shows up in every request queued behind it rather than in one slow sample;
 * {@link LoadGenerator#maxThroughput} keeps a fixed number of requests in flight (closed loop) to
 * find how many the server completes per second. Each benchmark supplies its requests through a
 * {@link RequestFactory} and decides what a good answer is with a {@link ResponseCheck}.
 *
 * <p>Nothing in this package returns or accepts null unless stated.
 */
package com.charterbot.bench.load;
