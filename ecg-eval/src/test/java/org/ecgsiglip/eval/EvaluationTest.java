package org.ecgsiglip.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {
    private final ScoreMatrix scores;
    private final TruthMatrix truth;

    EvaluationTest() {
        Object[] pair = Fixtures.random(200, 8, 3);
        scores = (ScoreMatrix) pair[0];
        truth = (TruthMatrix) pair[1];
    }

    @Test
    void toStringIsThePerFindingTable() {
        Evaluation e = Evaluator.evaluate(scores, truth, Thresholds.fixed(0.5));
        String[] lines = e.toString().split("\n");
        assertTrue(lines[0].matches("finding\\s+n\\s+tp\\s+fp\\s+fn\\s+precision\\s+recall\\s+F1\\s+threshold"
                + "\\s+Brier\\s+ECE"), lines[0]);
        assertEquals(1 + 8 + 2, lines.length);
        FindingMetrics c3 = e.finding("C3");
        assertTrue(lines[4].startsWith("C3 "), lines[4]);
        assertTrue(lines[4].contains(String.format(java.util.Locale.ROOT, "%.4f", c3.f1())), lines[4]);
        assertTrue(lines[4].endsWith(String.format(java.util.Locale.ROOT, "%.4f", e.calibration().get()
                .finding("C3").ece(org.ecgsiglip.eval.calibration.Binning.HEADLINE))), lines[4]);
        assertTrue(lines[9].contains("macro F1"), lines[9]);
        assertTrue(lines[10].startsWith("macro Brier ") && lines[10].endsWith("(ECE over 10 equal-width bins)"),
                lines[10]);
        String without = Evaluator.evaluate(scores, truth, Thresholds.fixed(0.5),
                EvaluationOptions.builder().optCalibration(List.of()).build()).toString();
        assertTrue(without.split("\n")[0].endsWith("threshold") && !without.contains("Brier"), without);
    }

    @Test
    void inputsAreCopiedAndChecked() {
        double[][] v = {{0.1, 0.2}};
        ScoreMatrix m = new ScoreMatrix(List.of("a"), List.of("X", "Y"), v);
        v[0][0] = 0.9;
        assertEquals(0.1, m.score(0, 0));
        m.values()[0][0] = 0.9;
        assertEquals(0.1, m.score(0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new ScoreMatrix(List.of("a"), List.of("X"), new double[][] {{Double.NaN}}));
        assertThrows(IllegalArgumentException.class,
                () -> new ScoreMatrix(List.of("a", "a"), List.of("X"), new double[][] {{0.1}, {0.2}}));
    }

    @Test
    void truthIsAlignedByIdAndMismatchesAreReported() {
        List<String> reversed = new java.util.ArrayList<>(truth.recordIds());
        java.util.Collections.reverse(reversed);
        TruthMatrix shuffled = truth.alignTo(reversed, truth.codes());
        Evaluation straight = Evaluator.evaluate(scores, truth, Thresholds.fixed(0.5));
        assertEquals(straight.perFinding(), Evaluator.evaluate(scores, shuffled, Thresholds.fixed(0.5)).perFinding());
        TruthMatrix fewer = new TruthMatrix(List.of("r0"), truth.codes(), new boolean[1][8]);
        assertThrows(EvalInputException.class, () -> Evaluator.evaluate(scores, fewer, Thresholds.fixed(0.5)));
    }

    @Test
    void worstCurvesAreTheLowestAuprcFindingsWithPositives() {
        Evaluation e = Evaluator.evaluate(scores, truth, Thresholds.fixed(0.5));
        assertEquals(6, e.worstCurves().size());
        double previous = -1;
        for (PrCurve c : e.worstCurves()) {
            assertTrue(c.averagePrecision() >= previous);
            assertEquals(e.finding(c.code()).auprc(), c.averagePrecision(), Fixtures.TOL);
            previous = c.averagePrecision();
        }
        assertThrows(IllegalArgumentException.class, () -> e.finding("nope"));
    }

    @Test
    void provenanceRecordsInputsAndRules() {
        Evaluation e = Evaluator.evaluate(scores, truth, Thresholds.fixed(0.5),
                EvaluationOptions.builder().optAtLeastOnePerRecord(true).optBootstrap(Bootstrap.byRecord(20, 9)).build());
        Provenance p = e.provenance();
        assertEquals(scores.sha256(), p.inputs().get("scores"));
        assertEquals(truth.sha256(), p.inputs().get("truth"));
        assertEquals(9, p.bootstrap().orElseThrow().seed());
        assertTrue(p.decisionRule().contains("at least one"));
        assertEquals(200, p.records());
        assertEquals(org.ecgsiglip.io.Toolkit.version(), p.toolkitVersion());
    }
}
