package org.ecgsiglip.eval;

import java.util.function.ToDoubleBiFunction;

/**
 * The per-finding metrics. Each constant carries its formula, so a new metric is one new constant
 * and every table, CI and report picks it up. With {@code z} the {@link ZeroDivision} value:
 *
 * <ul>
 *   <li>{@link #SUPPORT} = TP + FN (positives in the truth), {@link #TP}, {@link #FP},
 *       {@link #FN}, {@link #TN}: counts;</li>
 *   <li>{@link #PRECISION} = TP / (TP + FP), z when nothing is predicted positive;</li>
 *   <li>{@link #RECALL} = TP / (TP + FN), z when there are no positives;</li>
 *   <li>{@link #F1} = 2TP / (2TP + FP + FN) = 2PR / (P + R), z when there are neither positives
 *       nor predicted positives. It is 0, not z, when only one of P and R is a zero division
 *       (TP = 0 then), as in scikit-learn;</li>
 *   <li>{@link #SPECIFICITY} = TN / (TN + FP), z when there are no negatives;</li>
 *   <li>{@link #AUROC}: area under the ROC curve of the scores (trapezoidal, ties as one step),
 *       NaN when the finding has only positives or only negatives (scikit-learn raises an error
 *       there instead);</li>
 *   <li>{@link #AUPRC}: average precision as scikit-learn defines it,
 *       {@code AP = sum_n (R_n - R_{n-1}) P_n} over the distinct scores, no interpolation;
 *       0 when the finding has no positives (as scikit-learn 1.2 returns).</li>
 * </ul>
 * Count metrics are computed from a {@link Confusion}; ranking metrics from the scores alone
 * (they do not depend on the threshold).
 */
public enum Metric {
    SUPPORT("support", "n", Formula.counts((c, z) -> c.tp() + c.fn())),
    TP("tp", "tp", Formula.counts((c, z) -> c.tp())),
    FP("fp", "fp", Formula.counts((c, z) -> c.fp())),
    FN("fn", "fn", Formula.counts((c, z) -> c.fn())),
    TN("tn", "tn", Formula.counts((c, z) -> c.tn())),
    PRECISION("precision", "precision", Formula.counts((c, z) -> z.divide(c.tp(), c.tp() + c.fp()))),
    RECALL("recall", "recall", Formula.counts((c, z) -> z.divide(c.tp(), c.tp() + c.fn()))),
    F1("f1", "F1", Formula.counts((c, z) -> z.divide(2 * c.tp(), 2 * c.tp() + c.fp() + c.fn()))),
    SPECIFICITY("specificity", "specificity", Formula.counts((c, z) -> z.divide(c.tn(), c.tn() + c.fp()))),
    AUROC("auroc", "AUROC", Formula.ranking(RankedScores::auroc)),
    AUPRC("auprc", "AUPRC", Formula.ranking(RankedScores::averagePrecision));

    /** The formula of a ranking metric over scores sorted once, with optional record weights. */
    @FunctionalInterface
    interface RankingFormula {
        double apply(RankedScores ranked, int[] weights);
    }

    /** A metric's formula: from counts, or from ranked scores (exactly one is set). */
    record Formula(ToDoubleBiFunction<Confusion, ZeroDivision> counts, RankingFormula ranking) {
        static Formula counts(ToDoubleBiFunction<Confusion, ZeroDivision> f) {
            return new Formula(f, null);
        }

        static Formula ranking(RankingFormula f) {
            return new Formula(null, f);
        }
    }

    private final String key;
    private final String label;
    private final ToDoubleBiFunction<Confusion, ZeroDivision> counts;
    private final RankingFormula ranking;

    Metric(String key, String label, Formula formula) {
        this.key = key;
        this.label = label;
        this.counts = formula.counts();
        this.ranking = formula.ranking();
    }

    /** The name used in JSON and CSV columns, e.g. {@code f1}, {@code auroc}. */
    public String key() {
        return key;
    }

    /** The short header used in tables, e.g. {@code F1}, {@code n}. */
    public String label() {
        return label;
    }

    /** Whether the metric ranks scores (AUROC, AUPRC) rather than counting decisions. */
    public boolean isRanking() {
        return ranking != null;
    }

    /** Whether the metric is a raw count (support, TP, FP, FN, TN), printed as an integer. */
    public boolean isCount() {
        return ordinal() <= TN.ordinal();
    }

    /**
     * The metric of a confusion table.
     *
     * @throws UnsupportedOperationException for {@link #AUROC} and {@link #AUPRC}, which need scores
     */
    public double of(Confusion c, ZeroDivision zeroDivision) {
        if (counts == null) {
            throw new UnsupportedOperationException(this + " is computed from scores, not counts");
        }
        return counts.applyAsDouble(c, zeroDivision);
    }

    /**
     * A ranking metric of one finding's scores against its truth.
     *
     * @throws UnsupportedOperationException for count metrics, which need decisions
     */
    public double of(double[] scores, boolean[] truth) {
        if (ranking == null) {
            throw new UnsupportedOperationException(this + " is computed from decisions, not scores");
        }
        return ranking.apply(RankedScores.of(scores, truth), null);
    }

    double ofRanked(RankedScores ranked, int[] weights) {
        return ranking.apply(ranked, weights);
    }

    /** The metric whose {@link #key()} is {@code key}, for reading files back. */
    public static Metric ofKey(String key) {
        for (Metric m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("no metric '" + key + "'");
    }
}
