package org.ecgsiglip.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.csv.MatrixCsv;
import org.ecgsiglip.io.pipeline.InputPipeline;
import org.ecgsiglip.io.pipeline.LeadStatistics;
import org.ecgsiglip.io.pipeline.PipelineJson;
import org.ecgsiglip.model.folder.RunDirectory;
import org.ecgsiglip.model.predict.Predictor;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A model scores a record exactly as validation scored it: the validation scores written at the end
 * of training equal {@code Predictor.scoreRecords} on the same records read again from their files,
 * bit for bit, whatever the pipeline — half-precision cache, dataset standardisation, sliding windows.
 */
class PipelineConsistencyTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({
        "float32, record, 0, mean",
        "float16, record, 0, mean",
        "float16, dataset, 0, mean",
        "float32, none, 25, max",
        "float16, dataset, 25, mean"})
    void validationScoresEqualPredictionOnTheSameRecords(String precision, String standardize, int stride,
                                                         String aggregate) {
        TrainConfig config = SmallData.config(Map.of("epochs", 1, "cache-precision", precision, "standardize",
                standardize, "eval-stride", stride, "eval-aggregate", aggregate));
        TrainingData data = SmallData.load(config);
        RunDirectory run = new RunDirectory(tmp.resolve("run"));
        Training.run(config, data, run, false, TrainingMonitor.SILENT);

        ScoreMatrix written = MatrixCsv.readScores(run.validationScores());
        List<Path> records = new ArrayList<>();
        for (int i : data.split().validation()) {
            records.add(data.dataset().records().get(i).recordPath());
        }
        try (Predictor predictor = Predictor.load(run.root(), "cpu")) {
            assertEquals(data.pipeline(), predictor.pipeline(), "the model folder's pipeline is the training one");
            ScoreMatrix again = predictor.scoreRecords(records);
            assertEquals(written.recordIds(), again.recordIds());
            for (int i = 0; i < written.records(); i++) {
                assertArrayEquals(written.values()[i], again.values()[i], 0.0, "record " + written.recordIds().get(i));
                for (double p : again.values()[i]) {
                    // a mean over windows is rounded to float32 like one window's probability, so a float
                    // column (Parquet in ecg spark score) holds the same value as the score files
                    assertEquals(p, (double) (float) p, 0.0, "a float32 value, record " + again.recordIds().get(i));
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"float32", "float16"})
    void datasetStatisticsComeFromTheTrainingFoldsOnlyAndTravelWithTheModel(String precision) {
        TrainConfig config = SmallData.config(Map.of("epochs", 1, "standardize", "dataset", "cache-precision", precision));
        TrainingData data = SmallData.load(config);
        LeadStatistics fromTraining = LeadStatistics.fit(data.signals(), data.split().train());
        int[] everything = new int[data.dataset().size()];
        Arrays.setAll(everything, i -> i);
        assertEquals(fromTraining, data.pipeline().statistics());
        assertNotEquals(LeadStatistics.fit(data.signals(), everything), data.pipeline().statistics(),
                "validation records would change them");
        RunDirectory run = new RunDirectory(tmp.resolve("run"));
        Training.run(config, data, run, false, TrainingMonitor.SILENT);
        InputPipeline saved = PipelineJson.read(run.pipeline());
        assertEquals(fromTraining, saved.statistics());
    }
}
