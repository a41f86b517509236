package org.ecgsiglip.eval;

/**
 * Every metric of every finding and every average for one weighting of the records: the point
 * estimate, or one bootstrap resample. Values are laid out flat, metric-major, then averages.
 */
final class Replicate {
    private final MetricEngine engine;
    private final int[] weights;
    private final double[] values;
    private final Confusion[] confusions;
    private final int findings;

    Replicate(MetricEngine engine, int[] weights, double[] values, Confusion[] confusions) {
        this.engine = engine;
        this.weights = weights;
        this.values = values;
        this.confusions = confusions;
        this.findings = confusions.length;
        int base = Metric.values().length * findings;
        for (Average a : Average.values()) {
            values[base + a.ordinal()] = a.compute(this);
        }
    }

    /** Position of a per-finding value in {@link #values()}. */
    static int index(Metric m, int finding, int findings) {
        return m.ordinal() * findings + finding;
    }

    /** Position of an average in {@link #values()}. */
    static int index(Average a, int findings) {
        return Metric.values().length * findings + a.ordinal();
    }

    /** How many values a replicate of {@code findings} findings holds. */
    static int size(int findings) {
        return Metric.values().length * findings + Average.values().length;
    }

    int findings() {
        return findings;
    }

    ZeroDivision zeroDivision() {
        return engine.zeroDivision();
    }

    Confusion confusion(int finding) {
        return confusions[finding];
    }

    double value(Metric m, int finding) {
        return values[index(m, finding, findings)];
    }

    double value(Average a) {
        return values[index(a, findings)];
    }

    double recordMean(Metric m) {
        return engine.recordMean(m, weights);
    }

    /** The flat array itself (not a copy): callers only read it. */
    double[] values() {
        return values;
    }
}
