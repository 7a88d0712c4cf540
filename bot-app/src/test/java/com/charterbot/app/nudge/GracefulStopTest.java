package com.charterbot.app.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.app.nudge.ClusterRig.CountingMessenger;
import com.charterbot.app.nudge.ClusterRig.Replica;
import com.charterbot.core.nudge.ChannelState;
import com.charterbot.core.nudge.NudgeDelivery;
import com.charterbot.core.nudge.SendOutcome;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ChannelRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A replica told to stop (SIGTERM: Spring stops its {@link SchedulerLifecycle}) in the middle of a
 * nudge fan-out, with another replica on the same PostgreSQL database: nothing is lost and nothing
 * is sent twice.
 */
class GracefulStopTest {

    static final int CHANNELS = 120;
    static final Duration WAIT = Duration.ofSeconds(30);

    /** The rig's settings with a shutdown bound no loaded machine reaches while the test holds the sends. */
    static final NudgeSchedulerProperties PATIENT = withShutdownMaxWait(ClusterRig.FAST, WAIT);

    static NudgeSchedulerProperties withShutdownMaxWait(NudgeSchedulerProperties p, Duration wait) {
        return new NudgeSchedulerProperties(
                p.enabled(),
                p.name(),
                p.plannerInterval(),
                p.threads(),
                p.pollingInterval(),
                p.heartbeatInterval(),
                p.missedHeartbeats(),
                wait,
                p.tenantBudgetPerSecond(),
                p.channelSpacing(),
                p.maxLimiterWait(),
                p.firstNudgeGrace(),
                p.retry(),
                p.retention());
    }

    /**
     * Sends on the stopping replica wait at a gate, so the test decides when they finish; the
     * others go through at once.
     */
    static class HeldMessenger extends CountingMessenger {
        final String held;
        final Set<ChannelRef> startedOnHeld = ConcurrentHashMap.newKeySet();
        final CountDownLatch gate = new CountDownLatch(1);

        HeldMessenger(String held) {
            this.held = held;
        }

        @Override
        public SendOutcome send(ChannelState channel, Reply reply) {
            if (Thread.currentThread().getName().startsWith(held + "-")) {
                startedOnHeld.add(channel.channel());
                try {
                    if (!gate.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                        return new SendOutcome.Transient("the test never opened the gate");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new SendOutcome.Transient("interrupted");
                }
            }
            return super.send(channel, reply);
        }
    }

    @Test
    void aStoppedReplicaFinishesTheSendsItStartedPicksNoMoreAndTheOtherSendsTheRest() throws Exception {
        HeldMessenger messenger = new HeldMessenger("alpha");
        try (ClusterRig rig = new ClusterRig()) {
            List<ChannelRef> channels = rig.addDueChannels(CHANNELS);
            Replica alpha = rig.start("alpha", messenger, PATIENT);
            assertThat(ClusterRig.await(WAIT, () -> !messenger.startedOnHeld.isEmpty()))
                    .as("alpha is sending")
                    .isTrue();

            CountDownLatch stopped = new CountDownLatch(1);
            alpha.lifecycle().stop(stopped::countDown);
            assertThat(ClusterRig.await(
                            WAIT, () -> alpha.scheduler().getSchedulerState().isShuttingDown()))
                    .isTrue();
            Set<ChannelRef> inFlight = Set.copyOf(messenger.startedOnHeld);
            assertThat(stopped.getCount())
                    .as("the stop waits for the sends in flight")
                    .isEqualTo(1);
            messenger.gate.countDown();
            assertThat(stopped.await(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .as("alpha stopped")
                    .isTrue();
            assertThat(alpha.lifecycle().isRunning()).isFalse();
            int sentByAlpha = messenger
                    .byReplica
                    .getOrDefault("alpha", new java.util.concurrent.atomic.AtomicInteger())
                    .get();

            // What alpha had started went out and is on record: nothing is left for another replica to redo.
            assertThat(inFlight)
                    .allSatisfy(channel -> assertThat(messenger.count(channel))
                            .as("sends to %s", channel.key())
                            .isEqualTo(1));
            assertThat(sentDeliveries(rig)).isEqualTo(sentByAlpha);

            rig.start("beta", messenger);
            assertThat(ClusterRig.await(
                            WAIT,
                            () -> messenger.total() >= CHANNELS
                                    && rig.deliveries.pending(1).isEmpty()))
                    .as("beta sent the rest")
                    .isTrue();
            TimeUnit.MILLISECONDS.sleep(300);

            assertThat(messenger.byReplica.get("alpha"))
                    .as("alpha picked nothing after it stopped")
                    .hasValue(sentByAlpha);
            assertThat(messenger.byReplica.get("beta").get())
                    .isEqualTo(CHANNELS - sentByAlpha)
                    .isPositive();
            assertThat(channels)
                    .allSatisfy(channel -> assertThat(messenger.count(channel))
                            .as("sends to %s", channel.key())
                            .isEqualTo(1));
            assertThat(rig.deliveries.problems(Instant.EPOCH)).isEmpty();
            assertThat(sentDeliveries(rig)).isEqualTo(CHANNELS);
            System.out.printf(
                    "graceful stop: alpha sent %d (%d in flight when told to stop), beta %d%n",
                    sentByAlpha, inFlight.size(), CHANNELS - sentByAlpha);
        } finally {
            messenger.gate.countDown();
        }
    }

    @Test
    void aSendOutlastingTheShutdownBoundIsInterruptedRecordedAsAnAttemptAndSentByTheOther() throws Exception {
        // The gate never opens: alpha's sends only end when the stopping scheduler interrupts them.
        HeldMessenger messenger = new HeldMessenger("alpha");
        try (ClusterRig rig = new ClusterRig()) {
            List<ChannelRef> channels = rig.addDueChannels(CHANNELS);
            Replica alpha = rig.start("alpha", messenger);
            assertThat(ClusterRig.await(WAIT, () -> !messenger.startedOnHeld.isEmpty()))
                    .as("alpha is sending")
                    .isTrue();

            CountDownLatch stopped = new CountDownLatch(1);
            alpha.lifecycle().stop(stopped::countDown);
            assertThat(stopped.await(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .as("alpha stopped within its bound")
                    .isTrue();
            Set<ChannelRef> interrupted = Set.copyOf(messenger.startedOnHeld);

            assertThat(messenger.byReplica).doesNotContainKey("alpha");
            assertThat(interrupted).allSatisfy(channel -> {
                NudgeDelivery delivery = rig.deliveries.pending(CHANNELS).stream()
                        .filter(d -> d.channel().equals(channel))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(
                                "the interrupted delivery to " + channel.key() + " is still pending"));
                assertThat(delivery.attempts()).isEqualTo(1);
                assertThat(delivery.lastError()).isEqualTo("interrupted");
            });

            rig.start("beta", messenger);
            assertThat(ClusterRig.await(
                            WAIT,
                            () -> messenger.total() >= CHANNELS
                                    && rig.deliveries.pending(1).isEmpty()))
                    .as("beta sent everything, the interrupted ones included")
                    .isTrue();
            TimeUnit.MILLISECONDS.sleep(300);

            assertThat(channels)
                    .allSatisfy(channel -> assertThat(messenger.count(channel))
                            .as("sends to %s", channel.key())
                            .isEqualTo(1));
            assertThat(rig.deliveries.problems(Instant.EPOCH)).isEmpty();
            assertThat(sentDeliveries(rig)).isEqualTo(CHANNELS);
            System.out.printf(
                    "interrupted stop: %d sends interrupted on alpha, all %d sent by beta%n",
                    interrupted.size(), CHANNELS);
        } finally {
            messenger.gate.countDown();
        }
    }

    private static int sentDeliveries(ClusterRig rig) {
        return JdbcClient.create(rig.database)
                .sql("SELECT COUNT(*) FROM nudge_delivery WHERE status = 'SENT'")
                .query(Integer.class)
                .single();
    }
}
