package com.charterbot.app.stats;

import com.charterbot.core.stats.ChartSheet;
import com.charterbot.core.stats.DrawCharts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws a {@link ChartSheet} with JFreeChart: its title, then its charts two by two, as a PNG small
 * enough for every platform ({@link DrawCharts#MAX_PNG_BYTES}). Flat colours without anti-aliasing
 * on a 16-colour palette keep the file small; the colours are the Okabe-Ito set, told apart with the
 * common colour blindnesses. When the picture is still too big, a smaller one is drawn; when even
 * the smallest is, or drawing fails (a server without fonts), there is no picture and the reply's
 * text says it all. Thread-safe.
 */
public final class JFreeChartDrawing implements DrawCharts {

    private static final Logger LOG = LoggerFactory.getLogger(JFreeChartDrawing.class);

    /** The sizes tried, largest first. */
    static final List<int[]> SIZES = List.of(new int[] {800, 560}, new int[] {720, 500}, new int[] {640, 450});

    private static final Color INK = new Color(0x33, 0x33, 0x33);
    private static final Color LINE = new Color(0x99, 0x99, 0x99);
    /** Series colours, in order: blue, orange, vermillion, bluish green, sky blue. */
    private static final List<Color> SERIES = List.of(
            new Color(0x00, 0x72, 0xB2),
            new Color(0xE6, 0x9F, 0x00),
            new Color(0xD5, 0x5E, 0x00),
            new Color(0x00, 0x9E, 0x73),
            new Color(0x56, 0xB4, 0xE9));

    private static final IndexColorModel PALETTE = palette();

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font CHART_TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    private final int maxBytes;

    public JFreeChartDrawing() {
        this(MAX_PNG_BYTES);
    }

    /** A drawing held to a smaller size than the platforms need, for tests. */
    JFreeChartDrawing(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Optional<byte[]> png(ChartSheet sheet) {
        try {
            for (int[] size : SIZES) {
                byte[] png = draw(sheet, size[0], size[1]);
                if (png.length <= maxBytes) {
                    return Optional.of(png);
                }
            }
            LOG.info(
                    "The statistics chart stays over {} bytes at every size; the reply gives the figures as text",
                    maxBytes);
            return Optional.empty();
        } catch (RuntimeException | Error e) {
            // No fonts, no graphics environment: statistics as text are still statistics.
            LOG.warn("Drawing the statistics chart failed ({}); the reply gives the figures as text", e.toString());
            return Optional.empty();
        }
    }

    /** The sheet at this size, whatever its weight in bytes. */
    static byte[] draw(ChartSheet sheet, int width, int height) {
        return PalettePng.write(image(sheet, width, height));
    }

    private static BufferedImage image(ChartSheet sheet, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, PALETTE);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int titleHeight = 28;
            g.setFont(TITLE);
            g.setColor(INK);
            int titleWidth = g.getFontMetrics().stringWidth(sheet.title());
            g.drawString(sheet.title(), Math.max(4, (width - titleWidth) / 2), 20);
            int columns = sheet.charts().size() == 1 ? 1 : 2;
            int rows = (sheet.charts().size() + columns - 1) / columns;
            int cellWidth = width / columns;
            int cellHeight = (height - titleHeight) / rows;
            for (int i = 0; i < sheet.charts().size(); i++) {
                JFreeChart chart = chart(sheet.charts().get(i));
                chart.draw(
                        g,
                        new Rectangle(
                                (i % columns) * cellWidth,
                                titleHeight + (i / columns) * cellHeight,
                                cellWidth,
                                cellHeight));
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static JFreeChart chart(ChartSheet.Chart spec) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ChartSheet.Series series : spec.series()) {
            for (int i = 0; i < spec.categories().size(); i++) {
                // Categories are keys: two sections may share a title, so each key carries its position.
                data.addValue(
                        series.values().get(i),
                        series.name(),
                        new Category(i, spec.categories().get(i)));
            }
        }
        CategoryItemRenderer renderer = switch (spec.kind()) {
            case STACKED_COLUMNS -> bars(new StackedBarRenderer());
            case BARS -> bars(new BarRenderer());
            case LINE -> line();
        };
        for (int i = 0; i < spec.series().size(); i++) {
            renderer.setSeriesPaint(i, SERIES.get(i % SERIES.size()));
        }
        CategoryAxis categories = new CategoryAxis();
        categories.setTickLabelFont(LABEL);
        categories.setTickLabelPaint(INK);
        categories.setAxisLinePaint(LINE);
        categories.setTickMarksVisible(false);
        categories.setLowerMargin(0.02);
        categories.setUpperMargin(0.02);
        categories.setCategoryMargin(0.25);
        NumberAxis values = new NumberAxis();
        values.setTickLabelFont(LABEL);
        values.setTickLabelPaint(INK);
        values.setAxisLinePaint(LINE);
        values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        if (spec.maximum() > 0) {
            values.setRange(0, spec.maximum());
        } else {
            values.setAutoRangeMinimumSize(4);
        }
        PlotOrientation orientation = PlotOrientation.VERTICAL;
        if (spec.kind() == ChartSheet.Kind.BARS) {
            orientation = PlotOrientation.HORIZONTAL;
            categories.setMaximumCategoryLabelWidthRatio(0.45f);
        } else {
            categories.setCategoryLabelPositions(
                    spec.categories().size() > 8 ? CategoryLabelPositions.UP_90 : CategoryLabelPositions.STANDARD);
        }
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        plot.setOrientation(orientation);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setNoDataMessage("-");
        JFreeChart chart =
                new JFreeChart(spec.title(), CHART_TITLE, plot, spec.series().size() > 1);
        chart.getTitle().setPaint(INK);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(false);
        chart.setTextAntiAlias(false);
        chart.setBorderVisible(false);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(LABEL);
            legend.setItemPaint(INK);
            legend.setFrame(BlockBorder.NONE);
            legend.setPosition(RectangleEdge.BOTTOM);
        }
        return chart;
    }

    private static BarRenderer bars(BarRenderer renderer) {
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setMaximumBarWidth(0.08);
        return renderer;
    }

    private static LineAndShapeRenderer line() {
        LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
        renderer.setDefaultStroke(new BasicStroke(2f));
        renderer.setAutoPopulateSeriesStroke(false);
        return renderer;
    }

    /** White, greys for text and lines, the series colours; the rest of the 16 entries white. */
    private static IndexColorModel palette() {
        List<Color> colors = new java.util.ArrayList<>(List.of(
                Color.WHITE,
                Color.BLACK,
                INK,
                LINE,
                new Color(0xDD, 0xDD, 0xDD),
                new Color(0x66, 0x66, 0x66),
                new Color(0xBB, 0xBB, 0xBB)));
        colors.addAll(SERIES);
        while (colors.size() < 16) {
            colors.add(Color.WHITE);
        }
        byte[] r = new byte[16];
        byte[] g = new byte[16];
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            r[i] = (byte) colors.get(i).getRed();
            g[i] = (byte) colors.get(i).getGreen();
            b[i] = (byte) colors.get(i).getBlue();
        }
        return new IndexColorModel(4, 16, r, g, b);
    }

    /** A category of a chart: its label, kept apart from an equal label elsewhere by its position. */
    private record Category(int position, String label) implements Comparable<Category> {
        @Override
        public int compareTo(Category other) {
            return Integer.compare(position, other.position);
        }

        @Override
        public String toString() {
            return label;
        }
    }
}
