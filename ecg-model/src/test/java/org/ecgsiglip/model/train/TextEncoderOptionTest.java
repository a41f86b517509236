package org.ecgsiglip.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.ecgsiglip.model.folder.RunDirectory;
import org.ecgsiglip.model.text.TextEncoderKind;
import org.ecgsiglip.model.text.TextEncoderUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code text-encoder}: ngram by default; minilm without its module on the class path is refused before training. */
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
}
