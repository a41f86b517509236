package org.ecgsiglip.model.train;

import org.ecgsiglip.model.core.ModelSession;
import org.ecgsiglip.model.core.ModelSpec;
import org.ecgsiglip.model.core.Objective;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.ecgsiglip.model.encoder.EncoderSpec;
import org.ecgsiglip.model.siglip.LabelMatrix;
import org.ecgsiglip.model.text.TextTower;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A training step leaves nothing behind: no array survives a step, in any manager. */
class TrainingStepTest {

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"SIGLIP, 0", "SIGLIP, 3", "BCE, 0"})
    void stepsDoNotLeakArrays(Objective objective, int lossChunk) {
        int n = 8;
        int k = 4;
        int dim = 40;
        ModelSpec spec = new ModelSpec(objective, new EncoderSpec(EncoderSpec.RESNET1D, 8, 1, 16), 12, 100, k, dim, 16,
                (float) Math.log(10), -1f, TextTower.MLP);
        try (ModelSession s = ModelSession.forTraining(spec, Device.cpu(), 3, new WarmupCosine(1e-3f, 1e-5f, 2, 100),
                0.01f, n, null, null)) {
            float[] keep = new float[k];
            Arrays.fill(keep, 1f);
            TrainingStep step = new TrainingStep(s.trainer(), objective, LabelMatrix.SHARED_FINDING,
                    org.ecgsiglip.model.siglip.TextStrategy.REPORT, keep, 1f, new Device[] {Device.cpu()}, lossChunk);
            HostBatch batch = batch(n, k, dim);
            NDManager parameters = s.block().getParameters().get(0).getValue().getArray().getManager();
            step.run(batch); // creates the optimizer's moment estimates
            int afterFirst = count(parameters);
            for (int i = 0; i < 10; i++) {
                TrainingStep.Result r = step.run(batch);
                assertTrue(Float.isFinite(r.loss()) && r.gradNorm() > 0, "step " + i);
            }
            assertEquals(afterFirst, count(parameters), "arrays in the parameters' manager");
            assertEquals(0, count(s.trainer().getManager()), "arrays in the trainer's manager");
        }
    }

    @org.junit.jupiter.api.Test
    void aChunkedLossTrainsLikeTheWholeMatrix() throws java.io.IOException {
        float[][] losses = new float[2][];
        byte[][] params = new byte[2][];
        int[] chunks = {0, 3};
        for (int c = 0; c < 2; c++) {
            int n = 8;
            int k = 4;
            int dim = 40;
            ModelSpec spec = new ModelSpec(Objective.SIGLIP, new EncoderSpec(EncoderSpec.RESNET1D, 8, 1, 16), 12, 100,
                    k, dim, 16, (float) Math.log(10), -1f, TextTower.MLP);
            try (ModelSession s = ModelSession.forTraining(spec, Device.cpu(), 3, new WarmupCosine(1e-3f, 1e-5f, 2,
                    100), 0.01f, n, null, null)) {
                float[] keep = new float[k];
                Arrays.fill(keep, 1f);
                TrainingStep step = new TrainingStep(s.trainer(), Objective.SIGLIP, LabelMatrix.SHARED_FINDING,
                        org.ecgsiglip.model.siglip.TextStrategy.REPORT, keep, 0f, new Device[] {Device.cpu()},
                        chunks[c]);
                losses[c] = new float[3];
                for (int i = 0; i < 3; i++) {
                    losses[c][i] = step.run(batch(n, k, dim)).loss();
                }
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                s.block().saveParameters(new java.io.DataOutputStream(out));
                params[c] = out.toByteArray();
            }
        }
        // the same sums in another order: equal to float32 rounding over three updates
        for (int i = 0; i < 3; i++) {
            assertEquals(losses[0][i], losses[1][i], 1e-4 * Math.abs(losses[0][i]), "loss at step " + i);
        }
        assertEquals(params[0].length, params[1].length);
    }

    private static int count(NDManager m) {
        return ((BaseNDManager) m).getManagedArrays().size();
    }

    private static HostBatch batch(int n, int k, int dim) {
        SplittableRandom rng = new SplittableRandom(5);
        float[] signals = new float[n * 12 * 100];
        for (int i = 0; i < signals.length; i++) {
            signals[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        float[] hot = new float[n * k];
        float[] texts = new float[n * dim];
        for (int i = 0; i < n; i++) {
            hot[i * k + i % k] = 1f;
            texts[i * dim + i % dim] = 1f;
        }
        return new HostBatch(n, 12, 100, signals, k, hot, n, dim, texts, hot.clone());
    }
}
