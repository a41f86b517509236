package org.ecgsiglip.eval.report;

import java.util.List;
import org.ecgsiglip.eval.Average;
import org.ecgsiglip.eval.ConfidenceInterval;
import org.ecgsiglip.eval.Difference;
import org.ecgsiglip.eval.Evaluation;
import org.ecgsiglip.eval.FindingMetrics;
import org.ecgsiglip.eval.Metric;
import org.ecgsiglip.eval.PairedComparison;
import org.ecgsiglip.eval.calibration.Binning;
import org.ecgsiglip.eval.calibration.Calibration;
import org.ecgsiglip.eval.calibration.FindingCalibration;
import org.ecgsiglip.eval.calibration.ReliabilityCurve;

/**
 * CSV tables at full precision; an undefined value (NaN) is an empty cell. Per finding:
 * {@code code,support,tp,fp,fn,tn,precision,recall,f1,specificity,auroc,auprc,threshold}, then,
 * when the evaluation has a calibration, {@code brier,ece,ece_<binning>...,mean_predicted,observed_rate}
 * ({@code ece} is the headline binning's), then {@code <metric>_lower,<metric>_upper} for every
 * non-count metric when there was a bootstrap.
 */
public final class CsvReport {
    private CsvReport() {
    }

    /** metrics.csv: one row per finding. */
    public static String perFinding(Evaluation e) {
        StringBuilder sb = new StringBuilder("code");
        for (Metric m : Metric.values()) {
            sb.append(',').append(m.key());
        }
        sb.append(",threshold");
        Calibration cal = e.calibration().orElse(null);
        if (cal != null) {
            sb.append(",brier,ece");
            cal.binnings().forEach(b -> sb.append(",ece_").append(b.key()));
            sb.append(",mean_predicted,observed_rate");
        }
        boolean ci = e.intervals().isPresent();
        if (ci) {
            for (Metric m : Metric.values()) {
                if (!m.isCount()) {
                    sb.append(',').append(m.key()).append("_lower,").append(m.key()).append("_upper");
                }
            }
        }
        sb.append('\n');
        for (int k = 0; k < e.perFinding().size(); k++) {
            FindingMetrics f = e.perFinding().get(k);
            sb.append(Formats.csv(f.code()));
            for (Metric m : Metric.values()) {
                sb.append(',').append(Formats.exact(f.value(m)));
            }
            sb.append(',').append(Formats.exact(f.threshold()));
            if (cal != null) {
                FindingCalibration fc = cal.perFinding().get(k);
                sb.append(',').append(Formats.exact(fc.brier())).append(',').append(Formats.exact(fc.ece(cal.headline())));
                cal.binnings().forEach(b -> sb.append(',').append(Formats.exact(fc.ece(b))));
                sb.append(',').append(Formats.exact(fc.meanPredicted())).append(',')
                        .append(Formats.exact(fc.observedRate()));
            }
            if (ci) {
                for (Metric m : Metric.values()) {
                    if (!m.isCount()) {
                        ConfidenceInterval c = e.intervals().get().of(k, m);
                        sb.append(',').append(Formats.exact(c.lower())).append(',').append(Formats.exact(c.upper()));
                    }
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * averages.csv: {@code average,value[,lower,upper]}; with a calibration also the rows
     * {@code macro_brier, pooled_brier, macro_ece_<binning>..., pooled_ece_<binning>...} (no interval).
     */
    public static String averages(Evaluation e) {
        boolean ci = e.intervals().isPresent();
        StringBuilder sb = new StringBuilder(ci ? "average,value,lower,upper\n" : "average,value\n");
        for (Average a : Average.values()) {
            sb.append(a.key()).append(',').append(Formats.exact(e.average(a)));
            if (ci) {
                ConfidenceInterval c = e.intervals().get().of(a);
                sb.append(',').append(Formats.exact(c.lower())).append(',').append(Formats.exact(c.upper()));
            }
            sb.append('\n');
        }
        e.calibration().ifPresent(c -> {
            String none = ci ? ",,\n" : "\n";
            sb.append("macro_brier,").append(Formats.exact(c.macroBrier())).append(none);
            sb.append("pooled_brier,").append(Formats.exact(c.pooledBrier())).append(none);
            for (Binning b : c.binnings()) {
                sb.append("macro_ece_").append(b.key()).append(',').append(Formats.exact(c.macroEce(b))).append(none);
            }
            for (Binning b : c.binnings()) {
                sb.append("pooled_ece_").append(b.key()).append(',').append(Formats.exact(c.pooled().ece(b)))
                        .append(none);
            }
        });
        return sb.toString();
    }

    /**
     * calibration.csv, every reliability curve in long form:
     * {@code scope,code,binning,bin,lower,upper,count,mean_predicted,observed_frequency}, scope
     * {@code finding} or {@code pooled} (code empty); empty bins are not listed.
     *
     * @throws IllegalArgumentException when the evaluation has no calibration
     */
    public static String reliability(Evaluation e) {
        Calibration c = e.calibration().orElseThrow(() -> new IllegalArgumentException(
                "the evaluation has no calibration (its scores are not all in [0, 1])"));
        StringBuilder sb = new StringBuilder("scope,code,binning,bin,lower,upper,count,mean_predicted,"
                + "observed_frequency\n");
        for (FindingCalibration f : c.perFinding()) {
            curves(sb, "finding," + Formats.csv(f.code()), f);
        }
        curves(sb, "pooled,", c.pooled());
        return sb.toString();
    }

    private static void curves(StringBuilder sb, String start, FindingCalibration f) {
        f.curves().forEach((b, curve) -> {
            for (ReliabilityCurve.Bin bin : curve.bins()) {
                sb.append(start).append(',').append(b.key()).append(',').append(bin.index());
                for (double v : new double[] {bin.lower(), bin.upper()}) {
                    sb.append(',').append(Formats.exact(v));
                }
                sb.append(',').append(bin.count()).append(',').append(Formats.exact(bin.meanPredicted())).append(',')
                        .append(Formats.exact(bin.observedFrequency())).append('\n');
            }
        });
    }

    /**
     * comparison.csv: per finding, for each compared metric,
     * {@code <m>_a,<m>_b,<m>_delta,<m>_lower,<m>_upper,<m>_p,<m>_p_holm}.
     */
    public static String differences(PairedComparison c) {
        List<Metric> metrics = PairedComparison.FINDING_METRICS;
        StringBuilder sb = new StringBuilder("code,support");
        for (Metric m : metrics) {
            for (String s : List.of("a", "b", "delta", "lower", "upper", "p", "p_holm")) {
                sb.append(',').append(m.key()).append('_').append(s);
            }
        }
        sb.append('\n');
        for (int k = 0; k < c.codes().size(); k++) {
            sb.append(Formats.csv(c.codes().get(k))).append(',').append(c.a().perFinding().get(k).support());
            for (Metric m : metrics) {
                Difference d = c.perFinding(m).get(k);
                row(sb, c.a().perFinding().get(k).value(m), c.b().perFinding().get(k).value(m), d);
                sb.append(',').append(Formats.exact(d.adjustedP()));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** comparison-averages.csv: {@code average,a,b,delta,lower,upper,p}. */
    public static String averageDifferences(PairedComparison c) {
        StringBuilder sb = new StringBuilder("average,a,b,delta,lower,upper,p\n");
        for (Average a : Average.values()) {
            sb.append(a.key());
            row(sb, c.a().average(a), c.b().average(a), c.average(a));
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, double a, double b, Difference d) {
        for (double v : new double[] {a, b, d.estimate(), d.lower(), d.upper(), d.pValue()}) {
            sb.append(',').append(Formats.exact(v));
        }
    }
}
