package org.ecgsiglip.cli.labels;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The collision curve as PNG (XChart, headless): colliding pairs per batch against batch size on
 * log-log axes — the exact expectation as a line, the measured means as points with ±2 standard
 * errors, and all off-diagonal pairs C(n, 2) for reference.
 */
public final class CollisionPlot {
    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private CollisionPlot() {
    }

    public static byte[] png(CollisionReport r) {
        List<CollisionReport.SizeRow> rows = r.sizes();
        double[] n = rows.stream().mapToDouble(CollisionReport.SizeRow::batchSize).toArray();
        XYChart chart = new XYChartBuilder().width(900).height(560)
                .title("Same-finding pairs per batch, " + r.dataset() + (r.excluded().isEmpty() ? ""
                        : " (excluding " + String.join(", ", r.excluded()) + ")"))
                .xAxisTitle("batch size").yAxisTitle("pairs per batch").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setAntiAlias(true);
        XYSeries all = chart.addSeries("all off-diagonal pairs C(n, 2)", n,
                rows.stream().mapToDouble(CollisionReport.SizeRow::pairs).toArray());
        all.setMarker(SeriesMarkers.NONE).setLineColor(Color.GRAY)
                .setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {6f, 4f}, 0f));
        XYSeries expected = chart.addSeries("expected colliding pairs (exact)", n,
                rows.stream().mapToDouble(CollisionReport.SizeRow::expected).map(CollisionPlot::positive).toArray());
        expected.setMarker(SeriesMarkers.NONE).setLineColor(new Color(0x1f, 0x77, 0xb4));
        XYSeries measured = chart.addSeries("measured, " + r.batches() + " random batches (±2 SE)", n,
                rows.stream().mapToDouble(CollisionReport.SizeRow::measured).map(CollisionPlot::positive).toArray(),
                rows.stream().mapToDouble(s -> 2 * s.standardError()).toArray());
        measured.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(new Color(0xd6, 0x27, 0x28))
                .setLineStyle(new BasicStroke(0f)).setLineColor(new Color(0, 0, 0, 0));
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the collision plot", e);
        }
    }

    /** Log axes cannot show 0: such points are drawn at a tenth of a pair. */
    private static double positive(double v) {
        return Math.max(v, 0.1);
    }
}
