package com.charterbot.app.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.app.nudge.ClusterRig.CountingMessenger;
import com.charterbot.app.nudge.ClusterRig.Replica;
import com.charterbot.core.nudge.ChannelState;
import com.charterbot.core.nudge.SendOutcome;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ChannelRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Three replicas of the scheduler on one PostgreSQL database. */
class NudgeClusterTest {

    static final int CHANNELS = 500;

    @Test
    void threeReplicasSendEveryDueNudgeOnceAndShareTheWork() throws Exception {
        try (ClusterRig rig = new ClusterRig()) {
            List<ChannelRef> channels = rig.addDueChannels(CHANNELS);
            CountingMessenger messenger = new CountingMessenger();
            long start = System.nanoTime();

            rig.start("alpha", messenger);
            rig.start("beta", messenger);
            rig.start("gamma", messenger);

            assertThat(ClusterRig.await(Duration.ofSeconds(30), () -> messenger.total() >= CHANNELS))
                    .as("all sent in time")
                    .isTrue();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            // Give stray duplicates a chance to show up.
            TimeUnit.MILLISECONDS.sleep(1000);

            assertThat(messenger.total()).isEqualTo(CHANNELS);
            assertThat(channels)
                    .allSatisfy(channel -> assertThat(messenger.count(channel))
                            .as("sends to %s", channel.key())
                            .isEqualTo(1));
            assertThat(rig.deliveries.pending(10)).isEmpty();
            assertThat(rig.deliveries.problems(Instant.EPOCH)).isEmpty();
            assertThat(rig.activity.nudges(Instant.EPOCH, Instant.MAX)).hasSize(CHANNELS);
            assertThat(rig.channels.all())
                    .allSatisfy(c -> assertThat(c.lastDelivery().orElseThrow())
                            .isAfter(Instant.now().minusSeconds(60)));
            System.out.printf(
                    "fan-out: %d nudges in %d ms, per replica %s%n", CHANNELS, took.toMillis(), messenger.byReplica);
            assertThat(messenger.byReplica.keySet())
                    .as("work spread over replicas")
                    .hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void whenAReplicaDiesMidFanOutTheOthersFinishItsWork() throws Exception {
        Set<ChannelRef> stuckOnTheDeadReplica = ConcurrentHashMap.newKeySet();
        CountDownLatch died = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger sentByGamma = new AtomicInteger();
        CountingMessenger messenger = new CountingMessenger() {
            @Override
            public SendOutcome send(ChannelState channel, Reply reply) {
                boolean onGamma = Thread.currentThread().getName().startsWith("gamma-");
                if (onGamma && sentByGamma.incrementAndGet() > 5) {
                    // The platform got the message, then the process froze before recording it.
                    accept(channel.channel());
                    stuckOnTheDeadReplica.add(channel.channel());
                    died.countDown();
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        return new SendOutcome.Transient("process killed");
                    }
                    throw new IllegalStateException("unreachable");
                }
                return super.send(channel, reply);
            }
        };
        try (ClusterRig rig = new ClusterRig()) {
            List<ChannelRef> channels = rig.addDueChannels(CHANNELS);
            long start = System.nanoTime();
            Replica gamma = rig.start("gamma", messenger);
            rig.start("alpha", messenger);
            rig.start("beta", messenger);

            assertThat(died.await(20, TimeUnit.SECONDS)).as("gamma took part").isTrue();
            gamma.freeze();

            assertThat(ClusterRig.await(
                            Duration.ofSeconds(30),
                            () -> channels.stream().allMatch(c -> messenger.count(c) >= 1)
                                    && rig.deliveries.pending(1).isEmpty()))
                    .as("every channel nudged and every delivery finished")
                    .isTrue();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            TimeUnit.MILLISECONDS.sleep(500);

            assertThat(channels).allSatisfy(channel -> {
                int sends = messenger.count(channel);
                assertThat(sends).as("sends to %s", channel.key()).isBetween(1, 2);
                if (sends == 2) {
                    assertThat(stuckOnTheDeadReplica)
                            .as("only a send in flight on the dead replica repeats")
                            .contains(channel);
                }
            });
            assertThat(stuckOnTheDeadReplica).isNotEmpty().hasSizeLessThanOrEqualTo(ClusterRig.FAST.threads());
            assertThat(messenger.total()).isEqualTo(CHANNELS + stuckOnTheDeadReplica.size());
            assertThat(rig.deliveries.problems(Instant.EPOCH)).isEmpty();
            System.out.printf(
                    "crash: %d nudges (%d repeated after the crash) in %d ms, per replica %s%n",
                    messenger.total(), stuckOnTheDeadReplica.size(), took.toMillis(), messenger.byReplica);
        } finally {
            never.countDown();
        }
    }

    @Test
    void throughRateLimitsErrorsAndTimeoutsEveryChannelGetsExactlyOneNudge() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        AtomicInteger rateLimited = new AtomicInteger();
        AtomicInteger transients = new AtomicInteger();
        AtomicInteger timeouts = new AtomicInteger();
        CountingMessenger messenger = new CountingMessenger() {
            @Override
            SendOutcome outcome(ChannelState channel) {
                double draw;
                synchronized (random) {
                    draw = random.nextDouble();
                }
                if (draw < 0.05) {
                    rateLimited.incrementAndGet();
                    return new SendOutcome.RateLimited(Duration.ofMillis(50));
                }
                if (draw < 0.10) {
                    transients.incrementAndGet();
                    return new SendOutcome.Transient("HTTP 503");
                }
                if (draw < 0.11) {
                    timeouts.incrementAndGet();
                    try {
                        TimeUnit.MILLISECONDS.sleep(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new SendOutcome.Transient("timeout");
                }
                return new SendOutcome.Sent();
            }
        };
        try (ClusterRig rig = new ClusterRig()) {
            List<ChannelRef> channels = rig.addDueChannels(CHANNELS);
            long start = System.nanoTime();
            rig.start("alpha", messenger);
            rig.start("beta", messenger);
            rig.start("gamma", messenger);

            assertThat(ClusterRig.await(
                            Duration.ofSeconds(30),
                            () -> messenger.total() >= CHANNELS
                                    && rig.deliveries.pending(1).isEmpty()))
                    .as("all sent in time")
                    .isTrue();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            TimeUnit.MILLISECONDS.sleep(500);

            assertThat(channels)
                    .allSatisfy(channel -> assertThat(messenger.count(channel))
                            .as("sends to %s", channel.key())
                            .isEqualTo(1));
            assertThat(messenger.total()).isEqualTo(CHANNELS);
            assertThat(rig.deliveries.problems(Instant.EPOCH)).isEmpty();
            assertThat(rateLimited.get()).isPositive();
            assertThat(transients.get()).isPositive();
            assertThat(timeouts.get()).isPositive();
            // Every fault is on record: each error or timeout cost its delivery one attempt, each 429 none.
            java.util.Map<String, Object> totals = org.springframework.jdbc.core.simple.JdbcClient.create(rig.database)
                    .sql(
                            "SELECT COUNT(*) AS sent, SUM(attempts) AS attempts, SUM(rate_limited) AS limited FROM nudge_delivery"
                                    + " WHERE status = 'SENT'")
                    .query()
                    .singleRow();
            assertThat(((Number) totals.get("sent")).intValue()).isEqualTo(CHANNELS);
            assertThat(((Number) totals.get("attempts")).intValue()).isEqualTo(transients.get() + timeouts.get());
            assertThat(((Number) totals.get("limited")).intValue()).isEqualTo(rateLimited.get());
            System.out.printf(
                    "faults: %d nudges after %d calls (%d rate limited, %d errors, %d timeouts) in %d ms%n",
                    messenger.total(),
                    messenger.calls.get(),
                    rateLimited.get(),
                    transients.get(),
                    timeouts.get(),
                    took.toMillis());
        }
    }
}
