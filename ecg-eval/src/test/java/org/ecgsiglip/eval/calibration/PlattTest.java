package org.ecgsiglip.eval.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.SplittableRandom;
import org.ecgsiglip.eval.EvalInputException;
import org.ecgsiglip.eval.Evaluation;
import org.ecgsiglip.eval.Evaluator;
import org.ecgsiglip.eval.Fixtures;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.Thresholds;
import org.ecgsiglip.eval.TruthMatrix;
import org.junit.jupiter.api.Test;

/** Platt scaling and the shared temperature: fits against scipy/scikit-learn, recovery, invariance. */
class PlattTest {
    /**
     * Maximum-likelihood parameters agree with scipy's (trust-exact, then the score equations
     * solved to 1e-14) to this, absolute; the script itself checks scikit-learn's
     * {@code LogisticRegression(penalty=None)} against scipy to 1e-6.
     */
    private static final double FIT_TOL = 1e-9;

    private final ScoreMatrix scores = CalibrationFixtures.scores("platt");
    private final TruthMatrix truth = CalibrationFixtures.truth("platt");
    private final JsonNode want = Fixtures.json(CalibrationFixtures.dir("platt").resolve("expected.json"));

    @Test
    void perFindingFitsMatchScipyAndTheStatedRules() {
        LogitCalibration c = LogitCalibration.platt(scores, truth);
        assertEquals(LogitCalibration.Method.PLATT, c.method());
        assertTrue(c.shared().isEmpty());
        for (int k = 0; k < scores.findings(); k++) {
            JsonNode w = want.get("platt").get(k);
            FindingFit f = c.perFinding().get(k);
            assertEquals(w.get("code").asText(), f.code());
            assertEquals(FitStatus.valueOf(w.get("status").asText()), f.status(), f.code());
            assertEquals(w.get("a").asDouble(), f.map().a(), FIT_TOL, f.code() + " a");
            assertEquals(w.get("b").asDouble(), f.map().b(), FIT_TOL, f.code() + " b");
            assertEquals(scores.records(), f.records());
        }
        assertEquals(LogitMap.IDENTITY, c.map("NOPOS"));
        assertEquals(0, c.perFinding().get(5).positives());
    }

    @Test
    void sharedTemperatureMatchesTheScipyFitOfAllPairsPooled() {
        LogitCalibration c = LogitCalibration.sharedTemperature(scores, truth);
        FindingFit s = c.shared().orElseThrow();
        assertEquals(FitStatus.FITTED, s.status());
        assertEquals(want.get("shared").get("a").asDouble(), s.map().a(), FIT_TOL);
        assertEquals(want.get("shared").get("b").asDouble(), s.map().b(), FIT_TOL);
        assertEquals(1 / s.map().a(), s.map().temperature(), 0.0);
        assertEquals((long) scores.records() * scores.findings(), s.records());
        for (FindingFit f : c.perFinding()) {
            assertEquals(s.map(), f.map());
        }
        assertEquals(s.map(), c.map("A NEW FINDING TEXT"), "the shared map applies to unseen findings");
    }

    /**
     * 20,000 logits ~ N(0, 2^2), labels from σ(0.6 l - 0.8). The fit must land within 4 standard
     * errors of the truth, the standard errors from the inverse Fisher information
     * {@code I = sum_i p_i (1 - p_i) [l_i^2, l_i; l_i, 1]} at the true parameters.
     */
    @Test
    void recoversTheGeneratingSlopeAndInterceptWithinFourStandardErrors() {
        double a = 0.6;
        double b = -0.8;
        int n = 20_000;
        SplittableRandom rng = new SplittableRandom(7);
        double[][] p = new double[n][1];
        boolean[][] y = new boolean[n][1];
        double iaa = 0;
        double iab = 0;
        double ibb = 0;
        for (int i = 0; i < n; i++) {
            double l = 2 * rng.nextGaussian();
            p[i][0] = LogitMap.sigmoid(l);
            double q = LogitMap.sigmoid(a * LogitMap.logit(p[i][0]) + b);
            y[i][0] = rng.nextDouble() < q;
            double w = q * (1 - q);
            double x = LogitMap.logit(p[i][0]);
            iaa += w * x * x;
            iab += w * x;
            ibb += w;
        }
        double det = iaa * ibb - iab * iab;
        double seA = Math.sqrt(ibb / det);
        double seB = Math.sqrt(iaa / det);
        List<String> ids = Fixtures.ids(n);
        LogitMap m = LogitCalibration.platt(new ScoreMatrix(ids, List.of("X"), p), new TruthMatrix(ids, List.of("X"), y))
                .map("X");
        assertEquals(a, m.a(), 4 * seA, "a (SE " + seA + ")");
        assertEquals(b, m.b(), 4 * seB, "b (SE " + seB + ")");
        assertTrue(seA < 0.02 && seB < 0.03, "the test is sharp: SE " + seA + ", " + seB);
    }

    @Test
    void anIncreasingMapKeepsEveryAurocExactlyAndImprovesCalibration() {
        LogitCalibration c = LogitCalibration.platt(scores, truth);
        ScoreMatrix calibrated = c.apply(scores);
        assertEquals(scores.recordIds(), calibrated.recordIds());
        Evaluation before = Evaluator.evaluate(scores, truth, Thresholds.fixed(0.5));
        Evaluation after = Evaluator.evaluate(calibrated, truth, Thresholds.fixed(0.5));
        for (FindingFit f : c.perFinding()) {
            assertTrue(f.map().isIncreasing(), f.code());
            assertEquals(before.finding(f.code()).auroc(), after.finding(f.code()).auroc(), 0.0, f.code());
        }
        for (String code : List.of("OVER", "UNDER", "RARE")) {
            assertTrue(after.calibration().get().finding(code).brier() < before.calibration().get().finding(code).brier(),
                    code);
        }
        assertTrue(after.calibration().get().macroEce() < before.calibration().get().macroEce());
        FindingCalibration constant = after.calibration().get().finding("CONST");
        assertEquals(constant.observedRate(), constant.meanPredicted(), 1e-12, "a constant score moves to the rate");
    }

    /**
     * Logits far from 0 and close together, as a model that has barely moved from the SigLIP bias
     * b = -10 gives: labels from σ(8 (l + 12) - 1), l ~ -12 + N(0, 0.25^2). The fit runs on
     * standardised scores; mapped back, it must land on the generating a and b.
     */
    @Test
    void logitsFarFromZeroStillFit() {
        int n = 20_000;
        SplittableRandom rng = new SplittableRandom(11);
        double[] x = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -12 + 0.25 * rng.nextGaussian();
            t[i] = rng.nextDouble() < LogitMap.sigmoid(8 * (x[i] + 12) - 1) ? 1 : 0;
        }
        LogitMap m = LogisticFit.maximise(x, t, LogisticFit.MAX_ITERATIONS);
        assertEquals(8, m.a(), 0.5, "a");
        assertEquals(8 * 12 - 1, m.b(), 6, "b");
        assertEquals(-1, m.a() * -12 + m.b(), 0.1, "the intercept at the centre of the scores");
    }

    /** Scores that rank a finding backwards on validation: the fit keeps their order, never reverses it. */
    @Test
    void aBackwardScoreIsFlattenedNotReversed() {
        int n = 2_000;
        SplittableRandom rng = new SplittableRandom(3);
        double[] x = new double[n];
        boolean[] y = new boolean[n];
        int positives = 0;
        for (int i = 0; i < n; i++) {
            x[i] = -10 + rng.nextGaussian();
            y[i] = rng.nextDouble() < LogitMap.sigmoid(-1.5 * (x[i] + 10) - 1);
            positives += y[i] ? 1 : 0;
        }
        FindingFit f = LogisticFit.fit("BACK", x, y);
        assertEquals(FitStatus.FLAT_SLOPE, f.status());
        assertTrue(f.map().isIncreasing(), "the order of the scores is kept");
        double meanP = 0;
        for (double v : x) {
            meanP += LogitMap.sigmoid(f.map().a() * v + f.map().b());
        }
        assertEquals((double) positives / n, meanP / n, 1e-6, "the mean probability is the observed rate");
    }

    @Test
    void theIterationCapIsEnforced() {
        double[] x = {-2, -1, 0, 1, 2, 3};
        double[] t = {0, 1, 0, 1, 0, 1};
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LogisticFit.maximise(x, t, 1));
        assertTrue(e.getMessage().contains("did not converge in 1"), e.getMessage());
        LogitMap m = LogisticFit.maximise(x, t, LogisticFit.MAX_ITERATIONS);
        assertTrue(Double.isFinite(m.a()) && Double.isFinite(m.b()));
    }

    @Test
    void logitsAndUnknownFindingsAreRefused() {
        LogitCalibration c = LogitCalibration.platt(scores, truth);
        EvalInputException unknown = assertThrows(EvalInputException.class, () -> c.map("XYZ"));
        assertTrue(unknown.getMessage().contains("'XYZ'") && unknown.getMessage().contains("Fix:"));
        double[][] v = {{2.5}};
        EvalInputException logit = assertThrows(EvalInputException.class,
                () -> c.apply(new ScoreMatrix(List.of("r1"), List.of("OVER"), v)));
        assertTrue(logit.getMessage().contains("record r1, finding OVER") && logit.getMessage().contains("2.5"),
                logit.getMessage());
        assertEquals(0.5, LogitMap.temperature(2, 0).a(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> LogitMap.temperature(0, 0));
    }
}
