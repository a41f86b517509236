package org.ecgsiglip.eval;

/**
 * A two-sided percentile bootstrap interval: {@code lower} and {@code upper} are the
 * {@code (1 - level) / 2} and {@code (1 + level) / 2} quantiles of the replicate values
 * (linear interpolation between order statistics, numpy's default). Replicates where the metric
 * is undefined (NaN: an AUROC of a resample without positives) are left out; {@code replicates}
 * says how many were used. Both bounds are NaN when none was defined.
 */
public record ConfidenceInterval(double lower, double upper, double level, int replicates) {

    /** Whether {@code value} lies within the bounds (inclusive). */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    /** {@code upper - lower}. */
    public double width() {
        return upper - lower;
    }

    /** The percentile interval of {@code values} (NaN values left out) at {@code level}. */
    public static ConfidenceInterval percentile(double[] values, double level) {
        double[] v = Percentiles.finiteSorted(values);
        return new ConfidenceInterval(Percentiles.quantile(v, (1 - level) / 2),
                Percentiles.quantile(v, (1 + level) / 2), level, v.length);
    }
}
