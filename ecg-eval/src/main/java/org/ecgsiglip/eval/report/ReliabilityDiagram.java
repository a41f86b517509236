package org.ecgsiglip.eval.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ecgsiglip.eval.calibration.Binning;
import org.ecgsiglip.eval.calibration.Calibration;
import org.ecgsiglip.eval.calibration.FindingCalibration;
import org.ecgsiglip.eval.calibration.ReliabilityCurve;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Reliability diagrams as PNG: observed frequency against mean predicted probability per bin
 * (blue points joined by a line), the diagonal of perfect calibration (grey), the decision
 * threshold 0.5 (dashed), and the number of records per bin as grey bars on the right-hand axis,
 * each bar spanning its bin's edges. Both probability axes run from 0 to 1.
 */
public final class ReliabilityDiagram {
    /** Width and height of a per-finding diagram, in pixels. */
    public static final int SMALL_WIDTH = 420;
    public static final int SMALL_HEIGHT = 380;
    /** Width and height of a pooled diagram, in pixels. */
    public static final int LARGE_WIDTH = 640;
    public static final int LARGE_HEIGHT = 540;
    static final String X_TITLE = "mean predicted probability";
    static final String Y_TITLE = "observed frequency";
    static final String COUNT_TITLE = "records per bin";

    static {
        Charts.init();
    }

    private ReliabilityDiagram() {
    }

    /** The diagram of one finding (small) or of the pooled pairs (large) under {@code binning}. */
    public static byte[] png(FindingCalibration f, Binning binning) {
        return Charts.png(chart(f, binning));
    }

    /** Writes {@link #png(FindingCalibration, Binning)} atomically. */
    public static void writePng(FindingCalibration f, Binning binning, Path png) {
        Charts.write(png(f, binning), png);
    }

    /** Any curve, with a title of the caller's, at the given size. */
    public static byte[] png(ReliabilityCurve curve, String title, int width, int height) {
        return Charts.png(chart(curve, title, width, height));
    }

    static XYChart chart(FindingCalibration f, Binning binning) {
        ReliabilityCurve c = f.curve(binning);
        boolean pooled = Calibration.POOLED.equals(f.code());
        String title = String.format(Locale.ROOT, "%s: ECE %.4f, Brier %.4f, n %d (%d pos.)",
                pooled ? "all findings pooled" : f.code(), c.ece(), f.brier(), f.records(), f.positives());
        return pooled ? chart(c, title, LARGE_WIDTH, LARGE_HEIGHT) : chart(c, title, SMALL_WIDTH, SMALL_HEIGHT);
    }

    /** A legend is drawn from {@link #LARGE_WIDTH} on; smaller diagrams rely on the page's caption. */
    static XYChart chart(ReliabilityCurve c, String title, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(X_TITLE + " (" + c.binning().words() + ")").yAxisTitle(Y_TITLE).build();
        Charts.style(chart);
        Styler s = chart.getStyler();
        s.setChartTitleFont(s.getChartTitleFont().deriveFont(width < LARGE_WIDTH ? 12f : 14f));
        s.setLegendVisible(width >= LARGE_WIDTH).setLegendFont(s.getLegendFont().deriveFont(11f));
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0, 0.0).setYAxisMax(0, 1.0);
        chart.getStyler().setYAxisMin(1, 0.0).setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.setYAxisGroupTitle(1, COUNT_TITLE);
        counts(chart, c);
        XYSeries diagonal = chart.addSeries("perfect calibration", new double[] {0, 1}, new double[] {0, 1});
        line(diagonal, Charts.REFERENCE, Charts.SOLID);
        XYSeries cut = chart.addSeries("threshold 0.5", new double[] {0.5, 0.5}, new double[] {0, 1});
        line(cut, Charts.REFERENCE, Charts.DASHED);
        if (!c.bins().isEmpty()) {
            XYSeries observed = chart.addSeries("observed", c.meanPredicted(), c.observedFrequency());
            observed.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            observed.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(Charts.POINT);
            observed.setLineColor(Charts.POINT);
        }
        return chart;
    }

    /** Bars from each non-empty bin's lower to upper edge, as high as its count, on axis group 1. */
    private static void counts(XYChart chart, ReliabilityCurve c) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        x.add(0.0);
        y.add(0.0);
        for (ReliabilityCurve.Bin b : c.bins()) {
            for (double[] p : new double[][] {{b.lower(), 0}, {b.lower(), b.count()}, {b.upper(), b.count()},
                {b.upper(), 0}}) {
                x.add(p[0]);
                y.add(p[1]);
            }
        }
        x.add(1.0);
        y.add(0.0);
        XYSeries bars = chart.addSeries(COUNT_TITLE, x, y);
        bars.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        bars.setMarker(SeriesMarkers.NONE);
        bars.setFillColor(Charts.COUNTS);
        bars.setLineColor(Charts.COUNTS.darker());
        bars.setYAxisGroup(1);
    }

    private static void line(XYSeries s, java.awt.Color color, java.awt.BasicStroke stroke) {
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(stroke);
    }
}
