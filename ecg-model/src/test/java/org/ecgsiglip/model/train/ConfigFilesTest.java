package org.ecgsiglip.model.train;

import org.ecgsiglip.model.core.Objective;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertEquals(new EncoderSpec("resnet1d", 64, 3, 128), c.encoderSpec());
        assertEquals(30, c.epochs());
        assertEquals(128, c.batchSize());
        assertEquals(SelectBy.MACRO_F1, c.selectBy());
    }

    @Test
    void encoderWidthAndDepthReplaceTheFamilyDefaults() {
        TrainConfig c = ConfigFiles.resolve(null, Map.of("encoder", "inception1d", "encoder-width", 32));
        assertEquals(new EncoderSpec("inception1d", 32, 6, 128), c.encoderSpec());
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
}
