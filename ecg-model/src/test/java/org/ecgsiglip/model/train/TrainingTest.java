package org.ecgsiglip.model.train;

import org.ecgsiglip.model.folder.RunDirectory;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecgsiglip.eval.Evaluation;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.csv.MatrixCsv;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.io.EcgRecord;
import org.ecgsiglip.io.RecordReader;
import org.ecgsiglip.model.predict.Prediction;
import org.ecgsiglip.model.predict.Predictor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end training on real PTB-XL records (a small slice), on the CPU. */
class TrainingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TIMING = List.of("seconds", "samples_per_s", "data_wait_share");

    @TempDir
    Path tmp;

    @Test
    void aResumedRunEndsExactlyWhereAnUninterruptedRunEnds() throws IOException {
        TrainConfig config = SmallData.config(Map.of("epochs", 3));
        TrainingData data = SmallData.get();
        RunDirectory straight = new RunDirectory(tmp.resolve("straight"));
        Training.run(config, data, straight, false, TrainingMonitor.SILENT);

        RunDirectory killed = new RunDirectory(tmp.resolve("killed"));
        TrainingMonitor killAfterFirstEpoch = new TrainingMonitor() {
            @Override
            public void onEpoch(EpochSummary summary, Evaluation validation) {
                throw new IllegalStateException("simulated kill");
            }
        };
        assertThrows(IllegalStateException.class, () -> Training.run(config, data, killed, false, killAfterFirstEpoch));
        assertEquals(1, epochsIn(killed));
        Training.run(config, data, killed, true, TrainingMonitor.SILENT);

        assertEquals(Files.readString(straight.steps()), Files.readString(killed.steps()));
        assertEquals(withoutTiming(straight.metrics()), withoutTiming(killed.metrics()));
        assertArrayEquals(Files.readAllBytes(straight.lastCheckpoint().resolve(RunDirectory.PARAMS)),
                Files.readAllBytes(killed.lastCheckpoint().resolve(RunDirectory.PARAMS)), "weights and BN statistics");
        assertEquals(Files.readString(straight.validationScores()), Files.readString(killed.validationScores()));

        // the final evaluation builds a fresh network from the best checkpoint file: it reproduces that
        // epoch's validation only if weights AND batch-norm running statistics come back (fresh BN
        // statistics are 0 and 1)
        List<JsonNode> epochs = withoutTiming(straight.metrics());
        int best = 0;
        for (int e = 0; e < epochs.size(); e++) {
            if (epochs.get(e).get("best").asBoolean()) {
                best = e;
            }
        }
        JsonNode finalEval = JSON.readTree(straight.root().resolve("validation/metrics.json").toFile());
        assertEquals(epochs.get(best).get("val_macro_auroc").asDouble(),
                finalEval.path("averages").path("macro_auroc").asDouble(), 1e-12);
    }

    @Test
    void sameSeedSameMetricsAndSavedModelPredictsTheSame() throws IOException {
        TrainConfig config = SmallData.config(Map.of());
        TrainingData data = SmallData.get();
        RunDirectory a = new RunDirectory(tmp.resolve("a"));
        RunDirectory b = new RunDirectory(tmp.resolve("b"));
        TrainingResult ra = Training.run(config, data, a, false, TrainingMonitor.SILENT);
        Training.run(config, data, b, false, TrainingMonitor.SILENT);
        assertEquals(withoutTiming(a.metrics()), withoutTiming(b.metrics()));
        assertEquals(Files.readString(a.root().resolve("validation/metrics.json")),
                Files.readString(b.root().resolve("validation/metrics.json")));

        // save -> load -> identical predictions: the predictor reads the raw records again
        ScoreMatrix written = MatrixCsv.readScores(a.validationScores());
        List<Path> records = new ArrayList<>();
        for (int i : data.split().validation()) {
            records.add(data.dataset().records().get(i).recordPath());
        }
        try (Predictor predictor = Predictor.load(a.root(), "cpu")) {
            ScoreMatrix again = predictor.scoreRecords(records);
            assertEquals(written.recordIds(), again.recordIds());
            for (int i = 0; i < written.records(); i++) {
                assertArrayEquals(written.values()[i], again.values()[i], 0.0, "record " + written.recordIds().get(i));
            }
            // one record through predict(), and the vocabulary's texts scored as if they were new texts
            EcgRecord first = RecordReader.read(records.get(0));
            Prediction p = predictor.predict(first);
            double[] asNewTexts = predictor.scoreTexts(first, predictor.vocabulary().texts());
            for (int k = 0; k < asNewTexts.length; k++) {
                String code = predictor.vocabulary().get(k).code();
                // a batch of one takes other BLAS paths than a batch of 80: equal to float32 rounding
                assertEquals(written.values()[0][k], p.probabilities().get(code), 1e-6, code);
                assertEquals(written.values()[0][k], asNewTexts[k], 1e-6, code + " as a new text");
                assertEquals(p.probabilities().get(code) >= 0.5, p.predicted().contains(code), code);
            }
            double[] unseen = predictor.scoreTexts(first, List.of("left bundle branch block, complete"));
            assertTrue(unseen[0] > 0 && unseen[0] < 1, "a text outside the vocabulary gets a probability");
        }
        assertEquals(ra.validation().macroAuroc(), JSON.readTree(a.root().resolve("validation/metrics.json").toFile())
                .path("averages").path("macro_auroc").asDouble(), 1e-12);
    }

    @Test
    void refusesToOverwriteARunAndToResumeWithAnotherConfiguration() {
        TrainConfig config = SmallData.config(Map.of("epochs", 1));
        RunDirectory run = new RunDirectory(tmp.resolve("r"));
        Training.run(config, SmallData.get(), run, false, TrainingMonitor.SILENT);
        EcgException again = assertThrows(EcgException.class,
                () -> Training.run(config, SmallData.get(), run, false, TrainingMonitor.SILENT));
        assertTrue(again.getMessage().contains("--resume"), again.getMessage());
        TrainConfig other = SmallData.config(Map.of("epochs", 1, "label-matrix", "diagonal"));
        EcgException changed = assertThrows(EcgException.class,
                () -> Training.run(other, SmallData.get(), run, true, TrainingMonitor.SILENT));
        assertTrue(changed.getMessage().contains("another configuration"), changed.getMessage());
    }

    static int epochsIn(RunDirectory run) throws IOException {
        return Files.readAllLines(run.metrics()).size();
    }

    static List<JsonNode> withoutTiming(Path metrics) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(metrics)) {
            ObjectNode n = (ObjectNode) JSON.readTree(line);
            TIMING.forEach(n::remove);
            out.add(n);
        }
        return out;
    }
}
