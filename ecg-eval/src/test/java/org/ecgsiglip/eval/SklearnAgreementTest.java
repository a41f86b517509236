package org.ecgsiglip.eval;

import static org.ecgsiglip.eval.Fixtures.TOL;
import static org.ecgsiglip.eval.Fixtures.assertClose;
import static org.ecgsiglip.eval.Fixtures.num;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecgsiglip.eval.csv.MatrixCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every metric and average against scikit-learn 1.2.1, on the fixtures written by
 * {@code src/test/resources/org/ecgsiglip/eval/sklearn/make_expected.py}. Tolerance 1e-10.
 */
class SklearnAgreementTest {

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource({
        "basic, zd0", "basic, zd1",
        "edge, zd0", "edge, zd1", "edge, atleastone",
        "flat-high, zd0", "flat-high, zd1",
        "all-negative, zd0", "all-negative, zd1",
        "all-negative-quiet, zd0", "all-negative-quiet, zd1",
        "random, zd0", "random, zd1", "random, tuned", "random, atleastone"
    })
    void matchesScikitLearn(String fixture, String variant) {
        Path dir = Fixtures.sklearn(fixture);
        JsonNode expected = Fixtures.json(dir.resolve("expected-" + variant + ".json"));
        ScoreMatrix scores = MatrixCsv.readScores(dir.resolve("scores.csv"));
        TruthMatrix truth = MatrixCsv.readTruth(dir.resolve("truth.csv"));
        Map<String, Double> cut = new LinkedHashMap<>();
        for (int k = 0; k < scores.findings(); k++) {
            cut.put(scores.codes().get(k), expected.get("findings").get(k).get("threshold").asDouble());
        }
        Thresholds thresholds = Thresholds.perFinding(cut, "fixture");
        EvaluationOptions options = EvaluationOptions.builder()
                .optZeroDivision(expected.get("zero_division").asInt() == 1 ? ZeroDivision.ONE : ZeroDivision.ZERO)
                .optAtLeastOnePerRecord(expected.get("at_least_one").asBoolean())
                .build();

        Evaluation e = Evaluator.evaluate(scores, truth, thresholds, options);

        boolean[][] predicted = Decisions.predict(scores, thresholds, options.atLeastOnePerRecord());
        for (int r = 0; r < scores.records(); r++) {
            for (int k = 0; k < scores.findings(); k++) {
                assertEquals(expected.get("predicted").get(r).get(k).asInt() == 1, predicted[r][k],
                        "decision of record " + r + ", finding " + k);
            }
        }
        for (int k = 0; k < scores.findings(); k++) {
            JsonNode row = expected.get("findings").get(k);
            FindingMetrics f = e.perFinding().get(k);
            for (Metric m : Metric.values()) {
                String what = fixture + "/" + variant + " " + f.code() + " " + m.key();
                if (m.isCount()) {
                    assertEquals(row.get(m.key()).asLong(), (long) f.value(m), what);
                } else {
                    assertClose(num(row.get(m.key())), f.value(m), TOL, what);
                }
            }
            assertEquals(row.get("threshold").asDouble(), f.threshold());
        }
        int checked = 0;
        for (Map.Entry<String, JsonNode> a : expected.get("averages").properties()) {
            checked++;
            assertClose(num(a.getValue()), e.average(Average.ofKey(a.getKey())), TOL, fixture + "/" + variant
                    + " " + a.getKey());
        }
        assertEquals(Average.values().length, checked, "every average has a reference value");
    }

    @Test
    void tunedThresholdsMatchTheReferenceRule() {
        Path dir = Fixtures.sklearn("validation");
        ScoreMatrix scores = MatrixCsv.readScores(dir.resolve("scores.csv"));
        TruthMatrix truth = MatrixCsv.readTruth(dir.resolve("truth.csv"));
        JsonNode expected = Fixtures.json(dir.resolve("expected-thresholds.json"));

        Thresholds tuned = Thresholds.tuneForF1(scores, truth);

        double[] want = new double[scores.findings()];
        for (int k = 0; k < want.length; k++) {
            want[k] = expected.get("thresholds").get(k).asDouble();
        }
        assertArrayEquals(want, tuned.of(scores.codes()));
        assertEquals(List.copyOf(tuned.perFinding().keySet()), scores.codes());
    }

    @Test
    void tunedOnValidationAppliedToTestMatchesTheTunedVariant() {
        Path val = Fixtures.sklearn("validation");
        Thresholds tuned = Thresholds.tuneForF1(MatrixCsv.readScores(val.resolve("scores.csv")),
                MatrixCsv.readTruth(val.resolve("truth.csv")));
        Path test = Fixtures.sklearn("random");
        Evaluation e = Evaluator.evaluate(MatrixCsv.readScores(test.resolve("scores.csv")),
                MatrixCsv.readTruth(test.resolve("truth.csv")), tuned);
        JsonNode expected = Fixtures.json(test.resolve("expected-tuned.json"));
        assertClose(num(expected.get("averages").get("macro_f1")), e.macroF1(), TOL, "macro F1");
        assertClose(num(expected.get("averages").get("samples_f1")), e.samplesF1(), TOL, "samples F1");
    }
}
