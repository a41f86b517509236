package org.ecgsiglip.eval.calibration;

import java.util.ArrayList;
import java.util.List;

/**
 * Mean predicted probability against observed frequency per bin, scikit-learn's
 * {@code calibration_curve}: {@code prob_pred} is {@link Bin#meanPredicted()} and
 * {@code prob_true} {@link Bin#observedFrequency()} of the non-empty bins, in bin order (empty
 * bins are left out, as scikit-learn drops them). Each bin also keeps its edges and its count.
 *
 * <p>With {@code N} records and {@code n_b} in bin {@code b}:
 * expected calibration error {@code ECE = sum_b (n_b / N) |observed_b - meanPredicted_b|},
 * maximum calibration error {@code MCE = max_b |observed_b - meanPredicted_b|}.
 *
 * @param edges   all {@code binning.bins() + 1} edges, empty bins included
 * @param bins    the non-empty bins, in order
 * @param records {@code N}, the number of probabilities binned
 */
public record ReliabilityCurve(Binning binning, List<Double> edges, List<Bin> bins, long records) {

    /**
     * One non-empty bin: its position among all bins, its edges (it holds
     * {@code lower < p <= upper}, the first bin also {@code p <= lower}, the last also
     * {@code p > upper}), how many probabilities it holds, their mean and the fraction of them
     * whose record has the finding.
     */
    public record Bin(int index, double lower, double upper, long count, double meanPredicted,
                      double observedFrequency) {

        /** {@code |observedFrequency - meanPredicted|}. */
        public double gap() {
            return Math.abs(observedFrequency - meanPredicted);
        }
    }

    public ReliabilityCurve {
        edges = List.copyOf(edges);
        bins = List.copyOf(bins);
    }

    /**
     * The curve of one set of probabilities and their labels.
     *
     * @param p probabilities in [0, 1], at least one
     */
    public static ReliabilityCurve of(double[] p, boolean[] truth, Binning binning) {
        if (p.length != truth.length) {
            throw new IllegalArgumentException(p.length + " probabilities but " + truth.length + " labels");
        }
        double[] e = binning.edges(p);
        int n = binning.bins();
        long[] count = new long[n];
        double[] sum = new double[n];
        long[] positives = new long[n];
        for (int i = 0; i < p.length; i++) {
            int b = BinEdges.binOf(e, p[i]);
            count[b]++;
            sum[b] += p[i];
            positives[b] += truth[i] ? 1 : 0;
        }
        List<Bin> bins = new ArrayList<>();
        for (int b = 0; b < n; b++) {
            if (count[b] > 0) {
                bins.add(new Bin(b, e[b], e[b + 1], count[b], sum[b] / count[b], (double) positives[b] / count[b]));
            }
        }
        List<Double> edges = new ArrayList<>(e.length);
        for (double v : e) {
            edges.add(v);
        }
        return new ReliabilityCurve(binning, edges, bins, p.length);
    }

    /** Expected calibration error: {@code sum_b (n_b / N) |observed_b - meanPredicted_b|}. */
    public double ece() {
        double s = 0;
        for (Bin b : bins) {
            s += (double) b.count() / records * b.gap();
        }
        return s;
    }

    /** Maximum calibration error over the non-empty bins: {@code max_b |observed_b - meanPredicted_b|}. */
    public double mce() {
        double m = 0;
        for (Bin b : bins) {
            m = Math.max(m, b.gap());
        }
        return m;
    }

    /** scikit-learn's {@code prob_pred}: the mean probability of each non-empty bin. */
    public double[] meanPredicted() {
        return bins.stream().mapToDouble(Bin::meanPredicted).toArray();
    }

    /** scikit-learn's {@code prob_true}: the observed frequency of each non-empty bin. */
    public double[] observedFrequency() {
        return bins.stream().mapToDouble(Bin::observedFrequency).toArray();
    }
}
