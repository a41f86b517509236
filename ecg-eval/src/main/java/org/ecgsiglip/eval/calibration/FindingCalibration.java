package org.ecgsiglip.eval.calibration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calibration of one finding's probabilities (or of all findings pooled): the Brier score
 * {@code (1/N) sum_i (p_i - y_i)^2} (scikit-learn's {@code brier_score_loss}), the mean predicted
 * probability against the observed rate (calibration in the large), and a
 * {@link ReliabilityCurve} per {@link Binning}. Every value is defined for a finding with a
 * single class: a finding without positives has Brier {@code mean(p^2)} and its observed
 * frequency is 0 in every bin.
 *
 * @param code      the finding's code, or {@link Calibration#POOLED} for every pair pooled
 * @param records   {@code N}, the probabilities scored
 * @param positives how many of them belong to records that have the finding
 * @param curves    by binning, in the order asked for
 */
public record FindingCalibration(String code, long records, long positives, double meanPredicted, double brier,
                                 Map<Binning, ReliabilityCurve> curves) {

    public FindingCalibration {
        curves = Collections.unmodifiableMap(new LinkedHashMap<>(curves));
    }

    /**
     * @param p probabilities in [0, 1], at least one
     */
    public static FindingCalibration of(String code, double[] p, boolean[] truth, List<Binning> binnings) {
        if (p.length == 0) {
            throw new IllegalArgumentException("no probabilities for " + code);
        }
        double sq = 0;
        double sum = 0;
        long positives = 0;
        for (int i = 0; i < p.length; i++) {
            double d = p[i] - (truth[i] ? 1 : 0);
            sq += d * d;
            sum += p[i];
            positives += truth[i] ? 1 : 0;
        }
        Map<Binning, ReliabilityCurve> curves = new LinkedHashMap<>();
        for (Binning b : binnings) {
            curves.put(b, ReliabilityCurve.of(p, truth, b));
        }
        return new FindingCalibration(code, p.length, positives, sum / p.length, sq / p.length, curves);
    }

    /** positives / records. */
    public double observedRate() {
        return (double) positives / records;
    }

    /** The curve of {@code binning}; it must be one of those computed. */
    public ReliabilityCurve curve(Binning binning) {
        ReliabilityCurve c = curves.get(binning);
        if (c == null) {
            throw new IllegalArgumentException("no " + binning + " curve for " + code + "; computed: "
                    + new ArrayList<>(curves.keySet()));
        }
        return c;
    }

    /** The expected calibration error under {@code binning}. */
    public double ece(Binning binning) {
        return curve(binning).ece();
    }
}
