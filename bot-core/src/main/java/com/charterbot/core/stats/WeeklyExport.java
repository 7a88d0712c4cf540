package com.charterbot.core.stats;

import com.charterbot.core.answer.Tier;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.i18n.Messages;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Button;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.Language;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The administrators' CSV export: the questions of each week per topic and tier, for the
 * communications team's own reporting. Counts only: no question text, no user. One row per week and
 * topic asked about during the period (zeros included, so that every topic has every week).
 *
 * <p>Columns: {@code week_start} (the Monday, ISO date), {@code topic} (section id, or
 * {@code unmatched}), {@code topic_title} (in the reader's language), {@code answered},
 * {@code suggested}, {@code not_covered}, {@code total}. UTF-8 with a byte order mark, which
 * spreadsheet programs need to read accents; a title that a spreadsheet would run as a formula
 * ({@code =}, {@code +}, {@code -}, {@code @}) is written with a leading apostrophe.
 */
public final class WeeklyExport {

    /** The header row. */
    public static final List<String> COLUMNS =
            List.of("week_start", "topic", "topic_title", "answered", "suggested", "not_covered", "total");
    /** The MIME type of the file. */
    public static final String MEDIA_TYPE = "text/csv";

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private WeeklyExport() {}

    /** The CSV file's bytes. */
    public static byte[] csv(WeeklyStats stats, Charter charter, Language language) {
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(charter, "charter");
        Objects.requireNonNull(language, "language");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BOM);
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader(COLUMNS.toArray(String[]::new))
                .get();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(writer, format)) {
            List<String> topics = List.copyOf(stats.questionsBySection().keySet());
            for (int i = 0; i < stats.weeks().size(); i++) {
                Map<String, AwarenessStats.TierCounts> week =
                        stats.weeks().get(i).questionsBySection();
                LocalDate start = stats.starts().get(i);
                for (String topic : topics) {
                    AwarenessStats.TierCounts counts = week.getOrDefault(topic, AwarenessStats.TierCounts.NONE);
                    csv.printRecord(
                            start.toString(),
                            topic,
                            noFormula(WeeklyCharts.title(charter, topic, language)),
                            counts.count(Tier.ANSWER),
                            counts.count(Tier.SUGGEST),
                            counts.count(Tier.FALLBACK),
                            counts.total());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /**
     * The private reply carrying the file, with the action that gives the same file again (the
     * period ends at {@code until}).
     */
    public static Reply reply(
            WeeklyStats stats, Instant until, Charter charter, Language language, Reply.Delivery delivery) {
        Objects.requireNonNull(until, "until");
        DateTimeFormatter format = DateTimeFormatter.ofPattern("d MMMM yyyy", language.locale());
        LocalDate first = stats.starts().get(0);
        LocalDate last = stats.starts().get(stats.starts().size() - 1).plusDays(6);
        String name = "charter-stats-" + first + "-to-" + last + ".csv";
        Button again = new Button(
                ActionIds.STATS_EXPORT,
                Long.toString(until.getEpochSecond()),
                Messages.get(language, "stats.export.again"),
                Button.Style.DEFAULT);
        Block.File file = new Block.File(
                Messages.get(
                        language,
                        "stats.export.description",
                        stats.weeks().size(),
                        format.format(first),
                        format.format(last)),
                name,
                MEDIA_TYPE,
                csv(stats, charter, language),
                Optional.of(again));
        return Reply.of(
                language,
                delivery,
                List.of(
                        new Block.Text(Messages.get(
                                language, "stats.export.text", stats.weeks().size())),
                        file,
                        new Block.Context(Messages.get(language, "stats.privacy"))));
    }

    private static String noFormula(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
