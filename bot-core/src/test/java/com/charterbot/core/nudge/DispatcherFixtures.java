package com.charterbot.core.nudge;

import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.memory.InMemoryActivityLog;
import com.charterbot.core.memory.InMemoryChannelStore;
import com.charterbot.core.memory.InMemoryDeliveryStore;
import com.charterbot.core.quiz.RunChannelQuiz;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.testing.MovableClock;
import com.charterbot.core.tip.ShowTip;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Channels, a hand-moved clock and a dispatcher over in-memory stores, for the nudge dispatcher tests. */
final class DispatcherFixtures {

    /** Monday 2024-03-04 10:00 UTC: the slot of {@link #WEEKLY_MONDAY_10}. */
    static final Instant MONDAY_SLOT = Instant.parse("2024-03-04T10:00:00Z");

    static final NudgeSettings WEEKLY_MONDAY_10 = new NudgeSettings(
            Frequency.WEEKLY, DayOfWeek.MONDAY, 1, LocalTime.of(10, 0), ZoneOffset.UTC, Language.EN, NudgeContent.TIPS);

    private DispatcherFixtures() {}

    static ChannelRef channel(int n) {
        return new ChannelRef(n % 2 == 0 ? Platform.SLACK : Platform.TEAMS, "tenant-" + (n % 3), "C" + n);
    }

    /** An active channel last nudged at this instant. */
    static ChannelState nudgedAt(ChannelRef channel, NudgeSettings settings, Instant last) {
        return ChannelState.of(channel, "name", settings)
                .delivered(last, com.charterbot.core.activity.NudgeSent.Kind.TIP);
    }

    static Reply text(String text) {
        return Reply.of(Language.EN, Reply.Delivery.CONVERSATION, List.of(new Block.Text(text)));
    }

    /** A tip source that numbers its tips; and a quiz source with or without questions. */
    static ShowTip tips() {
        int[] shown = {0};
        return (channel, language, delivery) -> {
            synchronized (shown) {
                return text("tip " + ++shown[0] + " for " + channel.channelId());
            }
        };
    }

    static RunChannelQuiz quizzes(boolean hasQuestions) {
        return new RunChannelQuiz() {
            @Override
            public Optional<Reply> post(ChannelRef channel, Language language) {
                return hasQuestions ? Optional.of(text("quiz for " + channel.channelId())) : Optional.empty();
            }

            @Override
            public List<Reply> answer(UserRef user, ChannelRef channel, String value, Language language) {
                return List.of();
            }

            @Override
            public Reply view(UserRef user, ChannelRef channel, String quizId, Language language) {
                throw new UnsupportedOperationException("nudges never show a quiz to one person");
            }
        };
    }

    /** One call to the messenger. */
    record Call(ChannelRef channel, Reply reply, SendOutcome outcome) {}

    /** A messenger that answers what a function says and remembers every call. */
    static final class ScriptedMessenger implements ChannelMessenger {
        final List<Call> calls = new CopyOnWriteArrayList<>();
        volatile Function<ChannelState, SendOutcome> script;

        ScriptedMessenger(Function<ChannelState, SendOutcome> script) {
            this.script = script;
        }

        @Override
        public SendOutcome send(ChannelState channel, Reply reply) {
            SendOutcome outcome = script.apply(channel);
            calls.add(new Call(channel.channel(), reply, outcome));
            return outcome;
        }

        long sent(ChannelRef channel) {
            return calls.stream()
                    .filter(c -> c.channel().equals(channel) && c.outcome() instanceof SendOutcome.Sent)
                    .count();
        }
    }

    /** In-memory deliveries whose {@code markSent} throws while the counter is above zero. */
    record CutOffDeliveries(InMemoryDeliveryStore store, AtomicInteger failingMarkSents) implements DeliveryStore {
        @Override
        public boolean markSent(long id, Instant at, NudgeSent.Kind kind) {
            if (failingMarkSents.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("Failed to obtain JDBC Connection");
            }
            return store.markSent(id, at, kind);
        }

        @Override
        public Optional<NudgeDelivery> createIfAbsent(ChannelRef channel, Instant due) {
            return store.createIfAbsent(channel, due);
        }

        @Override
        public Optional<NudgeDelivery> find(long id) {
            return store.find(id);
        }

        @Override
        public Optional<NudgeDelivery> find(ChannelRef channel, Instant due) {
            return store.find(channel, due);
        }

        @Override
        public List<NudgeDelivery> pending(int limit) {
            return store.pending(limit);
        }

        @Override
        public boolean markRetry(long id, int attempts, int rateLimited, String error) {
            return store.markRetry(id, attempts, rateLimited, error);
        }

        @Override
        public boolean markFailed(long id, int attempts, String error) {
            return store.markFailed(id, attempts, error);
        }

        @Override
        public boolean markSkipped(long id, String reason) {
            return store.markSkipped(id, reason);
        }

        @Override
        public List<NudgeDelivery> problems(Instant since) {
            return store.problems(since);
        }

        @Override
        public int purgeBefore(Instant cutoff) {
            return store.purgeBefore(cutoff);
        }
    }

    /** A dispatcher over in-memory stores, the clock and the messenger; its sleeper moves the clock. */
    static final class Rig {
        final MovableClock clock;
        final InMemoryChannelStore channels = new InMemoryChannelStore();
        final InMemoryDeliveryStore deliveries = new InMemoryDeliveryStore();
        /** How many of the next {@code markSent} calls fail as a database cut off would. */
        final AtomicInteger failingMarkSents = new AtomicInteger();

        final InMemoryActivityLog activity = new InMemoryActivityLog();
        final ScriptedMessenger messenger;
        final List<Duration> slept = new ArrayList<>();
        final OutboundLimiter limiter;
        final NudgeDispatcher dispatcher;

        Rig(Instant now, Function<ChannelState, SendOutcome> script) {
            this(
                    now,
                    script,
                    new NudgeDispatcher.Settings(
                            new RetryPolicy(
                                    4, Duration.ofSeconds(30), Duration.ofMinutes(5), 0.0, Duration.ofSeconds(1), 3),
                            Duration.ofSeconds(2),
                            Duration.ofMinutes(5)),
                    OutboundLimiter.perSecond(1000, Duration.ZERO));
        }

        Rig(
                Instant now,
                Function<ChannelState, SendOutcome> script,
                NudgeDispatcher.Settings settings,
                OutboundLimiter limiter) {
            this.clock = new MovableClock(now);
            this.messenger = new ScriptedMessenger(script);
            this.limiter = limiter;
            NudgeDispatcher.Sleeper sleeper = duration -> {
                synchronized (slept) {
                    slept.add(duration);
                }
                clock.advance(duration);
            };
            this.dispatcher = new NudgeDispatcher(
                    new NudgeDispatcher.Stores(channels, new CutOffDeliveries(deliveries, failingMarkSents), activity),
                    new NudgeDispatcher.Sending(new NudgeComposer(tips(), quizzes(true)), messenger, limiter),
                    new NudgeDispatcher.Pacing(clock, sleeper, new SplittableRandom(7)),
                    settings);
        }

        /** Another dispatcher over the same channels, clock, messenger and limiter, with these deliveries. */
        NudgeDispatcher dispatcherOver(DeliveryStore deliveries) {
            return new NudgeDispatcher(
                    new NudgeDispatcher.Stores(channels, deliveries, activity),
                    new NudgeDispatcher.Sending(new NudgeComposer(tips(), quizzes(true)), messenger, limiter),
                    new NudgeDispatcher.Pacing(clock, duration -> clock.advance(duration), new SplittableRandom(7)),
                    NudgeDispatcher.Settings.DEFAULTS);
        }

        static SendOutcome sent(ChannelState channel) {
            return new SendOutcome.Sent();
        }
    }
}
