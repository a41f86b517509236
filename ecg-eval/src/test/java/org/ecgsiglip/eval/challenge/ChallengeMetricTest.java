package org.ecgsiglip.eval.challenge;

import static org.ecgsiglip.eval.Fixtures.TOL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.ecgsiglip.eval.EvalInputException;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.Thresholds;
import org.ecgsiglip.eval.TruthMatrix;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.io.cinc.Cinc;
import org.ecgsiglip.io.cinc.CincVocabularies;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Challenge metric: hand-computed cases, and agreement (1e-10) with the independent numpy
 * implementation {@code make_expected.py} on seeded random cases and on the 2021 weights.
 */
class ChallengeMetricTest {
    /** Classes A = {1}, SR = {426783006}, C = {3, 33} (equivalent codes). */
    static final ChallengeWeights HAND = ChallengeWeights.of(List.of(List.of("1"), List.of("426783006"),
            List.of("3", "33")), new double[][] {{1.0, 0.5, 0.0}, {0.5, 1.0, 0.25}, {0.0, 0.25, 1.0}});

    @Test
    void handComputedThreeRecords() {
        // W (rows labels, columns outputs):   A     SR    C
        //                               A    1.0   0.5   0.0
        //                               SR   0.5   1.0   0.25
        //                               C    0.0   0.25  1.0
        // r1: labels {A}, outputs {A, SR}: |L u O| = 2 -> observed (W[A][A] + W[A][SR]) / 2 = 0.75;
        //     correct W[A][A] / 1 = 1.0; inactive (O = {SR}, |L u O| = 2) W[A][SR] / 2 = 0.25.
        // r2: labels {SR, C} (C through its equivalent code 33), outputs {C} (code 3) and the unscored
        //     999: |L u O| = 2 -> observed (W[SR][C] + W[C][C]) / 2 = 0.625; correct
        //     (1 + 0.25 + 0.25 + 1) / 2 = 1.25; inactive (W[SR][SR] + W[C][SR]) / 2 = 0.625.
        // r3: labels {999} (no scored label), outputs {A}: adds 0 to all three.
        // observed 1.375, correct 2.25, inactive 0.875; normalised 0.5 / 1.375 = 4/11.
        ChallengeData d = ChallengeData.ofCodes(HAND, List.of("r1", "r2", "r3"),
                List.of(List.of("1"), List.of("426783006", "33"), List.of("999")),
                List.of(List.of("1", "426783006"), List.of("3", "999"), List.of("1")));
        ChallengeScore s = ChallengeMetric.score(d);
        assertEquals(1.375, s.observed(), TOL);
        assertEquals(2.25, s.correct(), TOL);
        assertEquals(0.875, s.inactive(), TOL);
        assertEquals(4.0 / 11, s.normalized(), TOL);
        assertEquals(3, s.records());
        assertEquals(1, s.recordsWithoutScoredLabel());
        assertEquals(List.of("999"), d.ignoredCodes());
    }

    @Test
    void perfectAndInactiveOutputsScoreOneAndZero() {
        List<List<String>> labels = List.of(List.of("1"), List.of("426783006", "33"), List.of("3"));
        ChallengeData perfect = ChallengeData.ofCodes(HAND, List.of("a", "b", "c"), labels, labels);
        assertEquals(1.0, ChallengeMetric.score(perfect).normalized(), TOL);
        ChallengeData inactive = ChallengeData.ofCodes(HAND, List.of("a", "b", "c"), labels,
                List.of(List.of("426783006"), List.of("426783006"), List.of("426783006")));
        assertEquals(0.0, ChallengeMetric.score(inactive).normalized(), TOL);
        // no outputs at all: observed 0; correct 1 + 1.25 + 1 = 3.25, inactive 0.25 + 0.625 + 0.125 = 1.0
        ChallengeData silent = ChallengeData.ofCodes(HAND, List.of("a", "b", "c"), labels,
                List.of(List.of(), List.of(), List.of()));
        ChallengeScore s = ChallengeMetric.score(silent);
        assertEquals(1.0, s.inactive(), TOL);
        assertEquals(-1.0 / 2.25, s.normalized(), TOL);
    }

    @Test
    void degenerateAndNanWeightsAsTheOfficialCode() {
        // every record sinus rhythm only: correct = inactive = 2, the normalised score is defined as 0
        ChallengeData sr = ChallengeData.ofCodes(HAND, List.of("a", "b"),
                List.of(List.of("426783006"), List.of("426783006")), List.of(List.of("1"), List.of("3")));
        ChallengeScore s = ChallengeMetric.score(sr);
        assertEquals(2.0, s.correct(), TOL);
        assertEquals(s.correct(), s.inactive(), TOL);
        assertEquals(0.0, s.normalized());
        // a NaN weight adds nothing (np.nansum): W[A][SR] = NaN; r1 of the hand case then observes
        // W[A][A] / 2 = 0.5 and its inactive share is 0
        ChallengeWeights nan = ChallengeWeights.of(HAND.classes(),
                new double[][] {{1.0, Double.NaN, 0.0}, {0.5, 1.0, 0.25}, {0.0, 0.25, 1.0}});
        ChallengeScore n = ChallengeMetric.score(ChallengeData.ofCodes(nan, List.of("r1"), List.of(List.of("1")),
                List.of(List.of("1", "426783006"))));
        assertEquals(0.5, n.observed(), TOL);
        assertEquals(0.0, n.inactive(), TOL);
        assertEquals(0.5, n.normalized(), TOL);
        ChallengeWeights noSinus = ChallengeWeights.of(List.of(List.of("1"), List.of("2")),
                new double[][] {{1, 0}, {0, 1}});
        EvalInputException e = assertThrows(EvalInputException.class, () -> ChallengeMetric.score(
                ChallengeData.ofCodes(noSinus, List.of("a"), List.of(List.of("1")), List.of(List.of("1")))));
        assertTrue(e.getMessage().contains("no sinus rhythm class 426783006"), e.getMessage());
    }

    static Stream<ChallengeCases.Case> cases() {
        return ChallengeCases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void agreesWithTheIndependentImplementation(ChallengeCases.Case c) {
        ChallengeData d = c.data();
        assertScore(c.expected(), ChallengeMetric.score(d), c.name());
        assertScore(c.expectedRepeated(), ChallengeMetric.score(d, c.repeats()), c.name() + " with repeats");
        assertEquals(c.expected().get("without_label").asInt(), d.recordsWithoutScoredLabel(), c.name());
    }

    @Test
    void theCasesCoverWhatTheyShould() {
        List<ChallengeCases.Case> all = ChallengeCases.all();
        assertEquals(32, all.size());
        assertTrue(all.stream().filter(c -> c.weights().classes().stream().anyMatch(k -> k.size() > 1)).count() > 20,
                "equivalent codes");
        assertTrue(all.stream().filter(c -> c.expected().get("without_label").asInt() > 0).count() > 20,
                "records without a scored label");
        assertTrue(all.stream().anyMatch(c -> c.expected().get("normalized").asDouble() < 0), "worse than inactive");
        assertEquals(0.0, all.stream().filter(c -> c.name().equals("only-sinus-rhythm")).findFirst().orElseThrow()
                .expected().get("normalized").asDouble());
    }

    @Test
    void theBundledRecordsOnThe2021WeightsAsLoadedByTheToolkit() {
        ChallengeWeights w = ChallengeWeights.read(TestData.cincFixtures().resolve("weights.csv"));
        ChallengeCases.Case c = ChallengeCases.all().stream().filter(x -> x.name().equals("cinc2021-fixtures"))
                .findFirst().orElseThrow();
        assertEquals(c.weights(), w, "the JSON case carries the same table");
        // the same labels through the loader and a TruthMatrix over the scored vocabulary's codes
        LabeledDataset ds = Cinc.load(TestData.cincFixtures(), new Cinc.Options(Cinc.Unscored.DROP, true));
        assertEquals(c.ids(), ds.records().stream().map(r -> r.recordId()).toList());
        TruthMatrix truth = new TruthMatrix(c.ids(), ds.vocabulary().codes(), ds.labelMatrix());
        List<String> columns = new ArrayList<>(ds.vocabulary().codes());
        columns.addAll(List.of("164909002", "59118001", "63593006", "17338001", "55930002", "164873001", "251238007"));
        boolean[][] out = new boolean[c.ids().size()][columns.size()];
        for (int r = 0; r < out.length; r++) {
            for (String code : c.outputs().get(r)) {
                out[r][columns.indexOf(code)] = true;
            }
        }
        ChallengeData viaMatrices = ChallengeData.of(w, truth, new TruthMatrix(c.ids(), columns, out));
        assertScore(c.expected(), ChallengeMetric.score(viaMatrices), "via matrices");
        assertEquals(Set.of("55930002", "164873001", "251238007"), Set.copyOf(viaMatrices.ignoredCodes()));
        // and thresholded scores give the same data as the outputs they threshold to
        double[][] scores = new double[out.length][columns.size()];
        for (int r = 0; r < out.length; r++) {
            for (int k = 0; k < columns.size(); k++) {
                scores[r][k] = out[r][k] ? 0.7 : 0.2;
            }
        }
        ChallengeData viaScores = ChallengeData.of(w, truth, new ScoreMatrix(c.ids(), columns, scores),
                Thresholds.fixed(0.5));
        assertScore(c.expected(), ChallengeMetric.score(viaScores), "via scores");
        assertEquals(CincVocabularies.frozen(false).codes(), w.codes());
    }

    @Test
    void outputsForOtherRecordsAreATypedError() {
        TruthMatrix truth = new TruthMatrix(List.of("a", "b"), List.of("1"), new boolean[][] {{true}, {false}});
        TruthMatrix other = new TruthMatrix(List.of("a", "c"), List.of("1"), new boolean[][] {{true}, {false}});
        assertThrows(EvalInputException.class, () -> ChallengeData.of(HAND, truth, other));
        TruthMatrix fewer = new TruthMatrix(List.of("a"), List.of("1"), new boolean[][] {{true}});
        assertThrows(EvalInputException.class, () -> ChallengeData.of(HAND, truth, fewer));
        assertThrows(EvalInputException.class, () -> ChallengeData.ofCodes(HAND, List.of("a", "a"),
                List.of(List.of("1"), List.of("1")), List.of(List.of(), List.of())));
    }

    static void assertScore(JsonNode expected, ChallengeScore s, String what) {
        assertEquals(expected.get("observed").asDouble(), s.observed(), TOL, what + " observed");
        assertEquals(expected.get("correct").asDouble(), s.correct(), TOL, what + " correct");
        assertEquals(expected.get("inactive").asDouble(), s.inactive(), TOL, what + " inactive");
        assertEquals(expected.get("normalized").asDouble(), s.normalized(), TOL, what + " normalized");
    }
}
