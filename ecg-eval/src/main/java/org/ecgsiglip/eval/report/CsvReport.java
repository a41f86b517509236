package org.ecgsiglip.eval.report;

import java.util.List;
import org.ecgsiglip.eval.Average;
import org.ecgsiglip.eval.ConfidenceInterval;
import org.ecgsiglip.eval.Difference;
import org.ecgsiglip.eval.Evaluation;
import org.ecgsiglip.eval.FindingMetrics;
import org.ecgsiglip.eval.Metric;
import org.ecgsiglip.eval.PairedComparison;

/**
 * CSV tables at full precision; an undefined value (NaN) is an empty cell. Per finding:
 * {@code code,support,tp,fp,fn,tn,precision,recall,f1,specificity,auroc,auprc,threshold}, then
 * {@code <metric>_lower,<metric>_upper} for every non-count metric when there was a bootstrap.
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

    /** averages.csv: {@code average,value[,lower,upper]}. */
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
        return sb.toString();
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
