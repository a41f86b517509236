package org.ecgsiglip.eval;

import java.util.Arrays;

/**
 * A paired bootstrap difference {@code delta = metric(B) - metric(A)} on the same records: the
 * point estimate, its percentile interval, a two-sided p-value for "no difference" and, for
 * per-finding differences, the p-value after Holm's correction across findings.
 *
 * <p>The p-value inverts the percentile interval: with {@code B'} defined replicates
 * {@code delta*_b}, {@code p = min(1, 2 min(1 + #{delta*_b <= 0}, 1 + #{delta*_b >= 0}) / (B' + 1))}.
 * It is below {@code 1 - level} about when the interval at that level excludes 0, and the
 * {@code +1} terms keep it above 0 for finite B (its smallest value is {@code 2 / (B' + 1)}).
 *
 * @param adjustedP Holm-adjusted p-value (NaN for averages, which are not part of a family)
 * @param replicates number of resamples where the difference was defined
 */
public record Difference(double estimate, double lower, double upper, double level, double pValue,
                         double adjustedP, int replicates) {

    /** Whether the interval excludes 0. */
    public boolean significant() {
        return lower > 0 || upper < 0;
    }

    /** The same difference with a Holm-adjusted p-value. */
    Difference withAdjustedP(double p) {
        return new Difference(estimate, lower, upper, level, pValue, p, replicates);
    }

    /**
     * A paired difference from its bootstrap replicates {@code deltas} (NaN ones left out): the percentile
     * interval, and the two-sided p-value {@code min(1, 2 min(1 + #{d <= 0}, 1 + #{d >= 0}) / (B + 1))}.
     */
    public static Difference of(double estimate, double[] deltas, double level) {
        ConfidenceInterval ci = ConfidenceInterval.percentile(deltas, level);
        if (Double.isNaN(estimate) || ci.replicates() == 0) {
            return new Difference(estimate, ci.lower(), ci.upper(), level, Double.NaN, Double.NaN, ci.replicates());
        }
        int below = 0;
        int above = 0;
        for (double d : deltas) {
            if (!Double.isNaN(d)) {
                below += d <= 0 ? 1 : 0;
                above += d >= 0 ? 1 : 0;
            }
        }
        double p = Math.min(1.0, 2.0 * Math.min(below + 1, above + 1) / (ci.replicates() + 1));
        return new Difference(estimate, ci.lower(), ci.upper(), level, p, Double.NaN, ci.replicates());
    }

    /**
     * Holm's step-down adjustment: sort the m defined p-values ascending,
     * {@code adj_(i) = min(1, max_{j <= i} (m - j + 1) p_(j))}; NaN stays NaN and does not count in m.
     */
    static double[] holm(double[] p) {
        Integer[] order = new Integer[p.length];
        int m = 0;
        for (int i = 0; i < p.length; i++) {
            if (!Double.isNaN(p[i])) {
                order[m++] = i;
            }
        }
        Integer[] defined = Arrays.copyOf(order, m);
        Arrays.sort(defined, (x, y) -> Double.compare(p[x], p[y]));
        double[] adj = new double[p.length];
        Arrays.fill(adj, Double.NaN);
        double running = 0;
        for (int j = 0; j < m; j++) {
            running = Math.max(running, Math.min(1.0, (m - j) * p[defined[j]]));
            adj[defined[j]] = running;
        }
        return adj;
    }
}
