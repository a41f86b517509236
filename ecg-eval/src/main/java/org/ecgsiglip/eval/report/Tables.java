package org.ecgsiglip.eval.report;

import java.util.List;
import org.ecgsiglip.eval.Average;
import org.ecgsiglip.eval.ConfidenceInterval;
import org.ecgsiglip.eval.Difference;
import org.ecgsiglip.eval.Evaluation;
import org.ecgsiglip.eval.FindingMetrics;
import org.ecgsiglip.eval.Metric;
import org.ecgsiglip.eval.PairedComparison;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Tablesaw views of evaluations for notebooks: sort, filter and plot them like any table.
 * Undefined values (NaN) are Tablesaw's missing doubles.
 */
public final class Tables {
    private Tables() {
    }

    /** One row per finding: code, counts, metrics, threshold, and {@code <metric>_lower/_upper} with a bootstrap. */
    public static Table perFinding(Evaluation e) {
        Table t = Table.create("per finding");
        t.addColumns(StringColumn.create("code", e.codes()));
        for (Metric m : Metric.values()) {
            if (m.isCount()) {
                LongColumn c = LongColumn.create(m.key());
                e.perFinding().forEach(f -> c.append((long) f.value(m)));
                t.addColumns(c);
            } else {
                t.addColumns(DoubleColumn.create(m.key(), e.perFinding().stream().mapToDouble(f -> f.value(m))));
            }
        }
        t.addColumns(DoubleColumn.create("threshold", e.perFinding().stream().mapToDouble(FindingMetrics::threshold)));
        e.intervals().ifPresent(i -> {
            for (Metric m : Metric.values()) {
                if (!m.isCount()) {
                    DoubleColumn lo = DoubleColumn.create(m.key() + "_lower");
                    DoubleColumn hi = DoubleColumn.create(m.key() + "_upper");
                    for (int k = 0; k < e.perFinding().size(); k++) {
                        ConfidenceInterval ci = i.of(k, m);
                        lo.append(ci.lower());
                        hi.append(ci.upper());
                    }
                    t.addColumns(lo, hi);
                }
            }
        });
        return t;
    }

    /** One row per average: {@code average, value[, lower, upper]}. */
    public static Table averages(Evaluation e) {
        Table t = Table.create("averages");
        StringColumn name = StringColumn.create("average");
        DoubleColumn value = DoubleColumn.create("value");
        DoubleColumn lo = DoubleColumn.create("lower");
        DoubleColumn hi = DoubleColumn.create("upper");
        for (Average a : Average.values()) {
            name.append(a.key());
            value.append(e.average(a));
            e.interval(a).ifPresent(ci -> {
                lo.append(ci.lower());
                hi.append(ci.upper());
            });
        }
        t.addColumns(name, value);
        if (e.intervals().isPresent()) {
            t.addColumns(lo, hi);
        }
        return t;
    }

    /** Per finding and compared metric: {@code code, metric, a, b, delta, lower, upper, p, p_holm}. */
    public static Table differences(PairedComparison c) {
        Table t = Table.create("differences (" + c.nameB() + " minus " + c.nameA() + ")");
        StringColumn code = StringColumn.create("code");
        StringColumn metric = StringColumn.create("metric");
        List<DoubleColumn> cols = List.of(DoubleColumn.create("a"), DoubleColumn.create("b"),
                DoubleColumn.create("delta"), DoubleColumn.create("lower"), DoubleColumn.create("upper"),
                DoubleColumn.create("p"), DoubleColumn.create("p_holm"));
        for (Metric m : PairedComparison.FINDING_METRICS) {
            for (int k = 0; k < c.codes().size(); k++) {
                Difference d = c.perFinding(m).get(k);
                code.append(c.codes().get(k));
                metric.append(m.key());
                double[] v = {c.a().perFinding().get(k).value(m), c.b().perFinding().get(k).value(m), d.estimate(),
                    d.lower(), d.upper(), d.pValue(), d.adjustedP()};
                for (int j = 0; j < v.length; j++) {
                    cols.get(j).append(v[j]);
                }
            }
        }
        t.addColumns(code, metric);
        cols.forEach(t::addColumns);
        return t;
    }
}
