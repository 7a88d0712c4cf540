package com.charterbot.app.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.nudge.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class SocketModeLifecycleTest {

    /** 20 ms doubling to 160 ms, without jitter, so that the test sees the doubling. */
    private static final RetryPolicy QUICK =
            new RetryPolicy(Integer.MAX_VALUE, Duration.ofMillis(20), Duration.ofMillis(160), 0.0, Duration.ZERO, 0);

    private static final String UNREACHABLE =
            "cannot reach Slack at https://slack.com/api/ (UnknownHostException: slack.com)";

    private final FakeConnection slack = new FakeConnection();
    private final SocketModeLifecycle lifecycle =
            new SocketModeLifecycle(slack, QUICK, Duration.ofMillis(20), Clock.systemUTC());

    @AfterEach
    void stop() {
        lifecycle.stop();
    }

    @Test
    void triesAgainWithExponentialBackOffSayingWhyInOneLinePerAttempt(CapturedOutput output) {
        slack.failuresLeft.set(4);

        lifecycle.start();
        await(() -> lifecycle.state().connected(), "connected");

        List<Long> at = slack.attempts;
        assertThat(at).hasSize(5);
        for (int failed = 1; failed <= 4; failed++) {
            long gap = at.get(failed) - at.get(failed - 1);
            assertThat(gap)
                    .as("wait after %d failed attempts", failed)
                    .isGreaterThanOrEqualTo(Math.min(160, 20L << (failed - 1)));
        }
        List<String> failures = output.getAll()
                .lines()
                .filter(line -> line.contains("Slack Socket Mode not connected"))
                .toList();
        assertThat(failures).hasSize(4).allSatisfy(line -> assertThat(line).contains(UNREACHABLE, "next attempt in"));
        assertThat(failures.get(3)).contains("(attempt 4)");
        assertThat(output.getAll())
                .contains("Slack Socket Mode connected")
                .doesNotContain("\tat ", "NullPointerException");
    }

    @Test
    void saysOnceWhenTheConnectionDropsAndOnceWhenItIsBack(CapturedOutput output) {
        lifecycle.start();
        await(() -> lifecycle.state().connected(), "connected");

        slack.up.set(false);
        await(() -> !lifecycle.state().connected(), "seen down");
        int checks = slack.checks.get();
        await(() -> slack.checks.get() > checks + 3, "a few more checks");
        assertThat(lifecycle.state().problem()).isEqualTo(UNREACHABLE);
        assertThat(new SlackHealthIndicator(lifecycle).health().getStatus()).isEqualTo(Status.DOWN);

        slack.up.set(true);
        await(() -> lifecycle.state().connected(), "seen up again");

        assertThat(output.getAll().lines().filter(line -> line.contains("connection lost: " + UNREACHABLE)))
                .hasSize(1);
        assertThat(output.getAll().lines().filter(line -> line.contains("Slack Socket Mode connected again")))
                .hasSize(1);
        assertThat(new SlackHealthIndicator(lifecycle).health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void isDownBeforeItFirstConnects() {
        slack.failuresLeft.set(Integer.MAX_VALUE);

        lifecycle.start();
        await(() -> slack.attempts.size() >= 2, "two attempts");

        assertThat(lifecycle.state().connected()).isFalse();
        assertThat(new SlackHealthIndicator(lifecycle).health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(new SlackHealthIndicator(lifecycle).health().getDetails()).containsEntry("problem", UNREACHABLE);
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.onSpinWait();
        }
    }

    /** Slack as the lifecycle sees it: fails to connect a number of times, then connects; up or down at will. */
    private static final class FakeConnection implements SocketModeLifecycle.Connection {
        final AtomicInteger failuresLeft = new AtomicInteger();
        final AtomicBoolean up = new AtomicBoolean(true);
        final AtomicInteger checks = new AtomicInteger();
        final List<Long> attempts = new CopyOnWriteArrayList<>();

        @Override
        public void start() {
            attempts.add(System.nanoTime() / 1_000_000);
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException(UNREACHABLE);
            }
        }

        @Override
        public boolean connected() {
            checks.incrementAndGet();
            return up.get();
        }

        @Override
        public Optional<String> problem() {
            return up.get() ? Optional.empty() : Optional.of(UNREACHABLE);
        }

        @Override
        public void close() {}
    }
}
