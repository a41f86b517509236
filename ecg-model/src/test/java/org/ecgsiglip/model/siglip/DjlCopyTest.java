package org.ecgsiglip.model.siglip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/**
 * What DJL 0.36's PyTorch engine does with autograd when an array is copied, the reason why
 * {@link ShardedSigmoidLoss} sends gradients back itself instead of relying on {@code toDevice}.
 *
 * <p>{@code toDevice} and {@code toType} both call the native {@code torchTo}, which runs PyTorch's
 * {@code Tensor.to} under a no-grad guard; {@code duplicate} calls {@code clone} under the same guard.
 * So a real copy leaves the graph, and the copy of an array onto the same device ({@code copy = true})
 * is no copy at all: PyTorch's {@code to} returns the tensor itself, which keeps the graph only because
 * it is the same storage. A GPU-to-GPU copy goes through the same native call, hence leaves the graph
 * (inferred from the engine's source, not run here: the build machine has no GPU).
 */
class DjlCopyTest {

    @Test
    void toDeviceOnTheSameDeviceIsAnAliasThatKeepsTheGraph() {
        try (NDManager a = NDManager.newBaseManager(Device.cpu()); NDManager b = NDManager.newBaseManager(Device.cpu());
             GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDArray x = a.create(new float[] {1, 2, 3});
            x.setRequiresGradient(true);
            NDArray copy = x.toDevice(Device.cpu(), true);
            assertNotSame(x, copy);
            assertSame(a, copy.getManager(), "the copy joins the source's manager, not the receiver's");
            copy.attach(b);
            gc.backward(copy.mul(copy).sum());
            assertArrayEquals(new float[] {2, 4, 6}, x.getGradient().toFloatArray(), 0f, "d(Σ c²)/dx = 2x");
            copy.stopGradient().addi(10f);
            assertArrayEquals(new float[] {11, 12, 13}, x.toFloatArray(), 0f, "writing to the 'copy' writes to x");
        }
    }

    @Test
    void aRealCopyLeavesTheGraph() {
        try (NDManager a = NDManager.newBaseManager(Device.cpu());
             GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDArray x = a.create(new float[] {1, 2, 3});
            x.setRequiresGradient(true);
            NDArray converted = x.toType(DataType.FLOAT64, false).toType(DataType.FLOAT32, false);
            EngineException e = assertThrows(EngineException.class, () -> gc.backward(converted.sum()));
            assertTrue(e.getMessage().contains("does not require grad"), e.getMessage());
            NDArray cloned = x.duplicate();
            assertThrows(EngineException.class, () -> gc.backward(cloned.sum()));
        }
    }
}
