package org.ecgsiglip.model.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/** The 1-D building blocks shared by the signal encoders: conv + batch-norm, residual joins, concat pooling. */
final class Layers {
    private Layers() {
    }

    /** A bias-free 1-D convolution with "same" padding for odd kernels. */
    static Block conv(int filters, int kernel, int stride) {
        return Conv1d.builder()
                .setFilters(filters)
                .setKernelShape(new Shape(kernel))
                .optStride(new Shape(stride))
                .optPadding(new Shape((kernel - 1) / 2))
                .optBias(false)
                .build();
    }

    /** Batch normalisation over the channel axis of [N, C, L]. */
    static Block batchNorm() {
        return BatchNorm.builder().optAxis(1).build();
    }

    /** conv → BN, with a trailing ReLU when {@code relu}. */
    static SequentialBlock convBn(int filters, int kernel, int stride, boolean relu) {
        SequentialBlock b = new SequentialBlock().add(conv(filters, kernel, stride)).add(batchNorm());
        if (relu) {
            b.add(Activation.reluBlock());
        }
        return b;
    }

    /** {@code relu(main(x) + shortcut(x))}; a null shortcut is the identity. */
    static Block residual(Block main, Block shortcut) {
        return new ParallelBlock(
                list -> new NDList(Activation.relu(
                        list.get(0).singletonOrThrow().add(list.get(1).singletonOrThrow()))),
                List.of(main, shortcut == null ? Blocks.identityBlock() : shortcut));
    }

    /** Max-pooling along time. */
    static Block maxPool(int kernel, int stride, int padding) {
        return Pool.maxPool1dBlock(new Shape(kernel), new Shape(stride), new Shape(padding));
    }

    /**
     * Concat pooling (average and maximum over time, concatenated): [N, C, L] → [N, 2C], the head of
     * the PTB-XL benchmark's CNNs.
     */
    static Block concatPool() {
        return new ParallelBlock(
                list -> new NDList(NDArrays.concat(
                        new NDList(list.get(0).singletonOrThrow(), list.get(1).singletonOrThrow()), 1)),
                List.of(Pool.globalAvgPool1dBlock(), Pool.globalMaxPool1dBlock()));
    }

    static NDArray identity(NDArray x) {
        return x;
    }
}
