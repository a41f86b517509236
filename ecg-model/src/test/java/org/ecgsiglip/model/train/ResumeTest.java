package org.ecgsiglip.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecgsiglip.eval.Evaluation;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.model.folder.Checkpoints;
import org.ecgsiglip.model.folder.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a full disk or a diverged loss leaves behind, and what a later run does with it. */
class ResumeTest {
    @TempDir
    Path tmp;

    @Test
    void aLostLastCheckpointResumesFromBestAndSaysWhatWasDiscarded() throws IOException {
        TrainConfig config = SmallData.config(Map.of("epochs", 3, "select-by", "macro-auroc"));
        TrainingData data = SmallData.load(config);
        RunDirectory straight = new RunDirectory(tmp.resolve("straight"));
        Training.run(config, data, straight, false, TrainingMonitor.SILENT);

        RunDirectory broken = new RunDirectory(tmp.resolve("broken"));
        assertThrows(IllegalStateException.class, () -> Training.run(config, data, broken, false, killAfter(2)));
        // a disk that filled up while the next checkpoint was written: last/ gone, its .tmp half written
        Checkpoints.deleteTree(broken.lastCheckpoint());
        Path half = Files.createDirectories(broken.lastCheckpoint().resolveSibling("last.tmp"));
        Files.write(half.resolve(RunDirectory.PARAMS), new byte[] {1, 2, 3});
        List<String> messages = new ArrayList<>();
        TrainingMonitor listen = new TrainingMonitor() {
            @Override
            public void onMessage(String message) {
                messages.add(message);
            }
        };
        Training.run(config, data, broken, true, listen);

        assertTrue(messages.stream().anyMatch(m -> m.contains("removed the half-written checkpoints/last.tmp")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("from checkpoints/best")), messages.toString());
        assertFalse(Files.exists(half));
        assertArrayEquals(Files.readAllBytes(straight.lastCheckpoint().resolve(RunDirectory.PARAMS)),
                Files.readAllBytes(broken.lastCheckpoint().resolve(RunDirectory.PARAMS)),
                "epochs repeated from the best checkpoint end exactly where the uninterrupted run ended");
        assertEquals(Files.readString(straight.validationScores()), Files.readString(broken.validationScores()));
    }

    @Test
    void aDamagedLastCheckpointIsPassedOverForACompleteOne() throws IOException {
        TrainConfig config = SmallData.config(Map.of("epochs", 2));
        TrainingData data = SmallData.load(config);
        RunDirectory run = new RunDirectory(tmp.resolve("r"));
        assertThrows(IllegalStateException.class, () -> Training.run(config, data, run, false, killAfter(1)));
        // best/ and last/ are both epoch 1; damage last/
        Files.write(run.lastCheckpoint().resolve(RunDirectory.PARAMS), new byte[] {9});
        List<String> messages = new ArrayList<>();
        Training.run(config, data, run, true, new TrainingMonitor() {
            @Override
            public void onMessage(String message) {
                messages.add(message);
            }
        });
        assertTrue(messages.stream().anyMatch(m -> m.contains("checkpoints/last is incomplete and is passed over")),
                messages.toString());
        assertEquals(2, TrainingTest.epochsIn(run));
    }

    @Test
    void aDivergedRunIsATypedErrorAndItsFolderIsNotReusedByAnotherConfiguration() {
        TrainConfig wild = SmallData.config(Map.of("epochs", 1, "learning-rate", 1e7, "clip-norm", 0));
        RunDirectory run = new RunDirectory(tmp.resolve("wild"));
        EcgException e = assertThrows(EcgException.class,
                () -> Training.run(wild, SmallData.load(wild), run, false, TrainingMonitor.SILENT));
        assertTrue(e.getMessage().contains("diverged") && e.getMessage().contains("--learning-rate"), e.getMessage());
        TrainConfig tame = SmallData.config(Map.of("epochs", 1));
        EcgException other = assertThrows(EcgException.class,
                () -> Training.run(tame, SmallData.load(tame), run, false, TrainingMonitor.SILENT));
        assertTrue(other.getMessage().contains("another run") && other.getMessage().contains("learning-rate"),
                other.getMessage());
    }

    private static TrainingMonitor killAfter(int epochs) {
        return new TrainingMonitor() {
            int seen;

            @Override
            public void onEpoch(EpochSummary summary, Evaluation validation) {
                if (++seen == epochs) {
                    throw new IllegalStateException("simulated kill after epoch " + seen);
                }
            }
        };
    }
}
