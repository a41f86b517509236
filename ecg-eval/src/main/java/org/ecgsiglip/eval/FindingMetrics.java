package org.ecgsiglip.eval;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One finding's row of an evaluation: its code, the threshold its decisions used and the value of
 * every {@link Metric} (see there for formulas and zero-division rules).
 */
public record FindingMetrics(String code, double threshold, Map<Metric, Double> values) {

    public FindingMetrics {
        EnumMap<Metric, Double> copy = new EnumMap<>(Metric.class);
        copy.putAll(values);
        for (Metric m : Metric.values()) {
            if (!copy.containsKey(m)) {
                throw new IllegalArgumentException("finding " + code + " lacks " + m);
            }
        }
        values = Collections.unmodifiableMap(copy);
    }

    public double value(Metric m) {
        return values.get(m);
    }

    public long support() {
        return (long) value(Metric.SUPPORT);
    }

    public long tp() {
        return (long) value(Metric.TP);
    }

    public long fp() {
        return (long) value(Metric.FP);
    }

    public long fn() {
        return (long) value(Metric.FN);
    }

    public long tn() {
        return (long) value(Metric.TN);
    }

    public double precision() {
        return value(Metric.PRECISION);
    }

    public double recall() {
        return value(Metric.RECALL);
    }

    public double f1() {
        return value(Metric.F1);
    }

    public double specificity() {
        return value(Metric.SPECIFICITY);
    }

    /** NaN when the test set holds only one class of this finding. */
    public double auroc() {
        return value(Metric.AUROC);
    }

    public double auprc() {
        return value(Metric.AUPRC);
    }
}
