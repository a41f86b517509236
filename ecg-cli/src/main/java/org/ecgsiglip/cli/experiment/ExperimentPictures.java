package org.ecgsiglip.cli.experiment;

import java.util.ArrayList;
import java.util.List;
import org.ecgsiglip.eval.Average;
import org.ecgsiglip.eval.ConfidenceInterval;
import org.ecgsiglip.eval.Difference;
import org.ecgsiglip.eval.Evaluation;
import org.ecgsiglip.eval.Metric;
import org.ecgsiglip.eval.report.F1Bars;
import org.ecgsiglip.eval.report.ForestPlot;

/** The experiment report's pictures, drawn from its evaluations and comparisons by ecg-eval's plot helpers. */
final class ExperimentPictures {
    private ExperimentPictures() {
    }

    /** Most variants one bar chart holds. */
    static final int VARIANTS_PER_CHART = 6;

    /**
     * Per-finding F1 of every variant on the test folds, each bar with its bootstrap interval: one chart per
     * {@value #VARIANTS_PER_CHART} variants (a leave-one-out experiment has many), in variant order.
     */
    static List<byte[]> f1Charts(ExperimentPlan plan, List<RunOutcome> runs, long seed) {
        List<byte[]> charts = new ArrayList<>();
        for (int start = 0; start < runs.size(); start += VARIANTS_PER_CHART) {
            charts.add(f1Bars(plan, runs.subList(start, Math.min(runs.size(), start + VARIANTS_PER_CHART)), seed));
        }
        return charts;
    }

    /** Per-finding F1 of up to {@value #VARIANTS_PER_CHART} variants, each bar with its bootstrap interval. */
    static byte[] f1Bars(ExperimentPlan plan, List<RunOutcome> runs, long seed) {
        List<String> codes = runs.get(0).test().codes();
        List<F1Bars.Group> groups = new ArrayList<>();
        for (RunOutcome r : runs) {
            Evaluation e = r.test();
            double[] f1 = new double[codes.size()];
            double[] lo = new double[codes.size()];
            double[] hi = new double[codes.size()];
            for (int k = 0; k < codes.size(); k++) {
                f1[k] = e.finding(codes.get(k)).f1();
                ConfidenceInterval ci = e.interval(codes.get(k), Metric.F1).orElse(null);
                lo[k] = ci == null ? Double.NaN : ci.lower();
                hi[k] = ci == null ? Double.NaN : ci.upper();
            }
            groups.add(new F1Bars.Group(r.variant(), f1, lo, hi));
        }
        return F1Bars.png("Per-finding F1 on test folds " + plan.dataConfig().testFolds() + ", seed " + seed + " ("
                + Math.round(100 * plan.level()) + "% bootstrap intervals)", "F1", codes, groups);
    }

    /** The paired differences B − A of one comparison: per-finding F1, then macro-F1 and macro-AUROC. */
    static byte[] forest(ComparisonOutcome c) {
        List<ForestPlot.Row> rows = new ArrayList<>();
        for (String code : c.comparison().codes()) {
            Difference d = c.comparison().difference(code, Metric.F1);
            rows.add(new ForestPlot.Row("F1 " + code, d.estimate(), d.lower(), d.upper(), d.adjustedP()));
        }
        for (Average avg : List.of(Average.MACRO_F1, Average.MACRO_AUROC)) {
            Difference d = c.comparison().average(avg);
            rows.add(new ForestPlot.Row(avg == Average.MACRO_F1 ? "macro-F1" : "macro-AUROC", d.estimate(), d.lower(),
                    d.upper(), d.pValue(), false));
        }
        return ForestPlot.png(c.pair().b() + " − " + c.pair().a() + ", seed " + c.seed(),
                "difference (B − A) with its paired bootstrap interval; per-finding p Holm-adjusted, averages' p unadjusted", rows);
    }
}
