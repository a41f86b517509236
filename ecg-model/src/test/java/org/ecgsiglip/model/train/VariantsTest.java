package org.ecgsiglip.model.train;

import org.ecgsiglip.model.folder.RunDirectory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every label matrix, text strategy and the baseline train on real records and keep their promises. */
class VariantsTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({
        "none, diagonal, report",
        "none, shared-finding, report",
        "none, exact-set, report",
        "none, jaccard, report",
        "none, shared-finding, single-finding",
        "none, shared-finding, all-findings",
        "bce, shared-finding, report"})
    void trainsAndLogsThePositiveRate(String baseline, String matrix, String text) {
        TrainConfig config = SmallData.config(Map.of("epochs", 1, "baseline", baseline, "label-matrix", matrix,
                "text", text, "exclude-from-collisions", java.util.List.of("NORM"), "logit-bias-init", "auto"));
        TrainingResult r = Training.run(config, SmallData.get(), new RunDirectory(tmp.resolve(matrix + text + baseline)),
                false, TrainingMonitor.SILENT);
        EpochSummary e = r.state().history().get(0);
        assertTrue(Double.isFinite(e.trainLoss()), "loss");
        assertTrue(e.positiveRateMin() > 0 && e.positiveRateMax() <= 1, "positive rate logged per batch");
        assertTrue(r.validation().macroAuroc() > 0.3, "scores are not degenerate");
        if (baseline.equals("bce")) {
            assertEquals(null, e.bias());
            assertEquals(null, r.state().logitBiasInit(), "the baseline has no logit bias");
            return;
        }
        double p = r.state().positiveRateEstimate();
        if (matrix.equals("diagonal")) {
            assertEquals(-10.0, r.state().logitBiasInit().doubleValue(), 0.0, "SigLIP's initial bias");
            assertEquals(1.0 / 32, p, 1e-12, "one positive per row");
        } else {
            assertEquals(Math.log(p / (1 - p)), r.state().logitBiasInit().doubleValue(), 1e-12, "log-odds of the measured rate");
            assertTrue(p > 1.0 / 32, "collisions add positives beyond the diagonal: " + p);
        }
    }
}
