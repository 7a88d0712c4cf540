package com.charterbot.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.activity.QuestionAsked;
import com.charterbot.core.activity.QuizAnswered;
import com.charterbot.core.activity.StatsScope;
import com.charterbot.core.answer.Tier;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.CharterLoader;
import com.charterbot.core.charter.CharterSettings;
import com.charterbot.core.charter.LoadResult;
import com.charterbot.core.charter.TestCharter;
import com.charterbot.core.i18n.Messages;
import com.charterbot.core.memory.InMemoryActivityLog;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.stats.AwarenessStats.TierCounts;
import com.charterbot.core.values.Language;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weeks of statistics: how they are cut, what their charts say, and their CSV export. */
class WeeklyStatsTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Wednesday 30 July 2025, 17:00 in Paris. */
    static final Instant NOW = Instant.parse("2025-07-30T15:00:00Z");

    private final InMemoryActivityLog log = new InMemoryActivityLog();
    private final AwarenessStatsService service = new AwarenessStatsService(log, Clock.fixed(NOW, ZoneOffset.UTC));

    private static Instant paris(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    @Test
    void weeksRunFromMondayMidnightInTheBotsZoneTheCurrentWeekLast() {
        log.record(new QuestionAsked(paris("2025-07-28T00:00:00"), Language.EN, Tier.ANSWER, "photos-videos"));
        log.record(new QuestionAsked(paris("2025-07-27T23:59:59"), Language.EN, Tier.SUGGEST, "photos-videos"));
        // Late March: the clocks went forward on Sunday 30 March; a Monday-midnight week still holds it whole.
        log.record(new QuestionAsked(paris("2025-03-31T00:30:00"), Language.FR, Tier.FALLBACK, null));

        WeeklyStats weeks = service.weeks(WeeklyStats.WEEKS, PARIS);

        assertThat(weeks.weeks()).hasSize(12);
        assertThat(weeks.starts().get(11)).isEqualTo(LocalDate.of(2025, 7, 28));
        assertThat(weeks.starts().get(0)).isEqualTo(LocalDate.of(2025, 5, 12));
        assertThat(weeks.weeks().get(11).questionsBySection())
                .containsExactlyEntriesOf(java.util.Map.of("photos-videos", new TierCounts(1, 0, 0)));
        assertThat(weeks.weeks().get(10).questionsBySection())
                .containsExactlyEntriesOf(java.util.Map.of("photos-videos", new TierCounts(0, 1, 0)));
        assertThat(weeks.weeks().stream()
                        .mapToInt(AwarenessStats::totalQuestions)
                        .sum())
                .as("March is before the 12 weeks")
                .isEqualTo(2);
        assertThat(service.weeks(20, PARIS).weeks().get(2).questions(Tier.FALLBACK))
                .isEqualTo(1);
    }

    @Test
    void countsOnlyWhatHappenedBeforeUntilSoThatAnExportIsTheSameLater() {
        log.record(new QuestionAsked(NOW.minusSeconds(60), Language.EN, Tier.ANSWER, "photos-videos"));
        log.record(new QuestionAsked(NOW, Language.EN, Tier.ANSWER, "photos-videos"));

        WeeklyStats before = service.weeks(WeeklyStats.WEEKS, PARIS, NOW, StatsScope.EVERYTHING);

        assertThat(before.weeks().get(11).totalQuestions()).isEqualTo(1);
        assertThat(WeeklyExport.csv(before, StatsFixtures.BUNDLED, Language.EN))
                .isEqualTo(WeeklyExport.csv(
                        service.weeks(WeeklyStats.WEEKS, PARIS, NOW, StatsScope.EVERYTHING),
                        StatsFixtures.BUNDLED,
                        Language.EN));
    }

    @Test
    void atMondayMidnightTheCurrentWeekIsEmpty() {
        log.record(new QuestionAsked(paris("2025-07-27T12:00:00"), Language.EN, Tier.ANSWER, "photos-videos"));

        WeeklyStats weeks = service.weeks(1, PARIS, paris("2025-07-28T00:00:00"), StatsScope.EVERYTHING);

        assertThat(weeks.weeks())
                .singleElement()
                .satisfies(week -> assertThat(week.isEmpty()).isTrue());
        assertThat(weeks.starts()).containsExactly(LocalDate.of(2025, 7, 28));
    }

    @Test
    void failedDeliveriesCountInTheWeekTheyWereDue() {
        WeeklyStats weeks = service.weeks(2, PARIS)
                .withFailures(List.of(
                        paris("2025-07-29T10:00:00"),
                        paris("2025-07-22T10:00:00"),
                        paris("2025-07-23T10:00:00"),
                        paris("2024-01-01T10:00:00")));

        assertThat(weeks.weeks()).extracting(AwarenessStats::nudgesFailed).containsExactly(2, 1);
    }

    @Test
    void refusesWeeksThatDoNotRunMondayToMonday() {
        AwarenessStats tuesday = new AwarenessStatsService(log, Clock.fixed(NOW, ZoneOffset.UTC))
                .compute(paris("2025-07-29T00:00:00"), paris("2025-08-05T00:00:00"));

        assertThatThrownBy(() -> new WeeklyStats(PARIS, List.of(tuesday))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.weeks(0, PARIS)).isInstanceOf(IllegalArgumentException.class);
    }

    // ----- charts -----

    private WeeklyStats busy() {
        log.record(new QuestionAsked(paris("2025-07-29T09:00:00"), Language.EN, Tier.ANSWER, "photos-videos"));
        log.record(new QuestionAsked(paris("2025-07-29T09:05:00"), Language.EN, Tier.ANSWER, "photos-videos"));
        log.record(new QuestionAsked(paris("2025-07-22T09:00:00"), Language.FR, Tier.SUGGEST, "media-inquiries"));
        log.record(new QuestionAsked(paris("2025-07-22T09:10:00"), Language.FR, Tier.FALLBACK, null));
        log.record(new QuizAnswered(paris("2025-07-22T11:00:00"), "scope", "scope#0", true, null, StatsFixtures.ALICE));
        log.record(
                new QuizAnswered(paris("2025-07-22T11:01:00"), "scope", "scope#1", false, null, StatsFixtures.ALICE));
        log.record(new QuizAnswered(paris("2025-07-22T11:02:00"), "scope", "scope#2", true, null, StatsFixtures.ALICE));
        log.record(new NudgeSent(paris("2025-07-29T10:00:00"), StatsFixtures.CHANNEL, NudgeSent.Kind.TIP));
        return service.weeks(WeeklyStats.WEEKS, PARIS).withFailures(List.of(paris("2025-07-21T10:00:00")));
    }

    @Test
    void theSheetHasTheFourChartsWithTheWeeksFigures() {
        ChartSheet sheet = WeeklyCharts.sheet(busy(), StatsFixtures.BUNDLED, Language.EN);

        assertThat(sheet.charts())
                .extracting(ChartSheet.Chart::kind)
                .containsExactly(
                        ChartSheet.Kind.STACKED_COLUMNS,
                        ChartSheet.Kind.BARS,
                        ChartSheet.Kind.LINE,
                        ChartSheet.Kind.STACKED_COLUMNS);
        ChartSheet.Chart questions = sheet.charts().get(0);
        assertThat(questions.categories()).hasSize(12).endsWith("7/21", "7/28");
        assertThat(questions.series())
                .extracting(ChartSheet.Series::name)
                .containsExactly(
                        Messages.get(Language.EN, "stats.tier.answered"),
                        Messages.get(Language.EN, "stats.tier.suggested"),
                        Messages.get(Language.EN, "stats.tier.not-covered"));
        assertThat(questions.series().get(0).values()).endsWith(0.0, 2.0);
        assertThat(questions.series().get(1).values()).endsWith(1.0, 0.0);
        assertThat(questions.series().get(2).values()).endsWith(1.0, 0.0);
        ChartSheet.Chart topics = sheet.charts().get(1);
        assertThat(topics.categories())
                .containsExactly(
                        StatsFixtures.BUNDLED
                                .section("photos-videos", Language.EN)
                                .orElseThrow()
                                .title(),
                        StatsFixtures.BUNDLED
                                .section("media-inquiries", Language.EN)
                                .orElseThrow()
                                .title());
        assertThat(topics.series().get(0).values()).containsExactly(2.0, 1.0);
        ChartSheet.Chart quiz = sheet.charts().get(2);
        assertThat(quiz.maximum()).isEqualTo(100);
        assertThat(quiz.series().get(0).values())
                .endsWith(new Double[] {67.0, null})
                .startsWith(new Double[] {null});
        ChartSheet.Chart nudges = sheet.charts().get(3);
        assertThat(nudges.series().get(0).values()).endsWith(0.0, 1.0);
        assertThat(nudges.series().get(2).values()).endsWith(1.0, 0.0);
        assertThat(WeeklyCharts.sheet(busy(), StatsFixtures.BUNDLED, Language.FR)
                        .charts()
                        .get(0)
                        .categories())
                .endsWith("28/7");
    }

    @Test
    void theReplyHasThePictureThenTheSameFiguresAsText() {
        byte[] png = {1, 2, 3};

        Reply reply = WeeklyCharts.reply(
                        busy(), StatsFixtures.BUNDLED, Language.FR, sheet -> Optional.of(png), Reply.Delivery.PRIVATE)
                .orElseThrow();

        assertThat(reply.blocks()).hasSize(5);
        assertThat(reply.blocks().get(0)).isInstanceOf(Block.Heading.class);
        assertThat(((Block.Heading) reply.blocks().get(0)).text())
                .isEqualTo("Les 12 dernières semaines (du 12 mai 2025 au 3 août 2025)");
        assertThat(((Block.Picture) reply.blocks().get(1)).png()).isEqualTo(png);
        Block.Checklist weeks = (Block.Checklist) reply.blocks().get(2);
        assertThat(weeks.items()).hasSize(12);
        assertThat(weeks.items().get(10))
                .isEqualTo(Messages.get(
                        Language.FR,
                        "stats.weeks.item",
                        "21 juillet",
                        2,
                        0,
                        1,
                        1,
                        Messages.get(Language.FR, "stats.weeks.quiz", 3, 67),
                        0,
                        1));
        assertThat(weeks.items().get(0)).contains(Messages.get(Language.FR, "stats.weeks.quiz.none"));
        assertThat(((Block.Context) reply.blocks().get(4)).text())
                .isEqualTo(Messages.get(Language.FR, "stats.privacy"));
    }

    @Test
    void aPictureTooBigForEveryPlatformOrNoneAtAllLeavesTheText() {
        Reply tooBig = WeeklyCharts.reply(
                        busy(),
                        StatsFixtures.BUNDLED,
                        Language.EN,
                        sheet -> Optional.of(new byte[DrawCharts.MAX_PNG_BYTES + 1]),
                        Reply.Delivery.PRIVATE)
                .orElseThrow();
        Reply none = WeeklyCharts.reply(
                        busy(), StatsFixtures.BUNDLED, Language.EN, DrawCharts.none(), Reply.Delivery.PRIVATE)
                .orElseThrow();

        for (Reply reply : List.of(tooBig, none)) {
            assertThat(reply.blocks()).noneMatch(Block.Picture.class::isInstance);
            assertThat(reply.blocks())
                    .filteredOn(Block.Checklist.class::isInstance)
                    .hasSize(2);
        }
    }

    @Test
    void noReplyWhenNothingHappened() {
        assertThat(WeeklyCharts.reply(
                        service.weeks(12, PARIS),
                        StatsFixtures.BUNDLED,
                        Language.EN,
                        sheet -> Optional.of(new byte[] {1}),
                        Reply.Delivery.PRIVATE))
                .isEmpty();
    }

    // ----- export -----

    private static List<CSVRecord> records(byte[] csv) throws java.io.IOException {
        assertThat(Arrays.copyOf(csv, 3)).as("byte order mark").containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        try (CSVParser parser = CSVParser.parse(
                text,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get())) {
            assertThat(parser.getHeaderNames()).isEqualTo(WeeklyExport.COLUMNS);
            return new ArrayList<>(parser.getRecords());
        }
    }

    @Test
    void theExportHasEveryWeekForEveryTopicAskedAboutWithZeros() throws Exception {
        List<CSVRecord> rows = records(WeeklyExport.csv(busy(), StatsFixtures.BUNDLED, Language.EN));

        assertThat(rows).hasSize(12 * 3);
        assertThat(rows)
                .extracting(row -> row.get("topic"))
                .containsOnly("media-inquiries", "photos-videos", AwarenessStats.UNMATCHED);
        CSVRecord photos = rows.stream()
                .filter(r -> r.get("week_start").equals("2025-07-28")
                        && r.get("topic").equals("photos-videos"))
                .findFirst()
                .orElseThrow();
        assertThat(photos.get("topic_title"))
                .isEqualTo(StatsFixtures.BUNDLED
                        .section("photos-videos", Language.EN)
                        .orElseThrow()
                        .title());
        assertThat(List.of(
                        photos.get("answered"),
                        photos.get("suggested"),
                        photos.get("not_covered"),
                        photos.get("total")))
                .containsExactly("2", "0", "0", "2");
        CSVRecord unmatched = rows.stream()
                .filter(r -> r.get("week_start").equals("2025-07-21")
                        && r.get("topic").equals("unmatched"))
                .findFirst()
                .orElseThrow();
        assertThat(unmatched.get("topic_title")).isEqualTo(Messages.get(Language.EN, "commands.stats.no-section"));
        assertThat(unmatched.get("not_covered")).isEqualTo("1");
        assertThat(rows.stream().filter(r -> r.get("week_start").equals("2025-05-12")))
                .allSatisfy(r -> assertThat(r.get("total")).isEqualTo("0"));
    }

    @Test
    void titlesAreQuotedAndCannotRunAsSpreadsheetFormulas(@TempDir Path dir) throws Exception {
        TestCharter.writeValid(dir);
        TestCharter.write(
                dir, "en/alpha.md", TestCharter.enSection("alpha", "=HYPERLINK(\"x\", \"Alpha, things\")", "beta"));
        TestCharter.write(dir, "fr/alpha.md", TestCharter.frSection("alpha", "Choses, « alpha »", "beta"));
        Charter charter = ((LoadResult.Loaded)
                        CharterLoader.load(CharterFiles.fromDirectory(dir), CharterSettings.DEFAULTS))
                .charter();
        log.record(new QuestionAsked(paris("2025-07-29T09:00:00"), Language.EN, Tier.ANSWER, "alpha"));
        WeeklyStats weeks = service.weeks(1, PARIS);

        List<CSVRecord> en = records(WeeklyExport.csv(weeks, charter, Language.EN));
        List<CSVRecord> fr = records(WeeklyExport.csv(weeks, charter, Language.FR));

        assertThat(en.get(0).get("topic_title")).isEqualTo("'=HYPERLINK(\"x\", \"Alpha, things\")");
        assertThat(fr.get(0).get("topic_title")).isEqualTo("Choses, « alpha »");
    }

    @Test
    void theExportReplyCarriesTheFileAndTheActionToHaveItAgain() {
        Reply reply = WeeklyExport.reply(busy(), NOW, StatsFixtures.BUNDLED, Language.EN, Reply.Delivery.PRIVATE);

        Block.File file = (Block.File) reply.blocks().get(1);
        assertThat(file.fileName()).isEqualTo("charter-stats-2025-05-12-to-2025-08-03.csv");
        assertThat(file.mediaType()).isEqualTo("text/csv");
        assertThat(file.description())
                .isEqualTo(Messages.get(Language.EN, "stats.export.description", 12, "12 May 2025", "3 August 2025"));
        assertThat(file.again()).hasValueSatisfying(again -> {
            assertThat(again.actionId()).isEqualTo(ActionIds.STATS_EXPORT);
            assertThat(again.value()).isEqualTo(Long.toString(NOW.getEpochSecond()));
        });
        assertThat(reply.fallbackText()).contains(file.description());
    }
}
