package org.ecgsiglip.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ecgsiglip.cli.experiment.ExperimentException;
import org.ecgsiglip.cli.experiment.ExperimentResult;
import org.ecgsiglip.cli.experiment.RunOutcome;
import org.ecgsiglip.eval.Evaluation;
import org.ecgsiglip.eval.FindingMetrics;
import org.ecgsiglip.model.train.EpochSummary;
import org.ecgsiglip.model.train.TrainingMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains a two-variant experiment on a small copy of the shared PTB-XL data (real records, 2 epochs,
 * tiny folds) three times: once killed in the middle and then resumed, once uninterrupted, once more
 * on the finished folder. Every metrics.json must be identical, and equal to what {@code ecg evaluate}
 * writes for the same score and truth files.
 */
class ExperimentCommandTest {
    @TempDir
    static Path tmp;
    static Path experiment;

    @BeforeAll
    static void data() throws IOException {
        Path root = SmallPtbXl.copy(tmp.resolve("ptb-xl"), Map.of(1, 24, 2, 24, 3, 16, 4, 20));
        experiment = write(tmp.resolve("experiment.json"), """
                {"name": "test experiment",
                 "base": {"ptbxl": "%s", "cache-dir": "cache", "train-folds": [1, 2], "validation-folds": [3],
                          "test-folds": [4], "epochs": 2, "batch-size": 16, "embedding-dim": 32, "text-hidden": 32},
                 "variants": {"diagonal": {"label-matrix": "diagonal"}, "shared-finding": {}},
                 "seeds": [7], "bootstrap": 200, "bootstrap-seed": 3, "out": "unused"}
                """.formatted(root.toString().replace("\\", "/")));
    }

    static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** Stops a run at its {@code at}-th epoch overall, as a kill after that epoch's checkpoint would. */
    static final class Killer implements TrainingMonitor {
        private final int at;
        private int epochs;

        Killer(int at) {
            this.at = at;
        }

        @Override
        public void onEpoch(EpochSummary summary, Evaluation validation) {
            if (++epochs == at) {
                throw new IllegalStateException("killed after epoch " + summary.epoch());
            }
        }
    }

    @Test
    void killedRunResumesAndEveryNumberIsReproducibleAndEqualToEvaluate() throws IOException {
        Path killed = tmp.resolve("killed");
        IllegalStateException kill = assertThrows(IllegalStateException.class,
                () -> ExperimentCommand.run(experiment, killed, new Killer(3)));
        assertEquals("killed after epoch 1", kill.getMessage());
        ExperimentResult resumed = ExperimentCommand.run(experiment, killed, TrainingMonitor.SILENT);
        assertEquals(List.of(RunOutcome.Status.SKIPPED, RunOutcome.Status.RESUMED), statuses(resumed));

        Path fresh = tmp.resolve("fresh");
        ExperimentResult straight = ExperimentCommand.run(experiment, fresh, TrainingMonitor.SILENT);
        assertEquals(List.of(RunOutcome.Status.TRAINED, RunOutcome.Status.TRAINED), statuses(straight));
        assertEquals(20, straight.test().size());

        for (String variant : List.of("diagonal", "shared-finding")) {
            RunOutcome a = resumed.run(variant, 7);
            RunOutcome b = straight.run(variant, 7);
            assertSameFile(a.scores(), b.scores());
            assertSameFile(a.testFolder().resolve("metrics.json"), b.testFolder().resolve("metrics.json"));
            assertSameFile(a.folder().resolve("validation/metrics.json"), b.folder().resolve("validation/metrics.json"));
            // what `ecg evaluate` writes for the same files is what the experiment wrote
            Path eval = tmp.resolve("evaluate-" + variant);
            ExportCommandTest.Outcome o = ExportCommandTest.execute(new EvaluateCommand(), "--scores",
                    b.scores().toString(), "--truth", b.truth().toString(), "--bootstrap", "200", "--seed", "3",
                    "--out", eval.toString());
            assertEquals(0, o.exit(), o.err());
            assertSameFile(eval.resolve("metrics.json"), b.testFolder().resolve("metrics.json"));
            assertEquals(b.test(), new EvaluateCommand().run(new EvaluateCommand.Request(b.scores(), b.truth(),
                    EvaluateCommand.ThresholdChoice.fixed(0.5), false,
                    java.util.Optional.of(org.ecgsiglip.eval.Bootstrap.byRecord(200, 3)), java.util.Optional.empty(),
                    org.ecgsiglip.eval.ZeroDivision.ZERO, tmp.resolve("evaluate-again-" + variant))).evaluation());
            for (FindingMetrics f : b.test().perFinding()) {
                assertTrue(straight.table().contains(String.format(Locale.ROOT, "%.3f", f.f1())), f.code());
            }
        }
        assertSameFile(killed.resolve("comparisons/diagonal-vs-shared-finding/seed-7/comparison.json"),
                fresh.resolve("comparisons/diagonal-vs-shared-finding/seed-7/comparison.json"));
        assertSameFile(killed.resolve("summary.json"), fresh.resolve("summary.json"));
        assertEquals(resumed.table(), straight.table());
        assertTrue(straight.table().contains("shared-finding - diagonal"), straight.table());
        for (String f : List.of("report.md", "report.html", "summary.json", "experiment.json", "test/truth.csv")) {
            assertTrue(Files.isRegularFile(fresh.resolve(f)), f);
        }
        assertTrue(Files.readString(fresh.resolve("report.html")).contains("data:image/png;base64,"));

        byte[] before = Files.readAllBytes(fresh.resolve("runs/shared-finding/seed-7/test/metrics.json"));
        ExperimentResult again = ExperimentCommand.run(experiment, fresh, TrainingMonitor.SILENT);
        assertEquals(List.of(RunOutcome.Status.SKIPPED, RunOutcome.Status.SKIPPED), statuses(again));
        assertArrayEquals(before, Files.readAllBytes(fresh.resolve("runs/shared-finding/seed-7/test/metrics.json")));

        // a finished folder is not reused for another configuration
        Path changed = write(tmp.resolve("changed.json"), Files.readString(experiment)
                .replace("\"epochs\": 2", "\"epochs\": 2, \"learning-rate\": 0.002"));
        ExperimentException e = assertThrows(ExperimentException.class,
                () -> ExperimentCommand.run(changed, fresh, TrainingMonitor.SILENT));
        assertTrue(e.getMessage().contains("learning-rate") && e.getMessage().contains("config.json")
                && e.getMessage().contains("Fix:"), e.getMessage());
    }

    @Test
    void tunedThresholdsAndSeveralSeeds() throws IOException {
        Path folder = tmp.resolve("tuned");
        Path tuned = write(tmp.resolve("tuned.json"), Files.readString(experiment)
                .replace("\"seeds\": [7]", "\"seeds\": [7, 8], \"thresholds\": \"tuned\""));
        ExperimentResult r = ExperimentCommand.run(tuned, folder, TrainingMonitor.SILENT);
        assertEquals(4, r.runs().size());
        assertTrue(r.table().contains("Mean ± standard deviation over seeds [7, 8]"), r.table());
        assertTrue(r.table().contains("tuned for F1"), r.table());
        assertEquals(2, r.comparisons().size());
        RunOutcome run = r.run("shared-finding", 8);
        Path thresholds = run.folder().resolve("thresholds.json");
        ExportCommandTest.Outcome o = ExportCommandTest.execute(new EvaluateCommand(), "--scores", run.scores().toString(),
                "--truth", run.truth().toString(), "--thresholds-file", thresholds.toString(), "--bootstrap", "200",
                "--seed", "3", "--out", tmp.resolve("evaluate-tuned").toString());
        assertEquals(0, o.exit(), o.err());
        assertSameFile(tmp.resolve("evaluate-tuned/metrics.json"), run.testFolder().resolve("metrics.json"));
    }

    @Test
    void testFoldsWithoutRecordsFailBeforeTraining() throws IOException {
        Path noTest = write(tmp.resolve("no-test.json"), Files.readString(experiment)
                .replace("\"test-folds\": [4]", "\"test-folds\": [10]"));
        ExperimentException e = assertThrows(ExperimentException.class,
                () -> ExperimentCommand.run(noTest, tmp.resolve("no-test"), TrainingMonitor.SILENT));
        assertTrue(e.getMessage().contains("[10]") && e.getMessage().contains("test-folds"), e.getMessage());
        assertTrue(Files.notExists(tmp.resolve("no-test/runs")));
    }

    @Test
    void helpHasExamples() {
        ExportCommandTest.Outcome help = ExportCommandTest.execute(new ExperimentCommand(), "--help");
        assertTrue(help.out().contains("Examples:") && help.out().contains("--config"), help.out());
        assertEquals(2, ExportCommandTest.execute(new ExperimentCommand()).exit());
    }

    private static List<RunOutcome.Status> statuses(ExperimentResult r) {
        return r.runs().stream().map(RunOutcome::status).toList();
    }

    private static void assertSameFile(Path expected, Path actual) throws IOException {
        assertEquals(Files.readString(expected), Files.readString(actual), expected + " vs " + actual);
    }
}
