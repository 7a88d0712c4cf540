package com.charterbot.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

    private static final String BLOCKS = "{\"blocks\":[]}";

    @Test
    void sendsThePlannedNumberOfRequestsAtTheRate() throws Exception {
        try (TestServer server = new TestServer(4, (n, exchange) -> new TestServer.Reply(200, BLOCKS));
                LoadGenerator load = new LoadGenerator(8, Duration.ofSeconds(2))) {
            PhaseResult result = load.constantRate(
                    target(server.uri("/x")), new ConstantRate(100, Duration.ofMillis(500), Duration.ofSeconds(2)));

            assertThat(result.warmup().total()).isEqualTo(50);
            assertThat(result.counts()).isEqualTo(new Counts(200, 0, 0, 0, 0));
            assertThat(server.received()).isEqualTo(250);
            assertThat(result.throughputPerSecond()).isCloseTo(100, within(10.0));
            assertThat(result.latencyMicros().getTotalCount()).isEqualTo(200);
        }
    }

    @Test
    void countsQueueingBehindAStalledResponseFromTheIntendedSendTime() throws Exception {
        // One connection; request 25 stalls the server for a second. Measured from the actual send, only
        // that request would look slow; from the intended send time, the ~50 queued behind it do too.
        try (TestServer server = new TestServer(1, (n, exchange) -> {
                    if (n == 25) {
                        Thread.sleep(1000);
                    }
                    return new TestServer.Reply(200, BLOCKS);
                });
                LoadGenerator load = new LoadGenerator(1, Duration.ofSeconds(5))) {
            PhaseResult result = load.constantRate(
                    target(server.uri("/x")), new ConstantRate(50, Duration.ZERO, Duration.ofSeconds(3)));

            assertThat(result.counts().ok()).isEqualTo(150);
            assertThat(server.maxInFlight()).isEqualTo(1);
            assertThat(result.latencyMillis(90)).isGreaterThan(400);
            assertThat(result.maxLatencyMillis()).isGreaterThanOrEqualTo(1000);
            assertThat(result.maxSendLag()).isGreaterThan(Duration.ofMillis(900));
        }
    }

    @Test
    void sortsResponsesIntoOkNon2xxUnexpectedAndTimeouts() throws Exception {
        try (TestServer server = new TestServer(32, (n, exchange) -> {
                    int kind = Integer.parseInt(exchange.getRequestHeaders().getFirst("X-Seq")) % 10;
                    if (kind == 0) {
                        return new TestServer.Reply(500, "boom");
                    }
                    if (kind == 1) {
                        return new TestServer.Reply(200, "{\"text\":\"no blocks\"}");
                    }
                    if (kind == 2) {
                        Thread.sleep(1500);
                    }
                    return new TestServer.Reply(200, BLOCKS);
                });
                LoadGenerator load = new LoadGenerator(32, Duration.ofMillis(500))) {
            Target target = new Target(
                    "mixed",
                    sequence -> HttpRequest.newBuilder(server.uri("/x"))
                            .header("X-Seq", Long.toString(sequence))
                            .build(),
                    ResponseCheck.status200WithBody("\"blocks\""));

            // The warm-up takes the cost of the first connections: this test is about sorting, not speed.
            PhaseResult result =
                    load.constantRate(target, new ConstantRate(50, Duration.ofMillis(500), Duration.ofSeconds(1)));

            assertThat(result.counts()).isEqualTo(new Counts(35, 5, 5, 0, 5));
            assertThat(result.failures())
                    .containsEntry("HTTP 500: boom", 5L)
                    .containsEntry("HTTP 200 refused by the check: {\"text\":\"no blocks\"}", 5L);
            // Timeouts are in the histogram, at no less than the timeout.
            assertThat(result.latencyMicros().getTotalCount()).isEqualTo(50);
            assertThat(result.maxLatencyMillis()).isGreaterThanOrEqualTo(500);
        }
    }

    @Test
    void countsRefusedConnectionsAsErrors() throws Exception {
        URI closed = URI.create("http://127.0.0.1:" + AppProcess.freePort() + "/x");
        try (LoadGenerator load = new LoadGenerator(4, Duration.ofSeconds(1))) {
            PhaseResult result =
                    load.constantRate(target(closed), new ConstantRate(20, Duration.ZERO, Duration.ofSeconds(1)));

            assertThat(result.counts()).isEqualTo(new Counts(0, 0, 0, 20, 0));
            assertThat(result.latencyMicros().getTotalCount()).isZero();
            assertThat(result.counts().failureRatio()).isEqualTo(1.0);
        }
    }

    @Test
    void keepsTheConcurrencyBusyAtMaxThroughput() throws Exception {
        try (TestServer server = new TestServer(8, (n, exchange) -> {
                    Thread.sleep(20);
                    return new TestServer.Reply(200, BLOCKS);
                });
                LoadGenerator load = new LoadGenerator(1, Duration.ofSeconds(2))) {
            PhaseResult result = load.maxThroughput(
                    target(server.uri("/x")), new MaxThroughput(4, Duration.ofMillis(300), Duration.ofSeconds(2)));

            // Four workers, 20 ms each: at most 200/s; a loaded machine gets less, but not much less.
            assertThat(result.throughputPerSecond()).isBetween(80.0, 205.0);
            assertThat(result.counts().failed()).isZero();
            assertThat(result.warmup().ok()).isPositive();
            assertThat(server.maxInFlight()).isEqualTo(4);
            assertThat(result.latencyMillis(50)).isGreaterThanOrEqualTo(20);
        }
    }

    @Test
    void checkOnceSaysWhatAWrongAnswerWas() throws Exception {
        try (TestServer server = new TestServer(
                        1,
                        (n, exchange) -> exchange.getRequestURI().getPath().equals("/ok")
                                ? new TestServer.Reply(200, BLOCKS)
                                : new TestServer.Reply(404, "No static resource slack/events."));
                LoadGenerator load = new LoadGenerator(1, Duration.ofSeconds(2))) {
            assertThat(load.checkOnce(target(server.uri("/ok")))).isEmpty();
            assertThat(load.checkOnce(target(server.uri("/slack/events"))))
                    .isEqualTo(Optional.of("HTTP 404: No static resource slack/events."));
        }
    }

    @Test
    void keepsTheTimeoutAFactorySet() throws Exception {
        try (TestServer server = new TestServer(2, (n, exchange) -> {
                    Thread.sleep(400);
                    return new TestServer.Reply(200, BLOCKS);
                });
                LoadGenerator load = new LoadGenerator(4, Duration.ofMillis(100))) {
            Target patient = new Target(
                    "patient",
                    sequence -> HttpRequest.newBuilder(server.uri("/x"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    ResponseCheck.ANY_2XX);

            assertThat(load.checkOnce(patient)).isEmpty();
        }
    }

    @Test
    void tellsTheListenerWhenTheMeasuredWindowOpensAndCloses() throws Exception {
        try (TestServer server = new TestServer(4, (n, exchange) -> new TestServer.Reply(200, BLOCKS));
                LoadGenerator load = new LoadGenerator(8, Duration.ofSeconds(2))) {
            for (boolean constantRate : new boolean[] {true, false}) {
                long[] times = new long[3];
                WindowListener window = new WindowListener() {
                    @Override
                    public void opened() {
                        times[1] = System.nanoTime();
                    }

                    @Override
                    public void closed() {
                        times[2] = System.nanoTime();
                    }
                };
                times[0] = System.nanoTime();
                if (constantRate) {
                    load.constantRate(
                            target(server.uri("/x")),
                            new ConstantRate(50, Duration.ofMillis(400), Duration.ofMillis(600)),
                            window);
                } else {
                    load.maxThroughput(
                            target(server.uri("/x")),
                            new MaxThroughput(2, Duration.ofMillis(400), Duration.ofMillis(600)),
                            window);
                }

                assertThat(Duration.ofNanos(times[1] - times[0]))
                        .isBetween(Duration.ofMillis(400), Duration.ofMillis(700));
                assertThat(Duration.ofNanos(times[2] - times[1]))
                        .isBetween(Duration.ofMillis(550), Duration.ofMillis(1200));
            }
        }
    }

    @Test
    void tellsTheRequestListenerHowEveryRequestEndedWarmUpIncluded() throws Exception {
        try (TestServer server = new TestServer(4, (n, exchange) -> {
                    long sequence = Long.parseLong(exchange.getRequestHeaders().getFirst("X-Seq"));
                    return new TestServer.Reply(sequence % 4 == 0 ? 401 : 200, BLOCKS);
                });
                LoadGenerator load = new LoadGenerator(8, Duration.ofSeconds(2))) {
            Map<Long, Integer> statuses = new ConcurrentHashMap<>();
            List<Long> lateOrEarly = new CopyOnWriteArrayList<>();
            Target target = new Target(
                    "listened",
                    sequence -> {
                        if (sequence == 7) {
                            throw new IllegalStateException("no request 7");
                        }
                        return HttpRequest.newBuilder(server.uri("/x"))
                                .header("X-Seq", Long.toString(sequence))
                                .build();
                    },
                    ResponseCheck.status200WithBody("\"blocks\""));

            load.constantRate(
                    target,
                    new ConstantRate(50, Duration.ofMillis(200), Duration.ofMillis(400)),
                    WindowListener.NONE,
                    (sequence, intended, end, response, failure) -> {
                        statuses.put(sequence, response == null ? -1 : response.statusCode());
                        if (end < intended) {
                            lateOrEarly.add(sequence);
                        }
                    });

            assertThat(statuses).hasSize(30);
            assertThat(statuses)
                    .containsEntry(0L, 401)
                    .containsEntry(1L, 200)
                    .containsEntry(7L, -1)
                    .containsEntry(29L, 200);
            assertThat(lateOrEarly).isEmpty();
        }
    }

    private static Target target(URI uri) {
        return new Target(
                "test",
                sequence -> HttpRequest.newBuilder(uri)
                        .POST(HttpRequest.BodyPublishers.ofString("q=" + sequence))
                        .build(),
                ResponseCheck.status200WithBody("\"blocks\""));
    }
}
