package org.ecgsiglip.eval;

import java.util.Arrays;

/**
 * One finding's scores sorted once in decreasing order, with each record's label and the ends of
 * groups of tied scores. Ranking metrics then take one linear pass per call, with optional record
 * weights, which is how a bootstrap resample is evaluated without sorting again: a record drawn
 * {@code w} times is a record of weight {@code w}.
 *
 * <p>Tied scores form one step of the curves, as in scikit-learn's {@code _binary_clf_curve}: the
 * thresholds are the distinct scores, and at threshold {@code t} every record with score
 * {@code >= t} is predicted positive.
 */
final class RankedScores {
    /** Per position: {@code record << 2 | positive << 1 | lastOfTieGroup}. */
    private final int[] packed;
    private final double[] sorted;

    private RankedScores(int[] packed, double[] sorted) {
        this.packed = packed;
        this.sorted = sorted;
    }

    static RankedScores of(double[] scores, boolean[] truth) {
        if (scores.length != truth.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + truth.length + " labels");
        }
        if (scores.length >= (1 << 29)) {
            throw new IllegalArgumentException("too many records for one finding: " + scores.length);
        }
        int[] order = IndexSort.descending(scores);
        int n = order.length;
        int[] packed = new int[n];
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            int r = order[i];
            sorted[i] = scores[r];
            boolean last = i == n - 1 || scores[order[i + 1]] != scores[r];
            packed[i] = r << 2 | (truth[r] ? 2 : 0) | (last ? 1 : 0);
        }
        return new RankedScores(packed, sorted);
    }

    int size() {
        return packed.length;
    }

    /**
     * Area under the ROC curve by the trapezoidal rule over the tie groups:
     * {@code AUROC = sum_g FP_g * (TP_before_g + TP_g / 2) / (P * N)}, which equals the
     * Mann-Whitney probability that a positive outranks a negative, ties counting one half.
     *
     * @param weights per-record weights, or {@code null} for weight 1 everywhere
     * @return the area, or NaN when the weighted records hold only positives or only negatives
     */
    double auroc(int[] weights) {
        double tps = 0;
        double fps = 0;
        double gtp = 0;
        double gfp = 0;
        double area = 0;
        for (int p : packed) {
            double w = weights == null ? 1 : weights[p >>> 2];
            if ((p & 2) != 0) {
                gtp += w;
            } else {
                gfp += w;
            }
            if ((p & 1) != 0) {
                area += gfp * (tps + gtp / 2);
                tps += gtp;
                fps += gfp;
                gtp = 0;
                gfp = 0;
            }
        }
        return tps == 0 || fps == 0 ? Double.NaN : area / (tps * fps);
    }

    /**
     * Average precision, scikit-learn's step integral of the precision-recall curve without
     * interpolation: {@code AP = sum_g (TP_g / P) * precision(t_g)}, where {@code t_g} runs over
     * the distinct scores in decreasing order and {@code precision(t) = TP(t) / (TP(t) + FP(t))}.
     *
     * @param weights per-record weights, or {@code null} for weight 1 everywhere
     * @return AP, or 0 when there are no positives (scikit-learn 1.2 returns 0 there, with a warning)
     */
    double averagePrecision(int[] weights) {
        double tps = 0;
        double fps = 0;
        double gtp = 0;
        double gfp = 0;
        double sum = 0;
        for (int p : packed) {
            double w = weights == null ? 1 : weights[p >>> 2];
            if ((p & 2) != 0) {
                gtp += w;
            } else {
                gfp += w;
            }
            if ((p & 1) != 0) {
                tps += gtp;
                fps += gfp;
                if (gtp > 0) {
                    sum += gtp * (tps / (tps + fps));
                }
                gtp = 0;
                gfp = 0;
            }
        }
        return tps == 0 ? 0.0 : sum / tps;
    }

    /**
     * The threshold that maximises {@code F1 = 2TP / (2TP + FP + FN)} over the distinct scores;
     * among equal F1 values the higher threshold wins.
     *
     * @return the best threshold, or NaN when there are no positives (every threshold scores 0)
     */
    double f1MaximisingThreshold() {
        double positives = 0;
        for (int p : packed) {
            positives += (p & 2) >>> 1;
        }
        if (positives == 0) {
            return Double.NaN;
        }
        double tps = 0;
        double fps = 0;
        double best = -1;
        double bestThreshold = Double.NaN;
        for (int i = 0; i < packed.length; i++) {
            int p = packed[i];
            if ((p & 2) != 0) {
                tps++;
            } else {
                fps++;
            }
            if ((p & 1) != 0) {
                double f1 = 2.0 * tps / (2.0 * tps + fps + (positives - tps));
                if (f1 > best) {
                    best = f1;
                    bestThreshold = sorted[i];
                }
            }
        }
        return bestThreshold;
    }

    /**
     * The precision-recall curve at every distinct score, highest threshold first, thinned to at
     * most {@code maxPoints} points for plotting (the last point, full recall, is always kept).
     */
    PrCurve curve(String code, int maxPoints) {
        double positives = 0;
        for (int p : packed) {
            positives += (p & 2) >>> 1;
        }
        int groups = 0;
        for (int p : packed) {
            groups += p & 1;
        }
        double[] recall = new double[groups];
        double[] precision = new double[groups];
        double tps = 0;
        double fps = 0;
        int g = 0;
        for (int p : packed) {
            if ((p & 2) != 0) {
                tps++;
            } else {
                fps++;
            }
            if ((p & 1) != 0) {
                recall[g] = positives == 0 ? 1.0 : tps / positives;
                precision[g] = tps / (tps + fps);
                g++;
            }
        }
        int stride = Math.max(1, (groups + maxPoints - 1) / Math.max(1, maxPoints));
        if (stride > 1) {
            int m = (groups - 1) / stride + 1;
            double[] r = new double[m + 1];
            double[] q = new double[m + 1];
            int o = 0;
            for (int i = 0; i < groups - 1; i += stride) {
                r[o] = recall[i];
                q[o] = precision[i];
                o++;
            }
            r[o] = recall[groups - 1];
            q[o] = precision[groups - 1];
            recall = Arrays.copyOf(r, o + 1);
            precision = Arrays.copyOf(q, o + 1);
        }
        return new PrCurve(code, recall, precision, averagePrecision(null));
    }
}
