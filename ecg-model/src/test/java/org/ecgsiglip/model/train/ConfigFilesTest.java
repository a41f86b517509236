package org.ecgsiglip.model.train;

import org.ecgsiglip.model.core.Objective;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.model.encoder.EncoderSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {
    @TempDir
    Path tmp;

    @Test
    void defaultsAreTheDocumentedOnes() {
        TrainConfig c = ConfigFiles.resolve(null, Map.of());
        assertEquals(org.ecgsiglip.model.siglip.LabelMatrix.SHARED_FINDING, c.labelMatrix());
        assertEquals(org.ecgsiglip.model.siglip.TextStrategy.REPORT, c.text());
        assertEquals(Objective.SIGLIP, c.objective());
        // the linear head measured better than the mlp head on two seeds (docs/results.md)
        assertEquals(new EncoderSpec("resnet1d", 64, 3, 128, org.ecgsiglip.model.encoder.Head.LINEAR, 128, 0.5),
                c.encoderSpec());
        assertEquals(30, c.epochs());
        assertEquals(128, c.batchSize());
        // the configuration measured best on full PTB-XL (docs/results.md): the training folds' lead
        // statistics, no filter, no augmentation, constant AdamW, b = -10, the epoch of best AUROC
        assertEquals(org.ecgsiglip.io.pipeline.Standardization.DATASET, c.standardize());
        assertNull(c.bandLow());
        assertNull(c.bandHigh());
        assertEquals(0.0, c.amplitudeScale());
        assertEquals(0.0, c.leadDropout());
        assertEquals(0.0, c.clipNorm());
        assertEquals(Schedule.CONSTANT, c.schedule());
        assertEquals(-10.0, c.logitBiasInit().value().orElseThrow());
        assertEquals(SelectBy.MACRO_AUROC, c.selectBy());
        // the benchmark's protocol: 2.5 s random crops in training, windows every 1.25 s averaged at
        // validation and prediction; a stored 10 s record is read as 7 windows, the last one at its end
        org.ecgsiglip.io.pipeline.Windows w = ConfigFiles.resolve(null, Map.of("ptbxl", tmp.toString()))
                .dataSpec().windows();
        assertEquals(new org.ecgsiglip.io.pipeline.Windows(250, 125, org.ecgsiglip.io.pipeline.Aggregation.MEAN), w);
        assertEquals(1000, c.recordLength());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {0, 125, 250, 375, 500, 625, 750},
                w.evaluationOffsets(c.recordLength()));
    }

    @Test
    void encoderWidthAndDepthReplaceTheFamilyDefaults() {
        TrainConfig c = ConfigFiles.resolve(null, Map.of("encoder", "inception1d", "encoder-width", 32));
        assertEquals(new EncoderSpec("inception1d", 32, 6, 128, org.ecgsiglip.model.encoder.Head.LINEAR, 128, 0.5),
                c.encoderSpec());
        TrainConfig x = ConfigFiles.resolve(null, Map.of("encoder", "xresnet1d50", "encoder-depth", 101));
        assertEquals(101, x.encoderSpec().depth());
        assertThrows(EcgException.class, () -> ConfigFiles.resolve(null, Map.of("encoder", "xresnet1d", "encoder-depth", 7)));
    }

    @Test
    void aResolvedConfigurationReadsBackEqual() {
        TrainConfig c = ConfigFiles.resolve(null, Map.of("ptbxl", tmp.resolve("data").toString(), "epochs", 3,
                "exclude-from-collisions", java.util.List.of("SR")));
        Path file = tmp.resolve("config.json");
        ConfigFiles.write(c, file);
        assertEquals(c, ConfigFiles.read(file));
    }

    @Test
    void badFilesNameTheProblem() throws Exception {
        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, "{\n  \"epochs\": 3,\n  \"seed\": \n}");
        EcgException syntax = assertThrows(EcgException.class, () -> ConfigFiles.read(broken));
        assertTrue(syntax.getMessage().contains("line 4"), syntax.getMessage());
        Path typo = tmp.resolve("typo.json");
        Files.writeString(typo, "{\"lable-matrix\": \"diagonal\"}");
        EcgException unknown = assertThrows(EcgException.class, () -> ConfigFiles.read(typo));
        assertTrue(unknown.getMessage().contains("did you mean 'label-matrix'"), unknown.getMessage());
        EcgException crop = assertThrows(EcgException.class,
                () -> ConfigFiles.resolve(null, Map.of("input-length", 2000)));
        assertTrue(crop.getMessage().contains("record-length"), crop.getMessage());
        assertThrows(EcgException.class, () -> ConfigFiles.resolve(null, Map.of("label-matrix", "shared")));
    }

    @Test
    void aFileOverTheSizeCapOrMissingIsRefusedNamingTheFile() throws Exception {
        Path big = tmp.resolve("big.json");
        Files.writeString(big, "{\"epochs\": 10" + " ".repeat((int) ConfigFiles.MAX_FILE_BYTES) + "}");
        EcgException e = assertThrows(EcgException.class, () -> ConfigFiles.resolve(big, Map.of()));
        assertTrue(e.getMessage().startsWith(big.toString()) && e.getMessage().contains("configuration file may have"),
                e.getMessage());
        EcgException missing = assertThrows(EcgException.class,
                () -> ConfigFiles.resolve(tmp.resolve("nope.json"), Map.of()));
        assertTrue(missing.getMessage().contains("the configuration file does not exist"), missing.getMessage());
        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, "{\"epochs\": 10,\n \"seed\" 4}");
        EcgException syntax = assertThrows(EcgException.class, () -> ConfigFiles.resolve(broken, Map.of()));
        assertTrue(syntax.getMessage().contains("line 2, column"), syntax.getMessage());
    }
}
