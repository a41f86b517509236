package org.ecgsiglip.eval.calibration;

import java.util.Arrays;

/**
 * Bin edges and bin membership as scikit-learn 1.2's {@code calibration_curve} computes them, to
 * the last bit, so that a probability lying exactly on an edge lands in the same bin:
 *
 * <ul>
 *   <li>equal width: {@code np.linspace(0, 1, n + 1)}, edge {@code k} = {@code k * (1.0 / n)}
 *       and the last edge exactly 1 (so the edge "0.3" of 10 bins is 0.30000000000000004);</li>
 *   <li>equal mass: {@code np.percentile(p, np.linspace(0, 1, n + 1) * 100)} with numpy's default
 *       linear interpolation: quantile {@code q = (edge_k * 100) / 100}, virtual index
 *       {@code h = (N - 1) q}, value {@code lerp(x[floor h], x[floor h + 1], h - floor h)} of the
 *       sorted sample, where {@code lerp(a, b, g) = a + (b - a) g} for {@code g < 0.5} and
 *       {@code b - (b - a)(1 - g)} otherwise, and {@code h >= N - 1} takes the largest value.
 *       Repeated values give repeated edges, hence empty bins;</li>
 *   <li>membership: {@code np.searchsorted(edges[1:-1], p)} (side left): the bin of {@code p} is
 *       the number of inner edges strictly below {@code p}. Bin {@code i} therefore holds
 *       {@code e_i < p <= e_(i+1)}, the first bin everything at or below {@code e_1} and the last
 *       everything above {@code e_(n-1)}.</li>
 * </ul>
 */
final class BinEdges {
    private BinEdges() {
    }

    static double[] uniform(int n) {
        double[] e = new double[n + 1];
        double step = 1.0 / n;
        for (int k = 0; k < n; k++) {
            e[k] = k * step;
        }
        e[n] = 1.0;
        return e;
    }

    static double[] quantile(double[] p, int n) {
        if (p.length == 0) {
            throw new IllegalArgumentException("equal-mass bins need at least one probability");
        }
        double[] x = p.clone();
        Arrays.sort(x);
        double[] lin = uniform(n);
        double[] e = new double[n + 1];
        int last = x.length - 1;
        for (int k = 0; k <= n; k++) {
            double q = lin[k] * 100 / 100;
            double h = last * q;
            if (h >= last) {
                e[k] = x[last];
                continue;
            }
            int lo = (int) Math.floor(h);
            e[k] = lerp(x[lo], x[lo + 1], h - lo);
        }
        return e;
    }

    private static double lerp(double a, double b, double g) {
        double d = b - a;
        return g >= 0.5 ? b - d * (1 - g) : a + d * g;
    }

    /** The bin of {@code p}: the number of inner edges {@code e_1 .. e_(n-1)} strictly below it. */
    static int binOf(double[] edges, double p) {
        int lo = 1;
        int hi = edges.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] < p) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }
}
