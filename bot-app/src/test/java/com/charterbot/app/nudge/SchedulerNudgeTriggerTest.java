package com.charterbot.app.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.app.CharterBotApplication;
import com.charterbot.core.nudge.ChannelState;
import com.charterbot.core.nudge.ChannelStore;
import com.charterbot.core.nudge.DeliveryStore;
import com.charterbot.core.nudge.Frequency;
import com.charterbot.core.nudge.NudgeDelivery;
import com.charterbot.core.nudge.NudgeSettings;
import com.charterbot.core.nudge.NudgeTrigger;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code nudges now} through the application's {@link NudgeTrigger} (a {@link SchedulerNudgeTrigger})
 * on the test's in-memory H2, with this process running no scheduler, so nothing is ever sent.
 */
@SpringBootTest(
        classes = CharterBotApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "charter.scheduler.enabled=false")
class SchedulerNudgeTriggerTest {

    static final String TENANT = "T0TRIGGER";
    static final NudgeSettings WEEKLY = NudgeSettings.defaults(ZoneId.of("Europe/Paris"), Language.EN);
    private static final AtomicInteger CHANNELS = new AtomicInteger();

    @Autowired
    NudgeTrigger trigger;

    @Autowired
    ChannelStore channels;

    @Autowired
    DeliveryStore deliveries;

    @Autowired
    NudgeTasks tasks;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    @Test
    void runsNoSchedulerInThisProcess() {
        assertThat(trigger).isInstanceOf(SchedulerNudgeTrigger.class);
        assertThat(context.getBeanProvider(SchedulerLifecycle.class).getIfAvailable())
                .isNull();
    }

    @Test
    void queuesAPendingDeliveryWithItsTaskInstanceForAnActiveChannel() {
        ChannelRef channel = register(ChannelState.of(newChannel(), "general", WEEKLY));

        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        boolean queued = trigger.nudgeNow(channel);
        Instant after = Instant.now();

        assertThat(queued).isTrue();
        List<Map<String, Object>> rows = deliveryRows(channel);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("status", "PENDING").containsEntry("attempts", 0);
        long id = ((Number) rows.get(0).get("id")).longValue();
        NudgeDelivery delivery = deliveries.find(id).orElseThrow();
        assertThat(delivery.channel()).isEqualTo(channel);
        assertThat(delivery.status()).isEqualTo(NudgeDelivery.Status.PENDING);
        assertThat(delivery.due()).isBetween(before, after);
        assertThat(delivery.due())
                .as("due on a whole second")
                .isEqualTo(delivery.due().truncatedTo(ChronoUnit.SECONDS));
        assertThat(deliveries.pending(10_000)).contains(delivery);

        List<Map<String, Object>> instances = jdbc.queryForList(
                "SELECT task_instance, execution_time, picked FROM scheduled_tasks WHERE task_name = ? AND task_instance = ?",
                NudgeTasks.DELIVERY,
                String.valueOf(id));
        assertThat(instances).singleElement().satisfies(instance -> {
            assertThat(instance).containsEntry("picked", false);
            assertThat(executionTime(instance)).isEqualTo(delivery.due());
        });
        // The channel itself is left as it was.
        assertThat(channels.find(channel)).contains(ChannelState.of(channel, "general", WEEKLY));
    }

    @Test
    void twoCallsWithinOneSecondQueueOneDelivery() {
        // The application's clock is the system's: retry on the rare run where the two calls straddle a second.
        for (int attempt = 0; attempt < 5; attempt++) {
            ChannelRef channel = register(ChannelState.of(newChannel(), "general", WEEKLY));
            Instant before = Instant.now();
            boolean first = trigger.nudgeNow(channel);
            boolean second = trigger.nudgeNow(channel);
            Instant after = Instant.now();
            if (!before.truncatedTo(ChronoUnit.SECONDS).equals(after.truncatedTo(ChronoUnit.SECONDS))) {
                continue;
            }
            assertThat(first).isTrue();
            assertThat(second)
                    .as("the second click is accepted, and answered by the delivery already queued")
                    .isTrue();
            List<Map<String, Object>> rows = deliveryRows(channel);
            assertThat(rows).hasSize(1);
            assertThat(taskInstances(rows)).isEqualTo(1);
            return;
        }
        throw new AssertionError("five attempts straddled a second boundary");
    }

    @Test
    void twoCallsWithinOneSecondQueueOneDeliveryWhateverTheMilliseconds() {
        SettableClock clock = new SettableClock(Instant.parse("2030-01-07T09:00:00.100Z"));
        SchedulerNudgeTrigger fixed = triggerWith(clock);
        ChannelRef channel = register(ChannelState.of(newChannel(), "general", WEEKLY));

        assertThat(fixed.nudgeNow(channel)).isTrue();
        clock.set(Instant.parse("2030-01-07T09:00:00.999Z"));
        assertThat(fixed.nudgeNow(channel)).isTrue();

        List<Map<String, Object>> rows = deliveryRows(channel);
        assertThat(rows).hasSize(1);
        assertThat(deliveries.find(channel, Instant.parse("2030-01-07T09:00:00Z")))
                .get()
                .satisfies(d -> assertThat(d.status()).isEqualTo(NudgeDelivery.Status.PENDING));
        assertThat(taskInstances(rows)).isEqualTo(1);

        // A click in the next second is another request, with its own delivery.
        clock.set(Instant.parse("2030-01-07T09:00:01Z"));
        assertThat(fixed.nudgeNow(channel)).isTrue();
        List<Map<String, Object>> after = deliveryRows(channel);
        assertThat(after).hasSize(2);
        assertThat(taskInstances(after)).isEqualTo(2);
    }

    @Test
    void refusesAnUnknownChannelAndCreatesNothing() {
        ChannelRef unknown = newChannel();
        long instancesBefore = allDeliveryInstances();

        assertThat(trigger.nudgeNow(unknown)).isFalse();

        assertThat(channels.find(unknown))
                .as("the trigger does not register the channel")
                .isEmpty();
        assertThat(deliveryRows(unknown)).isEmpty();
        assertThat(allDeliveryInstances()).isEqualTo(instancesBefore);
    }

    @Test
    void refusesAPausedChannelAndCreatesNothing() {
        ChannelState paused = ChannelState.of(newChannel(), "general", WEEKLY).paused("no adapter for slack");
        ChannelRef channel = register(paused);
        long instancesBefore = allDeliveryInstances();

        assertThat(trigger.nudgeNow(channel)).isFalse();

        assertThat(deliveryRows(channel)).isEmpty();
        assertThat(allDeliveryInstances()).isEqualTo(instancesBefore);
        assertThat(channels.find(channel)).contains(paused);
    }

    @Test
    void refusesAChannelWithNudgesOffAndCreatesNothing() {
        ChannelState off = ChannelState.of(newChannel(), "general", WEEKLY.withFrequency(Frequency.OFF));
        ChannelRef channel = register(off);
        long instancesBefore = allDeliveryInstances();

        assertThat(trigger.nudgeNow(channel)).isFalse();

        assertThat(deliveryRows(channel)).isEmpty();
        assertThat(allDeliveryInstances()).isEqualTo(instancesBefore);
        assertThat(channels.find(channel)).contains(off);
    }

    // ----- helpers -----

    private SchedulerNudgeTrigger triggerWith(Clock clock) {
        SchedulerClient client =
                SchedulerClient.Builder.create(dataSource, tasks.oneTimeTasks()).build();
        return new SchedulerNudgeTrigger(channels, deliveries, tasks, client, clock);
    }

    private static ChannelRef newChannel() {
        return new ChannelRef(Platform.SLACK, TENANT, "C0TRIGGER" + CHANNELS.incrementAndGet());
    }

    private ChannelRef register(ChannelState state) {
        channels.save(state);
        return state.channel();
    }

    private List<Map<String, Object>> deliveryRows(ChannelRef channel) {
        return jdbc.queryForList(
                "SELECT id, status, attempts FROM nudge_delivery WHERE platform = ? AND tenant = ? AND channel_id = ? ORDER BY id",
                channel.platform().name(),
                channel.tenant(),
                channel.channelId());
    }

    /** How many nudge-delivery task instances the deliveries of these rows have. */
    private long taskInstances(List<Map<String, Object>> rows) {
        long count = 0;
        for (Map<String, Object> row : rows) {
            Long found = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ? AND task_instance = ?",
                    Long.class,
                    NudgeTasks.DELIVERY,
                    String.valueOf(row.get("id")));
            count += found == null ? 0 : found;
        }
        return count;
    }

    private long allDeliveryInstances() {
        Long count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ?", Long.class, NudgeTasks.DELIVERY);
        return count == null ? 0 : count;
    }

    private static Instant executionTime(Map<String, Object> instance) {
        Object value = instance.get("execution_time");
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new AssertionError("unexpected execution_time type " + (value == null ? "null" : value.getClass()));
    }

    /** A clock the test moves. */
    static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
