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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A training step leaves nothing behind: no array survives a step, in any manager. */
class TrainingStepTest {

    @ParameterizedTest
    @EnumSource(Objective.class)
    void stepsDoNotLeakArrays(Objective objective) {
        int n = 8;
        int k = 4;
        int dim = 40;
        ModelSpec spec = new ModelSpec(objective, new EncoderSpec(EncoderSpec.RESNET1D, 8, 1, 16), 12, 100, k, dim, 16,
                (float) Math.log(10), -1f);
        try (ModelSession s = ModelSession.forTraining(spec, Device.cpu(), 3, new WarmupCosine(1e-3f, 1e-5f, 2, 100),
                0.01f, n, null, null)) {
            float[] keep = new float[k];
            Arrays.fill(keep, 1f);
            TrainingStep step = new TrainingStep(s.trainer(), objective, LabelMatrix.SHARED_FINDING, true, keep, 1f);
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
