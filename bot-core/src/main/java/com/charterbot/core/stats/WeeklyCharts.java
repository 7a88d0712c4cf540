package com.charterbot.core.stats;

import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.answer.Tier;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.Section;
import com.charterbot.core.i18n.Messages;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.Language;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The administrators' picture of the last weeks: questions per week by tier, the most asked topics,
 * the quiz success rate and the nudges, drawn by {@link DrawCharts}, with the same figures as text
 * for screen readers and for clients that show no pictures. Counts only.
 */
public final class WeeklyCharts {

    /** How many topics the topics chart shows at most. */
    public static final int TOP_TOPICS = 8;

    private WeeklyCharts() {}

    /** What the charts say, in this language. */
    public static ChartSheet sheet(WeeklyStats stats, Charter charter, Language language) {
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(charter, "charter");
        Objects.requireNonNull(language, "language");
        List<String> weeks =
                stats.starts().stream().map(start -> shortDate(start, language)).toList();
        List<AwarenessStats> byWeek = stats.weeks();
        List<ChartSheet.Series> tiers = List.of(
                series(
                        language,
                        "stats.tier.answered",
                        byWeek.stream()
                                .map(w -> (double) w.questions(Tier.ANSWER))
                                .toList()),
                series(
                        language,
                        "stats.tier.suggested",
                        byWeek.stream()
                                .map(w -> (double) w.questions(Tier.SUGGEST))
                                .toList()),
                series(
                        language,
                        "stats.tier.not-covered",
                        byWeek.stream()
                                .map(w -> (double) w.questions(Tier.FALLBACK))
                                .toList()));
        List<Map.Entry<String, AwarenessStats.TierCounts>> top = topTopics(stats);
        List<String> topicTitles =
                top.stream().map(e -> title(charter, e.getKey(), language)).toList();
        List<Double> topicCounts =
                top.stream().map(e -> (double) e.getValue().total()).toList();
        List<Double> rates = byWeek.stream()
                .map(w -> w.quizScore().isPresent()
                        ? Math.round(100 * w.quizScore().getAsDouble()) * 1.0
                        : null)
                .toList();
        List<ChartSheet.Series> nudges = List.of(
                series(
                        language,
                        "stats.chart.nudges.tips",
                        byWeek.stream()
                                .map(w -> (double) w.nudgesSent(NudgeSent.Kind.TIP))
                                .toList()),
                series(
                        language,
                        "stats.chart.nudges.quizzes",
                        byWeek.stream()
                                .map(w -> (double) w.nudgesSent(NudgeSent.Kind.QUIZ))
                                .toList()),
                series(
                        language,
                        "stats.chart.nudges.failed",
                        byWeek.stream().map(w -> (double) w.nudgesFailed()).toList()));
        List<ChartSheet.Chart> charts = new ArrayList<>();
        charts.add(new ChartSheet.Chart(
                Messages.get(language, "stats.chart.questions"), ChartSheet.Kind.STACKED_COLUMNS, weeks, tiers, 0));
        charts.add(new ChartSheet.Chart(
                Messages.get(language, "stats.top-topics"),
                ChartSheet.Kind.BARS,
                topicTitles,
                List.of(new ChartSheet.Series(Messages.get(language, "stats.chart.topics.series"), topicCounts)),
                0));
        charts.add(new ChartSheet.Chart(
                Messages.get(language, "stats.chart.quiz"),
                ChartSheet.Kind.LINE,
                weeks,
                List.of(new ChartSheet.Series(Messages.get(language, "stats.chart.quiz.series"), rates)),
                100));
        charts.add(new ChartSheet.Chart(
                Messages.get(language, "stats.chart.nudges"), ChartSheet.Kind.STACKED_COLUMNS, weeks, nudges, 0));
        return new ChartSheet(heading(stats, language), charts);
    }

    /**
     * The private reply with the charts and their figures as text; empty when nothing happened in
     * these weeks. Without a picture (none drawn, or too big) the text alone says it all.
     */
    public static Optional<Reply> reply(
            WeeklyStats stats, Charter charter, Language language, DrawCharts draw, Reply.Delivery delivery) {
        Objects.requireNonNull(draw, "draw");
        Objects.requireNonNull(delivery, "delivery");
        if (stats.isEmpty()) {
            return Optional.empty();
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(heading(stats, language)));
        draw.png(sheet(stats, charter, language))
                .filter(png -> png.length > 0 && png.length <= DrawCharts.MAX_PNG_BYTES)
                .ifPresent(png -> blocks.add(new Block.Picture(
                        Messages.get(
                                language,
                                "stats.chart.description",
                                stats.weeks().size()),
                        "charter-stats-" + stats.starts().get(stats.starts().size() - 1) + ".png",
                        png)));
        blocks.add(new Block.Checklist(Messages.get(language, "stats.weeks.label"), weekLines(stats, language)));
        List<Map.Entry<String, AwarenessStats.TierCounts>> top = topTopics(stats);
        if (!top.isEmpty()) {
            blocks.add(new Block.Checklist(
                    Messages.get(language, "stats.top-topics"),
                    top.stream()
                            .map(e -> Messages.get(
                                    language,
                                    "stats.top-topics.item",
                                    title(charter, e.getKey(), language),
                                    e.getValue().total()))
                            .toList()));
        }
        blocks.add(new Block.Context(Messages.get(language, "stats.privacy")));
        return Optional.of(Reply.of(language, delivery, blocks));
    }

    /** "The last 12 weeks (5 May to 27 July 2025)". */
    static String heading(WeeklyStats stats, Language language) {
        LocalDate first = stats.starts().get(0);
        LocalDate last = stats.starts().get(stats.starts().size() - 1).plusDays(6);
        DateTimeFormatter format = DateTimeFormatter.ofPattern("d MMMM yyyy", language.locale());
        return Messages.get(
                language, "stats.weeks.heading", stats.weeks().size(), format.format(first), format.format(last));
    }

    private static List<String> weekLines(WeeklyStats stats, Language language) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < stats.weeks().size(); i++) {
            AwarenessStats week = stats.weeks().get(i);
            String quiz = week.quizAnswers() == 0
                    ? Messages.get(language, "stats.weeks.quiz.none")
                    : Messages.get(
                            language,
                            "stats.weeks.quiz",
                            week.quizAnswers(),
                            Math.round(100 * week.quizScore().orElse(0)));
            lines.add(Messages.get(
                    language,
                    "stats.weeks.item",
                    longDate(stats.starts().get(i), language),
                    week.totalQuestions(),
                    week.questions(Tier.ANSWER),
                    week.questions(Tier.SUGGEST),
                    week.questions(Tier.FALLBACK),
                    quiz,
                    week.nudgesSent(),
                    week.nudgesFailed()));
        }
        return lines;
    }

    /** The sections asked about most over the weeks, most first, then by id; unmatched questions left out. */
    static List<Map.Entry<String, AwarenessStats.TierCounts>> topTopics(WeeklyStats stats) {
        return stats.questionsBySection().entrySet().stream()
                .filter(e -> !e.getKey().equals(AwarenessStats.UNMATCHED)
                        && e.getValue().total() > 0)
                .sorted(Comparator.<Map.Entry<String, AwarenessStats.TierCounts>>comparingInt(
                                e -> -e.getValue().total())
                        .thenComparing(Map.Entry::getKey))
                .limit(TOP_TOPICS)
                .toList();
    }

    private static ChartSheet.Series series(Language language, String key, List<Double> values) {
        return new ChartSheet.Series(Messages.get(language, key), values);
    }

    /** The section's title in this language, or its id when the charter no longer has it. */
    static String title(Charter charter, String sectionId, Language language) {
        if (sectionId.equals(AwarenessStats.UNMATCHED)) {
            return Messages.get(language, "commands.stats.no-section");
        }
        return charter.section(sectionId, language).map(Section::title).orElse(sectionId);
    }

    /** A week's Monday on a chart's axis: "5/12" in English, "12/5" in French. */
    static String shortDate(LocalDate day, Language language) {
        return DateTimeFormatter.ofPattern(language == Language.FR ? "d/M" : "M/d", language.locale())
                .format(day);
    }

    private static String longDate(LocalDate day, Language language) {
        return DateTimeFormatter.ofPattern("d MMMM", language.locale()).format(day);
    }
}
