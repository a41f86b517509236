package org.ecgsiglip.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.model.core.ModelSpec;
import org.ecgsiglip.model.core.Objective;
import org.ecgsiglip.model.encoder.EncoderSpec;
import org.ecgsiglip.model.folder.ModelFiles;
import org.ecgsiglip.model.folder.RunDirectory;
import org.ecgsiglip.model.text.TextEncoderKind;
import org.ecgsiglip.model.text.TextEncoderUnavailableException;
import org.ecgsiglip.model.text.TextTower;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code text-encoder}: ngram by default; minilm without its module on the class path is refused before training.
 * {@code text-tower}: mlp by default; locked is refused with n-gram features; a model.json written before the
 * option reads as mlp.
 */
class TextEncoderOptionTest {
    @TempDir
    Path tmp;

    @Test
    void ngramIsTheDefault() {
        assertEquals(TextEncoderKind.NGRAM, SmallData.config(Map.of()).textEncoder());
        assertEquals(TextEncoderKind.MINILM, SmallData.config(Map.of("text-encoder", "minilm")).textEncoder());
    }

    @Test
    void minilmWithoutItsModuleIsATypedErrorNamingTheModule() {
        TrainConfig config = SmallData.config(Map.of("text-encoder", "minilm", "epochs", 1));
        RunDirectory run = new RunDirectory(tmp.resolve("run"));
        TextEncoderUnavailableException e = assertThrows(TextEncoderUnavailableException.class,
                () -> Training.run(config, SmallData.get(), run, false, TrainingMonitor.SILENT));
        assertTrue(e.getMessage().contains("org.ecgsiglip:ecg-text-minilm"), e.getMessage());
        assertTrue(e.getMessage().contains("--text-encoder ngram"), e.getMessage());
        assertFalse(Files.exists(run.root()), "nothing written");
    }

    @Test
    void mlpIsTheDefaultTowerAndLockedNeedsPretrainedFeatures() {
        assertEquals(TextTower.MLP, SmallData.config(Map.of()).textTower());
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> SmallData.config(Map.of("text-tower", "locked")));
        assertEquals("text-tower", e.location());
        assertTrue(e.getMessage().contains("--text-encoder minilm"), e.getMessage());
        // the baseline has no text tower: the option is inert there, not an error
        assertEquals(TextTower.LOCKED, SmallData.config(Map.of("text-tower", "locked", "baseline", "bce")).textTower());
    }

    @Test
    void aModelJsonWrittenBeforeTheOptionReadsAsTheMlpTower() throws Exception {
        ModelSpec spec = new ModelSpec(Objective.SIGLIP, new EncoderSpec(EncoderSpec.RESNET1D, 8, 1, 16), 12, 100, 5,
                40, 16, (float) Math.log(10), -10f, TextTower.MLP);
        Path file = tmp.resolve("model.json");
        ModelFiles.writeSpec(spec, file);
        String json = Files.readString(file);
        String field = ",\n    \"textTower\" : \"MLP\"";
        assertTrue(json.contains(field), json);
        Files.writeString(file, json.replace(field, ""));
        assertFalse(Files.readString(file).contains("textTower"));
        assertEquals(spec, ModelFiles.readSpec(file));
    }

    @Test
    void aLockedTowerNeedsTheTextFeaturesDimensionAsD() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ModelSpec(Objective.SIGLIP,
                new EncoderSpec(EncoderSpec.RESNET1D, 8, 1, 16), 12, 100, 5, 40, 16, 0f, -10f, TextTower.LOCKED));
        assertTrue(e.getMessage().contains("40"), e.getMessage());
    }
}
