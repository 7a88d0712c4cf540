package com.charterbot.app.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.app.persistence.Databases;
import com.charterbot.app.persistence.JdbcDeliveryStore;
import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.memory.InMemoryActivityLog;
import com.charterbot.core.memory.InMemoryChannelStore;
import com.charterbot.core.nudge.ChannelState;
import com.charterbot.core.nudge.NudgeComposer;
import com.charterbot.core.nudge.NudgeDispatcher;
import com.charterbot.core.nudge.OutboundLimiter;
import com.charterbot.core.nudge.SendOutcome;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Platform;
import com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The planner's hand-over of new deliveries to db-scheduler, on a real database. */
class NudgeTasksTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:31:00Z");

    @Test
    void spreadsEachTenantsNewDeliveriesAtAFewTimesItsBudgetFromNow() {
        DataSource database = Databases.fresh(Databases.Kind.H2);
        InMemoryChannelStore channels = new InMemoryChannelStore();
        for (int n = 0; n < 250; n++) {
            ChannelRef ref = new ChannelRef(
                    n % 2 == 0 ? Platform.SLACK : Platform.TEAMS, n % 2 == 0 ? "T1" : "tenant-1", "C" + n);
            channels.save(ChannelState.of(ref, "channel " + n, ClusterRig.WEEKLY)
                    .delivered(NOW.minus(Duration.ofDays(8)), NudgeSent.Kind.TIP));
        }
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        JdbcDeliveryStore deliveries = new JdbcDeliveryStore(database);
        NudgeDispatcher dispatcher = new NudgeDispatcher(
                new NudgeDispatcher.Stores(channels, deliveries, new InMemoryActivityLog()),
                new NudgeDispatcher.Sending(
                        new NudgeComposer((channel, language, delivery) -> ClusterRig.reply("tip"), ClusterRig.NO_QUIZ),
                        (channel, reply) -> new SendOutcome.Sent(),
                        OutboundLimiter.perSecond(5, Duration.ZERO)),
                new NudgeDispatcher.Pacing(clock, NudgeDispatcher.Sleeper.SYSTEM, new SplittableRandom(1)),
                NudgeDispatcher.Settings.DEFAULTS);
        NudgeTasks tasks =
                new NudgeTasks(dispatcher, deliveries, List::of, clock, Duration.ofSeconds(30), LocalTime.of(3, 30), 5);
        SchedulerClient client =
                SchedulerClient.Builder.create(database, tasks.oneTimeTasks()).build();

        int scheduled = tasks.planAndSchedule(client);

        Map<String, List<Instant>> byTenant = new HashMap<>();
        client.fetchScheduledExecutionsForTask(
                NudgeTasks.DELIVERY, Void.class, ScheduledExecutionsFilter.all(), execution -> {
                    ChannelRef channel = deliveries
                            .find(Long.parseLong(execution.getTaskInstance().getId()))
                            .orElseThrow()
                            .channel();
                    byTenant.computeIfAbsent(channel.tenant(), t -> new ArrayList<>())
                            .add(execution.getExecutionTime());
                });
        assertThat(scheduled).isEqualTo(250);
        assertThat(byTenant).containsOnlyKeys("T1", "tenant-1");
        // 5 a second for the cluster, handed over HANDOFF_PACE times as fast: one every 100 ms per tenant at twice the
        // pace.
        Duration spacing = Duration.ofNanos(Math.round(1e9 / (NudgeTasks.HANDOFF_PACE * 5)));
        for (List<Instant> times : byTenant.values()) {
            times.sort(null);
            assertThat(times).hasSize(125);
            assertThat(times.get(0)).isEqualTo(NOW);
            for (int i = 1; i < times.size(); i++) {
                assertThat(Duration.between(times.get(i - 1), times.get(i))).isEqualTo(spacing);
            }
        }
    }
}
