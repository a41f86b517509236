package org.ecgsiglip.eval;

import static org.ecgsiglip.eval.Fixtures.TOL;
import static org.ecgsiglip.eval.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BootstrapTest {
    private final ScoreMatrix scores;
    private final TruthMatrix truth;

    BootstrapTest() {
        Object[] pair = Fixtures.random(120, 6, 7);
        scores = (ScoreMatrix) pair[0];
        truth = (TruthMatrix) pair[1];
    }

    private Evaluation withBootstrap(Bootstrap b) {
        return Evaluator.evaluate(scores, truth, Thresholds.fixed(0.5),
                EvaluationOptions.builder().optBootstrap(b).build());
    }

    @Test
    void sameSeedGivesIdenticalIntervals() {
        Intervals first = withBootstrap(Bootstrap.byRecord(200, 42)).intervals().orElseThrow();
        Intervals second = withBootstrap(Bootstrap.byRecord(200, 42)).intervals().orElseThrow();
        assertEquals(first, second);
    }

    @Test
    void differentSeedsGiveDifferentResamples() {
        Resampler one = Resampler.of(Bootstrap.byRecord(10, 1), scores.recordIds());
        Resampler two = Resampler.of(Bootstrap.byRecord(10, 2), scores.recordIds());
        for (int b = 0; b < 10; b++) {
            assertFalse(Arrays.equals(one.weights(b), two.weights(b)), "resample " + b);
        }
        assertFalse(Arrays.equals(one.weights(0), one.weights(1)), "resamples of one seed differ");
        assertNotEquals(withBootstrap(Bootstrap.byRecord(200, 1)).intervals(),
                withBootstrap(Bootstrap.byRecord(200, 2)).intervals());
    }

    @Test
    void aResampleIsReproducibleAndDrawsNRecords() {
        Resampler rs = Resampler.of(Bootstrap.byRecord(5, 9), scores.recordIds());
        assertArrayEquals(rs.weights(3), rs.weights(3));
        assertEquals(scores.records(), Arrays.stream(rs.weights(3)).sum());
    }

    @Test
    void aReplicateEqualsTheEvaluationOfTheResampleWrittenOut() {
        Map<String, String> groups = new HashMap<>();
        for (int r = 0; r < scores.records(); r++) {
            groups.put(scores.recordIds().get(r), "p" + r / 3);
        }
        for (Bootstrap spec : List.of(Bootstrap.byRecord(8, 5), Bootstrap.byGroup(8, 5, groups))) {
            Resampler rs = Resampler.of(spec, scores.recordIds());
            Evaluator.Prepared p = Evaluator.Prepared.of(scores, truth, Thresholds.fixed(0.5),
                    EvaluationOptions.defaults());
            for (int b : new int[] {0, 7}) {
                int[] w = rs.weights(b);
                Replicate rep = p.engine().compute(w, false);
                Evaluation written = Evaluator.evaluate(expand(scores, w), expandTruth(truth, w), Thresholds.fixed(0.5));
                for (int k = 0; k < scores.findings(); k++) {
                    for (Metric m : Metric.values()) {
                        assertClose(written.perFinding().get(k).value(m), rep.value(m, k), TOL,
                                spec.unit() + " resample " + b + " " + m + " of finding " + k);
                    }
                }
                for (Average a : Average.values()) {
                    assertClose(written.average(a), rep.value(a), TOL, spec.unit() + " resample " + b + " " + a);
                }
            }
        }
    }

    @Test
    void groupResamplingKeepsPatientsTogether() {
        Map<String, String> groups = new HashMap<>();
        for (int r = 0; r < scores.records(); r++) {
            groups.put(scores.recordIds().get(r), "p" + r / 4);
        }
        Resampler rs = Resampler.of(Bootstrap.byGroup(20, 3, groups), scores.recordIds());
        assertEquals(30, rs.units());
        for (int b = 0; b < 20; b++) {
            int[] w = rs.weights(b);
            for (int r = 0; r < w.length; r++) {
                assertEquals(w[r - r % 4], w[r], "records of one patient are drawn together");
            }
            assertEquals(scores.records(), Arrays.stream(w).sum(), "equal-size groups keep n");
        }
    }

    @Test
    void aRecordWithoutGroupIsAnError() {
        Map<String, String> groups = Map.of(scores.recordIds().get(0), "p0");
        EvalInputException e = assertThrows(EvalInputException.class,
                () -> withBootstrap(Bootstrap.byGroup(10, 1, groups)));
        assertTrue(e.getMessage().contains("r1"), e.getMessage());
    }

    @Test
    void twoBillionResamplesAreRefusedByTheFactoryWithTheLimitAndWhy() {
        for (int b : new int[] {2_000_000_000, Bootstrap.MAX_REPLICATES + 1, 0, -5}) {
            EvalInputException e = assertThrows(EvalInputException.class, () -> Bootstrap.byRecord(b, 1));
            assertEquals("bootstrap replicates", e.location());
            assertTrue(e.getMessage().contains("B = " + b + " resamples is outside [1, 100000]"), e.getMessage());
            assertTrue(e.getMessage().contains("kept in memory"), e.getMessage());
            assertTrue(e.fix().contains("--bootstrap"), e.fix());
        }
        assertEquals(Bootstrap.MAX_REPLICATES, Bootstrap.byRecord(Bootstrap.MAX_REPLICATES, 1).replicates());
        EvalInputException level = assertThrows(EvalInputException.class,
                () -> Bootstrap.byRecord(10, 1).withLevel(1.5));
        assertEquals("confidence level", level.location());
    }

    @Test
    void theMemoryOfTheResamplesIsCountedAndCheckedAgainstTheHeap() {
        // per resample and engine: 11 metrics x 71 findings + 14 averages = 795 doubles (6360 bytes), its array
        // header and reference (24), plus a seed and a percentile slot (16) per resample
        assertEquals(100_000L * (6360 + 24 + 16), Bootstrap.byRecord(100_000, 1).bytesNeeded(71, 1));
        assertEquals(1000L * (2 * (6360 + 24) + 16), Bootstrap.byRecord(1000, 1).bytesNeeded(71, 2));
        Bootstrap.byRecord(1000, 1).requireMemory(71, 2);
        EvalInputException e = assertThrows(EvalInputException.class,
                () -> Bootstrap.byRecord(100_000, 1).requireMemory(1_000_000, 2));
        assertTrue(e.getMessage().contains("more than half of the"), e.getMessage());
        assertTrue(e.fix().startsWith("use at most --bootstrap "), e.fix());
        long fits = Long.parseLong(e.fix().replaceAll("\\D+(\\d+).*", "$1"));
        assertTrue(fits < 100_000 && Bootstrap.byRecord((int) Math.max(1, fits), 1).bytesNeeded(1_000_000, 2)
                <= Runtime.getRuntime().maxMemory() / 2, e.fix());
    }

    @Test
    void intervalsBracketThePointEstimateOfTheMainAverages() {
        Evaluation e = withBootstrap(Bootstrap.byRecord(500, 11));
        for (Average a : List.of(Average.MACRO_F1, Average.MICRO_F1, Average.MACRO_AUROC)) {
            ConfidenceInterval ci = e.interval(a).orElseThrow();
            assertTrue(ci.contains(e.average(a)), a + " " + e.average(a) + " in " + ci);
            assertEquals(500, ci.replicates());
            assertEquals(0.95, ci.level());
        }
        assertTrue(e.interval("C3", Metric.F1).orElseThrow().width() > 0);
    }

    @Test
    void percentilesInterpolateLikeNumpy() {
        double[] v = {10, 1, 2, 3, 4, 5, 6, 7, 8, 9, Double.NaN};
        ConfidenceInterval ci = ConfidenceInterval.percentile(v, 0.95);
        // numpy.percentile(range(1, 11), [2.5, 97.5]) == [1.225, 9.775]
        assertEquals(1.225, ci.lower(), TOL);
        assertEquals(9.775, ci.upper(), TOL);
        assertEquals(10, ci.replicates());
        assertTrue(Double.isNaN(ConfidenceInterval.percentile(new double[] {Double.NaN}, 0.9).lower()));
    }

    private static ScoreMatrix expand(ScoreMatrix s, int[] w) {
        List<String> ids = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (int r = 0; r < w.length; r++) {
            for (int i = 0; i < w[r]; i++) {
                ids.add(s.recordIds().get(r) + "#" + i);
                rows.add(s.rows()[r]);
            }
        }
        return new ScoreMatrix(ids, s.codes(), rows.toArray(new double[0][]));
    }

    private static TruthMatrix expandTruth(TruthMatrix t, int[] w) {
        List<String> ids = new ArrayList<>();
        List<boolean[]> rows = new ArrayList<>();
        for (int r = 0; r < w.length; r++) {
            for (int i = 0; i < w[r]; i++) {
                ids.add(t.recordIds().get(r) + "#" + i);
                rows.add(t.rows()[r]);
            }
        }
        return new TruthMatrix(ids, t.codes(), rows.toArray(new boolean[0][]));
    }
}
