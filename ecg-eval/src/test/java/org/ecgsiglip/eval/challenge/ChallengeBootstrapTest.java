package org.ecgsiglip.eval.challenge;

import static org.ecgsiglip.eval.Fixtures.TOL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ecgsiglip.eval.Bootstrap;
import org.ecgsiglip.eval.ConfidenceInterval;
import org.ecgsiglip.eval.Difference;
import org.ecgsiglip.eval.EvalInputException;
import org.ecgsiglip.io.TestData;
import org.junit.jupiter.api.Test;

/** Intervals and paired comparisons of the Challenge score on the 2021 weights. */
class ChallengeBootstrapTest {
    private static final ChallengeWeights W = ChallengeWeights.read(TestData.cincFixtures().resolve("weights.csv"));
    private static final int N = 150;

    /** Labels of 1-3 classes (sinus rhythm in half the records); outputs right with probability {@code skill}. */
    private static ChallengeData synthetic(long seed, double skill, List<List<String>> labels) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> codes = W.codes();
        List<String> ids = new ArrayList<>();
        List<List<String>> outputs = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            ids.add("r" + i);
            List<String> out = new ArrayList<>();
            for (String code : labels.get(i)) {
                if (rng.nextDouble() < skill) {
                    out.add(code);
                }
            }
            if (rng.nextDouble() > skill) {
                out.add(codes.get(rng.nextInt(codes.size())));
            }
            outputs.add(out);
        }
        return ChallengeData.ofCodes(W, ids, labels, outputs);
    }

    private static List<List<String>> labels(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<List<String>> labels = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            List<String> l = new ArrayList<>();
            if (rng.nextBoolean()) {
                l.add(ChallengeWeights.SINUS_RHYTHM);
            }
            for (int m = rng.nextInt(3); m >= 0; m--) {
                l.add(W.codes().get(rng.nextInt(W.size())));
            }
            labels.add(l);
        }
        return labels;
    }

    @Test
    void aReplicateIsTheScoreOfItsResampleWrittenOut() {
        ChallengeData d = synthetic(1, 0.7, labels(2));
        Map<String, String> groups = new HashMap<>();
        for (int i = 0; i < N; i++) {
            groups.put("r" + i, "p" + i / 3);
        }
        for (Bootstrap spec : List.of(Bootstrap.byRecord(6, 4), Bootstrap.byGroup(6, 4, groups))) {
            double[] reps = ChallengeMetric.replicates(d, spec);
            org.ecgsiglip.eval.Resampler rs = org.ecgsiglip.eval.Resampler.of(spec, d.recordIds());
            for (int b = 0; b < 6; b++) {
                int[] w = rs.weights(b);
                assertEquals(N, Arrays.stream(w).sum());
                assertEquals(ChallengeMetric.score(expand(d, w)).normalized(), reps[b], TOL, spec.unit() + " " + b);
            }
        }
    }

    @Test
    void theIntervalIsSeededAndHoldsThePointEstimate() {
        ChallengeData d = synthetic(3, 0.7, labels(4));
        ChallengeEvaluation e = ChallengeMetric.evaluate(d, Bootstrap.byRecord(400, 11));
        assertEquals(e, ChallengeMetric.evaluate(d, Bootstrap.byRecord(400, 11)));
        assertFalse(e.interval().equals(ChallengeMetric.evaluate(d, Bootstrap.byRecord(400, 12)).interval()));
        assertEquals(ChallengeMetric.score(d), e.score());
        ConfidenceInterval ci = e.interval();
        assertTrue(ci.contains(e.normalized()) && ci.width() > 0.01 && ci.width() < 0.5, ci.toString());
        assertEquals(400, ci.replicates());
        assertEquals(0.95, ci.level());
        double[] sorted = ChallengeMetric.replicates(d, Bootstrap.byRecord(400, 11)).clone();
        Arrays.sort(sorted);
        // numpy.percentile(x, 2.5) of 400 values: h = 399 * 0.025 = 9.975
        assertEquals(sorted[9] + 0.975 * (sorted[10] - sorted[9]), ci.lower(), TOL);
        assertEquals(sorted[389] + 0.025 * (sorted[390] - sorted[389]), ci.upper(), TOL);
        assertTrue(ChallengeMetric.evaluate(d, Bootstrap.byRecord(400, 11).withLevel(0.5)).interval().width()
                < ci.width());
    }

    @Test
    void percentilesAndThePairedPValueAsEcgEvalDefinesThem() {
        ConfidenceInterval ci = ConfidenceInterval.percentile(new double[] {10, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 0.95);
        // numpy.percentile(range(1, 11), [2.5, 97.5]) == [1.225, 9.775]
        assertEquals(1.225, ci.lower(), TOL);
        assertEquals(9.775, ci.upper(), TOL);
        // deltas -1, 0, 1, 2, 3: #{<= 0} = 2, #{>= 0} = 4, p = 2 min(3, 5) / 6 = 1; 80 % bounds h = 0.4, 3.6
        Difference d = Difference.of(0.5, new double[] {3, -1, 0, 2, 1}, 0.8);
        assertEquals(-0.6, d.lower(), TOL);
        assertEquals(2.6, d.upper(), TOL);
        assertEquals(1.0, d.pValue(), TOL);
        // all three positive: p = 2 (0 + 1) / 4 = 0.5
        assertEquals(0.5, Difference.of(2, new double[] {1, 2, 3}, 0.95).pValue(), TOL);
        assertTrue(Double.isNaN(d.adjustedP()));
    }

    @Test
    void pairedComparisonOfTwoClassifiers() {
        List<List<String>> labels = labels(6);
        ChallengeData weak = synthetic(7, 0.4, labels);
        ChallengeData strong = synthetic(8, 0.9, labels);
        Bootstrap spec = Bootstrap.byRecord(500, 21);
        ChallengeComparison c = ChallengeMetric.compare(weak, strong, spec);
        assertEquals(ChallengeMetric.score(strong).normalized() - ChallengeMetric.score(weak).normalized(),
                c.difference().estimate(), TOL);
        assertTrue(c.difference().lower() > 0, c.toString());
        assertEquals(2.0 / 501, c.difference().pValue(), TOL, "no resample favours the weak side");
        assertEquals(ChallengeMetric.evaluate(weak, spec), c.a(), "side A's interval from the shared resamples");
        assertEquals(ChallengeMetric.evaluate(strong, spec), c.b());
        double[] ra = ChallengeMetric.replicates(weak, spec);
        double[] rb = ChallengeMetric.replicates(strong, spec);
        double[] delta = new double[ra.length];
        for (int i = 0; i < ra.length; i++) {
            delta[i] = rb[i] - ra[i];
        }
        assertEquals(ConfidenceInterval.percentile(delta, 0.95).lower(), c.difference().lower(), TOL);
        // against itself: no difference, p = 1; B's records may come in another order
        ChallengeComparison same = ChallengeMetric.compare(weak, reversed(weak), spec);
        assertEquals(0.0, same.difference().estimate(), TOL);
        assertEquals(0.0, same.difference().lower(), TOL);
        assertEquals(0.0, same.difference().upper(), TOL);
        assertEquals(1.0, same.difference().pValue(), TOL);
        assertEquals(c.difference(), ChallengeMetric.compare(weak, reversed(strong), spec).difference());
        ChallengeData otherTruth = synthetic(8, 0.9, labels(99));
        EvalInputException e = assertThrows(EvalInputException.class, () -> ChallengeMetric.compare(weak, otherTruth,
                spec));
        assertTrue(e.getMessage().contains("different weights or labels"), e.getMessage());
    }

    /** Record {@code r} repeated {@code w[r]} times, under new ids. */
    static ChallengeData expand(ChallengeData d, int[] w) {
        List<String> ids = new ArrayList<>();
        List<List<String>> labels = new ArrayList<>();
        List<List<String>> outputs = new ArrayList<>();
        for (int r = 0; r < w.length; r++) {
            for (int i = 0; i < w[r]; i++) {
                ids.add(d.recordIds().get(r) + "#" + i);
                labels.add(codes(d, r, true));
                outputs.add(codes(d, r, false));
            }
        }
        return ChallengeData.ofCodes(d.weights(), ids, labels, outputs);
    }

    private static ChallengeData reversed(ChallengeData d) {
        List<String> ids = new ArrayList<>(d.recordIds());
        Collections.reverse(ids);
        List<List<String>> labels = new ArrayList<>();
        List<List<String>> outputs = new ArrayList<>();
        for (String id : ids) {
            int r = d.recordIds().indexOf(id);
            labels.add(codes(d, r, true));
            outputs.add(codes(d, r, false));
        }
        return ChallengeData.ofCodes(d.weights(), ids, labels, outputs);
    }

    private static List<String> codes(ChallengeData d, int r, boolean labels) {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < d.weights().size(); j++) {
            if (labels ? d.label(r, j) : d.output(r, j)) {
                out.add(d.weights().codes().get(j));
            }
        }
        return out;
    }
}
