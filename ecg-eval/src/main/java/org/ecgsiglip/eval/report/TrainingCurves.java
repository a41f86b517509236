package org.ecgsiglip.eval.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ecgsiglip.io.util.AtomicFiles;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Training curves from plain numbers: one small panel per named series (loss, validation macro
 * AUROC, macro F1, target positive rate, temperature t, bias b, ...) against the epoch,
 * {@value #COLUMNS} panels a row, each {@value #PANEL_WIDTH} x {@value #PANEL_HEIGHT} pixels,
 * and the chosen epoch marked in every panel by a dashed red line and a red point. Undefined
 * values (NaN) are left out of their panel. {@link #html} wraps the picture and the numbers in
 * one self-contained page.
 */
public final class TrainingCurves {
    public static final int PANEL_WIDTH = 480;
    public static final int PANEL_HEIGHT = 300;
    public static final int COLUMNS = 2;

    static {
        Charts.init();
    }

    /** One named curve: {@code values[i]} at epoch {@code epochs[i]}. */
    public record Series(String name, int[] epochs, double[] values) {
        public Series {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a series needs a name");
            }
            if (epochs.length != values.length) {
                throw new IllegalArgumentException("series " + name + " has " + epochs.length + " epochs but "
                        + values.length + " values");
            }
            epochs = epochs.clone();
            values = values.clone();
        }

        @Override
        public int[] epochs() {
            return epochs.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Series s && name.equals(s.name) && Arrays.equals(epochs, s.epochs)
                    && Arrays.equals(values, s.values);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(epochs);
        }

        @Override
        public String toString() {
            return "Series[" + name + ", " + epochs.length + " epochs]";
        }
    }

    private TrainingCurves() {
    }

    /**
     * The panels as one PNG: {@value #COLUMNS} columns, as many rows as needed.
     *
     * @param chosenEpoch the epoch to mark (the one kept), or {@code null} for none
     * @throws IllegalArgumentException when there is no series, or a series has no defined value
     */
    public static byte[] png(List<Series> series, Integer chosenEpoch) {
        return Charts.grid(charts(series, chosenEpoch), COLUMNS);
    }

    /** Writes {@link #png} atomically. */
    public static void writePng(List<Series> series, Integer chosenEpoch, Path png) {
        Charts.write(png(series, chosenEpoch), png);
    }

    /**
     * A self-contained page: the picture inline (a {@code data:} URI) and a table of every value
     * by epoch, the chosen epoch's row in bold.
     */
    public static String html(String title, List<Series> series, Integer chosenEpoch) {
        return TrainingPage.of(title, series, chosenEpoch, png(series, chosenEpoch));
    }

    /** Writes {@link #html} atomically. */
    public static void writeHtml(String title, List<Series> series, Integer chosenEpoch, Path html) {
        AtomicFiles.writeString(html, html(title, series, chosenEpoch));
    }

    static List<XYChart> charts(List<Series> series, Integer chosenEpoch) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("no series to draw");
        }
        List<XYChart> out = new ArrayList<>();
        for (Series s : series) {
            out.add(panel(s, chosenEpoch));
        }
        return out;
    }

    private static XYChart panel(Series s, Integer chosenEpoch) {
        List<Integer> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        Double atChosen = null;
        for (int i = 0; i < s.epochs.length; i++) {
            if (Double.isFinite(s.values[i])) {
                x.add(s.epochs[i]);
                y.add(s.values[i]);
                lo = Math.min(lo, s.values[i]);
                hi = Math.max(hi, s.values[i]);
                if (chosenEpoch != null && s.epochs[i] == chosenEpoch) {
                    atChosen = s.values[i];
                }
            }
        }
        if (x.isEmpty()) {
            throw new IllegalArgumentException("series " + s.name + " has no finite value to draw");
        }
        String title = s.name + (atChosen == null ? "" : String.format(Locale.ROOT, " (epoch %d: %.4g)",
                chosenEpoch, atChosen));
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT).title(title)
                .xAxisTitle("epoch").yAxisTitle(s.name).build();
        Charts.style(chart);
        chart.getStyler().setLegendVisible(false).setMarkerSize(5);
        chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(13f));
        XYSeries curve = chart.addSeries(s.name, x, y);
        curve.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        curve.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(Charts.POINT);
        curve.setLineColor(Charts.POINT);
        if (chosenEpoch != null) {
            double pad = hi > lo ? 0 : Math.max(Math.abs(hi) * 0.05, 1e-3);
            XYSeries line = chart.addSeries("chosen epoch " + chosenEpoch, new double[] {chosenEpoch, chosenEpoch},
                    new double[] {lo - pad, hi + pad});
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(Charts.CHOSEN);
            line.setLineStyle(Charts.DASHED);
            if (atChosen != null) {
                XYSeries point = chart.addSeries("value at epoch " + chosenEpoch, new double[] {chosenEpoch},
                        new double[] {atChosen});
                point.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                point.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(Charts.CHOSEN);
            }
        }
        return chart;
    }
}
