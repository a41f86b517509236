package org.ecgsiglip.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgsiglip.eval.Bootstrap;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.Thresholds;
import org.ecgsiglip.eval.TruthMatrix;
import org.ecgsiglip.eval.challenge.ChallengeData;
import org.ecgsiglip.eval.challenge.ChallengeEvaluation;
import org.ecgsiglip.eval.challenge.ChallengeMetric;
import org.ecgsiglip.eval.challenge.ChallengeWeights;
import org.ecgsiglip.eval.csv.MatrixCsv;
import org.ecgsiglip.io.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --challenge-weights} and {@code --metric challenge2021} on ecg evaluate and ecg compare. */
class ChallengeOptionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "record_id,426783006,164889003,164890007,59118001,NORM";

    @TempDir
    Path tmp;

    /**
     * Five records over sinus rhythm (SR), atrial fibrillation (AF), atrial flutter (AFL), RBBB
     * (59118001, an equivalent code of the CRBBB class 713427006) and NORM (no scored class); outputs at
     * 0.5. Weights of the 2021 table: W[SR][SR] = W[AF][AF] = W[RBBB][RBBB] = 1, W[AF][AFL] = 0.5,
     * W[AF][SR] = W[AFL][SR] = 0.25, W[AF][RBBB] = 0.4, W[RBBB][SR] = 0.35. Per record (observed,
     * correct, inactive; the inactive classifier outputs SR alone, each record divided by |labels ∪ outputs|):
     * <pre>
     * r1 labels {SR},       outputs {SR}        1                    1                    1
     * r2 labels {AF},       outputs {AFL}       0.5/2 = 0.25         1                    0.25/2 = 0.125
     * r3 labels {AF,RBBB},  outputs {AF,RBBB}   (1+.4+.4+1)/2 = 1.4  1.4                  (.25+.35)/3 = 0.2
     * r4 labels {} (NORM),  outputs {SR}        0                    0                    0
     * r5 labels {SR,AFL},   outputs {}          0                    (1+.25+.25+1)/2=1.25 (1+.25)/2 = 0.625
     * </pre>
     * observed 2.65, correct 4.65, inactive 1.95: normalised (2.65 - 1.95) / (4.65 - 1.95) = 0.7 / 2.7 = 7/27.
     * A perfect B scores 1, so B - A = 20/27.
     */
    private Path[] handCase() throws IOException {
        Path t = tmp.resolve("T.csv");
        Files.writeString(t, HEADER + "\nr1,1,0,0,0,0\nr2,0,1,0,0,0\nr3,0,1,0,1,0\nr4,0,0,0,0,1\nr5,1,0,1,0,0\n");
        Path a = tmp.resolve("A.csv");
        Files.writeString(a, HEADER + "\nr1,0.9,0.1,0.2,0.1,0.8\nr2,0.2,0.3,0.7,0.1,0.1\nr3,0.1,0.8,0.2,0.6,0.3\n"
                + "r4,0.6,0.1,0.1,0.1,0.9\nr5,0.4,0.2,0.3,0.1,0.1\n");
        Path b = tmp.resolve("B.csv");
        Files.writeString(b, HEADER + "\nr5,0.9,0.1,0.9,0.1,0.1\nr1,0.9,0.1,0.2,0.1,0.8\nr2,0.2,0.9,0.1,0.1,0.1\n"
                + "r3,0.1,0.8,0.2,0.6,0.3\nr4,0.1,0.1,0.1,0.1,0.9\n");
        return new Path[] {t, a, b};
    }

    @Test
    void evaluatePrintsAndWritesTheHandComputedChallengeScore() throws IOException {
        Path[] f = handCase();
        for (List<String> flag : List.of(List.of("--metric", "challenge2021"), List.of("--challenge-weights",
                TestData.cincFixtures().resolve("weights.csv").toString()))) {
            Path out = tmp.resolve("eval-" + flag.get(0).substring(2));
            List<String> args = new java.util.ArrayList<>(List.of("--scores", f[1].toString(), "--truth",
                    f[0].toString(), "--out", out.toString()));
            args.addAll(flag);
            EvalCliFiles.Outcome o = EvalCliFiles.execute(new EvaluateCommand(), args.toArray(new String[0]));
            assertEquals(0, o.exit(), o.err());
            assertTrue(o.out().contains("Challenge score 0.2593"), o.out());
            assertTrue(o.out().contains("not scored: NORM"), o.out());
            JsonNode c = JSON.readTree(out.resolve("challenge.json").toFile());
            assertEquals(7.0 / 27, c.get("score").get("normalized").asDouble(), 1e-12);
            assertEquals(2.65, c.get("score").get("observed").asDouble(), 1e-12);
            assertEquals(4.65, c.get("score").get("correct").asDouble(), 1e-12);
            assertEquals(1.95, c.get("score").get("inactive").asDouble(), 1e-12);
            assertEquals(1, c.get("score").get("records_without_scored_label").asInt());
            assertEquals(List.of("NORM"), JSON.convertValue(c.get("columns_not_scored"), List.class));
            assertEquals(22, c.get("classes_without_output").size());
            assertFalse(c.get("score").has("lower"), "no interval without a bootstrap");
        }
    }

    @Test
    void theIntervalIsTheMetricsOwnOverTheSameResamples() throws IOException {
        Path[] f = handCase();
        Path out = tmp.resolve("boot");
        EvalCliFiles.Outcome o = EvalCliFiles.execute(new EvaluateCommand(), "--scores", f[1].toString(), "--truth",
                f[0].toString(), "--metric", "challenge2021", "--bootstrap", "200", "--seed", "3", "--out",
                out.toString());
        assertEquals(0, o.exit(), o.err());
        ScoreMatrix s = MatrixCsv.readScores(f[1]);
        TruthMatrix t = MatrixCsv.readTruth(f[0]);
        ChallengeEvaluation direct = ChallengeMetric.evaluate(ChallengeData.of(ChallengeWeights.challenge2021(), t, s,
                Thresholds.fixed(0.5)), Bootstrap.byRecord(200, 3));
        JsonNode c = JSON.readTree(out.resolve("challenge.json").toFile()).get("score");
        assertEquals(direct.normalized(), c.get("normalized").asDouble(), 1e-12);
        assertEquals(direct.interval().lower(), c.get("lower").asDouble(), 1e-12);
        assertEquals(direct.interval().upper(), c.get("upper").asDouble(), 1e-12);
        assertTrue(o.out().contains("95% CI"), o.out());
    }

    @Test
    void compareGivesThePairedDifferenceOfTheChallengeScores() throws IOException {
        Path[] f = handCase();
        Path out = tmp.resolve("cmp");
        EvalCliFiles.Outcome o = EvalCliFiles.execute(new CompareCommand(), "--a", f[1].toString(), "--b",
                f[2].toString(), "--truth", f[0].toString(), "--metric", "challenge2021", "--bootstrap", "100",
                "--seed", "5", "--out", out.toString());
        assertEquals(0, o.exit(), o.err());
        JsonNode c = JSON.readTree(out.resolve("challenge.json").toFile());
        assertEquals(7.0 / 27, c.get("a").get("score").get("normalized").asDouble(), 1e-12);
        assertEquals(1.0, c.get("b").get("score").get("normalized").asDouble(), 1e-12, "B outputs every label");
        assertEquals(20.0 / 27, c.get("difference").get("estimate").asDouble(), 1e-12);
        assertTrue(o.out().contains("Challenge score: A.csv 0.2593, B.csv 1.0000; B.csv - A.csv +0.7407"), o.out());
        assertTrue(c.get("difference").get("lower").asDouble() <= c.get("difference").get("upper").asDouble());
    }

    @Test
    void aFileThatIsNoWeightsTableAndColumnsOfNoClassAreTypedErrors() throws IOException {
        Path[] f = handCase();
        EvalCliFiles.Outcome notWeights = EvalCliFiles.execute(new EvaluateCommand(), "--scores", f[1].toString(),
                "--truth", f[0].toString(), "--challenge-weights", f[1].toString(), "--out", tmp.resolve("x").toString());
        assertEquals(1, notWeights.exit());
        assertTrue(notWeights.err().startsWith("error: " + f[1] + ", line 1, column 6") && notWeights.err().contains("'NORM'")
                && notWeights.err().contains("is not a SNOMED-CT code"), notWeights.err());
        Path t = EvalCliFiles.truth(tmp, 10);
        Path s = EvalCliFiles.scores(tmp, "ptbxl.csv", t, 0.5, 1);
        EvalCliFiles.Outcome ptbxl = EvalCliFiles.execute(new EvaluateCommand(), "--scores", s.toString(), "--truth",
                t.toString(), "--metric", "challenge2021", "--out", tmp.resolve("y").toString());
        assertEquals(1, ptbxl.exit());
        assertTrue(ptbxl.err().contains(s.toString()) && ptbxl.err().contains("none of the columns [NORM, MI, STTC, CD]")
                && ptbxl.err().contains("ecg test --cinc"), ptbxl.err());
        EvalCliFiles.Outcome unknown = EvalCliFiles.execute(new EvaluateCommand(), "--scores", f[1].toString(),
                "--truth", f[0].toString(), "--metric", "challenge2020", "--out", tmp.resolve("z").toString());
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("--metric") && unknown.err().contains("challenge2021"), unknown.err());
        EvalCliFiles.Outcome both = EvalCliFiles.execute(new EvaluateCommand(), "--scores", f[1].toString(),
                "--truth", f[0].toString(), "--metric", "challenge2021", "--challenge-weights", f[1].toString(),
                "--out", tmp.resolve("w").toString());
        assertEquals(2, both.exit(), "one reward table at a time");
    }
}
