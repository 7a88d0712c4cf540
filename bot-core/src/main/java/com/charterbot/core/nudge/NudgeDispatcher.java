package com.charterbot.core.nudge;

import com.charterbot.core.activity.ActivityLog;
import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.values.ChannelRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Sends the channels' periodic nudges on time and once, from any number of replicas sharing the
 * stores. No threads of its own: a scheduler calls {@link #plan} every so often and
 * {@link #deliver} for each delivery it returns, then again at each {@link DeliveryResult.RetryAt}.
 *
 * <p>Exactly once per period rests on the {@link DeliveryStore}: a period's delivery is keyed by
 * (channel, slot that opened the period), so planning twice, on two replicas, or after a crash
 * never creates a second one, and the {@code mark...} calls only move a PENDING delivery. A
 * message can still go out twice when a process dies after the platform accepted it and before it
 * was recorded as sent; no platform offers idempotency keys for channel posts. A platform that
 * received the request but did not answer in time ({@link SendOutcome.Unconfirmed}) is taken at its
 * word: the delivery counts as sent and is not retried, trading a rare lost nudge for no duplicates.
 *
 * <p>The slot is the schedule's own, never "now": a channel that missed several periods while the
 * bot was down gets one catch-up delivery keyed by the first missed slot, and the next period
 * starts from when that catch-up was sent, as {@link NudgeSchedule} says. A channel never nudged
 * before has no period to catch up: its first slot counts only if it fell within
 * {@link Settings#firstNudgeGrace()} before the planning instant.
 */
public final class NudgeDispatcher {

    private static final System.Logger LOG = System.getLogger(NudgeDispatcher.class.getName());

    /**
     * How long recording a message the platform took is retried while the stores fail (a database
     * restarting or cut off): given up sooner, the delivery stays pending and is sent again.
     */
    static final Duration RECORD_PATIENCE = Duration.ofMinutes(2);

    /** The longest pause between two tries at recording a sent message. */
    private static final Duration RECORD_PAUSE_CAP = Duration.ofSeconds(5);

    /** How many finished periods {@link #plan} steps over for one channel in one call. */
    private static final int MAX_PERIOD_STEPS = 8;

    /** Waits; {@link #SYSTEM} sleeps the calling thread, tests pass one that only moves a clock. */
    @FunctionalInterface
    public interface Sleeper {
        /** Sleeps the thread. */
        Sleeper SYSTEM = duration -> TimeUnit.NANOSECONDS.sleep(Math.max(0, saturatedNanos(duration)));

        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * @param retry how failed sends are retried
     * @param maxInlineWait the longest {@link SendBudget} wait spent sleeping in
     *     {@link #deliver}; a longer one returns {@link DeliveryResult.RetryAt} instead
     * @param firstNudgeGrace how late a never-nudged channel's first slot may still be planned
     *     (covers planner pauses and restarts); positive
     */
    public record Settings(RetryPolicy retry, Duration maxInlineWait, Duration firstNudgeGrace) {

        /** {@link RetryPolicy#DEFAULT}, sleep up to 2 s, plan a first slot up to 5 minutes late. */
        public static final Settings DEFAULTS =
                new Settings(RetryPolicy.DEFAULT, Duration.ofSeconds(2), Duration.ofMinutes(5));

        public Settings {
            Objects.requireNonNull(retry, "retry");
            Objects.requireNonNull(maxInlineWait, "maxInlineWait");
            Objects.requireNonNull(firstNudgeGrace, "firstNudgeGrace");
            if (maxInlineWait.isNegative()) {
                throw new IllegalArgumentException("maxInlineWait must not be negative: " + maxInlineWait);
            }
            if (firstNudgeGrace.isNegative() || firstNudgeGrace.isZero()) {
                throw new IllegalArgumentException("firstNudgeGrace must be positive: " + firstNudgeGrace);
            }
        }
    }

    /**
     * What nudges are planned from and recorded in.
     *
     * @param deliveries each period's delivery, keyed by channel and slot: what makes a nudge go once
     * @param activity told of each nudge sent, for the statistics and the choice of tips
     */
    public record Stores(ChannelStore channels, DeliveryStore deliveries, ActivityLog activity) {
        public Stores {
            Objects.requireNonNull(channels, "channels");
            Objects.requireNonNull(deliveries, "deliveries");
            Objects.requireNonNull(activity, "activity");
        }
    }

    /**
     * What makes a nudge and sends it.
     *
     * @param limiter the send budget every nudge is booked with, shared by the replicas that share the stores
     */
    public record Sending(NudgeComposer composer, ChannelMessenger messenger, SendBudget limiter) {
        public Sending {
            Objects.requireNonNull(composer, "composer");
            Objects.requireNonNull(messenger, "messenger");
            Objects.requireNonNull(limiter, "limiter");
        }
    }

    /**
     * Time and chance: what time it is, how the dispatcher waits, how it spreads its retries.
     *
     * @param sleeper waits for the {@link SendBudget} and between tries at recording a sent message
     * @param random draws the retry jitter; used under a lock, so any generator will do
     */
    public record Pacing(Clock clock, Sleeper sleeper, RandomGenerator random) {
        public Pacing {
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(sleeper, "sleeper");
            Objects.requireNonNull(random, "random");
        }
    }

    private final Stores stores;
    private final Sending sending;
    private final Pacing pacing;
    private final Settings settings;
    private final Object randomLock = new Object();

    public NudgeDispatcher(Stores stores, Sending sending, Pacing pacing, Settings settings) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.sending = Objects.requireNonNull(sending, "sending");
        this.pacing = Objects.requireNonNull(pacing, "pacing");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Creates the deliveries that are due: for each active channel whose open period's slot is at
     * or before {@code now} and has no delivery yet. A period whose delivery failed or was skipped
     * is over; the next one is considered. One channel that cannot be planned does not stop the
     * others; an exception is thrown only when no channel could be planned.
     *
     * @return the deliveries created by this call (not those that existed), to be delivered
     */
    public List<NudgeDelivery> plan(Instant now) {
        List<NudgeDelivery> created = new ArrayList<>();
        plan(now, PLAN_BATCH, created::addAll);
        return created;
    }

    /**
     * How many new deliveries {@link #plan(Instant)} gathers before it hands them over. Each batch
     * costs a few statements: with 500, {@code bench/fanout} plans its 10,000 channels in 5 to 6 s
     * instead of 10 to 11 s with 100, and the first batch still goes out within a second.
     */
    public static final int PLAN_BATCH = 500;

    /**
     * Like {@link #plan(Instant)}, but hands the new deliveries over in batches of at most
     * {@code batchSize} as soon as they exist, so that sending can start while a large fan-out is
     * still being planned. The channels are planned {@code batchSize} at a time, tenants taking
     * turns ({@link #tenantsTakingTurns}): one
     * {@link DeliveryStore#findAll} for their open slots, one {@link DeliveryStore#createAllIfAbsent}
     * for those without a delivery, and the channel by channel steps only for those that have one
     * (finished periods to step over, a sent nudge to record); a fan-out of thousands then costs
     * the store a few statements per batch instead of two per channel.
     */
    public void plan(Instant now, int batchSize, Consumer<List<NudgeDelivery>> batches) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(batches, "batches");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        Failures failures = new Failures();
        List<ChannelState> group = new ArrayList<>();
        int planned = 0;
        for (ChannelState channel : tenantsTakingTurns(stores.channels().all())) {
            planned++;
            group.add(channel);
            if (group.size() >= batchSize) {
                planGroup(group, now, failures, batches);
                group.clear();
            }
        }
        if (!group.isEmpty()) {
            planGroup(group, now, failures, batches);
        }
        if (failures.first != null && failures.count == planned) {
            // Nothing could be planned (the store is down?): let the caller see it and retry.
            throw failures.first;
        }
    }

    /**
     * The active channels with nudges on, their tenants taking turns, each tenant's in the store's
     * order. A fan-out over several workspaces then starts sending in all of them at once: planned
     * workspace after workspace, the last one's nudges waited for all the others' to be planned, and
     * each workspace sends no faster than its own budget.
     */
    static List<ChannelState> tenantsTakingTurns(List<ChannelState> channels) {
        Map<String, ArrayDeque<ChannelState>> byTenant = new LinkedHashMap<>();
        for (ChannelState channel : channels) {
            if (channel.status() == ChannelState.Status.ACTIVE
                    && channel.settings().enabled()) {
                byTenant.computeIfAbsent(channel.channel().tenantKey(), tenant -> new ArrayDeque<>())
                        .add(channel);
            }
        }
        List<ChannelState> inTurn = new ArrayList<>();
        while (!byTenant.isEmpty()) {
            Iterator<ArrayDeque<ChannelState>> tenants = byTenant.values().iterator();
            while (tenants.hasNext()) {
                ArrayDeque<ChannelState> tenant = tenants.next();
                inTurn.add(tenant.poll());
                if (tenant.isEmpty()) {
                    tenants.remove();
                }
            }
        }
        return inTurn;
    }

    /** The channels that could not be planned: how many, and the first one's exception. */
    private static final class Failures {
        RuntimeException first;
        int count;

        void add(ChannelState channel, RuntimeException e) {
            count++;
            LOG.log(
                    System.Logger.Level.WARNING,
                    "cannot plan the nudge of " + channel.channel().key(),
                    e);
            if (first == null) {
                first = e;
            }
        }
    }

    /** Plans these channels together and hands over the deliveries created, in the channels' order. */
    private void planGroup(
            List<ChannelState> group, Instant now, Failures failures, Consumer<List<NudgeDelivery>> batches) {
        List<DeliveryStore.Slot> due = new ArrayList<>();
        List<ChannelState> open = new ArrayList<>();
        for (ChannelState channel : group) {
            try {
                Optional<Instant> slot = openSlot(channel, now).filter(at -> !at.isAfter(now));
                if (slot.isPresent()) {
                    due.add(new DeliveryStore.Slot(channel.channel(), slot.get()));
                    open.add(channel);
                }
            } catch (RuntimeException e) {
                failures.add(channel, e);
            }
        }
        Set<ChannelRef> existing = new HashSet<>();
        Map<ChannelRef, NudgeDelivery> made = new HashMap<>();
        boolean batched;
        try {
            stores.deliveries().findAll(due).forEach(delivery -> existing.add(delivery.channel()));
            stores.deliveries()
                    .createAllIfAbsent(due.stream()
                            .filter(slot -> !existing.contains(slot.channel()))
                            .toList())
                    .forEach(delivery -> made.put(delivery.channel(), delivery));
            batched = true;
        } catch (RuntimeException e) {
            // Plan each channel alone, so that one the store refuses does not stop the others. Rows
            // the batch created before it failed are PENDING without an instance: the planner's
            // sweep for those schedules them.
            batched = false;
        }
        List<NudgeDelivery> created = new ArrayList<>();
        for (ChannelState channel : open) {
            if (batched && !existing.contains(channel.channel())) {
                Optional.ofNullable(made.get(channel.channel())).ifPresent(created::add);
                continue;
            }
            try {
                planChannel(channel, now).ifPresent(created::add);
            } catch (RuntimeException e) {
                failures.add(channel, e);
            }
        }
        if (!created.isEmpty()) {
            batches.accept(List.copyOf(created));
        }
    }

    private Optional<NudgeDelivery> planChannel(ChannelState channel, Instant now) {
        ChannelState state = channel;
        Optional<Instant> slot = openSlot(state, now);
        for (int step = 0;
                step < MAX_PERIOD_STEPS && slot.isPresent() && !slot.get().isAfter(now);
                step++) {
            Instant due = slot.get();
            Optional<NudgeDelivery> existing = stores.deliveries().find(state.channel(), due);
            if (existing.isEmpty()) {
                return stores.deliveries().createIfAbsent(state.channel(), due);
            }
            NudgeDelivery delivery = existing.get();
            if (delivery.status() == NudgeDelivery.Status.PENDING) {
                return Optional.empty();
            }
            if (delivery.status() == NudgeDelivery.Status.SENT) {
                state = recordSentIfMissing(state, delivery);
            }
            slot = slotAfter(state.settings(), due);
        }
        return Optional.empty();
    }

    /** The slot that opens the channel's current period; may lie in the future. */
    private Optional<Instant> openSlot(ChannelState channel, Instant now) {
        Optional<Instant> last = channel.lastDelivery();
        if (last.isPresent()) {
            // With the clock at the last delivery, nextDue is never clamped to "now": it is the slot itself.
            return NudgeSchedule.nextDue(channel.settings(), last, Clock.fixed(last.get(), ZoneOffset.UTC));
        }
        return NudgeSchedule.nextDue(
                channel.settings(),
                Optional.empty(),
                Clock.fixed(now.minus(settings.firstNudgeGrace()), ZoneOffset.UTC));
    }

    /** The first slot after this one. */
    private static Optional<Instant> slotAfter(NudgeSettings settings, Instant slot) {
        return NudgeSchedule.nextDue(settings, Optional.of(slot), Clock.fixed(slot, ZoneOffset.UTC));
    }

    /** A process that died between recording the delivery as sent and saving the channel: save it now. */
    private ChannelState recordSentIfMissing(ChannelState state, NudgeDelivery delivery) {
        Instant sentAt = delivery.sentAt().orElseThrow();
        if (state.deliveredSince(sentAt)) {
            return state;
        }
        NudgeSent.Kind kind = delivery.kind().orElseThrow();
        stores.channels().markDelivered(state.channel(), sentAt, kind);
        return state.delivered(sentAt, kind);
    }

    /**
     * Makes one attempt at a delivery. Safe to call for any delivery at any time, repeatedly and
     * concurrently: only a PENDING delivery of an active channel is sent.
     *
     * <ul>
     *   <li>sent, or unconfirmed (received by the platform, no answer in time): the delivery is
     *       SENT, the channel's last delivery and kind updated, a {@link NudgeSent} recorded;
     *       {@link DeliveryResult.Done}
     *   <li>rate limited: {@link DeliveryResult.RetryAt} after the platform's Retry-After (see
     *       {@link RetryPolicy#delayAfterRateLimit})
     *   <li>transient failure: {@link DeliveryResult.RetryAt} per the {@link RetryPolicy}, or FAILED
     *       and {@link DeliveryResult.GaveUp} when no attempt is left
     *   <li>permanent failure: the channel is paused with the reason, the delivery SKIPPED;
     *       {@link DeliveryResult.GaveUp}
     *   <li>already finished, channel removed, paused, turned off or already nudged for this
     *       period: SKIPPED (if still pending); {@link DeliveryResult.Done}
     * </ul>
     *
     * Exceptions of the stores propagate: the caller retries later.
     */
    public DeliveryResult deliver(long deliveryId) {
        Instant now = pacing.clock().instant();
        Optional<NudgeDelivery> found = stores.deliveries().find(deliveryId);
        if (found.isEmpty()) {
            return new DeliveryResult.GaveUp("no delivery " + deliveryId);
        }
        NudgeDelivery delivery = found.get();
        if (delivery.status().terminal()) {
            return new DeliveryResult.Done();
        }
        Optional<ChannelState> channel = stores.channels().find(delivery.channel());
        Optional<String> skip = skipReason(delivery, channel);
        if (skip.isPresent()) {
            stores.deliveries().markSkipped(delivery.id(), skip.get());
            return new DeliveryResult.Done();
        }
        ChannelState state = channel.orElseThrow();

        Duration wait = sending.limiter().reserve(delivery.channel(), now, settings.maxInlineWait());
        if (wait.compareTo(settings.maxInlineWait()) > 0) {
            return new DeliveryResult.RetryAt(now.plus(wait));
        }
        if (!wait.isZero()) {
            try {
                pacing.sleeper().sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new DeliveryResult.RetryAt(pacing.clock().instant());
            }
        }

        NudgeComposer.Nudge nudge;
        try {
            nudge = sending.composer().compose(state);
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "cannot compose the nudge of " + delivery.channel().key(),
                    e);
            return failed(
                    delivery,
                    "compose: " + describe(e),
                    delivery.rateLimited(),
                    pacing.clock().instant());
        }
        SendOutcome outcome = send(state, nudge);
        Instant after = pacing.clock().instant();
        if (outcome instanceof SendOutcome.Sent) {
            return sent(delivery, nudge.kind(), after);
        }
        if (outcome instanceof SendOutcome.Unconfirmed unconfirmed) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "the nudge of {0} is counted as sent though its answer never came ({1}): "
                            + "a retry could post it twice",
                    delivery.channel().key(),
                    unconfirmed.error());
            return sent(delivery, nudge.kind(), after);
        }
        if (outcome instanceof SendOutcome.RateLimited limited) {
            return rateLimited(delivery, limited, after);
        }
        if (outcome instanceof SendOutcome.Permanent permanent) {
            return permanent(delivery, permanent.reason());
        }
        return failed(delivery, ((SendOutcome.Transient) outcome).error(), delivery.rateLimited(), after);
    }

    private static Optional<String> skipReason(NudgeDelivery delivery, Optional<ChannelState> channel) {
        if (channel.isEmpty()) {
            return Optional.of("channel removed");
        }
        ChannelState state = channel.get();
        if (state.status() == ChannelState.Status.PAUSED) {
            return Optional.of(
                    state.pauseReason().isEmpty() ? "channel paused" : "channel paused: " + state.pauseReason());
        }
        if (!state.settings().enabled()) {
            return Optional.of("nudges turned off");
        }
        if (state.deliveredSince(delivery.due())) {
            return Optional.of("already nudged for this period");
        }
        return Optional.empty();
    }

    private SendOutcome send(ChannelState state, NudgeComposer.Nudge nudge) {
        try {
            SendOutcome outcome = sending.messenger().send(state, nudge.reply());
            return outcome != null ? outcome : new SendOutcome.Transient("the messenger gave no outcome");
        } catch (RuntimeException e) {
            return new SendOutcome.Transient(describe(e));
        }
    }

    /**
     * Records what the platform took. The message is out: should the stores fail now, the record is
     * retried for up to {@link #RECORD_PATIENCE} rather than left for a retry that would post it again.
     */
    private DeliveryResult sent(NudgeDelivery delivery, NudgeSent.Kind kind, Instant at) {
        String what = "the sent nudge of " + delivery.channel().key();
        if (!persistently(what, () -> stores.deliveries().markSent(delivery.id(), at, kind))) {
            // Another attempt finished it meanwhile (a revived execution): it recorded everything.
            return new DeliveryResult.Done();
        }
        ChannelRef ref = delivery.channel();
        persistently(what, () -> {
            stores.channels().markDelivered(ref, at, kind);
            return null;
        });
        persistently(what, () -> {
            stores.activity().record(new NudgeSent(at, ref, kind));
            return null;
        });
        return new DeliveryResult.Done();
    }

    /** Runs the action, again after growing pauses while it throws, until {@link #RECORD_PATIENCE} is spent. */
    private <T> T persistently(String what, Supplier<T> action) {
        Instant deadline = pacing.clock().instant().plus(RECORD_PATIENCE);
        Duration pause = Duration.ofMillis(250);
        for (int tries = 1; ; tries++) {
            try {
                T result = action.get();
                if (tries > 1) {
                    LOG.log(System.Logger.Level.INFO, "recorded {0} at try {1}", what, tries);
                }
                return result;
            } catch (RuntimeException e) {
                if (pacing.clock().instant().plus(pause).isAfter(deadline)) {
                    throw e;
                }
                if (tries == 1) {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "cannot record {0} yet ({1}); trying again for up to {2}",
                            what,
                            describe(e),
                            RECORD_PATIENCE);
                }
                try {
                    pacing.sleeper().sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = pause.multipliedBy(2).compareTo(RECORD_PAUSE_CAP) > 0
                        ? RECORD_PAUSE_CAP
                        : pause.multipliedBy(2);
            }
        }
    }

    private DeliveryResult rateLimited(NudgeDelivery delivery, SendOutcome.RateLimited limited, Instant at) {
        int rateLimited = delivery.rateLimited() + 1;
        Optional<Duration> delay = settings.retry().delayAfterRateLimit(rateLimited, limited.retryAfter());
        if (delay.isEmpty()) {
            return failed(delivery, "rate limited " + rateLimited + " times", rateLimited, at);
        }
        if (!stores.deliveries()
                .markRetry(
                        delivery.id(),
                        delivery.attempts(),
                        rateLimited,
                        "rate limited, retry after " + limited.retryAfter())) {
            return new DeliveryResult.Done();
        }
        return new DeliveryResult.RetryAt(at.plus(delay.get()));
    }

    private DeliveryResult failed(NudgeDelivery delivery, String error, int rateLimited, Instant at) {
        int attempts = delivery.attempts() + 1;
        Optional<Duration> delay;
        synchronized (randomLock) {
            delay = settings.retry().delayAfter(attempts, pacing.random());
        }
        if (delay.isPresent()) {
            if (!stores.deliveries().markRetry(delivery.id(), attempts, rateLimited, error)) {
                return new DeliveryResult.Done();
            }
            return new DeliveryResult.RetryAt(at.plus(delay.get()));
        }
        if (!stores.deliveries().markFailed(delivery.id(), attempts, error)) {
            return new DeliveryResult.Done();
        }
        LOG.log(
                System.Logger.Level.WARNING,
                "gave up the nudge of {0} due {1} after {2} attempts: {3}",
                delivery.channel().key(),
                delivery.due(),
                attempts,
                error);
        return new DeliveryResult.GaveUp(error);
    }

    private DeliveryResult permanent(NudgeDelivery delivery, String reason) {
        stores.channels()
                .find(delivery.channel())
                .filter(current -> current.status() == ChannelState.Status.ACTIVE)
                .ifPresent(current -> stores.channels().save(current.paused(reason)));
        stores.deliveries().markSkipped(delivery.id(), reason);
        LOG.log(
                System.Logger.Level.WARNING,
                "paused the nudges of {0}: {1}",
                delivery.channel().key(),
                reason);
        return new DeliveryResult.GaveUp(reason);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank()
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + message;
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
