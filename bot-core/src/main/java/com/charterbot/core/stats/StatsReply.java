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
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Lays {@link AwarenessStats} out as a private reply for an administrator. */
public final class StatsReply {

    /** How many topics each list shows at most. */
    public static final int TOP = 5;
    /** How many quiz answers a section needs before its score is worth reporting. */
    public static final int MIN_QUIZ_ANSWERS = 3;

    private StatsReply() {}

    /** The reply, dates shown in UTC. */
    public static Reply render(AwarenessStats stats, Charter charter, Language language) {
        return render(stats, charter, language, ZoneOffset.UTC);
    }

    /** The reply, dates shown in this time zone; the period's end is exclusive, so its last day is shown. */
    public static Reply render(AwarenessStats stats, Charter charter, Language language, ZoneId zone) {
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(charter, "charter");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(zone, "zone");
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(period(stats, language, zone)));
        if (stats.isEmpty()) {
            blocks.add(new Block.Text(Messages.get(language, "stats.empty")));
        } else {
            blocks.add(new Block.Text(questions(stats, language)));
            blocks.add(new Block.Text(quiz(stats, language)));
            blocks.add(new Block.Text(nudges(stats, language)));
            List<String> top = topTopics(stats, charter, language);
            if (!top.isEmpty()) {
                blocks.add(new Block.Checklist(Messages.get(language, "stats.top-topics"), top));
            }
            List<String> weak = topicsToReinforce(stats, charter, language);
            if (!weak.isEmpty()) {
                blocks.add(new Block.Checklist(Messages.get(language, "stats.reinforce"), weak));
            }
        }
        blocks.add(new Block.Context(Messages.get(language, "stats.privacy")));
        return new Reply(language, Reply.Delivery.PRIVATE, blocks, fallback(blocks));
    }

    private static String period(AwarenessStats stats, Language language, ZoneId zone) {
        DateTimeFormatter format =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale());
        LocalDate first = stats.from().atZone(zone).toLocalDate();
        LocalDate last = stats.to().minusNanos(1).atZone(zone).toLocalDate();
        return first.equals(last)
                ? Messages.get(language, "stats.heading.day", format.format(first))
                : Messages.get(language, "stats.heading", format.format(first), format.format(last));
    }

    private static String questions(AwarenessStats stats, Language language) {
        if (stats.totalQuestions() == 0) {
            return Messages.get(language, "stats.questions.none");
        }
        return Messages.get(
                language,
                "stats.questions",
                stats.totalQuestions(),
                stats.questions(Tier.ANSWER),
                stats.questions(Tier.SUGGEST),
                stats.questions(Tier.FALLBACK));
    }

    private static String quiz(AwarenessStats stats, Language language) {
        if (stats.quizAnswers() == 0) {
            return Messages.get(language, "stats.quiz.none");
        }
        return Messages.get(
                language,
                "stats.quiz",
                stats.quizAnswers(),
                stats.quizParticipants(),
                percent(stats.quizCorrect(), stats.quizAnswers()));
    }

    private static String nudges(AwarenessStats stats, Language language) {
        int tips = stats.nudgesSent(NudgeSent.Kind.TIP);
        int quizzes = stats.nudgesSent(NudgeSent.Kind.QUIZ);
        if (stats.nudgesFailed() > 0) {
            return Messages.get(
                    language, "stats.nudges.failed", stats.nudgesSent(), tips, quizzes, stats.nudgesFailed());
        }
        if (stats.nudgesSent() == 0) {
            return Messages.get(language, "stats.nudges.none");
        }
        return Messages.get(language, "stats.nudges", stats.nudgesSent(), tips, quizzes);
    }

    /** The sections asked about most, most first, then in charter order; unmatched questions left out. */
    private static List<String> topTopics(AwarenessStats stats, Charter charter, Language language) {
        return stats.questionsBySection().entrySet().stream()
                .filter(e -> !e.getKey().equals(AwarenessStats.UNMATCHED)
                        && e.getValue().total() > 0)
                .sorted(Comparator.<Map.Entry<String, AwarenessStats.TierCounts>>comparingInt(
                                e -> -e.getValue().total())
                        .thenComparing(e -> charterOrder(charter, e.getKey()))
                        .thenComparing(Map.Entry::getKey))
                .limit(TOP)
                .map(e -> Messages.get(
                        language,
                        "stats.top-topics.item",
                        title(charter, e.getKey(), language),
                        e.getValue().total()))
                .toList();
    }

    /** Sections with enough quiz answers and some wrong, lowest score first. */
    private static List<String> topicsToReinforce(AwarenessStats stats, Charter charter, Language language) {
        return stats.quizBySection().entrySet().stream()
                .filter(e -> e.getValue().answered() >= MIN_QUIZ_ANSWERS
                        && e.getValue().correct() < e.getValue().answered())
                .sorted(Comparator.<Map.Entry<String, AwarenessStats.QuizScore>>comparingDouble(
                                e -> e.getValue().rate().orElse(1))
                        .thenComparingInt(e -> -e.getValue().answered())
                        .thenComparing(e -> charterOrder(charter, e.getKey()))
                        .thenComparing(Map.Entry::getKey))
                .limit(TOP)
                .map(e -> Messages.get(
                        language,
                        "stats.reinforce.item",
                        title(charter, e.getKey(), language),
                        percent(e.getValue().correct(), e.getValue().answered()),
                        e.getValue().answered()))
                .toList();
    }

    private static int charterOrder(Charter charter, String sectionId) {
        List<Section> sections = charter.sections(Language.EN);
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).id().equals(sectionId)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** The section's title in this language, or its id when the charter no longer has it. */
    private static String title(Charter charter, String sectionId, Language language) {
        return charter.section(sectionId, language).map(Section::title).orElse(sectionId);
    }

    private static int percent(int part, int whole) {
        return (int) Math.round(100.0 * part / whole);
    }

    private static String fallback(List<Block> blocks) {
        List<String> lines = new ArrayList<>();
        for (Block block : blocks) {
            if (block instanceof Block.Heading heading) {
                lines.add(heading.text());
            } else if (block instanceof Block.Text text) {
                lines.add(text.text());
            } else if (block instanceof Block.Checklist checklist) {
                lines.add(checklist.label());
                checklist.items().forEach(item -> lines.add("- " + item));
            } else if (block instanceof Block.Context context) {
                lines.add(context.text());
            }
        }
        return String.join("\n", lines);
    }
}
