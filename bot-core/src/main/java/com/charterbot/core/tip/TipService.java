package com.charterbot.core.tip;

import com.charterbot.core.activity.ActivityLog;
import com.charterbot.core.activity.QuizAnswered;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.Section;
import com.charterbot.core.i18n.Messages;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Button;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Picks each channel's next tip: every tip once before any comes back, a new cycle never opening
 * with the tip that closed the last one, and the sections this channel's members missed most in
 * channel micro-quizzes drawn more often (weight {@code 1 + 3 × miss rate} over a window, 90 days by default).
 * Deterministic for a given {@link RandomGenerator}.
 */
public final class TipService implements ShowTip {

    /** How far back channel quiz answers count towards a section's weight, unless told otherwise. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(90);
    /** How much a section's miss rate (0 to 1) adds to its weight of 1. */
    public static final double MISS_BOOST = 3.0;

    private final Supplier<Charter> charter;
    private final TipRotationStore store;
    private final ActivityLog activity;
    private final Clock clock;
    private final RandomGenerator random;
    private final Duration window;

    /** A service with the {@link #DEFAULT_WINDOW} of 90 days. */
    public TipService(
            Supplier<Charter> charter,
            TipRotationStore store,
            ActivityLog activity,
            Clock clock,
            RandomGenerator random) {
        this(charter, store, activity, clock, random, DEFAULT_WINDOW);
    }

    /** @param window how far back channel quiz answers count; positive */
    public TipService(
            Supplier<Charter> charter,
            TipRotationStore store,
            ActivityLog activity,
            Clock clock,
            RandomGenerator random,
            Duration window) {
        this.charter = Objects.requireNonNull(charter, "charter");
        this.store = Objects.requireNonNull(store, "store");
        this.activity = Objects.requireNonNull(activity, "activity");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.window = Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the quiz window must be positive, not " + window);
        }
    }

    /** One tip of the current charter in one language. */
    private record Tip(TipId id, Section section, String text) {}

    @Override
    public synchronized Reply next(ChannelRef channel, Language language, Reply.Delivery delivery) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(delivery, "delivery");
        Charter current = Objects.requireNonNull(charter.get(), "the charter supplier gave no charter");
        List<Tip> catalog = catalog(current, language);
        if (catalog.isEmpty()) {
            String text = Messages.get(language, "tip.none");
            return new Reply(
                    language,
                    delivery,
                    List.of(new Block.Heading(Messages.get(language, "tip.heading")), new Block.Text(text)),
                    text);
        }
        Tip tip = pick(channel, catalog);
        store.markShown(channel, tip.id().value());
        return render(tip, current, language, delivery);
    }

    /** The tips of every real section, in charter order. */
    private static List<Tip> catalog(Charter charter, Language language) {
        List<Tip> tips = new ArrayList<>();
        for (String sectionId : charter.topicIds()) {
            Optional<Section> section = charter.section(sectionId, language);
            if (section.isEmpty()) {
                continue;
            }
            List<String> texts = section.get().tips();
            for (int index = 0; index < texts.size(); index++) {
                if (!texts.get(index).isBlank()) {
                    tips.add(new Tip(new TipId(sectionId, index), section.get(), texts.get(index)));
                }
            }
        }
        return tips;
    }

    private Tip pick(ChannelRef channel, List<Tip> catalog) {
        Set<String> shown = store.shown(channel);
        List<Tip> remaining = new ArrayList<>(
                catalog.stream().filter(t -> !shown.contains(t.id().value())).toList());
        if (remaining.isEmpty()) {
            store.reset(channel);
            remaining = new ArrayList<>(catalog);
        }
        Optional<String> last = store.last(channel);
        if (last.isPresent() && remaining.size() > 1) {
            remaining.removeIf(t -> t.id().value().equals(last.get()));
        }
        Map<String, Double> weights = sectionWeights(channel);
        double[] cumulative = new double[remaining.size()];
        double total = 0;
        for (int i = 0; i < remaining.size(); i++) {
            total += weights.getOrDefault(remaining.get(i).id().sectionId(), 1.0);
            cumulative[i] = total;
        }
        double draw = random.nextDouble() * total;
        for (int i = 0; i < cumulative.length; i++) {
            if (draw < cumulative[i]) {
                return remaining.get(i);
            }
        }
        return remaining.get(remaining.size() - 1);
    }

    /** {@code 1 + 3 × miss rate} for each section this channel answered quiz questions on within the window. */
    Map<String, Double> sectionWeights(ChannelRef channel) {
        Map<String, int[]> answeredAndMissed = new HashMap<>();
        for (QuizAnswered answer : activity.quizAnswers(channel, clock.instant().minus(window))) {
            int[] counts = answeredAndMissed.computeIfAbsent(answer.sectionId(), id -> new int[2]);
            counts[0]++;
            if (!answer.correct()) {
                counts[1]++;
            }
        }
        Map<String, Double> weights = new HashMap<>();
        answeredAndMissed.forEach(
                (sectionId, counts) -> weights.put(sectionId, 1.0 + MISS_BOOST * counts[1] / counts[0]));
        return weights;
    }

    private static Reply render(Tip tip, Charter charter, Language language, Reply.Delivery delivery) {
        String sectionId = tip.id().sectionId();
        String title = tip.section().title();
        String link = charter.settings().linkTo(sectionId).orElse(null);
        List<Block> blocks = List.of(
                new Block.Heading(Messages.get(language, "tip.heading")),
                new Block.Text(tip.text()),
                new Block.CitedSection(Messages.get(language, "tip.section-label"), sectionId, title, link),
                new Block.Buttons(List.of(
                        Button.of(ActionIds.OPEN_SECTION, sectionId, Messages.get(language, "tip.read-section")),
                        Button.of(ActionIds.TIP_NEXT, "", Messages.get(language, "tip.another")))));
        String fallback = link == null
                ? Messages.get(language, "tip.fallback", tip.text(), title)
                : Messages.get(language, "tip.fallback.link", tip.text(), title, link);
        return new Reply(language, delivery, blocks, fallback);
    }

    /** The ids of every tip the charter has now, in charter order; handy for admin views and tests. */
    public static List<String> tipIds(Charter charter, Language language) {
        return catalog(charter, language).stream().map(t -> t.id().value()).toList();
    }
}
