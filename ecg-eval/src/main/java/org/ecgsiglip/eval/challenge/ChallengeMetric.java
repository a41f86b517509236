package org.ecgsiglip.eval.challenge;

import java.util.Arrays;
import org.ecgsiglip.eval.Bootstrap;
import org.ecgsiglip.eval.ConfidenceInterval;
import org.ecgsiglip.eval.Difference;
import org.ecgsiglip.eval.Resampler;
import org.ecgsiglip.eval.EvalInputException;

/**
 * The PhysioNet/CinC Challenge 2020/2021 metric ({@link ChallengeScore} states the formula) as the
 * official {@code evaluate_model.py} computes it, with a percentile bootstrap interval by record (or
 * by group) and a paired comparison of two sets of outputs.
 *
 * <p>Every score is a sum over records: record {@code i} adds
 * {@code c_i = Σ_{j∈L_i} Σ_{k∈O_i} W[j][k] / max(1, |L_i ∪ O_i|)}, so a resample that draws record
 * {@code i} {@code w_i} times scores {@code Σ_i w_i c_i} for the observed, correct and inactive
 * outputs alike, and is normalised as a whole. A resample whose correct and inactive scores are
 * equal (e.g. one with sinus rhythm alone) scores 0, as the official code scores such a test set.
 */
public final class ChallengeMetric {
    private ChallengeMetric() {
    }

    /** The score on all records. */
    public static ChallengeScore score(ChallengeData data) {
        int[] ones = new int[data.records()];
        Arrays.fill(ones, 1);
        return score(data, ones);
    }

    /** The score when record {@code i} counts {@code repeats[i]} times (a resample). */
    static ChallengeScore score(ChallengeData data, int[] repeats) {
        double[][] c = contributions(data);
        return new ChallengeScore(sum(c[0], repeats), sum(c[1], repeats), sum(c[2], repeats),
                normalized(c, repeats), data.records(), data.recordsWithoutScoredLabel());
    }

    /** The score and its percentile interval over {@code bootstrap}'s resamples. */
    public static ChallengeEvaluation evaluate(ChallengeData data, Bootstrap bootstrap) {
        double[] reps = replicates(data, bootstrap);
        return new ChallengeEvaluation(score(data), ConfidenceInterval.percentile(reps, bootstrap.level()), bootstrap);
    }

    /**
     * The normalised score of each resample, in resample order (the same resamples as ecg-eval's
     * per-finding bootstrap with this {@link Bootstrap} and record order).
     */
    public static double[] replicates(ChallengeData data, Bootstrap bootstrap) {
        double[][] c = contributions(data);
        Resampler rs = Resampler.of(bootstrap, data.recordIds());
        double[] out = new double[rs.replicates()];
        for (int b = 0; b < out.length; b++) {
            out[b] = normalized(c, rs.weights(b));
        }
        return out;
    }

    /**
     * Paired comparison of outputs A and B on the same labelled records (B's records are matched
     * to A's by id): both are scored on each resample, and {@code normalized(B) - normalized(A)}
     * gives the difference's interval and p-value ({@link Difference}).
     *
     * @throws EvalInputException when the two differ in weights, records or labels
     */
    public static ChallengeComparison compare(ChallengeData a, ChallengeData b, Bootstrap bootstrap) {
        ChallengeData bb = b.reorder(a.recordIds());
        if (!a.sameLabels(bb)) {
            throw new EvalInputException(null, "labels", "the two sets of outputs are scored against different"
                    + " weights or labels", "build both from the same truth and the same weights.csv");
        }
        double[][] ca = contributions(a);
        double[][] cb = contributions(bb);
        Resampler rs = Resampler.of(bootstrap, a.recordIds());
        double[] ra = new double[rs.replicates()];
        double[] rb = new double[rs.replicates()];
        double[] delta = new double[rs.replicates()];
        for (int r = 0; r < ra.length; r++) {
            int[] w = rs.weights(r);
            ra[r] = normalized(ca, w);
            rb[r] = normalized(cb, w);
            delta[r] = rb[r] - ra[r];
        }
        ChallengeScore sa = score(a);
        ChallengeScore sb = score(bb);
        double level = bootstrap.level();
        return new ChallengeComparison(new ChallengeEvaluation(sa, ConfidenceInterval.percentile(ra, level), bootstrap),
                new ChallengeEvaluation(sb, ConfidenceInterval.percentile(rb, level), bootstrap),
                Difference.of(sb.normalized() - sa.normalized(), delta, level));
    }

    /** {@code [observed, correct, inactive][record]}: each record's share of the three scores. */
    static double[][] contributions(ChallengeData data) {
        ChallengeWeights w = data.weights();
        int k = w.size();
        int sinus = w.sinusRhythm();
        int n = data.records();
        double[][] c = new double[3][n];
        for (int i = 0; i < n; i++) {
            int labels = 0;
            int union = 0;
            boolean sinusLabel = data.label(i, sinus);
            for (int j = 0; j < k; j++) {
                labels += data.label(i, j) ? 1 : 0;
                union += data.label(i, j) || data.output(i, j) ? 1 : 0;
            }
            double observed = 0;
            double correct = 0;
            double inactive = 0;
            for (int j = 0; j < k; j++) {
                if (!data.label(i, j)) {
                    continue;
                }
                for (int o = 0; o < k; o++) {
                    double wjo = w.weight(j, o);
                    if (Double.isNaN(wjo)) {
                        continue;
                    }
                    observed += data.output(i, o) ? wjo : 0;
                    correct += data.label(i, o) ? wjo : 0;
                }
                double ws = w.weight(j, sinus);
                inactive += Double.isNaN(ws) ? 0 : ws;
            }
            c[0][i] = observed / Math.max(1, union);
            c[1][i] = correct / Math.max(1, labels);
            c[2][i] = inactive / Math.max(1, labels + (sinusLabel ? 0 : 1));
        }
        return c;
    }

    private static double normalized(double[][] c, int[] w) {
        return ChallengeScore.normalize(sum(c[0], w), sum(c[1], w), sum(c[2], w));
    }

    private static double sum(double[] c, int[] w) {
        double s = 0;
        for (int i = 0; i < c.length; i++) {
            s += w[i] * c[i];
        }
        return s;
    }
}
