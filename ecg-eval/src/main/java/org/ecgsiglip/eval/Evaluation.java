package org.ecgsiglip.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ecgsiglip.eval.calibration.Calibration;

/**
 * The result of evaluating one prediction set: a row per finding ({@link FindingMetrics}), the
 * {@link Averages}, the {@link Thresholds} used, bootstrap {@link Intervals} when asked for, the
 * {@link Provenance}, precision-recall curves of the weakest findings for reports, and the
 * {@link Calibration} of the scores when they are probabilities. Immutable.
 * {@link #toString()} prints the per-finding table; {@code eval.report} writes the files.
 */
public final class Evaluation {
    private final List<FindingMetrics> perFinding;
    private final Averages averages;
    private final Thresholds thresholds;
    private final Optional<Intervals> intervals;
    private final Provenance provenance;
    private final List<PrCurve> worstCurves;
    private final Optional<Calibration> calibration;

    /** An evaluation without calibration. */
    public Evaluation(List<FindingMetrics> perFinding, Averages averages, Thresholds thresholds,
                      Optional<Intervals> intervals, Provenance provenance, List<PrCurve> worstCurves) {
        this(perFinding, averages, thresholds, intervals, provenance, worstCurves, Optional.empty());
    }

    /**
     * @param calibration of the same findings, in the same order, when the scores are probabilities
     */
    public Evaluation(List<FindingMetrics> perFinding, Averages averages, Thresholds thresholds,
                      Optional<Intervals> intervals, Provenance provenance, List<PrCurve> worstCurves,
                      Optional<Calibration> calibration) {
        this.perFinding = List.copyOf(perFinding);
        this.averages = Objects.requireNonNull(averages, "averages");
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        this.intervals = Objects.requireNonNull(intervals, "intervals");
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        this.worstCurves = List.copyOf(worstCurves);
        this.calibration = Objects.requireNonNull(calibration, "calibration");
        calibration.ifPresent(c -> {
            List<String> codes = c.perFinding().stream().map(f -> f.code()).toList();
            if (!codes.equals(codes())) {
                throw new IllegalArgumentException("calibration of findings " + codes + ", rows for " + codes());
            }
        });
        intervals.ifPresent(i -> {
            if (i.perFinding().size() != this.perFinding.size()) {
                throw new IllegalArgumentException("intervals for " + i.perFinding().size() + " findings, rows for "
                        + this.perFinding.size());
            }
        });
    }

    /** One row per finding, in the scores' column order. */
    public List<FindingMetrics> perFinding() {
        return perFinding;
    }

    /** The finding codes, in order. */
    public List<String> codes() {
        List<String> c = new ArrayList<>(perFinding.size());
        for (FindingMetrics f : perFinding) {
            c.add(f.code());
        }
        return c;
    }

    /** The row of {@code code}. */
    public FindingMetrics finding(String code) {
        return perFinding.get(indexOf(code));
    }

    /** Position of {@code code} among the rows. */
    public int indexOf(String code) {
        for (int i = 0; i < perFinding.size(); i++) {
            if (perFinding.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no finding '" + code + "' in this evaluation; findings are " + codes());
    }

    public Averages averages() {
        return averages;
    }

    public double average(Average a) {
        return averages.value(a);
    }

    public double microF1() {
        return averages.microF1();
    }

    public double macroF1() {
        return averages.macroF1();
    }

    public double weightedF1() {
        return averages.weightedF1();
    }

    public double samplesF1() {
        return averages.samplesF1();
    }

    public double macroAuroc() {
        return averages.macroAuroc();
    }

    public double macroAuprc() {
        return averages.macroAuprc();
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    /** Bootstrap intervals, present when the evaluation was asked for a bootstrap. */
    public Optional<Intervals> intervals() {
        return intervals;
    }

    /** The interval of a finding's metric, when there was a bootstrap. */
    public Optional<ConfidenceInterval> interval(String code, Metric metric) {
        int k = indexOf(code);
        return intervals.map(i -> i.of(k, metric));
    }

    /** The interval of an average, when there was a bootstrap. */
    public Optional<ConfidenceInterval> interval(Average average) {
        return intervals.map(i -> i.of(average));
    }

    public Provenance provenance() {
        return provenance;
    }

    /** Precision-recall curves of the findings with the lowest AUPRC (those with positives). */
    public List<PrCurve> worstCurves() {
        return worstCurves;
    }

    /**
     * Brier score, expected calibration error and reliability curves, per finding and pooled;
     * present when the evaluation's scores were all in [0, 1] and calibration was not turned off.
     */
    public Optional<Calibration> calibration() {
        return calibration;
    }

    /**
     * The per-finding table (n, tp, fp, fn, precision, recall, F1, threshold, and Brier and the
     * headline ECE when there is a calibration) and the main averages.
     */
    @Override
    public String toString() {
        return TextTable.of(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Evaluation e && perFinding.equals(e.perFinding) && averages.equals(e.averages)
                && thresholds.equals(e.thresholds) && intervals.equals(e.intervals)
                && provenance.equals(e.provenance) && calibration.equals(e.calibration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(perFinding, averages, intervals);
    }
}
