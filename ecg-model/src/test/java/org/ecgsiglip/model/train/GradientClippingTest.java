package org.ecgsiglip.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.engine.Engine;
import ai.djl.util.PairList;
import org.junit.jupiter.api.Test;

class GradientClippingTest {
    @Test
    void scalesAllGradientsToTheGlobalNorm() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            Parameter a = Parameter.builder().setName("a").setType(Parameter.Type.WEIGHT).build();
            Parameter b = Parameter.builder().setName("b").setType(Parameter.Type.WEIGHT).build();
            a.setArray(m.create(new float[] {1f, 2f}));
            b.setArray(m.create(new float[] {3f}));
            a.getArray().setRequiresGradient(true);
            b.getArray().setRequiresGradient(true);
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                // d/da of (3a0 + 4a1) = (3, 4); d/db of 12b = 12 → global norm 13
                NDArray loss = a.getArray().mul(m.create(new float[] {3f, 4f})).sum()
                        .add(b.getArray().mul(12f).sum());
                gc.backward(loss);
            }
            PairList<String, Parameter> params = new PairList<>();
            params.add("a", a);
            params.add("b", b);
            NDArray norm = GradientClipping.clipGlobalNorm(params, 1f);
            assertEquals(13f, norm.getFloat(), 1e-5);
            float[] ga = a.getArray().getGradient().toFloatArray();
            float gb = b.getArray().getGradient().getFloat();
            assertEquals(1.0, Math.sqrt(ga[0] * ga[0] + ga[1] * ga[1] + gb * gb), 1e-5);
            assertEquals(3f / 13, ga[0], 1e-6);
            NDArray again = GradientClipping.clipGlobalNorm(params, 5f);
            assertEquals(1f, again.getFloat(), 1e-5);
            assertEquals(3f / 13, a.getArray().getGradient().toFloatArray()[0], 1e-6, "below the limit: unchanged");
            new NDList(norm, again).close();
        }
    }
}
