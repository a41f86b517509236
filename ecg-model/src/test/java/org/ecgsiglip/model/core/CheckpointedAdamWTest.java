package org.ecgsiglip.model.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.tracker.Tracker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.ecgsiglip.model.Tensors;
import org.junit.jupiter.api.Test;

class CheckpointedAdamWTest {
    private static final float LR = 0.1f;
    private static final float WD = 0.05f;

    @Test
    void matchesTheAdamWFormulaComputedInDouble() {
        float[] w0 = {0.5f, -1.5f, 2f, 0.25f};
        float[][] grads = {{0.1f, -0.2f, 0.3f, 0f}, {-0.4f, 0.1f, 0.2f, 1f}, {0.05f, 0.05f, -0.5f, -1f}};
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray w = m.create(w0, new Shape(2, 2)); // 2-D: weight decay applies
            w.setRequiresGradient(true);
            CheckpointedAdamW opt = CheckpointedAdamW.builder().setLearningRate(Tracker.fixed(LR))
                    .optWeightDecay(WD).build();
            for (float[] g : grads) {
                backward(w, m.create(g, new Shape(2, 2)));
                // like DJL's LocalParameterServer: the optimizer sees a copy of the gradient
                opt.update("w", w, w.getGradient().duplicate());
            }
            Tensors.assertAllClose(reference(w0, grads, true), Tensors.toDouble(w.toFloatArray()), 1e-5, 1e-6, "w");
            assertArrayEquals(new float[4], w.getGradient().toFloatArray(), "the weight's own gradient is zeroed");
        }
    }

    @Test
    void oneDimensionalParametersAreNotDecayed() {
        float[] w0 = {1f, -2f};
        float[][] grads = {{0.3f, 0.3f}, {0.1f, -0.1f}};
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray w = m.create(w0);
            w.setRequiresGradient(true);
            CheckpointedAdamW opt = CheckpointedAdamW.builder().setLearningRate(Tracker.fixed(LR))
                    .optWeightDecay(WD).build();
            for (float[] g : grads) {
                backward(w, m.create(g));
                opt.update("b", w, w.getGradient());
            }
            Tensors.assertAllClose(reference(w0, grads, false), Tensors.toDouble(w.toFloatArray()), 1e-5, 1e-6, "b");
        }
    }

    @Test
    void savedStateContinuesExactly() throws IOException {
        float[] w0 = {0.3f, -0.7f, 1.1f, 0.2f};
        float[][] grads = {{0.1f, -0.2f, 0.3f, 0.4f}, {-0.4f, 0.1f, 0.2f, 1f}, {0.05f, 0.5f, -0.5f, -1f}};
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray straight = run(m, w0, grads, 0, 3, null);
            ByteArrayOutputStream state = new ByteArrayOutputStream();
            NDArray first = run(m, w0, grads, 0, 2, state);
            NDArray resumed = run(m, first.toFloatArray(), grads, 2, 3, null, state.toByteArray());
            assertArrayEquals(straight.toFloatArray(), resumed.toFloatArray());
        }
    }

    private static NDArray run(NDManager m, float[] w0, float[][] grads, int from, int to, ByteArrayOutputStream save,
                               byte[]... load) throws IOException {
        NDArray w = m.create(w0, new Shape(2, 2));
        w.setRequiresGradient(true);
        CheckpointedAdamW opt = CheckpointedAdamW.builder().setLearningRate(Tracker.fixed(LR)).optWeightDecay(WD).build();
        if (load.length > 0) {
            opt.load(new DataInputStream(new ByteArrayInputStream(load[0])), m);
            assertEquals(from, opt.steps());
        }
        for (int s = from; s < to; s++) {
            backward(w, m.create(grads[s], new Shape(2, 2)));
            opt.update("w", w, w.getGradient());
        }
        if (save != null) {
            opt.save(new DataOutputStream(save));
        }
        return w;
    }

    /** Makes the engine's gradient of {@code w} equal {@code g}: d/dw sum(w * g) = g. */
    private static void backward(NDArray w, NDArray g) {
        try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
            gc.backward(w.mul(g).sum());
        }
    }

    /** torch.optim.AdamW's algorithm, in double precision. */
    static double[] reference(float[] w0, float[][] grads, boolean decay) {
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        double[] w = Tensors.toDouble(w0);
        double[] mean = new double[w.length];
        double[] var = new double[w.length];
        for (int t = 1; t <= grads.length; t++) {
            for (int i = 0; i < w.length; i++) {
                double g = grads[t - 1][i];
                if (decay) {
                    w[i] -= LR * WD * w[i];
                }
                mean[i] = b1 * mean[i] + (1 - b1) * g;
                var[i] = b2 * var[i] + (1 - b2) * g * g;
                double denom = Math.sqrt(var[i]) / Math.sqrt(1 - Math.pow(b2, t)) + eps;
                w[i] -= LR / (1 - Math.pow(b1, t)) * mean[i] / denom;
            }
        }
        return w;
    }
}
