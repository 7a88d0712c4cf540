package com.charterbot.core.tip;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.activity.QuizAnswered;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.CharterSettings;
import com.charterbot.core.charter.Section;
import com.charterbot.core.memory.InMemoryActivityLog;
import com.charterbot.core.memory.InMemoryTipRotationStore;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Button;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class TipServiceTest {

    private static final Instant NOW = Instant.parse("2025-06-02T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ChannelRef CHANNEL = new ChannelRef(Platform.SLACK, "T1", "C-general");
    private static final ChannelRef OTHER_CHANNEL = new ChannelRef(Platform.TEAMS, "tenant", "19:other");

    private final InMemoryActivityLog activity = new InMemoryActivityLog();
    private final InMemoryTipRotationStore store = new InMemoryTipRotationStore();

    private TipService service(Charter charter, long seed) {
        return new TipService(() -> charter, store, activity, CLOCK, new SplittableRandom(seed));
    }

    private static String text(Reply reply) {
        return reply.blocks().stream()
                .filter(Block.Text.class::isInstance)
                .map(b -> ((Block.Text) b).text())
                .findFirst()
                .orElseThrow();
    }

    private static Block.CitedSection cited(Reply reply) {
        return reply.blocks().stream()
                .filter(Block.CitedSection.class::isInstance)
                .map(Block.CitedSection.class::cast)
                .findFirst()
                .orElseThrow();
    }

    /** The id of the tip a reply shows, found from its section and text. */
    private static String tipId(Reply reply, Charter charter) {
        Block.CitedSection cited = cited(reply);
        Section section = charter.section(cited.sectionId(), reply.language()).orElseThrow();
        int index = section.tips().indexOf(text(reply));
        assertThat(index).as("the reply shows one of the section's tips").isNotNegative();
        return cited.sectionId() + "#" + index;
    }

    private List<String> draw(TipService service, Charter charter, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(tipId(service.next(CHANNEL, Language.EN, Reply.Delivery.CONVERSATION), charter));
        }
        return ids;
    }

    private void answer(ChannelRef channel, String sectionId, boolean correct, Instant at) {
        activity.record(new QuizAnswered(
                at,
                sectionId,
                sectionId + "#0",
                correct,
                channel,
                new UserRef(Platform.SLACK, "T1", "U" + at.getEpochSecond())));
    }

    /** Every tip of the bundled charter, at least three per section. */
    private static final int BUNDLED_TIPS = TipCharters.BUNDLED.sections(Language.EN).stream()
            .mapToInt(s -> s.tips().size())
            .sum();

    @Test
    void bundledCharterHasAtLeastThreeTipsForEachOfItsTwentyOneSections() {
        for (Language language : Language.values()) {
            assertThat(TipCharters.BUNDLED.sections(language).stream().filter(s -> !s.isNotCovered()))
                    .hasSize(21)
                    .allSatisfy(section ->
                            assertThat(section.tips()).as(section.id()).hasSizeGreaterThanOrEqualTo(3));
            assertThat(TipService.tipIds(TipCharters.BUNDLED, language))
                    .hasSize(BUNDLED_TIPS)
                    .doesNotHaveDuplicates();
        }
        assertThat(TipService.tipIds(TipCharters.BUNDLED, Language.FR))
                .isEqualTo(TipService.tipIds(TipCharters.BUNDLED, Language.EN));
    }

    @Test
    void neverRepeatsATipBeforeEveryTipWasShown() {
        Charter charter = TipCharters.BUNDLED;
        List<String> cycle = draw(service(charter, 1), charter, BUNDLED_TIPS);

        assertThat(cycle)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(TipService.tipIds(charter, Language.EN));
    }

    @Test
    void restartsTheCycleOnceEveryTipWasShown() {
        Charter charter = TipCharters.BUNDLED;
        List<String> draws = draw(service(charter, 2), charter, BUNDLED_TIPS * 3);

        for (int cycle = 0; cycle < 3; cycle++) {
            assertThat(draws.subList(cycle * BUNDLED_TIPS, (cycle + 1) * BUNDLED_TIPS))
                    .as("cycle " + cycle)
                    .containsExactlyInAnyOrderElementsOf(TipService.tipIds(charter, Language.EN));
        }
    }

    @Test
    void neverShowsTheSameTipTwiceInARowAcrossARestart() {
        Charter charter = TipCharters.small("v1", 1, "alpha", "beta");
        for (long seed = 0; seed < 200; seed++) {
            InMemoryTipRotationStore fresh = new InMemoryTipRotationStore();
            TipService service = new TipService(() -> charter, fresh, activity, CLOCK, new SplittableRandom(seed));
            String previous = null;
            for (int i = 0; i < 8; i++) {
                String id = tipId(service.next(CHANNEL, Language.EN, Reply.Delivery.CONVERSATION), charter);
                assertThat(id).as("seed %d draw %d", seed, i).isNotEqualTo(previous);
                previous = id;
            }
        }
    }

    @Test
    void aCharterWithASingleTipKeepsShowingIt() {
        Charter charter = TipCharters.small("v1", 1, "alpha");
        List<String> draws = draw(service(charter, 3), charter, 3);

        assertThat(draws).containsOnly("alpha#0");
    }

    @Test
    void sameSeedGivesTheSameTips() {
        Charter charter = TipCharters.BUNDLED;
        List<String> first = draw(service(charter, 42), charter, 20);
        InMemoryTipRotationStore otherStore = new InMemoryTipRotationStore();
        TipService again = new TipService(() -> charter, otherStore, activity, CLOCK, new SplittableRandom(42));
        List<String> second = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            second.add(tipId(again.next(CHANNEL, Language.EN, Reply.Delivery.CONVERSATION), charter));
        }

        assertThat(second).isEqualTo(first);
    }

    @Test
    void weighsEachSectionByOnePlusThreeTimesItsMissRateInThisChannelWithinTheWindow() {
        answer(CHANNEL, "sanctions", false, NOW.minus(Duration.ofDays(1)));
        answer(CHANNEL, "sanctions", false, NOW.minus(Duration.ofDays(2)));
        answer(CHANNEL, "scope", true, NOW.minus(Duration.ofDays(3)));
        answer(CHANNEL, "scope", false, NOW.minus(Duration.ofDays(4)));
        answer(CHANNEL, "recruitment", false, NOW.minus(Duration.ofDays(91)));
        answer(OTHER_CHANNEL, "contacts", false, NOW.minus(Duration.ofDays(1)));

        Map<String, Double> weights = service(TipCharters.BUNDLED, 0).sectionWeights(CHANNEL);

        assertThat(weights).containsOnlyKeys("sanctions", "scope");
        assertThat(weights.get("sanctions")).isEqualTo(4.0);
        assertThat(weights.get("scope")).isEqualTo(2.5);
    }

    @Test
    void missedTopicsComeUpMeasurablyMoreOften() {
        Charter charter = TipCharters.BUNDLED;
        for (int i = 0; i < 6; i++) {
            answer(CHANNEL, "insider-information", false, NOW.minus(Duration.ofDays(i + 1)));
        }
        answer(CHANNEL, "scope", true, NOW.minus(Duration.ofDays(1)));
        RandomGenerator random = new SplittableRandom(7);
        int trials = 3_000;
        int missedFirst = 0;
        int controlFirst = 0;
        for (int trial = 0; trial < trials; trial++) {
            TipService service = new TipService(() -> charter, new InMemoryTipRotationStore(), activity, CLOCK, random);
            String section = cited(service.next(CHANNEL, Language.EN, Reply.Delivery.CONVERSATION))
                    .sectionId();
            if (section.equals("insider-information")) {
                missedFirst++;
            } else if (section.equals("scope")) {
                controlFirst++;
            }
        }

        // Weights: 4 for the missed section, 1 for each of the 20 others: 12/72 = 1/6 of first tips, against 3/72.
        assertThat(missedFirst).isBetween(400, 600);
        assertThat(controlFirst).isBetween(70, 200);
        assertThat(missedFirst).isGreaterThan(2 * controlFirst);
    }

    @Test
    void missedTopicsAreShownEarlierInTheCycle() {
        Charter charter = TipCharters.BUNDLED;
        for (int i = 0; i < 4; i++) {
            answer(CHANNEL, "account-security", false, NOW.minus(Duration.ofDays(i + 1)));
        }
        List<String> cycle = draw(service(charter, 11), charter, BUNDLED_TIPS);
        double missedMean = positions(cycle, "account-security");
        double othersMean = cycle.stream()
                .filter(id -> !id.startsWith("account-security#"))
                .mapToInt(cycle::indexOf)
                .average()
                .orElseThrow();

        assertThat(missedMean).isLessThan(othersMean);
    }

    private static double positions(List<String> cycle, String sectionId) {
        return cycle.stream()
                .filter(id -> id.startsWith(sectionId + "#"))
                .mapToInt(cycle::indexOf)
                .average()
                .orElseThrow();
    }

    @Test
    void ignoresShownTipsThatVanishedWhenTheCharterWasReloaded() {
        AtomicReference<Charter> charter = new AtomicReference<>(TipCharters.small("v1", 2, "alpha", "beta"));
        TipService service = new TipService(charter::get, store, activity, CLOCK, new SplittableRandom(5));
        store.markShown(CHANNEL, "alpha#0");
        store.markShown(CHANNEL, "beta#0");
        store.markShown(CHANNEL, "beta#1");
        store.markShown(CHANNEL, "removed-long-ago#4");

        charter.set(TipCharters.small("v2", 2, "alpha", "gamma"));
        List<String> draws = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            draws.add(tipId(service.next(CHANNEL, Language.EN, Reply.Delivery.CONVERSATION), charter.get()));
        }

        assertThat(draws).containsExactlyInAnyOrder("alpha#1", "gamma#0", "gamma#1");
        String fourth = tipId(service.next(CHANNEL, Language.EN, Reply.Delivery.CONVERSATION), charter.get());
        assertThat(fourth).isIn("alpha#0", "alpha#1", "gamma#0", "gamma#1").isNotEqualTo(draws.get(2));
    }

    @Test
    void ignoresALastTipThatVanished() {
        AtomicReference<Charter> charter = new AtomicReference<>(TipCharters.small("v1", 1, "alpha", "beta"));
        TipService service = new TipService(charter::get, store, activity, CLOCK, new SplittableRandom(5));
        store.markShown(CHANNEL, "alpha#0");
        store.markShown(CHANNEL, "beta#0");
        charter.set(TipCharters.small("v2", 1, "gamma"));

        assertThat(tipId(service.next(CHANNEL, Language.EN, Reply.Delivery.CONVERSATION), charter.get()))
                .isEqualTo("gamma#0");
    }

    @Test
    void channelsRotateIndependently() {
        Charter charter = TipCharters.small("v1", 1, "alpha", "beta", "gamma");
        TipService service = service(charter, 9);
        List<String> general = draw(service, charter, 3);
        List<String> other = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            other.add(tipId(service.next(OTHER_CHANNEL, Language.EN, Reply.Delivery.CONVERSATION), charter));
        }

        assertThat(general).doesNotHaveDuplicates();
        assertThat(other).containsExactlyInAnyOrderElementsOf(general);
    }

    @Test
    void showsATipInEnglishWithItsSectionAndButtons() {
        Charter charter = TipCharters.bundled(new CharterSettings(
                "Acme Industries",
                "communication@example.com",
                "security@example.com",
                "hr@example.com",
                "servicedesk@example.com",
                "legal@example.com",
                "https://intranet.example.com/charter"));
        Reply reply = service(charter, 1).next(CHANNEL, Language.EN, Reply.Delivery.CONVERSATION);

        assertThat(reply.language()).isEqualTo(Language.EN);
        assertThat(reply.delivery()).isEqualTo(Reply.Delivery.CONVERSATION);
        assertThat(reply.blocks()).hasSize(4);
        assertThat(reply.blocks().get(0)).isEqualTo(new Block.Heading("Tip"));
        Block.CitedSection cited = cited(reply);
        Section section = charter.section(cited.sectionId(), Language.EN).orElseThrow();
        assertThat(section.tips()).contains(text(reply));
        assertThat(cited.label()).isEqualTo("From the charter");
        assertThat(cited.title()).isEqualTo(section.title());
        assertThat(cited.link()).isEqualTo("https://intranet.example.com/charter#" + section.id());
        assertThat(((Block.Buttons) reply.blocks().get(3)).buttons())
                .containsExactly(
                        Button.of(ActionIds.OPEN_SECTION, section.id(), "Read the section"),
                        Button.of(ActionIds.TIP_NEXT, "", "Another tip"));
        assertThat(reply.fallbackText())
                .isEqualTo("Tip: " + text(reply) + " From the charter section \"" + section.title()
                        + "\": https://intranet.example.com/charter#" + section.id());
    }

    @Test
    void showsTheSameTipInFrenchWithFrenchLabels() {
        Charter charter = TipCharters.BUNDLED;
        Reply english = service(charter, 8).next(CHANNEL, Language.EN, Reply.Delivery.CONVERSATION);
        TipService french =
                new TipService(() -> charter, new InMemoryTipRotationStore(), activity, CLOCK, new SplittableRandom(8));
        Reply reply = french.next(CHANNEL, Language.FR, Reply.Delivery.REPLACE_ORIGINAL);

        assertThat(tipId(reply, charter)).isEqualTo(tipId(english, charter));
        assertThat(reply.language()).isEqualTo(Language.FR);
        assertThat(reply.delivery()).isEqualTo(Reply.Delivery.REPLACE_ORIGINAL);
        assertThat(reply.blocks().get(0)).isEqualTo(new Block.Heading("Astuce"));
        Block.CitedSection cited = cited(reply);
        Section section = charter.section(cited.sectionId(), Language.FR).orElseThrow();
        assertThat(cited.label()).isEqualTo("Extrait de la charte");
        assertThat(cited.title()).isEqualTo(section.title());
        assertThat(cited.link()).isNull();
        assertThat(((Block.Buttons) reply.blocks().get(3)).buttons())
                .containsExactly(
                        Button.of(ActionIds.OPEN_SECTION, section.id(), "Lire la section"),
                        Button.of(ActionIds.TIP_NEXT, "", "Une autre astuce"));
        assertThat(reply.fallbackText())
                .isEqualTo(
                        "Astuce : " + text(reply) + " Extrait de la section « " + section.title() + " » de la charte.");
    }

    @Test
    void rotationIsSharedAcrossLanguages() {
        Charter charter = TipCharters.small("v1", 1, "alpha", "beta");
        TipService service = service(charter, 4);
        String first = tipId(service.next(CHANNEL, Language.EN, Reply.Delivery.CONVERSATION), charter);
        String second = tipId(service.next(CHANNEL, Language.FR, Reply.Delivery.CONVERSATION), charter);

        assertThat(new HashSet<>(List.of(first, second))).containsExactlyInAnyOrder("alpha#0", "beta#0");
    }

    @Test
    void saysSoWhenTheCharterHasNoTips() {
        Charter charter = TipCharters.small("v1", 0, "alpha");
        Reply english = service(charter, 1).next(CHANNEL, Language.EN, Reply.Delivery.PRIVATE);
        Reply french = service(charter, 1).next(CHANNEL, Language.FR, Reply.Delivery.PRIVATE);

        assertThat(english.fallbackText()).isEqualTo("The charter has no tips to share at the moment.");
        assertThat(french.fallbackText()).isEqualTo("La charte n'a pas d'astuce à partager pour le moment.");
        assertThat(store.shown(CHANNEL)).isEmpty();
    }
}
