package org.ecgsiglip.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.Thresholds;
import org.ecgsiglip.eval.TruthMatrix;
import org.ecgsiglip.eval.challenge.ChallengeData;
import org.ecgsiglip.eval.challenge.ChallengeMetric;
import org.ecgsiglip.eval.challenge.ChallengeWeights;
import org.ecgsiglip.eval.csv.MatrixCsv;
import org.ecgsiglip.io.RecordReader;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.io.cinc.Cinc;
import org.ecgsiglip.io.cinc.CincVocabularies;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.dataset.LabeledRecord;
import org.ecgsiglip.io.findings.FindingsVocabulary;
import org.ecgsiglip.io.pipeline.CincDataSource;
import org.ecgsiglip.io.pipeline.PipelineJson;
import org.ecgsiglip.io.ptbxl.LabelLevel;
import org.ecgsiglip.io.ptbxl.PtbXl;
import org.ecgsiglip.model.folder.RunDirectory;
import org.ecgsiglip.model.predict.Predictor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CinC from the command line on the bundled records: train (records at 257, 500 and 1000 Hz, 6 to
 * 15 s), predict, test with the Challenge score, a PTB-XL model on CinC (mapped and zero-shot), a CinC
 * model on PTB-XL, labels, and the typed errors.
 */
class CincCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static Path cinc;
    static Path cincRun;
    static Path ptbxl;
    static Path ptbxlRun;

    /** Trains a CinC model on {@link CincTree}'s 35 records and a PTB-XL model on 60 sample records. */
    @BeforeAll
    static void train() throws IOException {
        cinc = CincTree.write(tmp.resolve("cinc"));
        cincRun = tmp.resolve("cinc-run");
        TrainCommandTest.Outcome o = TrainCommandTest.execute("train", "--cinc", cinc.toString(),
                "--ignore-unknown-codes", "--cinc-folds", "3", "--train-folds", "1", "--validation-folds", "2",
                "--test-folds", "3", "--epochs", "1", "--batch-size", "8", "--embedding-dim", "16", "--text-hidden",
                "16", "--record-length", "300", "--input-length", "250", "--cache-dir", tmp.resolve("cache-cinc")
                        .toString(), "--out", cincRun.toString(), "-q");
        assertEquals(0, o.exit(), o.err());
        ptbxl = SmallPtbXl.copy(tmp.resolve("ptb-xl"), Map.of(1, 24, 2, 24, 3, 12));
        ptbxlRun = tmp.resolve("ptbxl-run");
        o = TrainCommandTest.execute("train", "--ptbxl", ptbxl.toString(), "--train-folds", "1,2", "--validation-folds",
                "3", "--test-folds", "", "--epochs", "1", "--batch-size", "16", "--embedding-dim", "16", "--text-hidden",
                "16", "--record-length", "300", "--input-length", "250", "--cache-dir", tmp.resolve("cache-ptbxl")
                        .toString(), "--out", ptbxlRun.toString(), "-q");
        assertEquals(0, o.exit(), o.err());
    }

    private static LabeledDataset folded() {
        return new CincDataSource(cinc, Cinc.Unscored.DROP, true, new CincDataSource.Stratified(3, 1)).load();
    }

    @Test
    void trainingOnCincRecordsKeepsTheSourceAndItsSplitInTheModel() throws IOException {
        var pipeline = PipelineJson.read(cincRun.resolve("pipeline.json"));
        assertEquals(new CincDataSource(cinc, Cinc.Unscored.DROP, true, new CincDataSource.Stratified(3, 1)),
                pipeline.spec().source());
        JsonNode config = JSON.readTree(cincRun.resolve("config.json").toFile());
        assertEquals(cinc.toString(), config.get("cinc").asText());
        assertEquals(1, config.get("cinc-fold-seed").asLong());
        assertEquals(CincVocabularies.frozen(false).codes(), FindingsVocabulary.read(new RunDirectory(cincRun)
                .vocabulary()).codes(), "the 26 scored classes");
        ScoreMatrix validation = MatrixCsv.readScores(cincRun.resolve("validation/scores.csv"));
        List<String> fold2 = folded().records().stream().filter(r -> r.fold() == 2).map(LabeledRecord::recordId)
                .toList();
        assertEquals(fold2, validation.recordIds(), "validation is fold 2 of the split");
        assertTrue(fold2.stream().anyMatch(id -> id.startsWith("I")) || fold2.stream().anyMatch(id -> id.startsWith("S")),
                "records at 257 or 1000 Hz among them: " + fold2);
    }

    @Test
    void predictScoresEveryRecordWhateverItsRateAndLength() {
        Path out = tmp.resolve("predict.csv");
        TrainCommandTest.Outcome o = TrainCommandTest.execute("predict", "--model", cincRun.toString(), "--records",
                cinc.toString(), "--out", out.toString());
        assertEquals(0, o.exit(), o.err());
        ScoreMatrix s = MatrixCsv.readScores(out);
        assertEquals(35, s.records());
        assertEquals(CincVocabularies.frozen(false).codes(), s.codes());
        ScoreMatrix validation = MatrixCsv.readScores(cincRun.resolve("validation/scores.csv"));
        for (int i = 0; i < validation.records(); i++) {
            int j = s.recordIds().indexOf(validation.recordIds().get(i));
            assertArrayEquals(validation.values()[i], s.values()[j], 1e-6, validation.recordIds().get(i));
        }
    }

    @Test
    void testScoresTheModelsTestFoldWithTheChallengeScoreOfTheSameFiles() throws IOException {
        Path out = tmp.resolve("test-own");
        TrainCommandTest.Outcome o = TrainCommandTest.execute("test", "--model", cincRun.toString(), "--cinc",
                cinc.toString(), "--bootstrap", "50", "--seed", "1", "--out", out.toString());
        assertEquals(0, o.exit(), o.err());
        List<String> fold3 = folded().records().stream().filter(r -> r.fold() == 3).map(LabeledRecord::recordId)
                .toList();
        ScoreMatrix s = MatrixCsv.readScores(out.resolve("scores.csv"));
        TruthMatrix t = MatrixCsv.readTruth(out.resolve("truth.csv"));
        assertEquals(fold3, s.recordIds(), "the model's test fold, by its own split");
        assertTrue(o.out().contains("folds [3]") && o.out().contains("findings scored: 26 (26 the model's own)"),
                o.out());
        JsonNode c = JSON.readTree(out.resolve("challenge.json").toFile());
        double cli = c.get("score").get("normalized").asDouble();
        double metric = ChallengeMetric.score(ChallengeData.of(ChallengeWeights.challenge2021(), t, s,
                Thresholds.fixed(0.5))).normalized();
        boolean[][] outputs = new boolean[s.records()][s.findings()];
        for (int r = 0; r < s.records(); r++) {
            for (int k = 0; k < s.findings(); k++) {
                outputs[r][k] = s.score(r, k) >= 0.5;
            }
        }
        double byHand = ChallengeByHand.score(TestData.cincFixtures().resolve("weights.csv"), s.codes(), t.values(),
                outputs);
        assertEquals(metric, cli, 1e-9);
        assertEquals(byHand, cli, 1e-9);
        assertTrue(o.out().contains(String.format(java.util.Locale.ROOT, "Challenge score %.4f", cli)), o.out());
        assertTrue(c.get("score").has("lower") && c.get("score").get("lower").asDouble() <= cli + 1e-12);
        JsonNode summary = JSON.readTree(out.resolve("test.json").toFile());
        assertEquals(cli, summary.get("results").get("challenge").get("normalized").asDouble(), 0);
        assertEquals(0, summary.get("notes").size(), "fold 3 is held out: " + summary.get("notes"));
    }

    @Test
    void everyOutputAtThresholdZeroScoresAsTheHandFormulaSays() throws IOException {
        Path out = tmp.resolve("test-zero");
        TrainCommandTest.Outcome o = TrainCommandTest.execute("test", "--model", cincRun.toString(), "--cinc",
                cinc.toString(), "--folds", "1,2,3", "--thresholds", "0", "--out", out.toString());
        assertEquals(0, o.exit(), o.err());
        TruthMatrix t = MatrixCsv.readTruth(out.resolve("truth.csv"));
        boolean[][] all = new boolean[t.records()][t.findings()];
        for (boolean[] row : all) {
            java.util.Arrays.fill(row, true);
        }
        double byHand = ChallengeByHand.score(TestData.cincFixtures().resolve("weights.csv"), t.codes(), t.values(),
                all);
        double cli = JSON.readTree(out.resolve("challenge.json").toFile()).get("score").get("normalized").asDouble();
        assertEquals(byHand, cli, 1e-9);
        assertTrue(o.out().contains("fold 1 is a training fold of this model")
                && o.out().contains("fold 2 is a validation fold"), o.out());
        assertEquals(35, t.records());
    }

    @Test
    void aPtbXlModelOnCincMapsItsFindingsAndScoresTheRestZeroShot() throws IOException {
        Path out = tmp.resolve("ptbxl-on-cinc");
        TrainCommandTest.Outcome o = TrainCommandTest.execute("test", "--model", ptbxlRun.toString(), "--cinc",
                cinc.toString(), "--ignore-unknown-codes", "--out", out.toString());
        assertEquals(0, o.exit(), o.err());
        assertTrue(o.out().contains("findings scored: 26 (0 the model's own, 1 carried over from PTB-XL statements, 25 "
                + "zero-shot from their text)"), o.out());
        assertTrue(o.out().contains("426783006 sinus rhythm <- max(NORM)"), o.out());
        assertTrue(o.out().contains("zero-shot (scored against their text, never trained on): 164889003 atrial fibrillation;"), o.out());
        assertTrue(o.out().contains("note: 2 record(s) are the Challenge's copies of PTB-XL records"), o.out());
        ScoreMatrix s = MatrixCsv.readScores(out.resolve("scores.csv"));
        assertEquals(35, s.records(), "another dataset: every record");
        assertEquals(CincVocabularies.frozen(false).codes(), s.codes());
        try (Predictor p = Predictor.load(ptbxlRun, "cpu")) {
            LabeledDataset ds = Cinc.load(cinc, Cinc.Options.defaults().withIgnoreUnknownCodes(true));
            for (int r : new int[] {0, 17, 34}) {
                var record = RecordReader.read(ds.records().get(r).recordPath());
                int row = s.recordIds().indexOf(ds.records().get(r).recordId());
                double norm = p.predict(record).probabilities().get("NORM");
                assertEquals(norm, s.score(row, s.codes().indexOf("426783006")), 1e-6, "sinus rhythm is NORM's score");
                double[] zero = p.scoreTexts(record, List.of("atrial fibrillation", "T wave inversion"));
                assertEquals(zero[0], s.score(row, s.codes().indexOf("164889003")), 1e-6);
                assertEquals(zero[1], s.score(row, s.codes().indexOf("59931005")), 1e-6);
            }
        }
        JsonNode summary = JSON.readTree(out.resolve("test.json").toFile());
        long zeroShot = 0;
        for (JsonNode f : summary.get("findings")) {
            zeroShot += f.get("from").asText().equals("zero-shot") ? 1 : 0;
        }
        assertEquals(25, zeroShot);
        assertTrue(Files.isRegularFile(out.resolve("challenge.json")), "CinC classes: the Challenge score");
        TrainCommandTest.Outcome tuned = TrainCommandTest.execute("test", "--model", ptbxlRun.toString(), "--cinc",
                cinc.toString(), "--ignore-unknown-codes", "--tuned-thresholds", "--out", tmp.resolve("t").toString());
        assertEquals(1, tuned.exit());
        assertTrue(tuned.err().contains("--tuned-thresholds"), tuned.err());
    }

    @Test
    void aCincModelOnPtbXlIsScoredAgainstTheStatementsOfItsClasses() throws IOException {
        Path out = tmp.resolve("cinc-on-ptbxl");
        TrainCommandTest.Outcome o = TrainCommandTest.execute("test", "--model", cincRun.toString(), "--ptbxl",
                ptbxl.toString(), "--out", out.toString());
        assertEquals(0, o.exit(), o.err());
        TruthMatrix t = MatrixCsv.readTruth(out.resolve("truth.csv"));
        LabeledDataset all = PtbXl.load(ptbxl, LabelLevel.ALL);
        assertEquals(all.size(), t.records());
        int sr = t.codes().indexOf("426783006");
        int norm = all.vocabulary().indexOf("NORM");
        int srStatement = all.vocabulary().indexOf("SR");
        for (int r = 0; r < t.records(); r++) {
            LabeledRecord rec = all.records().get(r);
            assertEquals(rec.recordId(), t.recordIds().get(r));
            assertEquals(rec.has(norm) || rec.has(srStatement), t.has(r, sr), rec.recordId());
        }
        assertTrue(o.out().contains("left out, 5 (no PTB-XL statement stands for this class): 6374002 bundle branch "
                + "block; 426627000 bradycardia;"), o.out());
        JsonNode c = JSON.readTree(out.resolve("challenge.json").toFile());
        assertEquals(t.findings(), c.get("weights").get("classes").asInt(), "the table over the classes scored");
        assertEquals(26 - t.findings(), c.get("weights").get("left_out").size());
    }

    @Test
    void labelsCountsCincCollisions() {
        TrainCommandTest.Outcome o = TrainCommandTest.execute("labels", "--cinc", cinc.toString(),
                "--ignore-unknown-codes", "--cinc-folds", "3", "--batch-size", "8", "--batch-sizes", "4,8", "--folds", "1",
                "--json");
        assertEquals(0, o.exit(), o.err());
        assertTrue(o.out().contains("426783006") || o.out().contains("427084000"), o.out());
        JsonNode n;
        try {
            n = JSON.readTree(o.out());
        } catch (IOException e) {
            throw new AssertionError(o.out(), e);
        }
        assertEquals(folded().foldCounts().get(1).intValue(), n.get("records").asInt(), n.toString());
    }

    @Test
    void badCincCommandLinesAreTypedErrors() throws IOException {
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"both ptbxl and cinc", "train", "--cinc", cinc.toString(), "--ptbxl", ptbxl.toString(),
                "--out", tmp.resolve("x").toString()});
        cases.add(new String[] {"no dataset given", "train", "--out", tmp.resolve("x").toString()});
        cases.add(new String[] {"36 folds for the 35 records", "train", "--cinc", cinc.toString(),
                "--ignore-unknown-codes", "--cinc-folds", "36", "--out", tmp.resolve("x").toString()});
        Path split = tmp.resolve("split.csv");
        Files.writeString(split, "record_id,fold\nE07500,1\nZ99999,2\n");
        cases.add(new String[] {"'Z99999' is not in the dataset", "train", "--cinc", cinc.toString(),
                "--ignore-unknown-codes", "--split-file", split.toString(), "--out", tmp.resolve("x").toString()});
        cases.add(new String[] {"level is set but has no effect with cinc", "train", "--cinc", cinc.toString(),
                "--level", "rhythm", "--out", tmp.resolve("x").toString()});
        cases.add(new String[] {"has code 251238007", "train", "--cinc", cinc.toString(), "--cinc-folds", "3",
                "--out", tmp.resolve("x").toString()});
        cases.add(new String[] {"fold 4 holds no record", "test", "--model", cincRun.toString(), "--cinc",
                cinc.toString(), "--folds", "4", "--out", tmp.resolve("x").toString()});
        for (String[] c : cases) {
            TrainCommandTest.Outcome o = TrainCommandTest.execute(java.util.Arrays.copyOfRange(c, 1, c.length));
            assertEquals(1, o.exit(), String.join(" ", c) + "\n" + o.err());
            assertTrue(o.err().startsWith("error: ") && o.err().contains(c[0]), c[0] + ": " + o.err());
        }
        assertFalse(Files.exists(tmp.resolve("x")), "nothing written");
        assertTrue(TrainCommandTest.execute("test", "--model", cincRun.toString(), "--out", "o").exit() == 2,
                "a dataset is required");
    }
}
