package org.ecgsiglip.eval.challenge;

import java.util.Arrays;
import org.ecgsiglip.eval.ConfidenceInterval;
import org.ecgsiglip.eval.Difference;

/**
 * The percentile interval and the paired p-value of ecg-eval's bootstrap, as {@link ConfidenceInterval}
 * and {@link Difference} define them: bounds are the {@code (1 - level) / 2} and {@code (1 + level) / 2}
 * quantiles with linear interpolation ({@code h = (B - 1) p}, numpy's default); the two-sided p-value
 * of a difference is {@code min(1, 2 min(1 + #{d <= 0}, 1 + #{d >= 0}) / (B + 1))}. The Challenge
 * score is defined on every resample, so no replicate is left out.
 */
final class Percentiles {
    private Percentiles() {
    }

    static ConfidenceInterval interval(double[] replicates, double level) {
        double[] v = replicates.clone();
        Arrays.sort(v);
        return new ConfidenceInterval(quantile(v, (1 - level) / 2), quantile(v, (1 + level) / 2), level, v.length);
    }

    static Difference difference(double estimate, double[] deltas, double level) {
        ConfidenceInterval ci = interval(deltas, level);
        int below = 0;
        int above = 0;
        for (double d : deltas) {
            below += d <= 0 ? 1 : 0;
            above += d >= 0 ? 1 : 0;
        }
        double p = Math.min(1.0, 2.0 * Math.min(below + 1, above + 1) / (deltas.length + 1));
        return new Difference(estimate, ci.lower(), ci.upper(), level, p, Double.NaN, deltas.length);
    }

    static double quantile(double[] sorted, double p) {
        int n = sorted.length;
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) {
            return sorted[n - 1];
        }
        double frac = h - lo;
        return frac == 0 ? sorted[lo] : sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
    }
}
