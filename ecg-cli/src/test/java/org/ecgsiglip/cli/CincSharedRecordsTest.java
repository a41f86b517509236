package org.ecgsiglip.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.Thresholds;
import org.ecgsiglip.eval.TruthMatrix;
import org.ecgsiglip.eval.challenge.ChallengeData;
import org.ecgsiglip.eval.challenge.ChallengeMetric;
import org.ecgsiglip.eval.challenge.ChallengeWeights;
import org.ecgsiglip.eval.csv.MatrixCsv;
import org.ecgsiglip.io.ExtendedData;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.io.cinc.Cinc;
import org.ecgsiglip.io.dataset.LabeledRecord;
import org.ecgsiglip.io.pipeline.CincDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One epoch on the 48 shared CinC records, then predict and test with the Challenge score. */
@ExtendedData
class CincSharedRecordsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void trainPredictAndTestOnTheSharedRecords() throws IOException {
        Path root = TestData.cinc2021();
        Path run = tmp.resolve("run");
        TrainCommandTest.Outcome o = TrainCommandTest.execute("train", "--cinc", root.toString(),
                "--ignore-unknown-codes", "--cinc-folds", "3", "--train-folds", "1", "--validation-folds", "2",
                "--test-folds", "3", "--epochs", "1", "--batch-size", "8", "--embedding-dim", "16", "--text-hidden",
                "16", "--record-length", "300", "--input-length", "250", "--cache-dir", tmp.resolve("cache").toString(),
                "--out", run.toString(), "-q");
        assertEquals(0, o.exit(), o.err());

        Path predicted = tmp.resolve("predict.csv");
        o = TrainCommandTest.execute("predict", "--model", run.toString(), "--records", root.toString(), "--out",
                predicted.toString());
        assertEquals(0, o.exit(), o.err());
        assertEquals(48, MatrixCsv.readScores(predicted).records(), "predict needs no labels: every record");

        Path out = tmp.resolve("test");
        o = TrainCommandTest.execute("test", "--model", run.toString(), "--cinc", root.toString(), "--bootstrap",
                "200", "--seed", "1", "--out", out.toString());
        assertEquals(0, o.exit(), o.err());
        List<String> fold3 = new CincDataSource(root, Cinc.Unscored.DROP, true, new CincDataSource.Stratified(3, 1))
                .load().records().stream().filter(r -> r.fold() == 3).map(LabeledRecord::recordId).toList();
        ScoreMatrix s = MatrixCsv.readScores(out.resolve("scores.csv"));
        TruthMatrix t = MatrixCsv.readTruth(out.resolve("truth.csv"));
        assertEquals(fold3, s.recordIds());
        assertTrue(fold3.size() >= 15 && fold3.size() <= 16, "46 records in 3 folds: " + fold3.size());
        double cli = JSON.readTree(out.resolve("challenge.json").toFile()).get("score").get("normalized").asDouble();
        double metric = ChallengeMetric.score(ChallengeData.of(ChallengeWeights.challenge2021(), t, s,
                Thresholds.fixed(0.5))).normalized();
        boolean[][] outputs = new boolean[s.records()][s.findings()];
        for (int r = 0; r < s.records(); r++) {
            for (int k = 0; k < s.findings(); k++) {
                outputs[r][k] = s.score(r, k) >= 0.5;
            }
        }
        assertEquals(metric, cli, 1e-9);
        assertEquals(ChallengeByHand.score(root.resolve("weights.csv"), s.codes(), t.values(), outputs), cli, 1e-9);
        JsonNode summary = JSON.readTree(out.resolve("test.json").toFile());
        assertEquals(fold3.size(), summary.get("dataset").get("records").asInt());
        assertEquals(46, summary.get("dataset").get("records_loaded").asInt());
    }
}
