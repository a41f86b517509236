package org.ecgsiglip.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Paired comparison of two prediction sets, A and B, on the same records and findings: both are
 * evaluated on the same bootstrap resamples, and the distribution of {@code metric(B) -
 * metric(A)} gives an interval and a p-value (see {@link Difference}) per finding for
 * {@link #FINDING_METRICS} (Holm-corrected across findings, per metric) and for every
 * {@link Average} (macro F1, macro AUROC, ...). Positive differences mean B scores higher.
 *
 * <p>Each side keeps its own thresholds (tuned on validation for its own model, or fixed).
 * Pairing removes the between-resample variation the two share, so the interval of the
 * difference is narrower than comparing the two separate intervals would suggest.
 */
public final class PairedComparison {
    /** The per-finding metrics whose differences are reported. */
    public static final List<Metric> FINDING_METRICS = List.of(Metric.F1, Metric.AUROC, Metric.AUPRC);

    /** One side of the comparison: a name for reports, its scores and its thresholds. */
    public record Candidate(String name, ScoreMatrix scores, Thresholds thresholds) {
        public Candidate {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(scores, "scores");
            Objects.requireNonNull(thresholds, "thresholds");
        }
    }

    private final String nameA;
    private final String nameB;
    private final Evaluation a;
    private final Evaluation b;
    private final Map<Metric, List<Difference>> perFinding;
    private final Map<Average, Difference> averages;
    private final Provenance provenance;

    private PairedComparison(String nameA, String nameB, Evaluation a, Evaluation b,
                             Map<Metric, List<Difference>> perFinding, Map<Average, Difference> averages,
                             Provenance provenance) {
        this.nameA = nameA;
        this.nameB = nameB;
        this.a = a;
        this.b = b;
        this.perFinding = perFinding;
        this.averages = averages;
        this.provenance = provenance;
    }

    /** Both sides with the same thresholds. */
    public static PairedComparison compare(ScoreMatrix a, ScoreMatrix b, TruthMatrix truth, Thresholds thresholds,
                                           EvaluationOptions options) {
        return compare(new Candidate("A", a, thresholds), new Candidate("B", b, thresholds), truth, options);
    }

    /**
     * @param options must carry a {@link Bootstrap} (B and seed); its other parts apply to both sides
     * @throws IllegalArgumentException without a bootstrap
     * @throws EvalInputException when the two sides or the truth differ in records or findings
     */
    public static PairedComparison compare(Candidate a, Candidate b, TruthMatrix truth, EvaluationOptions options) {
        Bootstrap spec = options.bootstrap().orElseThrow(() -> new IllegalArgumentException(
                "a paired comparison needs a bootstrap: EvaluationOptions.optBootstrap(Bootstrap.byRecord(B, seed))"));
        ScoreMatrix sa = a.scores();
        if (!b.scores().codes().equals(sa.codes())) {
            throw new EvalInputException(null, "findings", "the two prediction sets score different findings: "
                    + sa.codes() + " and " + b.scores().codes(), "score the same findings in the same order");
        }
        if (b.scores().records() != sa.records()) {
            throw new EvalInputException(null, "records", "the two prediction sets hold " + sa.records()
                    + " and " + b.scores().records() + " records", "score the same records with both");
        }
        ScoreMatrix sb = b.scores().reorder(sa.recordIds());
        spec.requireMemory(sa.findings(), 2);
        Evaluator.Prepared pa = Evaluator.Prepared.of(sa, truth, a.thresholds(), options);
        Evaluator.Prepared pb = Evaluator.Prepared.of(sb, truth, b.thresholds(), options);
        List<double[][]> reps = Evaluator.replicates(List.of(pa.engine(), pb.engine()),
                Resampler.of(spec, sa.recordIds()));
        int k = sa.findings();
        Evaluation ea = pa.evaluation(Optional.of(Intervals.of(spec, reps.get(0), k)),
                Evaluator.provenance(List.of(sa), truth, a.thresholds(), options));
        Evaluation eb = pb.evaluation(Optional.of(Intervals.of(spec, reps.get(1), k)),
                Evaluator.provenance(List.of(sb), truth, b.thresholds(), options));

        Map<Metric, List<Difference>> perFinding = new EnumMap<>(Metric.class);
        for (Metric m : FINDING_METRICS) {
            Difference[] d = new Difference[k];
            double[] p = new double[k];
            for (int j = 0; j < k; j++) {
                d[j] = difference(ea.perFinding().get(j).value(m), eb.perFinding().get(j).value(m),
                        reps, Replicate.index(m, j, k), spec.level());
                p[j] = d[j].pValue();
            }
            double[] adj = Difference.holm(p);
            List<Difference> list = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                list.add(d[j].withAdjustedP(adj[j]));
            }
            perFinding.put(m, List.copyOf(list));
        }
        Map<Average, Difference> averages = new EnumMap<>(Average.class);
        for (Average avg : Average.values()) {
            averages.put(avg, difference(ea.average(avg), eb.average(avg), reps, Replicate.index(avg, k),
                    spec.level()));
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        ea.provenance().inputs().forEach((name, sha) -> inputs.put(a.name() + ": " + name, sha));
        eb.provenance().inputs().forEach((name, sha) -> inputs.put(b.name() + ": " + name, sha));
        Provenance prov = new Provenance(ea.provenance().toolkitVersion(), inputs,
                a.name() + ": " + a.thresholds().origin() + "; " + b.name() + ": " + b.thresholds().origin(),
                options.atLeastOnePerRecord(), options.zeroDivision(), Optional.of(spec), sa.records(),
                ea.provenance().java());
        return new PairedComparison(a.name(), b.name(), ea, eb, Collections.unmodifiableMap(perFinding),
                Collections.unmodifiableMap(averages), prov);
    }

    private static Difference difference(double va, double vb, List<double[][]> reps, int index, double level) {
        double[][] ra = reps.get(0);
        double[][] rb = reps.get(1);
        double[] deltas = new double[ra.length];
        for (int i = 0; i < ra.length; i++) {
            deltas[i] = rb[i][index] - ra[i][index];
        }
        return Difference.of(vb - va, deltas, level);
    }

    public String nameA() {
        return nameA;
    }

    public String nameB() {
        return nameB;
    }

    /** Side A's evaluation, with its bootstrap intervals (from the shared resamples). */
    public Evaluation a() {
        return a;
    }

    public Evaluation b() {
        return b;
    }

    public List<String> codes() {
        return a.codes();
    }

    /** Per-finding differences of {@code metric} (one of {@link #FINDING_METRICS}), in finding order. */
    public List<Difference> perFinding(Metric metric) {
        List<Difference> d = perFinding.get(metric);
        if (d == null) {
            throw new IllegalArgumentException(metric + " is not compared per finding; compared are " + FINDING_METRICS);
        }
        return d;
    }

    public Difference difference(String code, Metric metric) {
        return perFinding(metric).get(a.indexOf(code));
    }

    public Difference average(Average average) {
        return averages.get(average);
    }

    public Map<Average, Difference> averages() {
        return averages;
    }

    /** The headline: difference in macro F1. */
    public Difference macroF1() {
        return averages.get(Average.MACRO_F1);
    }

    public Difference macroAuroc() {
        return averages.get(Average.MACRO_AUROC);
    }

    public Bootstrap bootstrap() {
        return provenance.bootstrap().orElseThrow();
    }

    public Provenance provenance() {
        return provenance;
    }

    /** Per-finding F1 of both sides and their difference, then the macro F1 and AUROC lines. */
    @Override
    public String toString() {
        return ComparisonText.of(this);
    }
}
