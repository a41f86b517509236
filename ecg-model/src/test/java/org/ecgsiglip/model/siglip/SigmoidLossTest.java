package org.ecgsiglip.model.siglip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.SplittableRandom;
import org.ecgsiglip.model.Tensors;
import org.junit.jupiter.api.Test;

class SigmoidLossTest {

    @Test
    void valueMatchesAHandComputation() {
        // l = [[2, -1], [0.5, -3]], y = [[1, 0], [1, 1]]:
        // row 0: -log σ(2) - log σ(1) ; row 1: -log σ(0.5) - log σ(-3); divided by n = 2
        double expected = (softplus(-2) + softplus(-1) + softplus(-0.5) + softplus(3)) / 2;
        float[][] l = {{2f, -1f}, {0.5f, -3f}};
        float[][] y = {{1f, 0f}, {1f, 1f}};
        assertEquals(expected, SigmoidLoss.reference(l, y), 1e-12);
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray logits = m.create(Tensors.flatten(l), new Shape(2, 2));
            NDArray targets = m.create(Tensors.flatten(y), new Shape(2, 2));
            assertEquals(expected, SigmoidLoss.of(logits, targets).getFloat(), 1e-6);
        }
    }

    @Test
    void stableForLargeLogits() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray logits = m.create(new float[] {80f, -80f}, new Shape(1, 2));
            NDArray targets = m.create(new float[] {0f, 1f}, new Shape(1, 2));
            assertEquals(160.0, SigmoidLoss.of(logits, targets).getFloat(), 1e-4);
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 4;
        int k = 5;
        float[][] l = new float[n][k];
        float[][] y = new float[n][k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                l[i][j] = (float) (rng.nextDouble() * 8 - 4);
                y[i][j] = j == i ? 1f : (float) rng.nextDouble(); // soft targets exercise the JACCARD path
            }
        }
        float[] grad;
        try (NDManager m = NDManager.newBaseManager("PyTorch");
             GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDArray logits = m.create(Tensors.flatten(l), new Shape(n, k)).toType(DataType.FLOAT32, false);
            logits.setRequiresGradient(true);
            NDArray loss = SigmoidLoss.of(logits, m.create(Tensors.flatten(y), new Shape(n, k)));
            gc.backward(loss);
            grad = logits.getGradient().toFloatArray();
        }
        double h = 1e-3;
        double[] numeric = new double[n * k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                float keep = l[i][j];
                l[i][j] = (float) (keep + h);
                double up = SigmoidLoss.reference(l, y);
                l[i][j] = (float) (keep - h);
                double down = SigmoidLoss.reference(l, y);
                l[i][j] = keep;
                numeric[i * k + j] = (up - down) / (2 * h);
            }
        }
        Tensors.assertAllClose(numeric, Tensors.toDouble(grad), 1e-3, 1e-5, "dL/dl");
        // and the closed form: (σ(l) − y) / n
        double[] closed = new double[n * k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                closed[i * k + j] = (1 / (1 + Math.exp(-l[i][j])) - y[i][j]) / n;
            }
        }
        Tensors.assertAllClose(closed, Tensors.toDouble(grad), 1e-5, 1e-7, "dL/dl closed form");
    }

    /**
     * {@code evaluate(labels, predictions)}, the path DJL's trainer takes, against PyTorch's
     * binary_cross_entropy_with_logits (sum / n, float64) for hard and soft targets, including logits past
     * softplus's linear threshold of 20; and its gradient against PyTorch's. Tolerance: float32 softplus and
     * sums of 12 terms against float64, rtol 1e-6 on the value, 1e-5 / atol 1e-7 on the gradient.
     */
    @Test
    void evaluateMatchesPyTorch() {
        for (JsonNode c : TorchReference.load().get("evaluate")) {
            float[] l = TorchReference.flat(c.get("logits"));
            float[] y = TorchReference.flat(c.get("targets"));
            Shape shape = new Shape(c.get("logits").size(), c.get("logits").get(0).size());
            try (NDManager m = NDManager.newBaseManager("PyTorch");
                 GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray logits = m.create(l, shape);
                logits.setRequiresGradient(true);
                NDArray loss = new SigmoidLoss().evaluate(new NDList(m.create(y, shape)), new NDList(logits));
                gc.backward(loss);
                String what = c.get("name").asText();
                assertEquals(c.get("loss").asDouble(), loss.getFloat(), 1e-6 * c.get("loss").asDouble(), what);
                Tensors.assertAllClose(TorchReference.flat(c.get("grad")), logits.getGradient().toFloatArray(), 1e-5,
                        1e-7, what + " dL/dl");
            }
        }
    }

    private static double softplus(double x) {
        return Math.log1p(Math.exp(x));
    }
}
