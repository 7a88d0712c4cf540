package com.charterbot.app.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.activity.QuestionAsked;
import com.charterbot.core.activity.QuizAnswered;
import com.charterbot.core.answer.Tier;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.CharterLoader;
import com.charterbot.core.charter.CharterSettings;
import com.charterbot.core.charter.LoadResult;
import com.charterbot.core.charter.Section;
import com.charterbot.core.memory.InMemoryActivityLog;
import com.charterbot.core.stats.AwarenessStatsService;
import com.charterbot.core.stats.ChartSheet;
import com.charterbot.core.stats.DrawCharts;
import com.charterbot.core.stats.WeeklyCharts;
import com.charterbot.core.stats.WeeklyStats;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The statistics' charts drawn as the administrators get them: small enough for Teams, readable, in both languages. */
class JFreeChartDrawingTest {

    static final Instant NOW = Instant.parse("2025-07-30T15:00:00Z");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final JFreeChartDrawing drawing = new JFreeChartDrawing();

    /** Twelve busy weeks on every section of the bundled charter, the longest titles included. */
    static WeeklyStats busyWeeks() {
        Charter charter = charter();
        InMemoryActivityLog log = new InMemoryActivityLog();
        Random random = new Random(21);
        List<Section> sections = charter.sections(Language.EN).stream()
                .filter(s -> !s.isNotCovered())
                .toList();
        ChannelRef channel = new ChannelRef(Platform.SLACK, "T1", "C1");
        for (int day = 0; day < 84; day++) {
            Instant at = NOW.minus(Duration.ofDays(day));
            for (int q = 0; q < 5 + random.nextInt(20); q++) {
                Tier tier = Tier.values()[random.nextInt(3)];
                log.record(new QuestionAsked(
                        at,
                        Language.FR,
                        tier,
                        sections.get(random.nextInt(sections.size())).id()));
            }
            for (int a = 0; a < random.nextInt(6); a++) {
                log.record(new QuizAnswered(
                        at,
                        "photos-videos",
                        "photos-videos#0",
                        random.nextBoolean(),
                        null,
                        new UserRef(Platform.SLACK, "T1", "U" + random.nextInt(40))));
            }
            log.record(new NudgeSent(at, channel, day % 2 == 0 ? NudgeSent.Kind.TIP : NudgeSent.Kind.QUIZ));
        }
        return new AwarenessStatsService(log, Clock.fixed(NOW, ZoneOffset.UTC))
                .weeks(WeeklyStats.WEEKS, PARIS)
                .withFailures(List.of(NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(40))));
    }

    static Charter charter() {
        LoadResult result = CharterLoader.load(CharterFiles.defaults(), CharterSettings.DEFAULTS);
        return ((LoadResult.Loaded) result).charter();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void drawsTwelveBusyWeeksUnderTheSizeEveryPlatformShows(Language language) throws IOException {
        ChartSheet sheet = WeeklyCharts.sheet(busyWeeks(), charter(), language);

        Optional<byte[]> png = drawing.png(sheet);

        assertThat(png).isPresent();
        assertThat(png.get().length).isLessThanOrEqualTo(DrawCharts.MAX_PNG_BYTES);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.get()));
        assertThat(image).as("a PNG the JDK can read back").isNotNull();
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(640);
        assertThat(image.getHeight()).isGreaterThanOrEqualTo(450);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "stats-chart-" + language.tag() + ".png"), png.get());
    }

    @Test
    void drawsSomethingOnEveryChartCell() throws IOException {
        ChartSheet sheet = WeeklyCharts.sheet(busyWeeks(), charter(), Language.EN);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(JFreeChartDrawing.draw(sheet, 800, 560)));

        // Each quarter of the sheet holds a chart: it has the series' colours, not just white and text.
        for (int cell = 0; cell < 4; cell++) {
            int x0 = (cell % 2) * 400;
            int y0 = 28 + (cell / 2) * 266;
            assertThat(colouredPixels(image, x0, y0, 400, 266))
                    .as("chart %d", cell + 1)
                    .isGreaterThan(200);
        }
    }

    @Test
    void triesSmallerSizesThenGivesNoPictureWhenEvenTheSmallestIsTooBig() throws IOException {
        ChartSheet sheet = WeeklyCharts.sheet(busyWeeks(), charter(), Language.EN);
        int largest = JFreeChartDrawing.draw(sheet, 800, 560).length;
        int smallest = JFreeChartDrawing.draw(sheet, 640, 450).length;

        Optional<byte[]> fitted = new JFreeChartDrawing(largest - 1).png(sheet);
        assertThat(fitted).isPresent();
        assertThat(ImageIO.read(new ByteArrayInputStream(fitted.get())).getWidth())
                .isLessThan(800);
        assertThat(new JFreeChartDrawing(smallest - 1).png(sheet)).isEmpty();
    }

    private static int colouredPixels(BufferedImage image, int x0, int y0, int width, int height) {
        int count = 0;
        for (int x = x0; x < x0 + width; x++) {
            for (int y = y0; y < y0 + height; y++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                int r = rgb >> 16;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    count++;
                }
            }
        }
        return count;
    }
}
