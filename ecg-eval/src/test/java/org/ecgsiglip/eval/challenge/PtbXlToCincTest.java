package org.ecgsiglip.eval.challenge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ecgsiglip.eval.EvalInputException;
import org.ecgsiglip.eval.Fixtures;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.Thresholds;
import org.ecgsiglip.eval.TruthMatrix;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.io.findings.Finding;
import org.ecgsiglip.io.ptbxl.LabelLevel;
import org.ecgsiglip.io.ptbxl.PtbXlVocabularies;
import org.junit.jupiter.api.Test;

class PtbXlToCincTest {
    private static final PtbXlToCinc MAP = PtbXlToCinc.bundled();

    private static ScoreMatrix random(LabelLevel level, int n, long seed) {
        List<String> codes = PtbXlVocabularies.frozen(level).codes();
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] v = new double[n][codes.size()];
        for (double[] row : v) {
            for (int k = 0; k < row.length; k++) {
                row[k] = rng.nextDouble();
            }
        }
        return new ScoreMatrix(Fixtures.ids(n), codes, v);
    }

    @Test
    void classesFedBySeveralStatementsTakeTheirMaximum() {
        ScoreMatrix ptbxl = random(LabelLevel.ALL, 20, 3);
        ScoreMatrix cinc = MAP.scores(ptbxl);
        assertEquals(21, cinc.findings());
        assertEquals(List.of("164889003", "164890007", "733534002", "713427006", "270492004"),
                cinc.codes().subList(0, 5), "scored-vocabulary order, canonical codes");
        int sr = ptbxl.codes().indexOf("SR");
        int norm = ptbxl.codes().indexOf("NORM");
        int ndt = ptbxl.codes().indexOf("NDT");
        int nt = ptbxl.codes().indexOf("NT_");
        int tab = ptbxl.codes().indexOf("TAB_");
        int clbbb = ptbxl.codes().indexOf("CLBBB");
        for (int r = 0; r < 20; r++) {
            assertEquals(Math.max(ptbxl.score(r, sr), ptbxl.score(r, norm)),
                    cinc.score(r, cinc.codes().indexOf("426783006")));
            assertEquals(Math.max(ptbxl.score(r, ndt), Math.max(ptbxl.score(r, nt), ptbxl.score(r, tab))),
                    cinc.score(r, cinc.codes().indexOf("164934002")));
            assertEquals(ptbxl.score(r, clbbb), cinc.score(r, cinc.codes().indexOf("733534002")));
        }
        assertEquals(ptbxl.recordIds(), cinc.recordIds());
    }

    @Test
    void outputsAreAnOrOfEachStatementsOwnDecision() {
        ScoreMatrix ptbxl = new ScoreMatrix(List.of("a", "b", "c"), List.of("NORM", "SR", "AFIB", "ISC_"),
                new double[][] {{0.5, 0.2, 0.9, 0.9}, {0.95, 0.1, 0.1, 0.1}, {0.1, 0.35, 0.1, 0.1}});
        Map<String, Double> t = new HashMap<>(Map.of("NORM", 0.9, "SR", 0.3, "AFIB", 0.5, "ISC_", 0.5));
        TruthMatrix out = MAP.outputs(ptbxl, Thresholds.perFinding(t, "test"));
        assertEquals(List.of("164889003", "426783006"), out.codes());
        // a: NORM 0.5 < 0.9 and SR 0.2 < 0.3, AFIB 0.9 >= 0.5; b: NORM passes; c: SR passes
        assertEquals(List.of(true, false), List.of(out.has(0, 0), out.has(0, 1)));
        assertEquals(List.of(false, true), List.of(out.has(1, 0), out.has(1, 1)));
        assertEquals(List.of(false, true), List.of(out.has(2, 0), out.has(2, 1)));
        // with one threshold, the same as thresholding the maximum
        ScoreMatrix max = MAP.scores(ptbxl);
        TruthMatrix one = MAP.outputs(ptbxl, Thresholds.fixed(0.4));
        for (int r = 0; r < 3; r++) {
            for (int k = 0; k < 2; k++) {
                assertEquals(max.score(r, k) >= 0.4, one.has(r, k));
            }
        }
    }

    @Test
    void coarseLevelsAndTheZeroShotClasses() {
        ScoreMatrix sup = MAP.scores(random(LabelLevel.SUPERDIAGNOSTIC, 4, 1));
        assertEquals(List.of("426783006"), sup.codes());
        List<String> zeroShot = MAP.zeroShot(PtbXlVocabularies.frozen(LabelLevel.ALL).codes()).stream()
                .map(Finding::code).toList();
        assertEquals(List.of("6374002", "426627000", "39732003", "365413008", "47665007"), zeroShot);
        assertEquals(25, MAP.zeroShot(PtbXlVocabularies.frozen(LabelLevel.SUPERDIAGNOSTIC).codes()).size());
        ScoreMatrix form = random(LabelLevel.FORM, 2, 1);
        ScoreMatrix unmapped = new ScoreMatrix(form.recordIds(), List.of("ISC_", "LVH"), new double[][] {{1, 1}, {0, 0}});
        EvalInputException e = assertThrows(EvalInputException.class, () -> MAP.scores(unmapped));
        assertTrue(e.getMessage().contains("[ISC_, LVH]"), e.getMessage());
    }

    @Test
    void mappedOutputsScoreAgainstCincLabelsWithTheUnmappedClassesNeverOutput() {
        ChallengeWeights w = ChallengeWeights.read(TestData.cincFixtures().resolve("weights.csv"));
        // HR06003 is PTB-XL 6003 (NORM, STACH): a PTB-XL model that finds exactly that is perfect on it
        ScoreMatrix ptbxl = new ScoreMatrix(List.of("HR06003"), List.of("NORM", "SR", "STACH", "AFIB"),
                new double[][] {{0.8, 0.1, 0.7, 0.2}});
        TruthMatrix truth = new TruthMatrix(List.of("HR06003"), List.of("426783006", "427084000"),
                new boolean[][] {{true, true}});
        ChallengeData d = ChallengeData.of(w, truth, MAP.outputs(ptbxl, Thresholds.fixed(0.5)));
        assertEquals(1.0, ChallengeMetric.score(d).normalized(), 1e-12);
    }
}
