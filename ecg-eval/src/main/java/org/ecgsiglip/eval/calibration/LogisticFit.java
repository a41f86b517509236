package org.ecgsiglip.eval.calibration;

/**
 * One-variable logistic regression with intercept, {@code P(y = 1 | x) = σ(a x + b)}, by
 * maximum likelihood: Newton's method (iteratively reweighted least squares) on the log loss
 * {@code L(a, b) = sum_i [log(1 + exp(z_i)) - t_i z_i]}, {@code z_i = a x_i + b}, on the scores
 * standardised to mean 0 and standard deviation 1 (mapped back at the end) and from the intercept-only
 * fit ({@code a = 0}, {@code b} the log-odds of the mean target), where every weight
 * {@code p (1 - p)} is positive: a start at the identity diverges when the logits lie far from 0
 * (e.g. around the initial SigLIP bias of -10), with step halving until the loss does not increase (by more than
 * rounding, {@code 1e-12} relative). Where the Hessian is not positive definite, the step is
 * along the gradient instead. It stops when a
 * Newton step moves neither parameter by more than {@code 1e-11 (1 + max(|a|, |b|))}.
 *
 * <p>{@link #fit} first screens the cases where the maximum does not exist or is not unique
 * (see {@link FitStatus}): one class only, a constant score, and labels separable by the score; and
 * holds the slope above 0 where the maximum has {@code a <= 0}, so that a calibration never reverses
 * the order of the scores.
 */
final class LogisticFit {
    static final int MAX_ITERATIONS = 100;
    /** The slope kept where the best one is not positive ({@link FitStatus#FLAT_SLOPE}). */
    static final double FLAT_SLOPE = 1e-6;
    private static final double STEP_TOLERANCE = 1e-11;
    /** A rise of the loss this small (relative) is rounding, not a worse step. */
    private static final double ROUNDING = 1e-12;

    private LogisticFit() {
    }

    /** The map of logits {@code x} to labels {@code y}, by the rule of {@link FitStatus}. */
    static FindingFit fit(String code, double[] x, boolean[] y) {
        long pos = 0;
        double minPos = Double.POSITIVE_INFINITY;
        double maxPos = Double.NEGATIVE_INFINITY;
        double minNeg = Double.POSITIVE_INFINITY;
        double maxNeg = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (y[i]) {
                pos++;
                minPos = Math.min(minPos, x[i]);
                maxPos = Math.max(maxPos, x[i]);
            } else {
                minNeg = Math.min(minNeg, x[i]);
                maxNeg = Math.max(maxNeg, x[i]);
            }
        }
        long n = x.length;
        long neg = n - pos;
        if (pos == 0) {
            return new FindingFit(code, LogitMap.IDENTITY, FitStatus.NO_POSITIVES, n, pos);
        }
        if (neg == 0) {
            return new FindingFit(code, LogitMap.IDENTITY, FitStatus.NO_NEGATIVES, n, pos);
        }
        if (Math.min(minPos, minNeg) == Math.max(maxPos, maxNeg)) {
            double rate = (double) pos / n;
            double b = Math.log(rate) - Math.log1p(-rate) - x[0];
            return new FindingFit(code, new LogitMap(1, b), FitStatus.CONSTANT_SCORES, n, pos);
        }
        double[] t = new double[x.length];
        FitStatus status = FitStatus.FITTED;
        double hit = 1;
        double miss = 0;
        if (minPos >= maxNeg || maxPos <= minNeg) {
            status = FitStatus.SEPARABLE_SMOOTHED;
            hit = (pos + 1.0) / (pos + 2.0);
            miss = 1.0 / (neg + 2.0);
        }
        for (int i = 0; i < x.length; i++) {
            t[i] = y[i] ? hit : miss;
        }
        LogitMap best = maximise(x, t, MAX_ITERATIONS);
        if (!(best.a() > 0)) {
            return new FindingFit(code, new LogitMap(FLAT_SLOPE, logOdds(mean(t)) - FLAT_SLOPE * mean(x)),
                    FitStatus.FLAT_SLOPE, n, pos);
        }
        return new FindingFit(code, best, status, n, pos);
    }

    /**
     * The maximum-likelihood {@code (a, b)} for targets {@code t} in [0, 1].
     *
     * @throws IllegalStateException when Newton's method has not converged in {@code maxIterations}
     */
    static LogitMap maximise(double[] raw, double[] t, int maxIterations) {
        double mean = mean(raw);
        double ss = 0;
        for (double v : raw) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / raw.length);
        if (!(sd > 0) || !Double.isFinite(sd)) {
            sd = 1;
        }
        double[] x = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            x[i] = (raw[i] - mean) / sd;
        }
        LogitMap standardised = newton(x, t, 0, logOdds(Math.min(Math.max(mean(t), 1e-12), 1 - 1e-12)), maxIterations);
        // sigma(a' (raw - mean) / sd + b') = sigma((a' / sd) raw + b' - a' mean / sd)
        return new LogitMap(standardised.a() / sd, standardised.b() - standardised.a() * mean / sd);
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return sum / v.length;
    }

    private static double logOdds(double p) {
        return Math.log(p) - Math.log1p(-p);
    }

    private static LogitMap newton(double[] x, double[] t, double a0, double b0, int maxIterations) {
        double a = a0;
        double b = b0;
        double loss = loss(x, t, a, b);
        for (int it = 0; it < maxIterations; it++) {
            double ga = 0;
            double gb = 0;
            double haa = 0;
            double hab = 0;
            double hbb = 0;
            for (int i = 0; i < x.length; i++) {
                double p = LogitMap.sigmoid(a * x[i] + b);
                double r = p - t[i];
                double w = p * (1 - p);
                ga += r * x[i];
                gb += r;
                haa += w * x[i] * x[i];
                hab += w * x[i];
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            double da;
            double db;
            if (det > 0 && Double.isFinite(det)) {
                da = -(hbb * ga - hab * gb) / det;
                db = -(haa * gb - hab * ga) / det;
            } else {
                double scale = haa + hbb > 0 ? 1 / (haa + hbb) : 1;
                da = -ga * scale;
                db = -gb * scale;
            }
            if (Math.max(Math.abs(da), Math.abs(db)) <= STEP_TOLERANCE * (1 + Math.max(Math.abs(a), Math.abs(b)))) {
                return new LogitMap(a + da, b + db);
            }
            double allowed = loss + ROUNDING * (1 + Math.abs(loss));
            double s = 1;
            double next = loss(x, t, a + da, b + db);
            while (!(next <= allowed) && s > 1e-12) {
                s /= 2;
                next = loss(x, t, a + s * da, b + s * db);
            }
            if (!(next <= allowed)) {
                break;
            }
            a += s * da;
            b += s * db;
            loss = next;
        }
        throw new IllegalStateException("the logistic fit did not converge in " + maxIterations
                + " Newton iterations (a = " + a + ", b = " + b + ")");
    }

    /** {@code sum_i [log(1 + exp(z_i)) - t_i z_i]}, computed without overflow. */
    static double loss(double[] x, double[] t, double a, double b) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double z = a * x[i] + b;
            double softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
            s += softplus - t[i] * z;
        }
        return s;
    }
}
