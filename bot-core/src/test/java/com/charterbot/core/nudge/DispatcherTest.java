package com.charterbot.core.nudge;

import static com.charterbot.core.nudge.DispatcherFixtures.MONDAY_SLOT;
import static com.charterbot.core.nudge.DispatcherFixtures.WEEKLY_MONDAY_10;
import static com.charterbot.core.nudge.DispatcherFixtures.channel;
import static com.charterbot.core.nudge.DispatcherFixtures.nudgedAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.nudge.DispatcherFixtures.Rig;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Platform;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DispatcherTest {

    static final ChannelRef GENERAL = channel(0);
    static final Instant LAST_WEEK = MONDAY_SLOT.minus(Duration.ofDays(7)).plusSeconds(5);

    @Test
    void plansOneDeliveryPerChannelPerPeriodHoweverOftenItPlans() {
        Rig rig = new Rig(MONDAY_SLOT.plusSeconds(20), Rig::sent);
        rig.channels.save(nudgedAt(GENERAL, WEEKLY_MONDAY_10, LAST_WEEK));
        rig.channels.save(nudgedAt(channel(1), WEEKLY_MONDAY_10, LAST_WEEK));

        List<NudgeDelivery> first = rig.dispatcher.plan(rig.clock.instant());
        List<NudgeDelivery> later = rig.dispatcher.plan(rig.clock.instant().plusSeconds(30));
        List<NudgeDelivery> muchLater = rig.dispatcher.plan(rig.clock.instant().plus(Duration.ofHours(5)));

        assertThat(first).hasSize(2).allSatisfy(d -> {
            assertThat(d.due()).isEqualTo(MONDAY_SLOT);
            assertThat(d.status()).isEqualTo(NudgeDelivery.Status.PENDING);
        });
        assertThat(later).isEmpty();
        assertThat(muchLater).isEmpty();
        assertThat(rig.deliveries.all()).hasSize(2);
    }

    @Test
    void handsNewDeliveriesOverInBatchesWhilePlanning() {
        Rig rig = new Rig(MONDAY_SLOT.plusSeconds(20), Rig::sent);
        for (int n = 0; n < 7; n++) {
            rig.channels.save(nudgedAt(channel(n), WEEKLY_MONDAY_10, LAST_WEEK));
        }
        List<List<NudgeDelivery>> batches = new java.util.ArrayList<>();

        rig.dispatcher.plan(rig.clock.instant(), 3, batches::add);

        assertThat(batches).extracting(List::size).containsExactly(3, 3, 1);
        assertThat(batches.stream()
                        .flatMap(List::stream)
                        .map(NudgeDelivery::channel)
                        .distinct())
                .hasSize(7);
        assertThat(rig.dispatcher.plan(rig.clock.instant())).as("planned once").isEmpty();
    }

    @Test
    void plansTenantsInTurnSoThatEveryWorkspaceOfAFanOutStartsSendingAtOnce() {
        Rig rig = new Rig(MONDAY_SLOT.plusSeconds(20), Rig::sent);
        for (int n = 0; n < 4; n++) {
            rig.channels.save(nudgedAt(new ChannelRef(Platform.SLACK, "T-BIG", "C" + n), WEEKLY_MONDAY_10, LAST_WEEK));
        }
        for (int n = 0; n < 2; n++) {
            rig.channels.save(
                    nudgedAt(new ChannelRef(Platform.SLACK, "T-SMALL", "D" + n), WEEKLY_MONDAY_10, LAST_WEEK));
        }
        rig.channels.save(ChannelState.of(new ChannelRef(Platform.SLACK, "T-OFF", "E0"), "paused", WEEKLY_MONDAY_10)
                .paused("removed from the channel"));
        List<List<NudgeDelivery>> batches = new ArrayList<>();

        rig.dispatcher.plan(rig.clock.instant(), 3, batches::add);

        List<ChannelRef> planned = batches.stream()
                .flatMap(List::stream)
                .map(NudgeDelivery::channel)
                .toList();
        assertThat(planned.subList(0, 4))
                .extracting(ChannelRef::tenant)
                .as("the two workspaces take turns while both have channels left")
                .containsExactlyInAnyOrder("T-BIG", "T-BIG", "T-SMALL", "T-SMALL")
                .satisfies(tenants -> assertThat(tenants.get(0)).isNotEqualTo(tenants.get(1)))
                .satisfies(tenants -> assertThat(tenants.get(2)).isNotEqualTo(tenants.get(3)))
                .satisfies(tenants -> assertThat(tenants.get(1)).isNotEqualTo(tenants.get(2)));
        assertThat(planned.subList(4, 6)).extracting(ChannelRef::tenant).containsOnly("T-BIG");
        for (String tenant : List.of("T-BIG", "T-SMALL")) {
            assertThat(planned.stream().filter(c -> c.tenant().equals(tenant)))
                    .as("each workspace's channels in the store's order")
                    .containsExactlyElementsOf(rig.channels.all().stream()
                            .map(ChannelState::channel)
                            .filter(c -> c.tenant().equals(tenant))
                            .toList());
        }
        assertThat(batches).extracting(List::size).containsExactly(3, 3);
    }

    @Test
    void plansAFanOutWithOneStoreLookupAndOneCreationPerBatchAndStepsChannelByChannelOnlyWhereADeliveryExists() {
        Rig rig = new Rig(MONDAY_SLOT.plusSeconds(20), Rig::sent);
        for (int n = 0; n < 7; n++) {
            rig.channels.save(nudgedAt(channel(n), WEEKLY_MONDAY_10, LAST_WEEK));
        }
        long pendingAlready = rig.deliveries
                .createIfAbsent(channel(1), MONDAY_SLOT)
                .orElseThrow()
                .id();
        long sentAlready = rig.deliveries
                .createIfAbsent(channel(5), MONDAY_SLOT)
                .orElseThrow()
                .id();
        rig.deliveries.markSent(sentAlready, MONDAY_SLOT.plusSeconds(3), NudgeSent.Kind.TIP);
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        NudgeDispatcher dispatcher = rig.dispatcherOver(counting(rig.deliveries, calls, false));
        List<List<NudgeDelivery>> batches = new ArrayList<>();

        dispatcher.plan(rig.clock.instant(), 3, batches::add);

        List<ChannelRef> planned = List.of(channel(0), channel(2), channel(3), channel(4), channel(6));
        assertThat(batches.stream().flatMap(List::stream).map(NudgeDelivery::channel))
                .as("in the planner's order: the store's, tenants taking turns")
                .containsExactlyElementsOf(NudgeDispatcher.tenantsTakingTurns(rig.channels.all()).stream()
                        .map(ChannelState::channel)
                        .filter(planned::contains)
                        .toList());
        assertThat(calls.get("findAll")).as("one per batch of 3 channels").hasValue(3);
        assertThat(calls.get("createAllIfAbsent")).hasValue(3);
        assertThat(calls.get("find"))
                .as("channel by channel only for the two with a delivery for the slot")
                .hasValue(2);
        assertThat(calls).doesNotContainKey("createIfAbsent");
        assertThat(rig.channels.find(channel(5)).orElseThrow().lastDelivery())
                .as("the sent one's channel, which missed it, is repaired as before")
                .contains(MONDAY_SLOT.plusSeconds(3));
        assertThat(rig.deliveries.find(pendingAlready).orElseThrow().status()).isEqualTo(NudgeDelivery.Status.PENDING);
    }

    @Test
    void whenTheBatchLookupFailsEachChannelIsPlannedAlone() {
        Rig rig = new Rig(MONDAY_SLOT.plusSeconds(20), Rig::sent);
        for (int n = 0; n < 4; n++) {
            rig.channels.save(nudgedAt(channel(n), WEEKLY_MONDAY_10, LAST_WEEK));
        }
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        NudgeDispatcher dispatcher = rig.dispatcherOver(counting(rig.deliveries, calls, true));

        List<NudgeDelivery> planned = dispatcher.plan(rig.clock.instant());

        assertThat(planned).extracting(NudgeDelivery::channel).hasSize(4).doesNotHaveDuplicates();
        assertThat(calls.get("createIfAbsent")).hasValue(4);
    }

    /** The store, each call counted by method name; {@code findAll} throws when {@code failBatches}. */
    private static DeliveryStore counting(DeliveryStore store, Map<String, AtomicInteger> calls, boolean failBatches) {
        return (DeliveryStore) Proxy.newProxyInstance(
                DeliveryStore.class.getClassLoader(), new Class<?>[] {DeliveryStore.class}, (proxy, method, args) -> {
                    calls.computeIfAbsent(method.getName(), name -> new AtomicInteger())
                            .incrementAndGet();
                    if (failBatches && method.getName().equals("findAll")) {
                        throw new IllegalStateException("the batch query failed");
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void plansNothingBeforeTheSlotNorForPausedOrSwitchedOffChannels() {
        Rig rig = new Rig(MONDAY_SLOT.minusSeconds(1), Rig::sent);
        rig.channels.save(nudgedAt(GENERAL, WEEKLY_MONDAY_10, LAST_WEEK));
        rig.channels.save(nudgedAt(channel(1), WEEKLY_MONDAY_10, LAST_WEEK).paused("bot removed"));
        rig.channels.save(nudgedAt(channel(2), WEEKLY_MONDAY_10.withFrequency(Frequency.OFF), LAST_WEEK));

        assertThat(rig.dispatcher.plan(MONDAY_SLOT.minusSeconds(1))).isEmpty();
        assertThat(rig.dispatcher.plan(MONDAY_SLOT))
                .extracting(NudgeDelivery::channel)
                .containsExactly(GENERAL);
    }

    @Test
    void sendsTheNudgeUpdatesTheChannelAndRecordsIt() {
        Rig rig = new Rig(MONDAY_SLOT.plusSeconds(20), Rig::sent);
        rig.channels.save(nudgedAt(GENERAL, WEEKLY_MONDAY_10.withContent(NudgeContent.ALTERNATE), LAST_WEEK));
        NudgeDelivery delivery = rig.dispatcher.plan(rig.clock.instant()).get(0);

        DeliveryResult result = rig.dispatcher.deliver(delivery.id());

        Instant now = rig.clock.instant();
        assertThat(result).isEqualTo(new DeliveryResult.Done());
        assertThat(rig.messenger.calls).singleElement().satisfies(call -> {
            assertThat(call.channel()).isEqualTo(GENERAL);
            assertThat(call.reply().fallbackText()).startsWith("quiz for");
        });
        assertThat(rig.deliveries.find(delivery.id())).get().satisfies(d -> {
            assertThat(d.status()).isEqualTo(NudgeDelivery.Status.SENT);
            assertThat(d.sentAt()).contains(now);
            assertThat(d.kind()).contains(NudgeSent.Kind.QUIZ);
        });
        assertThat(rig.channels.find(GENERAL)).get().satisfies(c -> {
            assertThat(c.lastDelivery()).contains(now);
            assertThat(c.lastKind()).contains(NudgeSent.Kind.QUIZ);
        });
        assertThat(rig.activity.nudges(Instant.EPOCH, Instant.MAX))
                .containsExactly(new NudgeSent(now, GENERAL, NudgeSent.Kind.QUIZ));
        assertThat(rig.dispatcher.plan(now.plusSeconds(60))).isEmpty();
    }

    @Test
    void deliveringAnAlreadySentDeliveryAgainSendsNothing() {
        Rig rig = new Rig(MONDAY_SLOT.plusSeconds(20), Rig::sent);
        rig.channels.save(nudgedAt(GENERAL, WEEKLY_MONDAY_10, LAST_WEEK));
        NudgeDelivery delivery = rig.dispatcher.plan(rig.clock.instant()).get(0);
        rig.dispatcher.deliver(delivery.id());

        DeliveryResult again = rig.dispatcher.deliver(delivery.id());

        assertThat(again).isEqualTo(new DeliveryResult.Done());
        assertThat(rig.messenger.calls).hasSize(1);
        assertThat(rig.activity.nudges(Instant.EPOCH, Instant.MAX)).hasSize(1);
    }

    @Test
    void anUnknownDeliveryIsGivenUp() {
        Rig rig = new Rig(MONDAY_SLOT, Rig::sent);

        assertThat(rig.dispatcher.deliver(42)).isInstanceOf(DeliveryResult.GaveUp.class);
        assertThat(rig.messenger.calls).isEmpty();
    }

    @Test
    void catchesUpOnceAfterDowntimeThenFollowsTheSchedule() {
        Instant threeWeeksAgo = MONDAY_SLOT.minus(Duration.ofDays(21)).plusSeconds(5);
        Instant now = MONDAY_SLOT.plus(Duration.ofHours(2));
        Rig rig = new Rig(now, Rig::sent);
        rig.channels.save(nudgedAt(GENERAL, WEEKLY_MONDAY_10, threeWeeksAgo));

        List<NudgeDelivery> planned = rig.dispatcher.plan(now);
        assertThat(rig.dispatcher.plan(now.plusSeconds(30))).isEmpty();
        assertThat(rig.dispatcher.plan(now.plus(Duration.ofMinutes(10)))).isEmpty();

        assertThat(planned)
                .singleElement()
                .satisfies(d -> assertThat(d.due()).isEqualTo(MONDAY_SLOT.minus(Duration.ofDays(14))));
        assertThat(rig.dispatcher.deliver(planned.get(0).id())).isEqualTo(new DeliveryResult.Done());
        assertThat(rig.dispatcher.plan(now.plus(Duration.ofHours(1)))).isEmpty();
        assertThat(rig.dispatcher.plan(MONDAY_SLOT.plus(Duration.ofDays(7)).minusSeconds(1)))
                .isEmpty();
        assertThat(rig.dispatcher.plan(MONDAY_SLOT.plus(Duration.ofDays(7))))
                .singleElement()
                .satisfies(d -> assertThat(d.due()).isEqualTo(MONDAY_SLOT.plus(Duration.ofDays(7))));
        assertThat(rig.messenger.calls).hasSize(1);
    }

    @Test
    void aNeverNudgedChannelGetsItsFirstSlotOnlyWithinTheGrace() {
        Rig rig = new Rig(MONDAY_SLOT, Rig::sent);
        ChannelRef late = channel(1);
        rig.channels.save(ChannelState.of(GENERAL, "general", WEEKLY_MONDAY_10));

        assertThat(rig.dispatcher.plan(MONDAY_SLOT.minusSeconds(30))).isEmpty();
        assertThat(rig.dispatcher.plan(MONDAY_SLOT.plusSeconds(30)))
                .singleElement()
                .satisfies(d -> assertThat(d.due()).isEqualTo(MONDAY_SLOT));
        assertThat(rig.dispatcher.plan(MONDAY_SLOT.plus(Duration.ofMinutes(4)))).isEmpty();

        // Configured well after today's slot: the first nudge is next week's.
        rig.channels.save(ChannelState.of(late, "late", WEEKLY_MONDAY_10));
        assertThat(rig.dispatcher.plan(MONDAY_SLOT.plus(Duration.ofHours(3)))).isEmpty();
        assertThat(rig.dispatcher.plan(MONDAY_SLOT.plus(Duration.ofDays(7))))
                .extracting(NudgeDelivery::channel)
                .contains(late);
    }

    @Test
    void aPermanentFailurePausesTheChannelWithTheReason() {
        Rig rig = new Rig(MONDAY_SLOT.plusSeconds(20), channel -> new SendOutcome.Permanent("not_in_channel"));
        rig.channels.save(nudgedAt(GENERAL, WEEKLY_MONDAY_10, LAST_WEEK));
        NudgeDelivery delivery = rig.dispatcher.plan(rig.clock.instant()).get(0);

        DeliveryResult result = rig.dispatcher.deliver(delivery.id());

        assertThat(result).isEqualTo(new DeliveryResult.GaveUp("not_in_channel"));
        assertThat(rig.channels.find(GENERAL)).get().satisfies(c -> {
            assertThat(c.status()).isEqualTo(ChannelState.Status.PAUSED);
            assertThat(c.pauseReason()).isEqualTo("not_in_channel");
            assertThat(c.lastDelivery()).contains(LAST_WEEK);
        });
        assertThat(rig.deliveries.find(delivery.id())).get().satisfies(d -> {
            assertThat(d.status()).isEqualTo(NudgeDelivery.Status.SKIPPED);
            assertThat(d.lastError()).isEqualTo("not_in_channel");
        });
        assertThat(rig.deliveries.problems(Instant.EPOCH))
                .extracting(NudgeDelivery::id)
                .containsExactly(delivery.id());
        assertThat(rig.dispatcher.plan(rig.clock.instant().plus(Duration.ofDays(7))))
                .isEmpty();
        assertThat(rig.activity.nudges(Instant.EPOCH, Instant.MAX)).isEmpty();
    }

    @Test
    void resumingAfterAPermanentFailureCatchesUpOnce() {
        Rig rig = new Rig(MONDAY_SLOT.plusSeconds(20), channel -> new SendOutcome.Permanent("archived"));
        rig.channels.save(nudgedAt(GENERAL, WEEKLY_MONDAY_10, LAST_WEEK));
        rig.dispatcher.deliver(rig.dispatcher.plan(rig.clock.instant()).get(0).id());
        rig.messenger.script = Rig::sent;

        rig.channels.save(rig.channels.find(GENERAL).orElseThrow().resumed());
        Instant weeksLater = MONDAY_SLOT.plus(Duration.ofDays(15));

        assertThat(rig.dispatcher.plan(weeksLater))
                .singleElement()
                .satisfies(d -> assertThat(d.due()).isEqualTo(MONDAY_SLOT.plus(Duration.ofDays(7))));
        assertThat(rig.dispatcher.plan(weeksLater.plusSeconds(30))).isEmpty();
    }

    @Test
    void aPausedOrRemovedChannelSkipsItsPendingDelivery() {
        Rig rig = new Rig(MONDAY_SLOT.plusSeconds(20), Rig::sent);
        rig.channels.save(nudgedAt(GENERAL, WEEKLY_MONDAY_10, LAST_WEEK));
        rig.channels.save(nudgedAt(channel(1), WEEKLY_MONDAY_10, LAST_WEEK));
        List<NudgeDelivery> planned = rig.dispatcher.plan(rig.clock.instant());
        rig.channels.save(rig.channels.find(GENERAL).orElseThrow().paused("admin"));
        rig.channels.remove(channel(1));

        for (NudgeDelivery delivery : planned) {
            assertThat(rig.dispatcher.deliver(delivery.id())).isEqualTo(new DeliveryResult.Done());
        }

        assertThat(rig.messenger.calls).isEmpty();
        assertThat(rig.deliveries.all())
                .extracting(NudgeDelivery::status, NudgeDelivery::lastError)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(NudgeDelivery.Status.SKIPPED, "channel paused: admin"),
                        org.assertj.core.groups.Tuple.tuple(NudgeDelivery.Status.SKIPPED, "channel removed"));
    }

    @Test
    void aRateLimitWaitsTheRetryAfterWithoutUsingAnAttempt() {
        Rig rig = new Rig(MONDAY_SLOT.plusSeconds(20), channel -> new SendOutcome.RateLimited(Duration.ofSeconds(12)));
        rig.channels.save(nudgedAt(GENERAL, WEEKLY_MONDAY_10, LAST_WEEK));
        NudgeDelivery delivery = rig.dispatcher.plan(rig.clock.instant()).get(0);

        DeliveryResult result = rig.dispatcher.deliver(delivery.id());

        assertThat(result)
                .isEqualTo(new DeliveryResult.RetryAt(rig.clock.instant().plusSeconds(12)));
        assertThat(rig.deliveries.find(delivery.id())).get().satisfies(d -> {
            assertThat(d.status()).isEqualTo(NudgeDelivery.Status.PENDING);
            assertThat(d.attempts()).isZero();
            assertThat(d.rateLimited()).isEqualTo(1);
        });
    }

    @Test
    void aRateLimitWithoutRetryAfterWaitsTheFloor() {
        Rig rig = new Rig(MONDAY_SLOT.plusSeconds(20), channel -> new SendOutcome.RateLimited(Duration.ZERO));
        rig.channels.save(nudgedAt(GENERAL, WEEKLY_MONDAY_10, LAST_WEEK));
        NudgeDelivery delivery = rig.dispatcher.plan(rig.clock.instant()).get(0);

        assertThat(rig.dispatcher.deliver(delivery.id()))
                .isEqualTo(new DeliveryResult.RetryAt(rig.clock.instant().plusSeconds(1)));
    }

    @Test
    void rateLimitsBeyondTheCapCountAsFailures() {
        // Policy of the rig: 3 free 429s, then each costs one of 4 attempts.
        Rig rig = new Rig(MONDAY_SLOT.plusSeconds(20), channel -> new SendOutcome.RateLimited(Duration.ofSeconds(2)));
        rig.channels.save(nudgedAt(GENERAL, WEEKLY_MONDAY_10, LAST_WEEK));
        long id = rig.dispatcher.plan(rig.clock.instant()).get(0).id();

        DeliveryResult result = runToCompletion(rig, id);

        assertThat(result).isInstanceOf(DeliveryResult.GaveUp.class);
        assertThat(rig.messenger.calls).hasSize(3 + 4);
        assertThat(rig.deliveries.find(id)).get().satisfies(d -> {
            assertThat(d.status()).isEqualTo(NudgeDelivery.Status.FAILED);
            assertThat(d.attempts()).isEqualTo(4);
        });
    }

    @Test
    void transientFailuresBackOffThenFail() {
        Rig rig = new Rig(MONDAY_SLOT.plusSeconds(20), channel -> new SendOutcome.Transient("HTTP 503"));
        rig.channels.save(nudgedAt(GENERAL, WEEKLY_MONDAY_10, LAST_WEEK));
        long id = rig.dispatcher.plan(rig.clock.instant()).get(0).id();

        Instant start = rig.clock.instant();
        DeliveryResult first = rig.dispatcher.deliver(id);
        assertThat(first).isEqualTo(new DeliveryResult.RetryAt(start.plusSeconds(30)));
        rig.clock.set(start.plusSeconds(30));
        assertThat(rig.dispatcher.deliver(id)).isEqualTo(new DeliveryResult.RetryAt(start.plusSeconds(30 + 60)));
        rig.clock.set(start.plusSeconds(90));
        assertThat(rig.dispatcher.deliver(id)).isEqualTo(new DeliveryResult.RetryAt(start.plusSeconds(90 + 120)));
        rig.clock.set(start.plusSeconds(210));
        assertThat(rig.dispatcher.deliver(id)).isEqualTo(new DeliveryResult.GaveUp("HTTP 503"));

        assertThat(rig.deliveries.find(id)).get().satisfies(d -> {
            assertThat(d.status()).isEqualTo(NudgeDelivery.Status.FAILED);
            assertThat(d.attempts()).isEqualTo(4);
            assertThat(d.lastError()).isEqualTo("HTTP 503");
        });
        assertThat(rig.channels.find(GENERAL))
                .get()
                .satisfies(c -> assertThat(c.status()).isEqualTo(ChannelState.Status.ACTIVE));
    }

    @Test
    void anUnconfirmedSendCountsAsSentAndIsNeverSentAgain() {
        Rig rig = new Rig(
                MONDAY_SLOT.plusSeconds(20),
                channel -> new SendOutcome.Unconfirmed("timeout after the request was sent"));
        rig.channels.save(nudgedAt(GENERAL, WEEKLY_MONDAY_10, LAST_WEEK));
        long id = rig.dispatcher.plan(rig.clock.instant()).get(0).id();

        DeliveryResult result = rig.dispatcher.deliver(id);

        Instant now = rig.clock.instant();
        assertThat(result).isEqualTo(new DeliveryResult.Done());
        assertThat(rig.deliveries.find(id)).get().satisfies(d -> {
            assertThat(d.status()).isEqualTo(NudgeDelivery.Status.SENT);
            assertThat(d.attempts()).isZero();
        });
        assertThat(rig.channels.find(GENERAL))
                .get()
                .satisfies(c -> assertThat(c.lastDelivery()).contains(now));
        assertThat(rig.activity.nudges(Instant.EPOCH, Instant.MAX)).hasSize(1);
        assertThat(rig.dispatcher.deliver(id)).isEqualTo(new DeliveryResult.Done());
        assertThat(rig.dispatcher.plan(now.plusSeconds(60))).isEmpty();
        assertThat(rig.messenger.calls).as("one request, never repeated").hasSize(1);
    }

    @Test
    void aMessageThePlatformTookIsRecordedOnceTheStoreIsBackNotSentAgain() {
        Rig rig = new Rig(MONDAY_SLOT.plusSeconds(20), Rig::sent);
        rig.channels.save(nudgedAt(GENERAL, WEEKLY_MONDAY_10, LAST_WEEK));
        long id = rig.dispatcher.plan(rig.clock.instant()).get(0).id();
        rig.failingMarkSents.set(3);

        DeliveryResult result = rig.dispatcher.deliver(id);

        assertThat(result).isEqualTo(new DeliveryResult.Done());
        assertThat(rig.slept).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(rig.deliveries.find(id))
                .get()
                .satisfies(d -> assertThat(d.status()).isEqualTo(NudgeDelivery.Status.SENT));
        assertThat(rig.channels.find(GENERAL))
                .get()
                .satisfies(c -> assertThat(c.lastDelivery())
                        .contains(rig.clock.instant().minus(Duration.ofMillis(1_750))));
        assertThat(rig.activity.nudges(Instant.EPOCH, Instant.MAX)).hasSize(1);
        assertThat(rig.messenger.calls).hasSize(1);
    }

    @Test
    void aStoreDownForLongerThanThePatienceLeavesTheDeliveryPendingAndTheErrorToTheCaller() {
        Rig rig = new Rig(MONDAY_SLOT.plusSeconds(20), Rig::sent);
        rig.channels.save(nudgedAt(GENERAL, WEEKLY_MONDAY_10, LAST_WEEK));
        long id = rig.dispatcher.plan(rig.clock.instant()).get(0).id();
        rig.failingMarkSents.set(Integer.MAX_VALUE);
        Instant start = rig.clock.instant();

        assertThatThrownBy(() -> rig.dispatcher.deliver(id)).hasMessageContaining("JDBC");

        Duration waited = Duration.between(start, rig.clock.instant());
        assertThat(waited)
                .isLessThanOrEqualTo(NudgeDispatcher.RECORD_PATIENCE)
                .isGreaterThan(NudgeDispatcher.RECORD_PATIENCE.minusSeconds(6));
        assertThat(rig.slept).allSatisfy(pause -> assertThat(pause).isLessThanOrEqualTo(Duration.ofSeconds(5)));
        assertThat(rig.deliveries.find(id))
                .get()
                .satisfies(d -> assertThat(d.status()).isEqualTo(NudgeDelivery.Status.PENDING));
        assertThat(rig.messenger.calls).hasSize(1);
    }

    @Test
    void aFailedPeriodDoesNotBlockTheNextOne() {
        Rig rig = new Rig(MONDAY_SLOT.plusSeconds(20), channel -> new SendOutcome.Transient("down"));
        rig.channels.save(nudgedAt(GENERAL, WEEKLY_MONDAY_10, LAST_WEEK));
        long id = rig.dispatcher.plan(rig.clock.instant()).get(0).id();
        runToCompletion(rig, id);
        rig.messenger.script = Rig::sent;

        assertThat(rig.dispatcher.plan(rig.clock.instant().plusSeconds(30))).isEmpty();
        List<NudgeDelivery> nextWeek = rig.dispatcher.plan(MONDAY_SLOT.plus(Duration.ofDays(7)));

        assertThat(nextWeek)
                .singleElement()
                .satisfies(d -> assertThat(d.due()).isEqualTo(MONDAY_SLOT.plus(Duration.ofDays(7))));
    }

    @Test
    void aThrowingMessengerCountsAsATransientFailure() {
        AtomicInteger calls = new AtomicInteger();
        Rig rig = new Rig(MONDAY_SLOT.plusSeconds(20), channel -> {
            if (calls.getAndIncrement() == 0) {
                throw new IllegalStateException("socket closed");
            }
            return new SendOutcome.Sent();
        });
        rig.channels.save(nudgedAt(GENERAL, WEEKLY_MONDAY_10, LAST_WEEK));
        long id = rig.dispatcher.plan(rig.clock.instant()).get(0).id();

        assertThat(rig.dispatcher.deliver(id)).isInstanceOf(DeliveryResult.RetryAt.class);
        assertThat(rig.deliveries.find(id))
                .get()
                .satisfies(d -> assertThat(d.lastError()).contains("socket closed"));
        assertThat(runToCompletion(rig, id)).isEqualTo(new DeliveryResult.Done());
        assertThat(rig.activity.nudges(Instant.EPOCH, Instant.MAX)).hasSize(1);
    }

    @Test
    void aPendingDeliveryInRetryIsNotPlannedAgain() {
        Rig rig = new Rig(MONDAY_SLOT.plusSeconds(20), channel -> new SendOutcome.Transient("timeout"));
        rig.channels.save(nudgedAt(GENERAL, WEEKLY_MONDAY_10, LAST_WEEK));
        long id = rig.dispatcher.plan(rig.clock.instant()).get(0).id();
        rig.dispatcher.deliver(id);

        assertThat(rig.dispatcher.plan(rig.clock.instant().plus(Duration.ofMinutes(1))))
                .isEmpty();
        assertThat(rig.deliveries.pending(10)).extracting(NudgeDelivery::id).containsExactly(id);
    }

    @Test
    void aSentDeliveryWhoseChannelWasNotUpdatedIsRepairedByPlanning() {
        Rig rig = new Rig(MONDAY_SLOT.plusSeconds(20), Rig::sent);
        ChannelState before = nudgedAt(GENERAL, WEEKLY_MONDAY_10, LAST_WEEK);
        rig.channels.save(before);
        long id = rig.dispatcher.plan(rig.clock.instant()).get(0).id();
        rig.dispatcher.deliver(id);
        Instant sentAt = rig.deliveries.find(id).orElseThrow().sentAt().orElseThrow();
        rig.channels.save(before); // as if the process died after recording the delivery as sent

        assertThat(rig.dispatcher.plan(rig.clock.instant().plusSeconds(30))).isEmpty();
        assertThat(rig.channels.find(GENERAL).orElseThrow().lastDelivery()).contains(sentAt);
    }

    @Test
    void anotherDeliveryForAPeriodAlreadyNudgedIsSkipped() {
        Rig rig = new Rig(MONDAY_SLOT.plusSeconds(20), Rig::sent);
        rig.channels.save(nudgedAt(GENERAL, WEEKLY_MONDAY_10, LAST_WEEK));
        long first = rig.dispatcher.plan(rig.clock.instant()).get(0).id();
        // The administrator moves the time while the first delivery is pending: a second slot opens.
        rig.channels.save(rig.channels
                .find(GENERAL)
                .orElseThrow()
                .withSettings(WEEKLY_MONDAY_10.withTime(java.time.LocalTime.of(9, 0))));
        List<NudgeDelivery> second = rig.dispatcher.plan(rig.clock.instant());
        assertThat(second).hasSize(1);

        rig.dispatcher.deliver(first);
        rig.dispatcher.deliver(second.get(0).id());

        assertThat(rig.messenger.calls).hasSize(1);
        assertThat(rig.deliveries.find(second.get(0).id()))
                .get()
                .satisfies(d -> assertThat(d.status()).isEqualTo(NudgeDelivery.Status.SKIPPED));
    }

    @Test
    void waitsForTheLimiterWhenTheWaitIsShortAndComesBackLaterWhenItIsLong() {
        NudgeDispatcher.Settings settings =
                new NudgeDispatcher.Settings(RetryPolicy.DEFAULT, Duration.ofSeconds(2), Duration.ofMinutes(5));
        Rig rig = new Rig(
                MONDAY_SLOT.plusSeconds(20), Rig::sent, settings, new OutboundLimiter(1, 1, Duration.ofMillis(1100)));
        ChannelRef a = new ChannelRef(com.charterbot.core.values.Platform.SLACK, "T1", "A");
        ChannelRef b = new ChannelRef(com.charterbot.core.values.Platform.SLACK, "T1", "B");
        ChannelRef c = new ChannelRef(com.charterbot.core.values.Platform.SLACK, "T1", "C");
        ChannelRef d = new ChannelRef(com.charterbot.core.values.Platform.SLACK, "T1", "D");
        for (ChannelRef ref : List.of(a, b, c, d)) {
            rig.channels.save(nudgedAt(ref, WEEKLY_MONDAY_10, LAST_WEEK));
        }
        List<NudgeDelivery> planned = rig.dispatcher.plan(rig.clock.instant());
        Instant start = rig.clock.instant();
        // Freeze the clock's movement by the sleeper to see the limiter alone: all four at the same instant.
        List<DeliveryResult> results = planned.stream()
                .map(p -> {
                    rig.clock.set(start);
                    return rig.dispatcher.deliver(p.id());
                })
                .toList();

        assertThat(results)
                .containsExactly(
                        new DeliveryResult.Done(),
                        new DeliveryResult.Done(),
                        new DeliveryResult.Done(),
                        new DeliveryResult.RetryAt(start.plusSeconds(3)));
        assertThat(rig.slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(rig.messenger.calls).hasSize(3);
    }

    @Test
    void deliversExactlyOneNudgePerChannelThroughFaultsOnceRetriesRunToCompletion() {
        int channelCount = 300;
        java.util.SplittableRandom faults = new java.util.SplittableRandom(2024);
        Rig rig = new Rig(
                MONDAY_SLOT.minusSeconds(60),
                channel -> {
                    double draw;
                    synchronized (faults) {
                        draw = faults.nextDouble();
                    }
                    if (draw < 0.05) {
                        return new SendOutcome.RateLimited(Duration.ofSeconds(1 + (long) (draw * 100)));
                    }
                    if (draw < 0.10) {
                        return new SendOutcome.Transient("HTTP 502");
                    }
                    if (draw < 0.11) {
                        return new SendOutcome.Transient("timeout");
                    }
                    return new SendOutcome.Sent();
                },
                new NudgeDispatcher.Settings(RetryPolicy.DEFAULT, Duration.ofSeconds(2), Duration.ofMinutes(5)),
                OutboundLimiter.perSecond(20, Duration.ofMillis(1100)));
        for (int n = 0; n < channelCount; n++) {
            rig.channels.save(nudgedAt(channel(n), WEEKLY_MONDAY_10, LAST_WEEK));
        }

        // A planner every 30 s and a queue of deliveries by time, as the scheduler runs them.
        java.util.PriorityQueue<long[]> queue = new java.util.PriorityQueue<>(
                java.util.Comparator.comparingLong((long[] e) -> e[0]).thenComparingLong(e -> e[1]));
        Instant nextPlan = rig.clock.instant();
        Instant end = MONDAY_SLOT.plus(Duration.ofHours(3));
        while (rig.clock.instant().isBefore(end)) {
            Instant dueNext = queue.isEmpty() ? Instant.MAX : Instant.ofEpochMilli(queue.peek()[0]);
            if (!nextPlan.isAfter(dueNext)) {
                rig.clock.set(later(rig.clock.instant(), nextPlan));
                for (NudgeDelivery planned : rig.dispatcher.plan(rig.clock.instant())) {
                    queue.add(new long[] {rig.clock.instant().toEpochMilli(), planned.id()});
                }
                nextPlan = nextPlan.plusSeconds(30);
                continue;
            }
            long[] entry = queue.poll();
            rig.clock.set(later(rig.clock.instant(), Instant.ofEpochMilli(entry[0])));
            DeliveryResult result = rig.dispatcher.deliver(entry[1]);
            if (result instanceof DeliveryResult.RetryAt retry) {
                queue.add(new long[] {retry.at().toEpochMilli(), entry[1]});
            } else {
                assertThat(result).isEqualTo(new DeliveryResult.Done());
            }
        }

        assertThat(queue).isEmpty();
        assertThat(rig.deliveries.all())
                .hasSize(channelCount)
                .allSatisfy(d -> assertThat(d.status()).isEqualTo(NudgeDelivery.Status.SENT));
        for (int n = 0; n < channelCount; n++) {
            assertThat(rig.messenger.sent(channel(n)))
                    .as("nudges sent to channel %d", n)
                    .isEqualTo(1);
        }
        assertThat(rig.activity.nudges(Instant.EPOCH, Instant.MAX)).hasSize(channelCount);
        assertThat(rig.messenger.calls.stream()
                        .filter(c -> !(c.outcome() instanceof SendOutcome.Sent))
                        .count())
                .as("faults injected")
                .isGreaterThan(10);
        assertThat(rig.deliveries.all())
                .anySatisfy(d -> assertThat(d.rateLimited()).isPositive())
                .anySatisfy(d -> assertThat(d.attempts()).isPositive());
    }

    @Test
    void aLongQueueBehindTheBudgetComesBackSpreadOutNotAllAtOnce() {
        int channelCount = 200;
        Rig rig = new Rig(
                MONDAY_SLOT.plusSeconds(20),
                Rig::sent,
                new NudgeDispatcher.Settings(RetryPolicy.DEFAULT, Duration.ofSeconds(2), Duration.ofMinutes(5)),
                OutboundLimiter.perSecond(5, Duration.ZERO));
        for (int n = 0; n < channelCount; n++) {
            rig.channels.save(nudgedAt(
                    new ChannelRef(com.charterbot.core.values.Platform.SLACK, "T1", "C" + n),
                    WEEKLY_MONDAY_10,
                    LAST_WEEK));
        }
        // Every delivery due at once, as after a planner run, each on a thread of its own; each comes back at its
        // RetryAt.
        java.util.PriorityQueue<long[]> queue = new java.util.PriorityQueue<>(
                java.util.Comparator.comparingLong((long[] e) -> e[0]).thenComparingLong(e -> e[1]));
        Instant start = rig.clock.instant();
        rig.dispatcher.plan(start).forEach(planned -> queue.add(new long[] {start.toEpochMilli(), planned.id()}));
        List<Instant> sentAt = new java.util.ArrayList<>();
        int attempts = 0;
        while (!queue.isEmpty()) {
            long[] entry = queue.poll();
            // Each delivery starts at its own instant, as on a thread of its own: the sleeper's waits don't add up.
            rig.clock.set(Instant.ofEpochMilli(entry[0]));
            int before = rig.messenger.calls.size();
            DeliveryResult result = rig.dispatcher.deliver(entry[1]);
            attempts++;
            if (rig.messenger.calls.size() > before) {
                sentAt.add(rig.clock.instant());
            }
            if (result instanceof DeliveryResult.RetryAt retry) {
                queue.add(new long[] {retry.at().toEpochMilli(), entry[1]});
            }
        }

        sentAt.sort(null);
        assertThat(sentAt).hasSize(channelCount);
        // All turned away at once and back at once, they would take about 9 attempts each here.
        assertThat(attempts).as("deliver calls for %d deliveries", channelCount).isLessThanOrEqualTo(2 * channelCount);
        Duration took = Duration.between(start, sentAt.get(sentAt.size() - 1));
        assertThat(took).as("the budget is used, not wasted").isLessThan(Duration.ofSeconds(channelCount / 5 + 5));
        for (int i = 10; i < sentAt.size(); i++) {
            // 5 a second with a burst of 5: any 11 sends span at least 5 intervals of 200 ms past the burst.
            assertThat(Duration.between(sentAt.get(i - 10), sentAt.get(i)))
                    .as("the budget is never exceeded")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    /** Delivers again at each RetryAt until the delivery is done or given up. */
    static DeliveryResult runToCompletion(Rig rig, long id) {
        DeliveryResult result = rig.dispatcher.deliver(id);
        for (int i = 0; i < 100 && result instanceof DeliveryResult.RetryAt retry; i++) {
            rig.clock.set(later(rig.clock.instant(), retry.at()));
            result = rig.dispatcher.deliver(id);
        }
        return result;
    }

    static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
