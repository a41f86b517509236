package org.ecgsiglip.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.TruthMatrix;
import org.ecgsiglip.eval.csv.MatrixCsv;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.io.findings.FindingsVocabulary;
import org.ecgsiglip.model.folder.RunDirectory;
import org.ecgsiglip.model.text.TextColumns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zero-shot runs ({@code held-out-findings}): what reaches a training batch, what selects the epoch, what the
 * run folder records, and what is refused. One-epoch trainings of a narrow encoder on the bundled sample.
 */
class HeldOutTrainingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HELD = "MI";

    @TempDir
    Path tmp;

    private static Map<String, Object> tiny(Map<String, Object> more) {
        Map<String, Object> o = new HashMap<>(Map.of("epochs", 1, "encoder-width", 8, "batch-size", 32));
        o.putAll(more);
        return o;
    }

    /** Every batch the training step receives. */
    private static final class Batches implements TrainingMonitor {
        final List<HostBatch> seen = new ArrayList<>();

        @Override
        public void onBatch(int epoch, HostBatch batch) {
            seen.add(batch);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"report", "single-finding", "all-findings"})
    void aHeldOutFindingReachesNoTrainingBatchNeitherAsLabelNorAsText(String text) throws IOException {
        TrainConfig config = SmallData.config(tiny(Map.of("text", text, "held-out-findings", List.of(HELD))));
        TrainingData data = SmallData.load(config);
        FindingsVocabulary vocabulary = data.dataset().vocabulary();
        int mi = vocabulary.indexOf(HELD);
        String miText = vocabulary.get(mi).text();
        int[][] sets = data.findingSets();
        long withMi = Arrays.stream(data.split().train()).filter(i -> Arrays.stream(sets[i]).anyMatch(f -> f == mi))
                .count();
        long onlyMi = Arrays.stream(data.split().train()).filter(i -> sets[i].length == 1 && sets[i][0] == mi).count();
        assertTrue(withMi > 20 && onlyMi > 0, "the sample's training folds hold MI records (" + withMi + ", "
                + onlyMi + " with MI alone), so the check below can fail");

        Batches batches = new Batches();
        RunDirectory run = new RunDirectory(tmp.resolve(text));
        Training.run(config, data, run, false, batches);

        assertFalse(batches.seen.isEmpty());
        int k = vocabulary.size();
        int rows = 0;
        List<String> trainedTexts = new ArrayList<>();
        for (String code : List.of("CD", "HYP", "NORM", "STTC")) {
            trainedTexts.add(vocabulary.get(vocabulary.indexOf(code)).text());
        }
        for (HostBatch b : batches.seen) {
            rows += b.n();
            for (int i = 0; i < b.n(); i++) {
                assertEquals(0f, b.rowHot()[i * k + mi], "a sample's label");
            }
            assertEquals(b.m(), b.texts().size(), "the batch records its texts");
            for (int j = 0; j < b.m(); j++) {
                assertEquals(0f, b.colHot()[j * k + mi], "a text column's finding set");
                for (String part : b.texts().get(j).split(TextColumns.SEPARATOR)) {
                    assertNotEquals(miText, part, "a column's text");
                    assertTrue(trainedTexts.contains(part), part);
                }
            }
            if (text.equals("all-findings")) {
                assertEquals(k - 1, b.m(), "one column per trained finding");
            }
        }
        // the batches are the planned records of the trainable split (records whose only finding was held out
        // left it), each with its finding set less MI
        HeldOutFindings heldOut = HeldOutFindings.resolve(config, vocabulary);
        int[] trainable = heldOut.trainable(data.split(), heldOut.strip(sets)).train();
        assertEquals(data.split().train().length - onlyMi, trainable.length);
        EpochPlan plan = EpochPlan.of(trainable, config.batchSize(), config.seed(), 0);
        assertEquals(plan.size(), batches.seen.size());
        for (int b = 0; b < plan.size(); b++) {
            int[] records = plan.batches().get(b);
            for (int i = 0; i < records.length; i++) {
                float[] expected = new float[k];
                for (int f : sets[records[i]]) {
                    expected[f] = f == mi ? 0f : 1f;
                }
                assertTrue(Arrays.stream(sets[records[i]]).anyMatch(f -> f != mi), "a record with a trained finding");
                assertEquals(Arrays.toString(expected), Arrays.toString(Arrays.copyOfRange(batches.seen.get(b).rowHot(),
                        i * k, (i + 1) * k)), "record " + records[i]);
            }
        }
        assertEquals(plan.size() * config.batchSize(), rows);

        JsonNode provenance = JSON.readTree(run.provenance().toFile()).get("held_out");
        assertEquals(List.of(HELD), JSON.convertValue(provenance.get("findings"), List.class));
        assertEquals(List.of("CD", "HYP", "NORM", "STTC"), JSON.convertValue(provenance.get("trained_findings"),
                List.class));
        assertEquals(onlyMi, provenance.get("train_records_dropped_without_trained_finding").asLong());
        assertEquals(List.of(HELD), ConfigFiles.read(run.config()).heldOutFindings());
        assertEquals(data.split().train().length - onlyMi, JSON.readTree(run.provenance().toFile())
                .get("train_records").asInt());
    }

    @Test
    void validationSelectsOnTheTrainedFindingsAndLeavesTheHeldOutThresholdAlone() throws IOException {
        TrainConfig config = SmallData.config(tiny(Map.of("held-out-findings", List.of(HELD, "HYP"))));
        RunDirectory run = new RunDirectory(tmp.resolve("select"));
        Training.run(config, SmallData.load(config), run, false, TrainingMonitor.SILENT);

        ScoreMatrix scores = MatrixCsv.readScores(run.validationScores());
        TruthMatrix truth = MatrixCsv.readTruth(run.validation().resolve("truth.csv"));
        assertEquals(List.of("CD", "HYP", "MI", "NORM", "STTC"), scores.codes(), "every finding is still scored");
        List<String> trained = List.of("CD", "NORM", "STTC");
        double trainedMacro = macroAuroc(scores, truth, trained);
        double allMacro = macroAuroc(scores, truth, scores.codes());
        assertNotEquals(allMacro, trainedMacro, 1e-9, "the two averages differ, so the check can fail");

        JsonNode epoch = JSON.readTree(Files.readAllLines(run.metrics()).get(0));
        assertEquals(trainedMacro, epoch.get("val_macro_auroc").asDouble(), 1e-10, "the epoch's selection metric");
        JsonNode finalEval = JSON.readTree(run.validation().resolve("metrics.json").toFile());
        assertEquals(trainedMacro, finalEval.path("averages").path("macro_auroc").asDouble(), 1e-10);

        JsonNode thresholds = JSON.readTree(run.thresholds().toFile());
        assertEquals(0.5, thresholds.path("thresholds").path(HELD).asDouble(), 0.0);
        assertEquals(0.5, thresholds.path("thresholds").path("HYP").asDouble(), 0.0);
        assertTrue(thresholds.get("origin").asText().contains("held-out"), thresholds.toString());
        for (String code : trained) {
            assertTrue(thresholds.path("thresholds").has(code), code);
        }
    }

    @Test
    void aSeededCountDrawsTheSameFindingsForEveryTrainingSeed() {
        FindingsVocabulary vocabulary = SmallData.get().dataset().vocabulary();
        HeldOutFindings a = HeldOutFindings.resolve(SmallData.config(Map.of("held-out-count", 2, "seed", 1)),
                vocabulary);
        HeldOutFindings b = HeldOutFindings.resolve(SmallData.config(Map.of("held-out-count", 2, "seed", 7)),
                vocabulary);
        assertEquals(a.codes(), b.codes());
        assertEquals(2, a.codes().size());
        assertTrue(vocabulary.codes().containsAll(a.codes()));
        boolean differs = false;
        for (long s = 2; s < 20 && !differs; s++) {
            differs = !HeldOutFindings.resolve(SmallData.config(Map.of("held-out-count", 2, "held-out-seed", s)),
                    vocabulary).codes().equals(a.codes());
        }
        assertTrue(differs, "held-out-seed changes the draw");
    }

    @Test
    void anUnknownCodeOrNothingLeftToTrainIsATypedErrorNamingTheOptionAndTheCodes() {
        TrainConfig unknown = SmallData.config(tiny(Map.of("held-out-findings", List.of("LBBB"))));
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Training.run(unknown,
                SmallData.load(unknown), new RunDirectory(tmp.resolve("unknown")), false, TrainingMonitor.SILENT));
        assertTrue(e.getMessage().contains("held-out-findings") && e.getMessage().contains("'LBBB'")
                && e.getMessage().contains("CD, HYP, MI, NORM, STTC"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("unknown")), "nothing written");

        ConfigurationException all = assertThrows(ConfigurationException.class, () -> HeldOutFindings.resolve(
                SmallData.config(Map.of("held-out-count", 5)), SmallData.get().dataset().vocabulary()));
        assertTrue(all.getMessage().contains("held-out-count") && all.getMessage().contains("at most 4"),
                all.getMessage());
    }

    @Test
    void theBceBaselineWithHeldOutFindingsIsRefusedWithTheReason() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> SmallData.config(Map.of(
                "baseline", "bce", "held-out-findings", List.of(HELD))));
        assertTrue(e.getMessage().contains("held-out-findings") && e.getMessage().contains("bce")
                && e.getMessage().contains("SigLIP"), e.getMessage());
        ConfigurationException count = assertThrows(ConfigurationException.class, () -> SmallData.config(Map.of(
                "baseline", "bce", "held-out-count", 1)));
        assertTrue(count.getMessage().contains("held-out-count"), count.getMessage());
        ConfigurationException both = assertThrows(ConfigurationException.class, () -> SmallData.config(Map.of(
                "held-out-count", 1, "held-out-findings", List.of(HELD))));
        assertTrue(both.getMessage().contains("either"), both.getMessage());
    }

    /** Mean over {@code codes} of the Mann-Whitney AUROC (ties count half), computed here from the CSVs. */
    static double macroAuroc(ScoreMatrix scores, TruthMatrix truth, List<String> codes) {
        TruthMatrix t = truth.alignTo(scores.recordIds(), scores.codes());
        double sum = 0;
        for (String code : codes) {
            int k = scores.codes().indexOf(code);
            double[] s = scores.column(k);
            boolean[] y = t.column(k);
            double wins = 0;
            long pairs = 0;
            for (int i = 0; i < s.length; i++) {
                for (int j = 0; j < s.length; j++) {
                    if (y[i] && !y[j]) {
                        pairs++;
                        wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                    }
                }
            }
            sum += wins / pairs;
        }
        return sum / codes.size();
    }
}
