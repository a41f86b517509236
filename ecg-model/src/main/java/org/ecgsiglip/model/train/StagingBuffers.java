package org.ecgsiglip.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Native-order direct buffers that carry a step's inputs from the Java heap to the engine, kept and
 * reused from step to step. Without them DJL allocates a fresh direct buffer per input and step
 * (6 MB of signals at batch 128), which only the garbage collector frees, so native memory would
 * follow the collector's timing instead of staying flat.
 *
 * <p>On the CPU the engine wraps the buffer without copying, so an array made here must be closed
 * before the same slot is filled again — the step's scope does that. Not thread-safe: one per step runner.
 */
final class StagingBuffers {
    private final ByteBuffer[] slots;

    StagingBuffers(int slots) {
        this.slots = new ByteBuffer[slots];
    }

    /** An array of {@code shape} holding {@code values}, staged through slot {@code slot}, owned by {@code manager}. */
    NDArray create(NDManager manager, int slot, float[] values, Shape shape) {
        int bytes = values.length * Float.BYTES;
        ByteBuffer b = slots[slot];
        if (b == null || b.capacity() < bytes) {
            b = ByteBuffer.allocateDirect(Math.max(bytes, 64)).order(ByteOrder.nativeOrder());
            slots[slot] = b;
        }
        b.clear();
        b.asFloatBuffer().put(values);
        b.limit(bytes);
        return manager.create(b, shape, DataType.FLOAT32);
    }
}
