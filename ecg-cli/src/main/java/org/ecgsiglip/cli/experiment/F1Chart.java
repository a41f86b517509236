package org.ecgsiglip.cli.experiment;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.ecgsiglip.eval.Evaluation;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** A grouped bar chart of per-finding F1, one series per variant, as PNG bytes (drawn headless). */
final class F1Chart {
    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private F1Chart() {
    }

    static byte[] png(List<String> names, List<Evaluation> evaluations, String title) {
        List<String> codes = evaluations.get(0).codes();
        CategoryChart chart = new CategoryChartBuilder().width(Math.max(600, 90 * codes.size() + 200)).height(420)
                .title(title).xAxisTitle("finding").yAxisTitle("F1").build();
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setChartBackgroundColor(Color.WHITE).setLegendPosition(Styler.LegendPosition.OutsideE)
                .setAntiAlias(true);
        for (int v = 0; v < names.size(); v++) {
            List<Double> f1 = new ArrayList<>();
            for (String code : codes) {
                double x = evaluations.get(v).finding(code).f1();
                f1.add(Double.isNaN(x) ? 0.0 : x);
            }
            chart.addSeries(names.get(v), codes, f1);
        }
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the F1 chart", e);
        }
    }
}
