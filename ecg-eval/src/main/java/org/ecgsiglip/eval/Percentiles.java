package org.ecgsiglip.eval;

import java.util.Arrays;

/** Quantiles of bootstrap replicates. */
final class Percentiles {
    private Percentiles() {
    }

    /** The non-NaN values, sorted ascending. */
    static double[] finiteSorted(double[] values) {
        double[] v = new double[values.length];
        int n = 0;
        for (double x : values) {
            if (!Double.isNaN(x)) {
                v[n++] = x;
            }
        }
        v = Arrays.copyOf(v, n);
        Arrays.sort(v);
        return v;
    }

    /**
     * Quantile {@code p} of sorted values with linear interpolation ("type 7", numpy's default):
     * {@code h = (n - 1) p}, {@code q = v[floor h] + (h - floor h) (v[floor h + 1] - v[floor h])}.
     * NaN for no values.
     */
    static double quantile(double[] sorted, double p) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) {
            return sorted[n - 1];
        }
        double frac = h - lo;
        return frac == 0 ? sorted[lo] : sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
    }
}
