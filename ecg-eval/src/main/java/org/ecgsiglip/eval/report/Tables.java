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
import tech.tablesaw.api.IntColumn;
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

    /**
     * One row per finding and a last row {@code (pooled)}: {@code code, records, positives,
     * mean_predicted, observed_rate, brier, ece_<binning>...}.
     *
     * @throws IllegalArgumentException when the evaluation has no calibration
     */
    public static Table calibration(Evaluation e) {
        Calibration c = calibrationOf(e);
        List<FindingCalibration> rows = new java.util.ArrayList<>(c.perFinding());
        rows.add(c.pooled());
        Table t = Table.create("calibration");
        t.addColumns(StringColumn.create("code", rows.stream().map(FindingCalibration::code).toList()),
                LongColumn.create("records", rows.stream().mapToLong(FindingCalibration::records).toArray()),
                LongColumn.create("positives", rows.stream().mapToLong(FindingCalibration::positives).toArray()),
                DoubleColumn.create("mean_predicted", rows.stream().mapToDouble(FindingCalibration::meanPredicted)),
                DoubleColumn.create("observed_rate", rows.stream().mapToDouble(FindingCalibration::observedRate)),
                DoubleColumn.create("brier", rows.stream().mapToDouble(FindingCalibration::brier)));
        for (Binning b : c.binnings()) {
            t.addColumns(DoubleColumn.create("ece_" + b.key(), rows.stream().mapToDouble(f -> f.ece(b))));
        }
        return t;
    }

    /**
     * Every reliability curve in long form: {@code code, binning, bin, lower, upper, count,
     * mean_predicted, observed_frequency}, the pooled curves under the code {@code (pooled)}.
     */
    public static Table reliability(Evaluation e) {
        Calibration c = calibrationOf(e);
        StringColumn code = StringColumn.create("code");
        StringColumn binning = StringColumn.create("binning");
        IntColumn bin = IntColumn.create("bin");
        LongColumn count = LongColumn.create("count");
        List<DoubleColumn> v = List.of(DoubleColumn.create("lower"), DoubleColumn.create("upper"),
                DoubleColumn.create("mean_predicted"), DoubleColumn.create("observed_frequency"));
        List<FindingCalibration> rows = new java.util.ArrayList<>(c.perFinding());
        rows.add(c.pooled());
        for (FindingCalibration f : rows) {
            f.curves().forEach((b, curve) -> {
                for (ReliabilityCurve.Bin x : curve.bins()) {
                    code.append(f.code());
                    binning.append(b.key());
                    bin.append(x.index());
                    count.append(x.count());
                    double[] d = {x.lower(), x.upper(), x.meanPredicted(), x.observedFrequency()};
                    for (int j = 0; j < d.length; j++) {
                        v.get(j).append(d[j]);
                    }
                }
            });
        }
        Table t = Table.create("reliability");
        t.addColumns(code, binning, bin, v.get(0), v.get(1), count, v.get(2), v.get(3));
        return t;
    }

    private static Calibration calibrationOf(Evaluation e) {
        return e.calibration().orElseThrow(() -> new IllegalArgumentException(
                "the evaluation has no calibration (its scores are not all in [0, 1])"));
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
