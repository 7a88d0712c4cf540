package com.charterbot.bench.rehearsal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * What a platform stub answers to one nudge send: mostly accepted, else rate limited (429 with
 * {@code Retry-After}), a server error (500), or accepted only after longer than the app's client
 * timeout. Draws from a seeded generator, so a run's mix of faults is repeatable. Thread-safe.
 */
final class Faults {

    /** One answer. */
    enum Kind {
        ACCEPTED,
        RATE_LIMITED,
        SERVER_ERROR,
        LATE
    }

    /** What to answer: the kind, and for {@link Kind#RATE_LIMITED} the {@code Retry-After} seconds. */
    record Answer(Kind kind, int retryAfterSeconds) {}

    private final double rateLimited;
    private final double serverErrors;
    private final double late;
    private final SplittableRandom random;

    /** Shares between 0 and 1 of the sends that get each fault. */
    Faults(double rateLimited, double serverErrors, double late, long seed) {
        if (rateLimited < 0 || serverErrors < 0 || late < 0 || rateLimited + serverErrors + late > 1) {
            throw new IllegalArgumentException("fault shares must be positive and add up to at most 1");
        }
        this.rateLimited = rateLimited;
        this.serverErrors = serverErrors;
        this.late = late;
        this.random = new SplittableRandom(seed);
    }

    synchronized Answer next() {
        double draw = random.nextDouble();
        if (draw < rateLimited) {
            return new Answer(Kind.RATE_LIMITED, 1 + random.nextInt(3));
        }
        if (draw < rateLimited + serverErrors) {
            return new Answer(Kind.SERVER_ERROR, 0);
        }
        if (draw < rateLimited + serverErrors + late) {
            return new Answer(Kind.LATE, 0);
        }
        return new Answer(Kind.ACCEPTED, 0);
    }

    /**
     * A platform stub on a loopback port, sized for the rehearsal's load (no request journal, late
     * answers delayed off Jetty's threads), its faults drawn by {@code faults}; not started.
     */
    static WireMockServer stub(Extension faults) {
        return new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .containerThreads(120)
                .jettyAcceptors(2)
                .asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(16)
                .disableRequestJournal()
                .extensions(faults));
    }

    /** How long a {@link Kind#LATE} answer waits: past the client's timeout by a margin. */
    static Duration lateBy(Duration clientTimeout) {
        return clientTimeout.plusSeconds(2);
    }
}
