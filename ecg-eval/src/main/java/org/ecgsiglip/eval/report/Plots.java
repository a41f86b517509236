package org.ecgsiglip.eval.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ecgsiglip.eval.ConfidenceInterval;
import org.ecgsiglip.eval.Difference;
import org.ecgsiglip.eval.Evaluation;
import org.ecgsiglip.eval.FindingMetrics;
import org.ecgsiglip.eval.Intervals;
import org.ecgsiglip.eval.Metric;
import org.ecgsiglip.eval.PairedComparison;
import org.ecgsiglip.eval.PrCurve;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The PNG plots of evaluations and comparisons, drawn with XChart off screen (headless, see
 * {@link Charts}); reliability diagrams are {@link ReliabilityDiagram}'s.
 */
public final class Plots {
    private static final Color POINT = new Color(0x1f, 0x4e, 0x99);
    private static final Color BAR = new Color(0x7a, 0x9c, 0xd6);

    static {
        Charts.init();
    }

    private Plots() {
    }

    /**
     * Per-finding F1, findings sorted by support (largest first), with the bootstrap interval as
     * an error bar when the evaluation has one.
     */
    public static byte[] f1ByFinding(Evaluation e) {
        List<Integer> order = bySupport(e);
        List<String> labels = new ArrayList<>();
        List<Double> f1 = new ArrayList<>();
        List<ConfidenceInterval> cis = new ArrayList<>();
        Optional<Intervals> ci = e.intervals();
        for (int k : order) {
            FindingMetrics f = e.perFinding().get(k);
            labels.add(f.code() + " (" + f.support() + ")");
            f1.add(f.f1());
            cis.add(ci.map(i -> i.of(k, Metric.F1)).orElse(null));
        }
        CategoryChart chart = categories("Per-finding F1 (n = support), sorted by support"
                + ci.map(i -> String.format(java.util.Locale.ROOT, ", %.0f%% bootstrap CI", 100 * i.bootstrap().level()))
                .orElse(""), "F1", labels.size());
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        addIntervals(chart, labels, f1, cis);
        return png(chart);
    }

    /** Precision-recall curves of the findings with the lowest AUPRC; {@code null} when there are none. */
    public static byte[] worstPrCurves(Evaluation e) {
        if (e.worstCurves().isEmpty()) {
            return null;
        }
        XYChart chart = new XYChartBuilder().width(760).height(480)
                .title("Precision-recall curves of the findings with the lowest AUPRC")
                .xAxisTitle("recall").yAxisTitle("precision").build();
        style(chart);
        chart.getStyler().setLegendVisible(true).setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.05);
        for (PrCurve c : e.worstCurves()) {
            XYSeries s = chart.addSeries(String.format(java.util.Locale.ROOT, "%s (AP %.3f)", c.code(),
                    c.averagePrecision()), c.recall(), c.precision());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
            s.setMarker(SeriesMarkers.NONE);
        }
        return png(chart);
    }

    /** Per-finding difference B - A of a metric with its interval, findings sorted by support. */
    public static byte[] differences(PairedComparison c, Metric metric) {
        Evaluation a = c.a();
        List<String> labels = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<ConfidenceInterval> cis = new ArrayList<>();
        List<Difference> d = c.perFinding(metric);
        for (int k : bySupport(a)) {
            Difference dk = d.get(k);
            labels.add(a.perFinding().get(k).code() + " (" + a.perFinding().get(k).support() + ")");
            y.add(dk.estimate());
            cis.add(new ConfidenceInterval(dk.lower(), dk.upper(), dk.level(), dk.replicates()));
        }
        CategoryChart chart = categories(metric.label() + ": " + c.nameB() + " minus " + c.nameA()
                + " per finding (n = support), paired bootstrap CI", metric.label() + " difference", labels.size());
        addIntervals(chart, labels, y, cis);
        CategorySeries zero = chart.addSeries("zero", labels, java.util.Collections.nCopies(labels.size(), 0.0));
        zero.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        zero.setMarker(SeriesMarkers.NONE);
        zero.setLineColor(Color.GRAY);
        return png(chart);
    }

    private static CategoryChart categories(String title, String yTitle, int n) {
        CategoryChart chart = new CategoryChartBuilder().width(Math.max(640, 80 + 22 * n)).height(480)
                .title(title).yAxisTitle(yTitle).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE).setPlotBorderVisible(false).setAntiAlias(true);
        chart.getStyler().setLegendVisible(false).setMarkerSize(7);
        chart.getStyler().setXAxisLabelRotation(90);
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        return chart;
    }

    /** The values as points, and their intervals as error bars around the intervals' midpoints. */
    private static void addIntervals(CategoryChart chart, List<String> labels, List<Double> values,
                                     List<ConfidenceInterval> cis) {
        List<Double> mid = new ArrayList<>();
        List<Double> half = new ArrayList<>();
        boolean any = false;
        for (int i = 0; i < labels.size(); i++) {
            ConfidenceInterval c = cis.get(i);
            boolean ok = c != null && !Double.isNaN(c.lower());
            any |= ok;
            mid.add(ok ? (c.lower() + c.upper()) / 2 : nanToZero(values.get(i)));
            half.add(ok ? (c.upper() - c.lower()) / 2 : 0.0);
        }
        if (any) {
            CategorySeries bars = chart.addSeries("interval", labels, mid, half);
            bars.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
            bars.setMarker(SeriesMarkers.NONE);
            bars.setMarkerColor(BAR);
            bars.setLineColor(BAR);
        }
        List<Double> v = new ArrayList<>();
        for (double x : values) {
            v.add(nanToZero(x));
        }
        CategorySeries points = chart.addSeries("value", labels, v);
        points.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
        points.setMarker(SeriesMarkers.CIRCLE);
        points.setMarkerColor(POINT);
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0.0 : v;
    }

    private static List<Integer> bySupport(Evaluation e) {
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < e.perFinding().size(); k++) {
            order.add(k);
        }
        order.sort(Comparator.<Integer>comparingLong(k -> -e.perFinding().get(k).support())
                .thenComparing(k -> e.perFinding().get(k).code()));
        return order;
    }

    private static void style(XYChart chart) {
        chart.getStyler().setChartBackgroundColor(Color.WHITE).setPlotBorderVisible(false).setAntiAlias(true);
        chart.getStyler().setMarkerSize(7);
    }

    private static byte[] png(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
        return Charts.png(chart);
    }
}
