package org.ecgsiglip.eval;

import java.util.stream.IntStream;

/**
 * Everything needed to compute every {@link Metric} and {@link Average} of one prediction set,
 * prepared once: per finding the record outcomes (TP/FP/FN/TN) and the scores sorted once
 * ({@link RankedScores}); per record its count metrics (for sample-wise averages). A call to
 * {@link #compute(int[], boolean)} is then linear in records x findings, for the point estimate
 * (all weights 1) and for every bootstrap resample (weights = how often each record was drawn).
 */
final class MetricEngine {
    private static final byte TN = 0;
    private static final byte FP = 1;
    private static final byte FN = 2;
    private static final byte TP = 3;

    private final int records;
    private final int findings;
    private final ZeroDivision zeroDivision;
    /** [finding][record]: bit 1 = truth, bit 0 = predicted. */
    private final byte[][] outcome;
    private final RankedScores[] ranked;
    /** [metric ordinal][record] for count metrics, null for ranking metrics. */
    private final double[][] perRecord;

    private MetricEngine(int records, int findings, ZeroDivision zeroDivision, byte[][] outcome,
                         RankedScores[] ranked, double[][] perRecord) {
        this.records = records;
        this.findings = findings;
        this.zeroDivision = zeroDivision;
        this.outcome = outcome;
        this.ranked = ranked;
        this.perRecord = perRecord;
    }

    /**
     * @param scores    [record][finding] scores
     * @param truth     [record][finding] truth, same shape
     * @param predicted [record][finding] decisions, same shape
     */
    static MetricEngine of(double[][] scores, boolean[][] truth, boolean[][] predicted, ZeroDivision zd) {
        int n = scores.length;
        int k = n == 0 ? 0 : scores[0].length;
        if (n == 0 || k == 0) {
            throw new IllegalArgumentException("nothing to evaluate: " + n + " records, " + k + " findings");
        }
        byte[][] outcome = new byte[k][n];
        RankedScores[] ranked = new RankedScores[k];
        IntStream.range(0, k).parallel().forEach(j -> {
            double[] column = new double[n];
            boolean[] labels = new boolean[n];
            byte[] out = outcome[j];
            for (int r = 0; r < n; r++) {
                column[r] = scores[r][j];
                labels[r] = truth[r][j];
                out[r] = (byte) ((truth[r][j] ? 2 : 0) | (predicted[r][j] ? 1 : 0));
            }
            ranked[j] = RankedScores.of(column, labels);
        });
        Metric[] metrics = Metric.values();
        double[][] perRecord = new double[metrics.length][];
        for (Metric m : metrics) {
            if (!m.isRanking()) {
                perRecord[m.ordinal()] = new double[n];
            }
        }
        for (int r = 0; r < n; r++) {
            Confusion c = Confusion.of(truth[r], predicted[r]);
            for (Metric m : metrics) {
                if (!m.isRanking()) {
                    perRecord[m.ordinal()][r] = m.of(c, zd);
                }
            }
        }
        return new MetricEngine(n, k, zd, outcome, ranked, perRecord);
    }

    int records() {
        return records;
    }

    int findings() {
        return findings;
    }

    ZeroDivision zeroDivision() {
        return zeroDivision;
    }

    RankedScores ranked(int finding) {
        return ranked[finding];
    }

    /**
     * All metrics and averages under the given record weights.
     *
     * @param weights  how often each record counts, or {@code null} for once each
     * @param parallel whether to spread findings over threads (worth it for one large call, not
     *                 inside an already parallel loop over resamples)
     */
    Replicate compute(int[] weights, boolean parallel) {
        Metric[] metrics = Metric.values();
        double[] values = new double[metrics.length * findings + Average.values().length];
        Confusion[] confusions = new Confusion[findings];
        IntStream ks = IntStream.range(0, findings);
        (parallel ? ks.parallel() : ks).forEach(k -> {
            Confusion c = count(outcome[k], weights);
            confusions[k] = c;
            for (Metric m : metrics) {
                values[m.ordinal() * findings + k] = m.isRanking()
                        ? m.ofRanked(ranked[k], weights)
                        : m.of(c, zeroDivision);
            }
        });
        return new Replicate(this, weights, values, confusions);
    }

    private static Confusion count(byte[] out, int[] weights) {
        double[] c = new double[4];
        if (weights == null) {
            for (byte o : out) {
                c[o]++;
            }
        } else {
            for (int r = 0; r < out.length; r++) {
                c[out[r]] += weights[r];
            }
        }
        return new Confusion(c[TP], c[FP], c[FN], c[TN]);
    }

    /** {@code sum_r w_r m_r / sum_r w_r} of a count metric computed per record. */
    double recordMean(Metric m, int[] weights) {
        double[] v = perRecord[m.ordinal()];
        double sum = 0;
        double total = 0;
        for (int r = 0; r < records; r++) {
            double w = weights == null ? 1 : weights[r];
            if (w != 0) {
                sum += w * v[r];
                total += w;
            }
        }
        return total == 0 ? Double.NaN : sum / total;
    }
}
