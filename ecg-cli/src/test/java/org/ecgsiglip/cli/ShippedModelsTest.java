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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ecgsiglip.eval.Evaluation;
import org.ecgsiglip.eval.Evaluator;
import org.ecgsiglip.eval.FindingMetrics;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.Thresholds;
import org.ecgsiglip.eval.TruthMatrix;
import org.ecgsiglip.eval.csv.MatrixCsv;
import org.ecgsiglip.io.ExtendedData;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.dataset.LabeledRecord;
import org.ecgsiglip.io.ptbxl.LabelLevel;
import org.ecgsiglip.io.ptbxl.PtbXl;
import org.ecgsiglip.model.folder.PretrainedModels;
import org.ecgsiglip.model.predict.Predictor;
import org.junit.jupiter.api.Test;

/**
 * The models shipped in {@code models/} are what their folders claim: verified on load, their validation
 * figures follow from their validation scores, and the records this checkout has from their validation
 * folds score as those validation scores say (the bundled sample here; the larger shared subset in the
 * extended suite).
 */
class ShippedModelsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Path> shipped() throws IOException {
        Path models = TestData.repositoryRoot().resolve("models");
        try (Stream<Path> s = Files.list(models)) {
            List<Path> out = s.filter(p -> Files.isRegularFile(p.resolve("manifest.json"))).sorted().toList();
            assertFalse(out.isEmpty(), "models/ ships no model");
            return out;
        }
    }

    @Test
    void everyShippedModelLoadsByNameAndItsFiguresFollowFromItsScores() throws IOException {
        for (Path dir : shipped()) {
            String name = PretrainedModels.PREFIX + dir.getFileName();
            try (Predictor p = Predictor.load(Path.of(name), "cpu")) {
                assertEquals(dir.toAbsolutePath().normalize(), p.folder().run().root().toAbsolutePath().normalize());
            }
            ScoreMatrix scores = MatrixCsv.readScores(dir.resolve("validation/scores.csv"));
            TruthMatrix truth = MatrixCsv.readTruth(dir.resolve("validation/truth.csv"));
            Evaluation e = Evaluator.evaluate(scores, truth, Thresholds.fixed(0.5));
            JsonNode claimed = JSON.readTree(dir.resolve("validation/metrics.json").toFile());
            assertEquals(claimed.path("averages").path("macro_auroc").asDouble(), e.macroAuroc(), 1e-12, name);
            assertEquals(claimed.path("averages").path("macro_f1").asDouble(), e.macroF1(), 1e-12, name);
            for (JsonNode f : claimed.path("findings")) {
                FindingMetrics m = e.finding(f.path("code").asText());
                assertEquals(f.path("auroc").asDouble(), m.auroc(), 1e-12, name + " " + m.code());
                assertEquals(f.path("f1").asDouble(), m.f1(), 1e-12, name + " " + m.code());
            }
            String card = Files.readString(dir.resolve("MODEL.md"));
            assertTrue(card.contains(String.format(java.util.Locale.ROOT, "macro-AUROC %.4f", e.macroAuroc())),
                    name + ": the card states the figure");
        }
    }

    @Test
    void theBundledSampleScoresAsTheValidationScoresSay() throws IOException {
        for (Path dir : shipped()) {
            assertRecordsScoreAsClaimed(dir, TestData.sample());
        }
    }

    @Test
    @ExtendedData
    void theSharedSubsetScoresAsTheValidationScoresSay() throws IOException {
        for (Path dir : shipped()) {
            assertRecordsScoreAsClaimed(dir, TestData.ptbxl());
        }
    }

    /**
     * Every record of {@code root} in the model's validation folds is in its validation scores, has the
     * same labels there, and scores the same again (to float32 rounding: the batches differ).
     */
    private static void assertRecordsScoreAsClaimed(Path dir, Path root) throws IOException {
        ScoreMatrix claimed = MatrixCsv.readScores(dir.resolve("validation/scores.csv"));
        TruthMatrix truth = MatrixCsv.readTruth(dir.resolve("validation/truth.csv"));
        Map<String, Integer> row = new HashMap<>();
        for (int i = 0; i < claimed.records(); i++) {
            row.put(claimed.recordIds().get(i), i);
        }
        JsonNode config = JSON.readTree(dir.resolve("config.json").toFile());
        List<Integer> folds = new ArrayList<>();
        config.path("validation-folds").forEach(f -> folds.add(f.asInt()));
        LabeledDataset data = PtbXl.load(root, LabelLevel.parse(config.path("level").asText()));
        List<LabeledRecord> here = data.records().stream().filter(r -> folds.contains(r.fold())).toList();
        assertTrue(here.size() >= 40, dir + ": only " + here.size() + " validation records in " + root);
        List<Path> paths = here.stream().map(LabeledRecord::recordPath).toList();
        ScoreMatrix again;
        try (Predictor p = Predictor.load(dir, "cpu")) {
            again = p.scoreRecords(paths);
        }
        List<String> codes = data.vocabulary().codes();
        assertEquals(claimed.codes(), codes);
        for (int k = 0; k < here.size(); k++) {
            LabeledRecord r = here.get(k);
            Integer i = row.get(again.recordIds().get(k));
            assertTrue(i != null, dir + ": " + again.recordIds().get(k) + " is not among the validation scores");
            assertArrayEquals(claimed.values()[i], again.values()[k], 1e-5, dir + " " + r.recordId());
            boolean[] labels = new boolean[codes.size()];
            for (int f : r.findings()) {
                labels[f] = true;
            }
            assertArrayEquals(truth.values()[truth.recordIds().indexOf(again.recordIds().get(k))], labels,
                    dir + " " + r.recordId() + ": labels");
        }
    }
}
