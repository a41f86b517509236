package org.ecgsiglip.text.minilm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.model.core.ModelSpec;
import org.ecgsiglip.model.core.Objective;
import org.ecgsiglip.model.encoder.EncoderSpec;
import org.ecgsiglip.model.folder.ModelFiles;
import org.ecgsiglip.model.folder.RunDirectory;
import org.ecgsiglip.model.predict.Predictor;
import org.ecgsiglip.model.siglip.SiglipBlock;
import org.ecgsiglip.model.text.TextTower;
import org.ecgsiglip.model.train.TestRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --text-tower locked}: the frozen MiniLM embedding, normalised, is the text embedding (nothing on the
 * text side trains), d must be 384, and a model trained so scores a new finding text from its folder alone.
 */
class LockedTowerTest {
    @TempDir
    Path tmp;

    @Test
    void theTextEmbeddingIsTheNormalisedSentenceEmbeddingAndHasNoParameters() {
        MiniLmEncoder minilm = new MiniLmEncoder();
        ModelSpec spec = new ModelSpec(Objective.SIGLIP, new EncoderSpec(EncoderSpec.RESNET1D, 8, 1, 384), 12, 100, 5,
                384, 256, (float) Math.log(10), -10f, TextTower.LOCKED);
        SiglipBlock block = (SiglipBlock) spec.buildBlock();
        try (Model model = Model.newInstance("locked", "PyTorch")) {
            model.setBlock(block);
            NDManager m = model.getNDManager();
            block.initialize(m, DataType.FLOAT32, spec.inputShapes(2));
            assertTrue(block.textEncoder().getParameters().isEmpty(), "nothing trainable on the text side");
            List<String> texts = List.of("inferior myocardial infarction", "complete left bundle branch block");
            float[] features = new float[2 * 384];
            for (int i = 0; i < 2; i++) {
                System.arraycopy(minilm.embed(texts.get(i)), 0, features, i * 384, 384);
            }
            NDArray y = block.embedTexts(new ParameterStore(m, false), m.create(features, new Shape(2, 384)), false);
            float[] got = y.toFloatArray();
            for (int i = 0; i < 2; i++) {
                float[] e = minilm.embed(texts.get(i));
                double norm = 0;
                for (float v : e) {
                    norm += (double) v * v;
                }
                norm = Math.sqrt(norm);
                for (int j = 0; j < 384; j++) {
                    assertEquals(e[j] / norm, got[i * 384 + j], 1e-6, texts.get(i) + "[" + j + "]");
                }
            }
        }
    }

    @Test
    void dOtherThan384IsATypedErrorBeforeAnythingIsWritten() {
        Path run = tmp.resolve("run");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> TestRuns.train(run,
                Map.of("epochs", 1, "text-encoder", "minilm", "text-tower", "locked", "embedding-dim", 16)));
        assertEquals("embedding-dim", e.location());
        assertTrue(e.getMessage().contains("--embedding-dim 384"), e.getMessage());
        assertFalse(Files.exists(run), "nothing written");
    }

    @Test
    void aLockedModelKeepsItsTowerAndScoresANewFindingText() throws Exception {
        Path run = TestRuns.train(tmp.resolve("locked"),
                Map.of("epochs", 1, "text-encoder", "minilm", "text-tower", "locked", "embedding-dim", 384));
        RunDirectory dir = new RunDirectory(run);
        ModelSpec spec = ModelFiles.readSpec(dir.model());
        assertEquals(TextTower.LOCKED, spec.textTower());
        assertEquals(384, spec.encoder().embeddingDim());
        Path record = org.ecgsiglip.io.TestData.sample().resolve("records100/00000/00001_lr");
        try (Predictor predictor = Predictor.load(run, "cpu")) {
            double[] scores = predictor.scoreTexts(org.ecgsiglip.io.RecordReader.read(record),
                    List.of("complete left bundle branch block"));
            assertTrue(scores[0] > 0 && scores[0] < 1, "a probability: " + scores[0]);
        }
    }
}
