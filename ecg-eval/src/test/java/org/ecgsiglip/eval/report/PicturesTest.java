package org.ecgsiglip.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.ecgsiglip.eval.Fixtures;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.TruthMatrix;
import org.ecgsiglip.eval.calibration.Binning;
import org.ecgsiglip.eval.calibration.Calibration;
import org.ecgsiglip.eval.calibration.FindingCalibration;
import org.ecgsiglip.eval.calibration.ReliabilityCurve;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

/**
 * The pictures: they decode, have the stated size, and draw their marks where their axes say
 * (pixel colours at the screen positions of known data values).
 */
class PicturesTest {
    @TempDir
    Path tmp;

    private static Calibration calibration() {
        Object[] pair = Fixtures.random(400, 3, 11);
        return Calibration.of((ScoreMatrix) pair[0], (TruthMatrix) pair[1]);
    }

    @Test
    void reliabilityDiagramHasItsSizeAxesPointsAndThreshold() throws IOException {
        Calibration c = calibration();
        FindingCalibration f = c.perFinding().get(2);
        Path png = tmp.resolve("c2.png");
        ReliabilityDiagram.writePng(f, Binning.HEADLINE, png);
        BufferedImage written = ImageIO.read(png.toFile());
        assertEquals(ReliabilityDiagram.SMALL_WIDTH, written.getWidth());
        assertEquals(ReliabilityDiagram.SMALL_HEIGHT, written.getHeight());

        XYChart chart = ReliabilityDiagram.chart(f, Binning.HEADLINE);
        BufferedImage img = decode(Charts.png(chart));
        assertTrue(chart.getXAxisTitle().startsWith(ReliabilityDiagram.X_TITLE));
        assertEquals(ReliabilityDiagram.Y_TITLE, chart.getYAxisTitle());
        assertEquals(ReliabilityDiagram.COUNT_TITLE, chart.getYAxisGroupTitle(1));
        double x0 = chart.getScreenXFromChart(0);
        double x1 = chart.getScreenXFromChart(1);
        assertTrue(x1 - x0 > 0.6 * img.getWidth(), "the probability axis spans the plot: " + x0 + " .. " + x1);
        assertTrue(chart.getScreenYFromChart(0) > chart.getScreenYFromChart(1), "observed frequency grows upwards");
        for (ReliabilityCurve.Bin b : f.curve(Binning.HEADLINE).bins()) {
            int x = (int) Math.round(chart.getScreenXFromChart(b.meanPredicted()));
            int y = (int) Math.round(chart.getScreenYFromChart(b.observedFrequency()));
            assertTrue(near(img, x, y, 2, Charts.POINT), "point of bin " + b.index() + " at " + x + "," + y);
        }
        int xCut = (int) Math.round(chart.getScreenXFromChart(0.5));
        int grey = 0;
        int top = (int) chart.getScreenYFromChart(0.95);
        int bottom = (int) chart.getScreenYFromChart(0.05);
        for (int y = top; y <= bottom; y++) {
            grey += near(img, xCut, y, 1, Charts.REFERENCE) ? 1 : 0;
        }
        assertTrue(grey > 0.3 * (bottom - top), "dashed threshold line at 0.5: " + grey + " of " + (bottom - top));

        byte[] pooled = ReliabilityDiagram.png(c.pooled(), Binning.quantile(10));
        assertEquals(ReliabilityDiagram.LARGE_WIDTH, decode(pooled).getWidth());
        assertEquals(ReliabilityDiagram.LARGE_HEIGHT, decode(pooled).getHeight());
    }

    @Test
    void trainingCurvesAreSmallMultiplesWithTheChosenEpochMarked() throws IOException {
        int[] epochs = {1, 2, 3, 4, 5, 6};
        List<TrainingCurves.Series> series = List.of(
                new TrainingCurves.Series("loss", epochs, new double[] {5, 4, 3.5, 3.2, 3.1, 3.05}),
                new TrainingCurves.Series("validation macro-AUROC", epochs, new double[] {.6, .7, .8, .85, .84, .83}),
                new TrainingCurves.Series("macro-F1", epochs, new double[] {0, Double.NaN, .2, .3, .31, .3}),
                new TrainingCurves.Series("target positive rate", epochs, new double[] {.3, .3, .3, .3, .3, .3}),
                new TrainingCurves.Series("temperature t", epochs, new double[] {10, 11, 12, 13, 14, 15}));
        Path png = tmp.resolve("curves.png");
        TrainingCurves.writePng(series, 4, png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(TrainingCurves.COLUMNS * TrainingCurves.PANEL_WIDTH, img.getWidth());
        assertEquals(3 * TrainingCurves.PANEL_HEIGHT, img.getHeight(), "5 panels in rows of 2");

        List<XYChart> charts = TrainingCurves.charts(series, 4);
        BufferedImage again = decode(Charts.grid(charts, TrainingCurves.COLUMNS));
        for (int k = 0; k < charts.size(); k++) {
            XYChart chart = charts.get(k);
            assertEquals("epoch", chart.getXAxisTitle());
            assertEquals(series.get(k).name(), chart.getYAxisTitle());
            int ox = (k % TrainingCurves.COLUMNS) * TrainingCurves.PANEL_WIDTH;
            int oy = (k / TrainingCurves.COLUMNS) * TrainingCurves.PANEL_HEIGHT;
            int x = ox + (int) Math.round(chart.getScreenXFromChart(4));
            int y = oy + (int) Math.round(chart.getScreenYFromChart(series.get(k).values()[3]));
            assertTrue(near(again, x, y, 2, Charts.CHOSEN), "chosen epoch marked in panel " + k);
            assertTrue(chart.getTitle().contains("epoch 4"), chart.getTitle());
        }
        assertThrows(IllegalArgumentException.class, () -> TrainingCurves.png(List.of(), 1));
        assertThrows(IllegalArgumentException.class, () -> TrainingCurves.png(List.of(
                new TrainingCurves.Series("empty", new int[] {1}, new double[] {Double.NaN})), null));
    }

    @Test
    void trainingPageIsOneFileWithTheNumbers() throws IOException {
        int[] epochs = {1, 2, 3};
        List<TrainingCurves.Series> series = List.of(new TrainingCurves.Series("loss", epochs, new double[] {3, 2, 1}),
                new TrainingCurves.Series("bias b", epochs, new double[] {-10, -9, -8.5}));
        Path html = tmp.resolve("training.html");
        TrainingCurves.writeHtml("Run <1>", series, 2, html);
        String page = Files.readString(html);
        assertTrue(page.contains("<title>Run &lt;1&gt;</title>"), page.substring(0, 200));
        assertEquals(1, page.split("src=\"", -1).length - 1);
        assertTrue(page.contains("src=\"data:image/png;base64,"));
        assertTrue(page.contains("<tr style=\"font-weight:bold\"><td class=\"n\">2</td><td class=\"n\">2.00000</td>"
                + "<td class=\"n\">-9.00000</td></tr>"), page);
    }

    @Test
    void forestPlotDrawsEachRowWhereTheAxisSays() throws IOException {
        List<ForestPlot.Row> rows = List.of(new ForestPlot.Row("SHARED_FINDING", 0.12, 0.08, 0.16, 0.0001),
                new ForestPlot.Row("ALL_FINDINGS", -0.03, -0.07, 0.01, 0.042),
                new ForestPlot.Row("undefined", Double.NaN, Double.NaN, Double.NaN, Double.NaN));
        Path png = tmp.resolve("forest.png");
        ForestPlot.writePng("macro F1 differences", "F1 difference", rows, png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(ForestPlot.WIDTH, img.getWidth());
        assertEquals(ForestPlot.height(3), img.getHeight());
        ForestPlot.Scale x = ForestPlot.Scale.of(rows);
        for (int i = 0; i < 2; i++) {
            int y = ForestPlot.TOP + i * ForestPlot.ROW + ForestPlot.ROW / 2;
            assertTrue(near(img, (int) Math.round(x.px(rows.get(i).estimate())), y, 1, Charts.POINT), "estimate " + i);
            int mid = (int) Math.round(x.px((rows.get(i).lower() + rows.get(i).estimate()) / 2));
            assertTrue(near(img, mid, y, 1, Charts.BAR), "interval " + i);
        }
        int zero = (int) Math.round(x.px(0));
        int grey = 0;
        for (int y = ForestPlot.TOP; y < ForestPlot.TOP + 3 * ForestPlot.ROW; y++) {
            grey += near(img, zero, y, 1, Charts.REFERENCE) ? 1 : 0;
        }
        assertTrue(grey > ForestPlot.ROW, "dashed zero line");
        assertEquals("-0.0300 [-0.0700, +0.0100]  p(Holm) 0.0420", ForestPlot.numbers(rows.get(1)));
        assertEquals("+0.1200 [+0.0800, +0.1600]  p(Holm) 0.0001", ForestPlot.numbers(rows.get(0)));
        assertEquals("–", ForestPlot.numbers(rows.get(2)));
    }

    @Test
    void f1BarsDrawBarsAndAsymmetricIntervalsWhereTheAxisSays() throws IOException {
        List<String> cats = List.of("NORM", "MI", "macro");
        List<F1Bars.Group> groups = List.of(
                new F1Bars.Group("BCE", new double[] {0.8, 0.6, 0.7}, new double[] {0.7, 0.55, 0.6},
                        new double[] {0.82, 0.7, 0.75}),
                new F1Bars.Group("SHARED_FINDING", new double[] {0.5, Double.NaN, 0.4},
                        new double[] {0.45, Double.NaN, 0.3}, new double[] {0.6, Double.NaN, 0.5}));
        Path png = tmp.resolve("bars.png");
        F1Bars.writePng("F1 per finding", "F1 (95% CI)", cats, groups, png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(F1Bars.width(3, 2), img.getWidth());
        assertEquals(F1Bars.HEIGHT, img.getHeight());
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < 2; j++) {
                double v = groups.get(j).values()[k];
                int x = (int) Math.round(F1Bars.x(k, j, 2)) + 5;
                if (Double.isNaN(v)) {
                    assertTrue(!near(img, x, (int) F1Bars.y(0.2), 0, F1Bars.PALETTE[j]), "no bar for NaN");
                    continue;
                }
                assertTrue(near(img, x, (int) Math.round(F1Bars.y(v / 2)), 0, F1Bars.PALETTE[j]), "bar " + k + "," + j);
                assertTrue(!near(img, x, (int) Math.round(F1Bars.y(v + 0.02 + (groups.get(j).upper()[k] - v))), 0,
                        F1Bars.PALETTE[j]), "bar ends at its value");
                int cx = (int) Math.round(F1Bars.x(k, j, 2));
                assertTrue(near(img, cx, (int) Math.round(F1Bars.y(groups.get(j).upper()[k])), 1, Canvas.INK),
                        "upper cap " + k + "," + j);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> F1Bars.png("t", "y", cats, List.of(
                new F1Bars.Group("short", new double[] {1}, new double[] {1}, new double[] {1}))));
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(img);
        return img;
    }

    /** Whether a pixel within {@code r} of (x, y) has colour {@code c}, each channel within 40. */
    private static boolean near(BufferedImage img, int x, int y, int r, Color c) {
        for (int dx = -r; dx <= r; dx++) {
            for (int dy = -r; dy <= r; dy++) {
                int px = x + dx;
                int py = y + dy;
                if (px < 0 || py < 0 || px >= img.getWidth() || py >= img.getHeight()) {
                    continue;
                }
                Color p = new Color(img.getRGB(px, py));
                if (Math.abs(p.getRed() - c.getRed()) < 40 && Math.abs(p.getGreen() - c.getGreen()) < 40
                        && Math.abs(p.getBlue() - c.getBlue()) < 40) {
                    return true;
                }
            }
        }
        return false;
    }
}
