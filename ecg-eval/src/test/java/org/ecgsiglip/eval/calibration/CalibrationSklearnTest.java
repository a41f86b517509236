package org.ecgsiglip.eval.calibration;

import static org.ecgsiglip.eval.Fixtures.TOL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.ecgsiglip.eval.Evaluation;
import org.ecgsiglip.eval.Evaluator;
import org.ecgsiglip.eval.Fixtures;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.Thresholds;
import org.ecgsiglip.eval.TruthMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Brier scores and reliability curves against scikit-learn 1.2.1 ({@code brier_score_loss},
 * {@code calibration_curve}), bin edges bit for bit against numpy, and counts, ECE and MCE
 * against the script's own mask-by-mask computation. Tolerance 1e-10.
 */
class CalibrationSklearnTest {

    @ParameterizedTest
    @ValueSource(strings = {"reliability", "small"})
    void matchesScikitLearn(String fixture) {
        ScoreMatrix scores = CalibrationFixtures.scores(fixture);
        TruthMatrix truth = CalibrationFixtures.truth(fixture);
        JsonNode want = Fixtures.json(CalibrationFixtures.dir(fixture).resolve("expected.json"));

        Calibration c = Calibration.of(scores, truth);

        assertEquals(Binning.STANDARD, c.binnings());
        assertEquals(Binning.uniform(10), c.headline());
        for (int k = 0; k < scores.findings(); k++) {
            FindingCalibration f = c.perFinding().get(k);
            String what = fixture + " " + f.code();
            assertEquals(want.get("brier").get(k).asDouble(), f.brier(), TOL, what + " brier");
            assertEquals(want.get("mean_predicted").get(k).asDouble(), f.meanPredicted(), TOL, what + " mean");
            for (Binning b : Binning.STANDARD) {
                curve(want.get("binnings").get(b.key()).get("findings").get(k), f.curve(b), what + " " + b);
            }
        }
        assertEquals(want.get("pooled_brier").asDouble(), c.pooledBrier(), TOL, "pooled brier");
        assertEquals(want.get("macro_brier").asDouble(), c.macroBrier(), TOL, "macro brier");
        for (Binning b : Binning.STANDARD) {
            JsonNode w = want.get("binnings").get(b.key());
            curve(w.get("pooled"), c.pooled().curve(b), fixture + " pooled " + b);
            assertEquals(w.get("macro_ece").asDouble(), c.macroEce(b), TOL, fixture + " macro ECE " + b);
        }
        assertEquals(c.pooled().curve(Binning.HEADLINE).ece(), c.pooledEce(), 0.0);
        assertEquals(c.macroEce(Binning.HEADLINE), c.macroEce(), 0.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"reliability", "small"})
    void everyEvaluationOfProbabilitiesCarriesIt(String fixture) {
        ScoreMatrix scores = CalibrationFixtures.scores(fixture);
        TruthMatrix truth = CalibrationFixtures.truth(fixture);
        Evaluation e = Evaluator.evaluate(scores, truth, Thresholds.fixed(0.5));
        assertTrue(e.calibration().isPresent());
        assertEquals(Calibration.of(scores, truth), e.calibration().get());
        assertEquals(e.codes(), e.calibration().get().perFinding().stream().map(FindingCalibration::code).toList());
    }

    private static void curve(JsonNode want, ReliabilityCurve got, String what) {
        assertArrayEquals(doubles(want.get("edges")), got.edges().stream().mapToDouble(Double::doubleValue).toArray(),
                what + " edges (bit for bit)");
        List<ReliabilityCurve.Bin> bins = got.bins();
        assertEquals(want.get("bins").size(), bins.size(), what + " non-empty bins");
        long total = 0;
        for (int i = 0; i < bins.size(); i++) {
            ReliabilityCurve.Bin b = bins.get(i);
            assertEquals(want.get("bins").get(i).asInt(), b.index(), what + " bin index");
            assertEquals(want.get("counts").get(i).asLong(), b.count(), what + " count of bin " + b.index());
            assertEquals(got.edges().get(b.index()), b.lower(), 0.0);
            assertEquals(got.edges().get(b.index() + 1), b.upper(), 0.0);
            total += b.count();
        }
        assertEquals(got.records(), total);
        assertArrayEquals(doubles(want.get("prob_true")), got.observedFrequency(), TOL, what + " prob_true");
        assertArrayEquals(doubles(want.get("prob_pred")), got.meanPredicted(), TOL, what + " prob_pred");
        assertEquals(want.get("ece").asDouble(), got.ece(), TOL, what + " ECE");
        assertEquals(want.get("mce").asDouble(), got.mce(), TOL, what + " MCE");
    }

    private static double[] doubles(JsonNode a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.get(i).asDouble();
        }
        return d;
    }
}
