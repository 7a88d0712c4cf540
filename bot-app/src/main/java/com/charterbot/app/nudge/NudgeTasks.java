package com.charterbot.app.nudge;

import com.charterbot.core.nudge.DeliveryResult;
import com.charterbot.core.nudge.DeliveryStore;
import com.charterbot.core.nudge.NudgeDelivery;
import com.charterbot.core.nudge.NudgeDispatcher;
import com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The db-scheduler tasks behind the nudges; every replica registers the same ones.
 *
 * <ul>
 *   <li>{@value #PLANNER} (recurring): asks the dispatcher which deliveries are due and schedules
 *       one {@value #DELIVERY} instance per new delivery, its instance id the delivery id
 *       ({@code scheduleIfNotExists}), a tenant's new deliveries handed over {@link #HANDOFF_PACE}
 *       times as fast as its budget lets them go; it also reschedules PENDING deliveries that lost their
 *       instance (a process that died between creating a delivery and scheduling it, an instance
 *       dropped after repeated store failures). Only one replica runs it at a time.
 *   <li>{@value #DELIVERY} (one-time, one per delivery): one attempt of the dispatcher; its
 *       completion handler reschedules it to the {@link DeliveryResult.RetryAt} instant, or
 *       removes it. An exception (the database is down) backs off from 10 s to 10 minutes. A
 *       replica that dies mid-delivery is detected by its missing heartbeats and its deliveries
 *       revived on another replica.
 *   <li>{@value #RETENTION} (recurring, daily): runs every {@link RetentionHook}.
 * </ul>
 */
public final class NudgeTasks {

    public static final String PLANNER = "nudge-planner";
    public static final String DELIVERY = "nudge-delivery";
    public static final String RETENTION = "retention";
    /** The recurring task running every {@link HourlyHook} once an hour. */
    public static final String HOURLY = "hourly";

    /** How many PENDING deliveries one planner run checks for a lost instance. */
    static final int ORPHAN_SWEEP_LIMIT = 5000;

    private static final Duration FAILURE_BACKOFF = Duration.ofSeconds(10);
    private static final Duration FAILURE_BACKOFF_MAX = Duration.ofMinutes(10);

    /**
     * The planner hands a tenant's new deliveries over this many times as fast as the tenant's
     * budget (the cluster's) lets them go: never slower than they can be sent, but a fan-out's
     * thousands of first attempts are spread out instead of all reaching the database at the same
     * instant, which held up users' requests.
     */
    static final double HANDOFF_PACE = 2;

    private static final Logger LOG = LoggerFactory.getLogger(NudgeTasks.class);

    private final NudgeDispatcher dispatcher;
    private final DeliveryStore deliveries;
    private final Supplier<List<RetentionHook>> hooks;
    private final Clock clock;
    private final long handoffSpacingNanos;
    private final CustomTask<Void> delivery;
    private final RecurringTask<Void> planner;
    private final RecurringTask<Void> retention;
    private final RecurringTask<Void> hourly;
    private final Supplier<List<HourlyHook>> hourlyHooks;

    /**
     * @param hooks asked for on each retention run, so beans declared later count
     * @param plannerInterval the delay between two planner runs
     * @param retentionAt when the daily retention runs (UTC)
     * @param tenantBudgetPerSecond the cluster's messages per second per tenant
     */
    public NudgeTasks(
            NudgeDispatcher dispatcher,
            DeliveryStore deliveries,
            Supplier<List<RetentionHook>> hooks,
            Clock clock,
            Duration plannerInterval,
            LocalTime retentionAt,
            double tenantBudgetPerSecond) {
        this(dispatcher, deliveries, hooks, List::of, clock, plannerInterval, retentionAt, tenantBudgetPerSecond);
    }

    /** @param hourlyHooks what the {@value #HOURLY} task runs */
    public NudgeTasks(
            NudgeDispatcher dispatcher,
            DeliveryStore deliveries,
            Supplier<List<RetentionHook>> hooks,
            Supplier<List<HourlyHook>> hourlyHooks,
            Clock clock,
            Duration plannerInterval,
            LocalTime retentionAt,
            double tenantBudgetPerSecond) {
        this.hourlyHooks = Objects.requireNonNull(hourlyHooks, "hourlyHooks");
        this.hourly = Tasks.recurring(HOURLY, Schedules.fixedDelay(Duration.ofHours(1)))
                .execute((instance, context) -> runHourly());
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
        this.hooks = Objects.requireNonNull(hooks, "hooks");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!(tenantBudgetPerSecond > 0)) {
            throw new IllegalArgumentException("tenantBudgetPerSecond must be positive: " + tenantBudgetPerSecond);
        }
        this.handoffSpacingNanos = Math.round(1e9 / (HANDOFF_PACE * tenantBudgetPerSecond));
        this.delivery = Tasks.custom(DELIVERY, Void.class)
                .onFailure(NudgeTasks::backOff)
                .onDeadExecutionRevive()
                .execute((instance, context) -> completion(dispatcher.deliver(Long.parseLong(instance.getId()))));
        this.planner = Tasks.recurring(
                        PLANNER, Schedules.fixedDelay(Objects.requireNonNull(plannerInterval, "plannerInterval")))
                .execute((instance, context) -> planAndSchedule(context.getSchedulerClient()));
        this.retention = Tasks.recurring(
                        RETENTION, Schedules.daily(ZoneOffset.UTC, Objects.requireNonNull(retentionAt, "retentionAt")))
                .execute((instance, context) -> runRetention());
    }

    /** Schedules the delivery with this id at this instant, unless it is already scheduled. */
    public boolean scheduleDelivery(SchedulerClient client, long deliveryId, Instant at) {
        return client.scheduleIfNotExists(delivery.instance(String.valueOf(deliveryId)), at);
    }

    /** The one-time task: pass to {@code Scheduler.create}. */
    public List<Task<?>> oneTimeTasks() {
        return List.of(delivery);
    }

    /** The recurring tasks: pass to {@code SchedulerBuilder.startTasks}. */
    public List<RecurringTask<Void>> recurringTasks() {
        return List.of(planner, retention, hourly);
    }

    /**
     * One planner run: plans, schedules the new deliveries, then any PENDING delivery without an
     * instance.
     *
     * @return how many delivery instances were scheduled
     */
    public int planAndSchedule(SchedulerClient client) {
        Instant now = clock.instant();
        int[] scheduledNew = {0};
        Set<Long> handled = new HashSet<>();
        Map<String, Integer> handedOver = new HashMap<>();
        // Each batch is scheduled as soon as it is planned, so a large fan-out starts sending at once.
        dispatcher.plan(now, NudgeDispatcher.PLAN_BATCH, batch -> {
            batch.forEach(created -> handled.add(created.id()));
            scheduledNew[0] += scheduleAll(client, batch, now, handedOver);
        });
        int scheduled = scheduledNew[0];
        List<NudgeDelivery> pending = deliveries.pending(ORPHAN_SWEEP_LIMIT);
        if (pending.stream().anyMatch(p -> !handled.contains(p.id()))) {
            Set<String> instances = new HashSet<>();
            client.fetchScheduledExecutionsForTask(
                    DELIVERY,
                    Void.class,
                    ScheduledExecutionsFilter.all(),
                    execution -> instances.add(execution.getTaskInstance().getId()));
            for (NudgeDelivery orphan : pending) {
                String id = String.valueOf(orphan.id());
                if (!handled.contains(orphan.id())
                        && !instances.contains(id)
                        && client.scheduleIfNotExists(delivery.instance(id), now)) {
                    LOG.info(
                            "rescheduled nudge delivery {} for {} due {}, which had no task instance",
                            id,
                            orphan.channel().key(),
                            orphan.due());
                    scheduled++;
                }
            }
        }
        if (scheduled > 0) {
            LOG.debug("scheduled {} nudge deliveries", scheduled);
        }
        return scheduled;
    }

    /**
     * Schedules new deliveries in one batch, each tenant's handed over {@link #HANDOFF_PACE} times as
     * fast as its budget, counting on from the tenant's earlier batches of this run; if any already has an
     * instance, one by one instead.
     */
    private int scheduleAll(
            SchedulerClient client, List<NudgeDelivery> batch, Instant now, Map<String, Integer> handedOver) {
        List<SchedulableInstance<?>> instances = new ArrayList<>();
        for (NudgeDelivery created : batch) {
            int rank = handedOver.merge(created.channel().tenantKey(), 1, Integer::sum) - 1;
            instances.add(SchedulableInstance.of(
                    delivery.instance(String.valueOf(created.id())), now.plusNanos(rank * handoffSpacingNanos)));
        }
        try {
            client.scheduleBatch(instances);
            return batch.size();
        } catch (RuntimeException e) {
            LOG.debug("batch scheduling failed ({}), scheduling one by one", e.getMessage());
            int scheduled = 0;
            for (SchedulableInstance<?> instance : instances) {
                if (client.scheduleIfNotExists(instance)) {
                    scheduled++;
                }
            }
            return scheduled;
        }
    }

    /** Runs every {@link HourlyHook}, each failure logged without stopping the others. */
    public void runHourly() {
        Instant now = clock.instant();
        for (HourlyHook hook : hourlyHooks.get()) {
            try {
                LOG.info("hourly {}: {} done", hook.name(), hook.run(now));
            } catch (RuntimeException e) {
                LOG.warn("hourly {} failed", hook.name(), e);
            }
        }
    }

    /** Runs every retention hook; one failing does not stop the others. */
    public void runRetention() {
        Instant now = clock.instant();
        for (RetentionHook hook : hooks.get()) {
            try {
                int purged = hook.purge(now);
                LOG.info("retention {}: {} deleted", hook.name(), purged);
            } catch (RuntimeException e) {
                LOG.warn("retention {} failed", hook.name(), e);
            }
        }
    }

    private static CompletionHandler<Void> completion(DeliveryResult result) {
        if (result instanceof DeliveryResult.RetryAt retry) {
            return (complete, operations) -> operations.reschedule(complete, retry.at());
        }
        return (complete, operations) -> operations.remove();
    }

    private static void backOff(ExecutionComplete complete, ExecutionOperations<Void> operations) {
        int failures = complete.getExecution().consecutiveFailures + 1;
        Duration delay = FAILURE_BACKOFF;
        for (int i = 1; i < failures && delay.compareTo(FAILURE_BACKOFF_MAX) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        if (delay.compareTo(FAILURE_BACKOFF_MAX) > 0) {
            delay = FAILURE_BACKOFF_MAX;
        }
        LOG.warn(
                "nudge delivery {} failed {} time(s) in a row; next attempt in {}",
                complete.getExecution().taskInstance.getId(),
                failures,
                delay,
                complete.getCause().orElse(null));
        operations.reschedule(complete, complete.getTimeDone().plus(delay));
    }
}
