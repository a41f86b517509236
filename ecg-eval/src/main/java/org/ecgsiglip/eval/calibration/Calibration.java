package org.ecgsiglip.eval.calibration;

import java.util.ArrayList;
import java.util.List;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.TruthMatrix;

/**
 * How well the scores of an evaluation behave as probabilities: per finding and pooled over every
 * (record, finding) pair, the Brier score, the expected calibration error under each
 * {@link Binning} (the first is the headline) and the reliability curves.
 *
 * <p>Averages: {@link #macroBrier()} and {@link #macroEce(Binning)} are plain means over the
 * findings. Findings without positives (or without negatives) in this set are included: the
 * Brier score and the reliability curve are defined for a single class (scikit-learn's
 * {@code brier_score_loss} and {@code calibration_curve} accept it), and such a finding is
 * miscalibrated exactly as far as it predicts probability where there is none. The pooled values
 * ({@link #pooled()}) treat every (record, finding) pair as one prediction, the micro view, where
 * frequent findings weigh more.
 */
public record Calibration(List<Binning> binnings, List<FindingCalibration> perFinding, FindingCalibration pooled) {
    /** The code of the pooled row. */
    public static final String POOLED = "(pooled)";

    public Calibration {
        binnings = List.copyOf(binnings);
        perFinding = List.copyOf(perFinding);
        if (binnings.isEmpty()) {
            throw new IllegalArgumentException("calibration needs at least one binning");
        }
    }

    /** {@link #of(ScoreMatrix, TruthMatrix, List)} with {@link Binning#STANDARD}. */
    public static Calibration of(ScoreMatrix scores, TruthMatrix truth) {
        return of(scores, truth, Binning.STANDARD);
    }

    /**
     * @param truth    aligned to the scores by record id and finding code
     * @param binnings the binnings to compute, the headline first
     * @throws IllegalArgumentException when a score lies outside [0, 1] (see {@link #isProbability})
     */
    public static Calibration of(ScoreMatrix scores, TruthMatrix truth, List<Binning> binnings) {
        if (!isProbability(scores)) {
            throw new IllegalArgumentException("calibration needs probabilities in [0, 1]; " + scores
                    + " has scores outside");
        }
        if (scores.records() == 0) {
            throw new IllegalArgumentException("calibration needs at least one record");
        }
        TruthMatrix t = truth.alignTo(scores.recordIds(), scores.codes());
        int n = scores.records();
        int k = scores.findings();
        double[] allP = new double[n * k];
        boolean[] allY = new boolean[n * k];
        List<FindingCalibration> rows = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            double[] p = scores.column(j);
            boolean[] y = t.column(j);
            for (int r = 0; r < n; r++) {
                allP[r * k + j] = p[r];
                allY[r * k + j] = y[r];
            }
            rows.add(FindingCalibration.of(scores.codes().get(j), p, y, binnings));
        }
        return new Calibration(binnings, rows, FindingCalibration.of(POOLED, allP, allY, binnings));
    }

    /** Whether every score lies in [0, 1], so that the scores can be read as probabilities. */
    public static boolean isProbability(ScoreMatrix scores) {
        for (int j = 0; j < scores.findings(); j++) {
            for (double v : scores.column(j)) {
                if (!(v >= 0 && v <= 1)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The binning of the headline ECE: the first one. */
    public Binning headline() {
        return binnings.get(0);
    }

    /** The row of {@code code}. */
    public FindingCalibration finding(String code) {
        for (FindingCalibration f : perFinding) {
            if (f.code().equals(code)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no finding '" + code + "' in this calibration");
    }

    /** Mean of the findings' Brier scores. */
    public double macroBrier() {
        return perFinding.stream().mapToDouble(FindingCalibration::brier).average().orElse(Double.NaN);
    }

    /** Mean of the findings' ECE under {@code binning}. */
    public double macroEce(Binning binning) {
        return perFinding.stream().mapToDouble(f -> f.ece(binning)).average().orElse(Double.NaN);
    }

    /** Mean of the findings' ECE under the headline binning. */
    public double macroEce() {
        return macroEce(headline());
    }

    /** Brier score of every (record, finding) pair pooled. */
    public double pooledBrier() {
        return pooled.brier();
    }

    /** ECE of every (record, finding) pair pooled, under the headline binning. */
    public double pooledEce() {
        return pooled.ece(headline());
    }
}
