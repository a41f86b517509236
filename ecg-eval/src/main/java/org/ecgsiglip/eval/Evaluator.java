package org.ecgsiglip.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.ecgsiglip.eval.calibration.Calibration;
import org.ecgsiglip.io.Toolkit;

/**
 * Evaluates scores against truth: decisions by {@link Thresholds} (and optionally "at least one
 * finding per record"), every {@link Metric} per finding, every {@link Average}, and, when
 * {@link EvaluationOptions#bootstrap()} is set, percentile confidence intervals of all of them
 * from the same resamples. When the scores are probabilities (all in [0, 1]), the evaluation also
 * holds their {@link Calibration} under {@link EvaluationOptions#calibration()} (point values; the
 * bootstrap does not cover them).
 *
 * <p>Agreement with scikit-learn: counts, precision, recall, F1 and their micro, macro, weighted
 * and samples averages equal {@code precision_recall_fscore_support(..., zero_division=z)};
 * AUPRC equals {@code average_precision_score}; AUROC equals {@code roc_auc_score} wherever that
 * is defined. Differences: AUROC of a finding with a single class is NaN (scikit-learn raises),
 * and macro AUROC averages only the findings where it is defined.
 */
public final class Evaluator {
    private Evaluator() {
    }

    /** Evaluation with default options: zero division 0, no bootstrap. */
    public static Evaluation evaluate(ScoreMatrix scores, TruthMatrix truth, Thresholds thresholds) {
        return evaluate(scores, truth, thresholds, EvaluationOptions.defaults());
    }

    /**
     * @param truth aligned to the scores' records and findings by id (order may differ; both
     *              must hold the same records and the scores' findings)
     * @throws EvalInputException when records or findings do not match, or a threshold is missing
     */
    public static Evaluation evaluate(ScoreMatrix scores, TruthMatrix truth, Thresholds thresholds,
                                      EvaluationOptions options) {
        Prepared p = Prepared.of(scores, truth, thresholds, options);
        Optional<Intervals> intervals = options.bootstrap().map(spec -> {
            spec.requireMemory(scores.findings(), 1);
            Resampler rs = Resampler.of(spec, scores.recordIds());
            return Intervals.of(spec, replicates(List.of(p.engine()), rs).get(0), scores.findings());
        });
        return p.evaluation(intervals, provenance(List.of(scores), truth, thresholds, options));
    }

    /**
     * The bootstrap replicates of several engines over the same records, resample by resample:
     * {@code result.get(e)[b]} is the replicate {@code b} of engine {@code e}, all engines seeing
     * the same weights. Resamples run in parallel; each is deterministic.
     */
    static List<double[][]> replicates(List<MetricEngine> engines, Resampler rs) {
        int b = rs.replicates();
        List<double[][]> out = new ArrayList<>();
        for (int e = 0; e < engines.size(); e++) {
            out.add(new double[b][]);
        }
        IntStream.range(0, b).parallel().forEach(i -> {
            int[] w = rs.weights(i);
            for (int e = 0; e < engines.size(); e++) {
                out.get(e)[i] = engines.get(e).compute(w, false).values();
            }
        });
        return out;
    }

    static Provenance provenance(List<ScoreMatrix> scores, TruthMatrix truth, Thresholds thresholds,
                                 EvaluationOptions options) {
        Map<String, String> inputs = new LinkedHashMap<>(options.inputs());
        if (inputs.isEmpty()) {
            for (int i = 0; i < scores.size(); i++) {
                inputs.put(scores.size() == 1 ? "scores" : "scores " + (char) ('a' + i), scores.get(i).sha256());
            }
            inputs.put("truth", truth.sha256());
        }
        return new Provenance(Toolkit.version(), inputs, thresholds.origin(), options.atLeastOnePerRecord(),
                options.zeroDivision(), options.bootstrap(), scores.get(0).records(),
                System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
    }

    /** One prediction set made ready: aligned truth, thresholds per finding, the metric engine. */
    record Prepared(ScoreMatrix scores, TruthMatrix truth, Thresholds thresholds, double[] cut,
                    MetricEngine engine, EvaluationOptions options) {

        static Prepared of(ScoreMatrix scores, TruthMatrix truth, Thresholds thresholds, EvaluationOptions o) {
            TruthMatrix aligned = truth.alignTo(scores.recordIds(), scores.codes());
            double[] cut = thresholds.of(scores.codes());
            boolean[][] predicted = Decisions.predict(scores.rows(), cut, o.atLeastOnePerRecord());
            MetricEngine engine = MetricEngine.of(scores.rows(), aligned.rows(), predicted, o.zeroDivision());
            return new Prepared(scores, aligned, thresholds, cut, engine, o);
        }

        Evaluation evaluation(Optional<Intervals> intervals, Provenance provenance) {
            Replicate point = engine.compute(null, true);
            List<FindingMetrics> rows = new ArrayList<>();
            for (int k = 0; k < scores.findings(); k++) {
                Map<Metric, Double> m = new EnumMap<>(Metric.class);
                for (Metric metric : Metric.values()) {
                    m.put(metric, point.value(metric, k));
                }
                rows.add(new FindingMetrics(scores.codes().get(k), cut[k], m));
            }
            Map<Average, Double> avg = new EnumMap<>(Average.class);
            for (Average a : Average.values()) {
                avg.put(a, point.value(a));
            }
            Optional<Calibration> calibration = options.calibration().isEmpty() || scores.records() == 0
                    || !Calibration.isProbability(scores) ? Optional.empty() : Optional.of(Calibration.of(scores, truth, options.calibration()));
            return new Evaluation(rows, new Averages(avg), thresholds, intervals, provenance, curves(rows),
                    calibration);
        }

        private List<PrCurve> curves(List<FindingMetrics> rows) {
            List<Integer> candidates = new ArrayList<>();
            for (int k = 0; k < rows.size(); k++) {
                if (rows.get(k).support() > 0) {
                    candidates.add(k);
                }
            }
            candidates.sort(Comparator.<Integer>comparingDouble(k -> rows.get(k).auprc())
                    .thenComparing(k -> rows.get(k).code()));
            List<PrCurve> out = new ArrayList<>();
            for (int k : candidates.subList(0, Math.min(options.worstCurves(), candidates.size()))) {
                out.add(engine.ranked(k).curve(rows.get(k).code(), 400));
            }
            return out;
        }
    }
}
