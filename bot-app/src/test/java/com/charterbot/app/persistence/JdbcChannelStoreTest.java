package com.charterbot.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.memory.InMemoryChannelStore;
import com.charterbot.core.nudge.ChannelState;
import com.charterbot.core.nudge.Frequency;
import com.charterbot.core.nudge.NudgeContent;
import com.charterbot.core.nudge.NudgeSettings;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcChannelStoreTest {

    private final List<HikariDataSource> pools = new ArrayList<>();

    private static final ChannelRef GENERAL = new ChannelRef(Platform.SLACK, "T0001", "C0GENERAL");
    private static final ChannelRef TEAMS =
            new ChannelRef(Platform.TEAMS, "7f3c1b2e-0000-4000-8000-000000000001", "19:0b1e5c7a8d9f4e2a@thread.tacv2");

    private static NudgeSettings paris() {
        return NudgeSettings.defaults(ZoneId.of("Europe/Paris"), Language.FR);
    }

    /** Every field in many shapes: zones with and without DST, offsets, empty and odd names, paused or not, deliveries. */
    private static List<ChannelState> variedStates() {
        List<ChannelState> states = new ArrayList<>();
        String[] zones = {
            "Europe/Paris",
            "America/New_York",
            "Australia/Lord_Howe",
            "Pacific/Chatham",
            "UTC",
            "+05:30",
            "GMT+02:00",
            "America/Argentina/ComodRivadavia",
            "Asia/Kathmandu"
        };
        Frequency[] frequencies = Frequency.values();
        DayOfWeek[] weekdays = DayOfWeek.values();
        NudgeContent[] contents = NudgeContent.values();
        Instant[] deliveries = {
            Instant.parse("2024-03-31T01:00:00Z"), // Paris springs forward
            Instant.parse("2024-11-03T06:00:00.123456Z"), // New York falls back
            Instant.parse("2024-10-06T15:30:00.000001Z"), // Lord Howe moves by 30 minutes
            Instant.parse("1999-12-31T23:59:59.999Z"),
        };
        for (int i = 0; i < zones.length; i++) {
            NudgeSettings settings = new NudgeSettings(
                    frequencies[i % frequencies.length],
                    weekdays[i % weekdays.length],
                    i == 0 ? 31 : 1 + (i * 7) % 31,
                    i == 1 ? LocalTime.MIDNIGHT : i == 2 ? LocalTime.of(23, 59) : LocalTime.of(2 + i, 30),
                    ZoneId.of(zones[i]),
                    i % 2 == 0 ? Language.EN : Language.FR,
                    contents[i % contents.length]);
            ChannelRef channel = new ChannelRef(i % 2 == 0 ? Platform.SLACK : Platform.TEAMS, "T" + i, "C" + i);
            String name = switch (i % 3) {
                case 0 -> "";
                case 1 -> "général — équipe 🚀 'quoted' \"too\"";
                default -> "n".repeat(1_000);
            };
            ChannelState state = ChannelState.of(channel, name, settings);
            if (i % 4 == 1) {
                state = state.paused("the bot was removed from the channel");
            } else if (i % 4 == 2) {
                state = state.paused("");
            }
            if (i % 3 != 2) {
                state = state.delivered(
                        deliveries[i % deliveries.length], i % 2 == 0 ? NudgeSent.Kind.TIP : NudgeSent.Kind.QUIZ);
            }
            states.add(state);
        }
        return states;
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void keepsEveryFieldOfEveryState(Databases.Kind kind) {
        JdbcChannelStore store = new JdbcChannelStore(database(kind));
        assertThat(store.all()).isEmpty();
        List<ChannelState> states = variedStates();

        states.forEach(store::save);

        Clock clock = Clock.fixed(Instant.parse("2024-10-27T00:30:00Z"), ZoneOffset.UTC);
        for (ChannelState state : states) {
            ChannelState found = store.find(state.channel()).orElseThrow();
            assertThat(found).isEqualTo(state);
            assertThat(found.settings().zone().getId())
                    .isEqualTo(state.settings().zone().getId());
            assertThat(found.nextDue(clock)).isEqualTo(state.nextDue(clock));
            assertThat(found.nextKind()).isEqualTo(state.nextKind());
        }
        assertThat(store.all()).containsExactlyElementsOf(states);

        ChannelRef precise = new ChannelRef(Platform.SLACK, "T0001", "CPRECISE");
        store.save(ChannelState.of(precise, "", paris())
                .delivered(Instant.parse("2025-03-30T00:59:59.123456789Z"), NudgeSent.Kind.QUIZ));
        assertThat(store.find(precise).orElseThrow().lastDelivery())
                .as("instants are kept to the microsecond")
                .contains(Instant.parse("2025-03-30T00:59:59.123456Z"));
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void saveReplacesTheStateOfTheSameChannel(Databases.Kind kind) {
        DataSource dataSource = database(kind);
        JdbcChannelStore store = new JdbcChannelStore(dataSource);
        ChannelState first = ChannelState.of(GENERAL, "general", paris())
                .delivered(Instant.parse("2024-06-04T08:00:00Z"), NudgeSent.Kind.TIP);
        store.save(first);
        store.save(ChannelState.of(TEAMS, "Teams", paris()));
        OffsetDateTime created = timestamp(dataSource, "created_at");

        ChannelState second = first.withName("")
                .withSettings(paris().withFrequency(Frequency.MONTHLY).withDayOfMonth(30))
                .paused("token revoked");
        store.save(second);
        ChannelState third = second.resumed().delivered(Instant.parse("2024-07-30T08:00:00Z"), NudgeSent.Kind.QUIZ);
        store.save(third);

        assertThat(store.find(GENERAL)).contains(third);
        assertThat(store.all()).hasSize(2).contains(third);
        assertThat(JdbcClient.create(dataSource)
                        .sql("SELECT COUNT(*) FROM channel_state")
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        assertThat(timestamp(dataSource, "created_at")).isEqualTo(created);
        assertThat(timestamp(dataSource, "updated_at")).isAfterOrEqualTo(created);
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void findsAndRemovesOnlyThatChannel(Databases.Kind kind) {
        JdbcChannelStore store = new JdbcChannelStore(database(kind));
        ChannelState teams = ChannelState.of(TEAMS, "Teams", paris());
        store.save(ChannelState.of(GENERAL, "general", paris()));
        store.save(teams);

        assertThat(store.find(new ChannelRef(Platform.SLACK, "T0001", "C0OTHER")))
                .isEmpty();
        assertThat(store.find(new ChannelRef(Platform.SLACK, "T0002", GENERAL.channelId())))
                .isEmpty();
        assertThat(store.find(new ChannelRef(Platform.TEAMS, "T0001", GENERAL.channelId())))
                .isEmpty();

        store.remove(GENERAL);
        store.remove(GENERAL);
        store.remove(new ChannelRef(Platform.SLACK, "T9", "C9"));

        assertThat(store.find(GENERAL)).isEmpty();
        assertThat(store.all()).containsExactly(teams);
        store.save(ChannelState.of(GENERAL, "back", paris()));
        assertThat(store.find(GENERAL).orElseThrow().name()).isEqualTo("back");
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void keepsTheConversationReferenceBesideTheState(Databases.Kind kind) {
        JdbcChannelStore store = new JdbcChannelStore(database(kind));
        assertThat(store.conversationReference(TEAMS)).isEmpty();
        assertThatThrownBy(() -> store.saveConversationReference(TEAMS, "{}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(TEAMS.key());

        ChannelState state = ChannelState.of(TEAMS, "Teams", paris());
        store.save(state);
        assertThat(store.conversationReference(TEAMS)).isEmpty();

        String reference = "{\"conversation\":{\"id\":\"" + TEAMS.channelId()
                + "\"},\"serviceUrl\":\"https://smba.trafficmanager.net/emea/\"," + "\"padding\":\""
                + "é".repeat(20_000) + "\"}";
        store.saveConversationReference(TEAMS, reference);
        assertThat(store.conversationReference(TEAMS)).contains(reference);

        store.save(state.paused("no access").delivered(Instant.parse("2024-01-01T00:00:00Z"), NudgeSent.Kind.TIP));
        assertThat(store.conversationReference(TEAMS))
                .as("a save keeps the reference")
                .contains(reference);
        assertThat(store.find(TEAMS).orElseThrow().status()).isEqualTo(ChannelState.Status.PAUSED);

        store.saveConversationReference(TEAMS, "{\"v\":2}");
        assertThat(store.conversationReference(TEAMS)).contains("{\"v\":2}");
        store.saveConversationReference(TEAMS, null);
        assertThat(store.conversationReference(TEAMS)).isEmpty();

        store.saveConversationReference(TEAMS, "{\"v\":3}");
        store.remove(TEAMS);
        store.save(state);
        assertThat(store.conversationReference(TEAMS))
                .as("removing the channel removes its reference")
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void concurrentSavesOfOneChannelKeepOneRow(Databases.Kind kind) throws Exception {
        DataSource dataSource = database(kind);
        JdbcChannelStore store = new JdbcChannelStore(dataSource);
        int writers = 8;
        List<ChannelState> states = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            states.add(ChannelState.of(GENERAL, "writer " + i, paris()));
            states.add(ChannelState.of(new ChannelRef(Platform.SLACK, "T0001", "C" + i), "own " + i, paris()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int writer = i;
                done.add(pool.submit(() -> {
                    start.await();
                    store.save(states.get(2 * writer));
                    store.save(states.get(2 * writer + 1));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(store.all()).hasSize(writers + 1);
        assertThat(store.find(GENERAL).orElseThrow().name()).startsWith("writer ");
        assertThat(JdbcClient.create(dataSource)
                        .sql("SELECT COUNT(*) FROM channel_state WHERE channel_id = 'C0GENERAL'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void behavesLikeTheInMemoryStore(Databases.Kind kind) {
        JdbcChannelStore store = new JdbcChannelStore(database(kind));
        InMemoryChannelStore memory = new InMemoryChannelStore();
        List<ChannelRef> channels = List.of(
                GENERAL,
                TEAMS,
                new ChannelRef(Platform.SLACK, "T0002", GENERAL.channelId()),
                new ChannelRef(Platform.TEAMS, TEAMS.tenant(), "a:1personal"));
        List<ChannelState> shapes = variedStates();
        Random random = new Random(42);

        for (int step = 0; step < 120; step++) {
            ChannelRef channel = channels.get(random.nextInt(channels.size()));
            if (random.nextInt(5) == 0) {
                store.remove(channel);
                memory.remove(channel);
            } else if (random.nextInt(3) == 0) {
                Instant at = Instant.parse("2024-10-27T00:00:00Z").plusSeconds(random.nextInt(5) * 3_600L);
                NudgeSent.Kind nudge = NudgeSent.Kind.values()[random.nextInt(NudgeSent.Kind.values().length)];
                store.markDelivered(channel, at, nudge);
                memory.markDelivered(channel, at, nudge);
            } else {
                ChannelState shape = shapes.get(random.nextInt(shapes.size()));
                ChannelState state = new ChannelState(
                        channel,
                        shape.name(),
                        shape.settings(),
                        shape.status(),
                        shape.pauseReason(),
                        shape.lastDelivery(),
                        shape.lastKind());
                store.save(state);
                memory.save(state);
            }
            for (ChannelRef each : channels) {
                assertThat(store.find(each)).isEqualTo(memory.find(each));
            }
        }
        assertThat(new HashSet<>(store.all())).isEqualTo(new HashSet<>(memory.all()));
        assertThat(new HashSet<>(store.paused())).isEqualTo(new HashSet<>(memory.paused()));
        assertThat(store.countPaused()).isEqualTo(memory.countPaused());
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void aDeliveryChangesOnlyTheLastDeliveryAndNeverGoesBack(Databases.Kind kind) {
        JdbcChannelStore store = new JdbcChannelStore(database(kind));
        Instant nine = Instant.parse("2024-06-04T09:00:00.123456Z");
        ChannelState before = ChannelState.of(GENERAL, "general", paris());
        store.save(before);
        // Settings saved by an administrator while the nudge was on its way.
        ChannelState edited =
                before.withSettings(paris().withLanguage(Language.EN)).paused("on holiday");
        store.save(edited);

        store.markDelivered(GENERAL, nine, NudgeSent.Kind.QUIZ);
        assertThat(store.find(GENERAL)).contains(edited.delivered(nine, NudgeSent.Kind.QUIZ));

        store.markDelivered(GENERAL, nine.minusSeconds(60), NudgeSent.Kind.TIP);
        store.markDelivered(GENERAL, nine, NudgeSent.Kind.TIP);
        assertThat(store.find(GENERAL).orElseThrow().lastKind())
                .as("an earlier or equal delivery changes nothing")
                .contains(NudgeSent.Kind.QUIZ);

        store.markDelivered(TEAMS, nine, NudgeSent.Kind.TIP);
        assertThat(store.find(TEAMS)).as("an unknown channel stays unknown").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("com.charterbot.app.persistence.Databases#kinds")
    void picksThePausedChannelsOnly(Databases.Kind kind) {
        JdbcChannelStore store = new JdbcChannelStore(database(kind));
        List<ChannelState> states = variedStates();
        states.forEach(store::save);

        List<ChannelState> paused = states.stream()
                .filter(state -> state.status() == ChannelState.Status.PAUSED)
                .toList();
        assertThat(paused).isNotEmpty().hasSizeLessThan(states.size());
        assertThat(store.paused()).containsExactlyElementsOf(paused);
        assertThat(store.countPaused()).isEqualTo(paused.size());

        store.save(paused.get(0).resumed());
        assertThat(store.paused()).containsExactlyElementsOf(paused.subList(1, paused.size()));
    }

    /** A fresh database behind a small pool, as in production (PostgreSQL connections are slow to open). */
    private DataSource database(Databases.Kind kind) {
        HikariDataSource pool = Databases.pooled(kind);
        pools.add(pool);
        return pool;
    }

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    private static OffsetDateTime timestamp(DataSource dataSource, String column) {
        return JdbcClient.create(dataSource)
                .sql("SELECT " + column + " FROM channel_state WHERE channel_id = :id")
                .param("id", GENERAL.channelId())
                .query((rs, row) -> rs.getObject(1, OffsetDateTime.class))
                .single();
    }
}
