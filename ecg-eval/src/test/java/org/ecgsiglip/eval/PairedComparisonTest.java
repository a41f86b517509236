package org.ecgsiglip.eval;

import static org.ecgsiglip.eval.Fixtures.TOL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairedComparisonTest {
    private static final EvaluationOptions BOOT = EvaluationOptions.builder()
            .optBootstrap(Bootstrap.byRecord(300, 17)).build();

    private final ScoreMatrix scores;
    private final TruthMatrix truth;

    PairedComparisonTest() {
        Object[] pair = Fixtures.random(150, 5, 21);
        scores = (ScoreMatrix) pair[0];
        truth = (TruthMatrix) pair[1];
    }

    /** Scores that equal the truth: a perfect model. */
    private ScoreMatrix oracle() {
        double[][] v = new double[truth.records()][truth.findings()];
        for (int r = 0; r < v.length; r++) {
            for (int k = 0; k < v[r].length; k++) {
                v[r][k] = truth.has(r, k) ? 0.9 : 0.1;
            }
        }
        return new ScoreMatrix(truth.recordIds(), truth.codes(), v);
    }

    @Test
    void identicalPredictionsDifferByNothing() {
        PairedComparison c = PairedComparison.compare(scores, scores, truth, Thresholds.fixed(0.5), BOOT);
        for (Metric m : PairedComparison.FINDING_METRICS) {
            for (Difference d : c.perFinding(m)) {
                assertEquals(0.0, d.estimate());
                assertEquals(0.0, d.lower());
                assertEquals(0.0, d.upper());
                assertEquals(1.0, d.pValue());
                assertEquals(1.0, d.adjustedP());
            }
        }
        assertEquals(1.0, c.macroF1().pValue());
    }

    @Test
    void theEstimateIsBMinusAAndEachSideKeepsItsIntervals() {
        PairedComparison c = PairedComparison.compare(scores, oracle(), truth, Thresholds.fixed(0.5), BOOT);
        Evaluation a = Evaluator.evaluate(scores, truth, Thresholds.fixed(0.5), BOOT);
        assertEquals(a.perFinding(), c.a().perFinding());
        assertEquals(a.intervals(), c.a().intervals(), "same seed, same resamples, same intervals");
        assertEquals(c.b().macroF1() - c.a().macroF1(), c.macroF1().estimate(), TOL);
        assertEquals(1.0, c.b().macroF1(), TOL);
        for (int k = 0; k < 5; k++) {
            assertEquals(c.b().perFinding().get(k).f1() - c.a().perFinding().get(k).f1(),
                    c.perFinding(Metric.F1).get(k).estimate(), TOL);
        }
    }

    @Test
    void aClearlyBetterModelIsSignificant() {
        PairedComparison c = PairedComparison.compare(scores, oracle(), truth, Thresholds.fixed(0.5), BOOT);
        Difference d = c.macroF1();
        assertTrue(d.estimate() > 0.2, d.toString());
        assertTrue(d.lower() > 0, d.toString());
        assertEquals(2.0 / 301, d.pValue(), TOL, "no resample at or below 0: the smallest p-value");
        assertTrue(d.significant());
        assertTrue(c.macroAuroc().estimate() > 0);
        assertTrue(c.toString().contains("macro_f1"));
    }

    @Test
    void pValueInvertsThePercentileInterval() {
        Difference d = Difference.of(1.5, new double[] {-1, 1, 2, 3, Double.NaN}, 0.95);
        assertEquals(4, d.replicates());
        // 1 replicate <= 0, 3 >= 0: p = 2 * min(2, 4) / 5
        assertEquals(0.8, d.pValue(), TOL);
        assertEquals(1.0, Difference.of(0, new double[] {0, 0, 0}, 0.95).pValue());
    }

    @Test
    void holmAdjustsStepDown() {
        double[] adj = Difference.holm(new double[] {0.01, 0.04, 0.03, Double.NaN, 0.5});
        // m = 4: 4*0.01, max(0.04, 3*0.03), max(0.09, 2*0.04), max(0.09, 1*0.5)
        assertArrayEquals(new double[] {0.04, 0.09, 0.09, Double.NaN, 0.5}, adj, TOL);
        assertArrayEquals(new double[] {1.0, 1.0}, Difference.holm(new double[] {0.7, 0.9}), TOL);
    }

    @Test
    void recordOrderOfBDoesNotMatter() {
        List<String> reversed = new java.util.ArrayList<>(scores.recordIds());
        Collections.reverse(reversed);
        PairedComparison straight = PairedComparison.compare(scores, oracle(), truth, Thresholds.fixed(0.5), BOOT);
        PairedComparison shuffled = PairedComparison.compare(scores, oracle().reorder(reversed), truth,
                Thresholds.fixed(0.5), BOOT);
        assertEquals(straight.macroF1(), shuffled.macroF1());
    }

    @Test
    void aComparisonNeedsABootstrapAndMatchingFindings() {
        assertThrows(IllegalArgumentException.class, () -> PairedComparison.compare(scores, scores, truth,
                Thresholds.fixed(0.5), EvaluationOptions.defaults()));
        ScoreMatrix other = new ScoreMatrix(scores.recordIds(), Fixtures.codes(4), new double[150][4]);
        assertThrows(EvalInputException.class, () -> PairedComparison.compare(scores, other, truth,
                Thresholds.fixed(0.5), BOOT));
    }
}
