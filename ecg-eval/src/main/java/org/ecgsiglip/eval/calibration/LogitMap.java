package org.ecgsiglip.eval.calibration;

/**
 * A map of probabilities through their logit: {@code p' = σ(a · l + b)} with
 * {@code l = logit(p) = log(p) - log1p(-p)} and {@code σ(z) = 1 / (1 + exp(-z))}. Platt scaling
 * fits {@code a} and {@code b} per finding; temperature scaling is {@code a = 1 / T} shared by
 * every finding. For {@code a > 0} the map is increasing, so rankings (AUROC, AUPRC) do not move,
 * except where double rounding makes two distinct scores equal.
 *
 * <p>Probabilities are clipped to {@code [EPS, 1 - EPS]} before the logit ({@link #EPS} = 1e-12,
 * |l| at most about 27.6), so that scores of exactly 0 or 1 map to finite logits; scores closer
 * than {@code EPS} to 0 or 1 become ties.
 */
public record LogitMap(double a, double b) {
    /** The clipping bound of {@link #logit(double)}. */
    public static final double EPS = 1e-12;
    /** {@code a = 1, b = 0}: every probability unchanged (up to the clipping). */
    public static final LogitMap IDENTITY = new LogitMap(1, 0);

    public LogitMap {
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("a and b must be finite, not a = " + a + ", b = " + b);
        }
    }

    /** Temperature scaling {@code p' = σ(l / T + c)}, i.e. {@code a = 1 / T, b = c}. */
    public static LogitMap temperature(double t, double c) {
        if (!(t > 0) || !Double.isFinite(t)) {
            throw new IllegalArgumentException("the temperature must be positive and finite, not " + t);
        }
        return new LogitMap(1 / t, c);
    }

    /** {@code log(p) - log1p(-p)} of {@code p} clipped to {@code [EPS, 1 - EPS]}. */
    public static double logit(double p) {
        double q = Math.min(Math.max(p, EPS), 1 - EPS);
        return Math.log(q) - Math.log1p(-q);
    }

    /**
     * {@code 1 / (1 + exp(-z))}, one formula for every {@code z}: it is non-decreasing in
     * {@code z} in floating point too, which a two-branch form does not promise.
     */
    public static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** The mapped probability {@code σ(a · logit(p) + b)}. */
    public double apply(double p) {
        return sigmoid(a * logit(p) + b);
    }

    /** The temperature {@code T = 1 / a}; infinite for {@code a = 0}, negative when the map reverses. */
    public double temperature() {
        return 1 / a;
    }

    /** Whether this map keeps the order of scores ({@code a > 0}). */
    public boolean isIncreasing() {
        return a > 0;
    }
}
