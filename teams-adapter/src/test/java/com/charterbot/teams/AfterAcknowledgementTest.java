package com.charterbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AfterAcknowledgementTest {

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void runsInTheCallerWhenTheQueueIsFullSoNothingIsDropped() {
        List<String> ranOn = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        try (AfterAcknowledgement later = new AfterAcknowledgement(1, 1, Duration.ofSeconds(5))) {
            later.run("first", () -> {
                started.countDown();
                await(release);
                ranOn.add("first " + Thread.currentThread().getName());
            });
            await(started);
            later.run(
                    "second", () -> ranOn.add("second " + Thread.currentThread().getName()));
            later.run("third", () -> ranOn.add("third " + Thread.currentThread().getName()));

            assertThat(ranOn).containsExactly("third " + Thread.currentThread().getName());
            assertThat(later.idle()).isFalse();
            release.countDown();
        }
        assertThat(ranOn)
                .hasSize(3)
                .anySatisfy(line -> assertThat(line).startsWith("first charter-teams-"))
                .anySatisfy(line -> assertThat(line).startsWith("second charter-teams-"));
    }

    @Test
    void aTaskThatThrowsLeavesThePoolWorkingAndIdle() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        try (AfterAcknowledgement later = new AfterAcknowledgement(1, 10, Duration.ofSeconds(5))) {
            later.run("broken", () -> {
                throw new IllegalStateException("boom");
            });
            later.run("next", ran::countDown);
            await(ran);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!later.idle() && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            assertThat(later.idle()).isTrue();
        }
    }

    @Test
    void afterClosingRunsInTheCaller() {
        AfterAcknowledgement later = new AfterAcknowledgement(2, 10, Duration.ofSeconds(5));
        later.close();
        List<String> ranOn = new CopyOnWriteArrayList<>();

        later.run("late", () -> ranOn.add(Thread.currentThread().getName()));

        assertThat(ranOn).containsExactly(Thread.currentThread().getName());
        assertThat(later.idle()).isTrue();
    }
}
