package org.ecgsiglip.model.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import java.util.List;

/**
 * The PTB-XL benchmark's inception1d: blocks of a 1×1 bottleneck followed by three parallel
 * convolutions (kernels 39, 19, 9) beside a max-pool + 1×1 branch, concatenated to
 * 4 × {@code filters} channels, batch-normalised and rectified; a projected residual joins every
 * third block.
 */
final class Inception1d {
    private static final int[] KERNELS = {39, 19, 9};

    private Inception1d() {
    }

    /** @param width output channels of each block (4 branches of width/4) */
    static SequentialBlock build(int width, int depth) {
        int filters = Math.max(1, width / 4);
        SequentialBlock net = new SequentialBlock();
        SequentialBlock group = new SequentialBlock();
        for (int d = 0; d < depth; d++) {
            group.add(block(filters));
            if (d % 3 == 2 || d == depth - 1) {
                net.add(Layers.residual(group, Layers.convBn(4 * filters, 1, 1, false)));
                group = new SequentialBlock();
            }
        }
        return net;
    }

    private static Block block(int filters) {
        SequentialBlock convs = new SequentialBlock().add(Layers.conv(filters, 1, 1));
        ParallelBlock branches = new ParallelBlock(Inception1d::concat);
        for (int k : KERNELS) {
            branches.add(Layers.conv(filters, k, 1));
        }
        // the max-pool branch reads the block's input, not the bottleneck: a parallel split at the top
        ParallelBlock split = new ParallelBlock(Inception1d::concat, List.of(
                convs.add(branches),
                new SequentialBlock().add(Layers.maxPool(3, 1, 1)).add(Layers.conv(filters, 1, 1))));
        return new SequentialBlock().add(split).add(Layers.batchNorm()).add(Activation.reluBlock());
    }

    private static NDList concat(List<NDList> parts) {
        NDList arrays = new NDList();
        for (NDList p : parts) {
            for (NDArray a : p) {
                arrays.add(a);
            }
        }
        return new NDList(NDArrays.concat(arrays, 1));
    }
}
