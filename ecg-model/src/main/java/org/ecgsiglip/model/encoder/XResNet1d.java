package org.ecgsiglip.model.encoder;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;

/**
 * fastai's XResNet in one dimension, as the PTB-XL benchmark uses it: a three-convolution stem
 * (32, 32, 64 channels, kernel 5, the first with stride 2) and max-pooling, then four stages of
 * residual blocks (basic blocks for depth 18/34, bottlenecks with expansion 4 for 50/101) whose
 * shortcut average-pools before its 1×1 projection (ResNet-D).
 */
final class XResNet1d {
    private static final int KERNEL = 5;

    private XResNet1d() {
    }

    static SequentialBlock build(int depth, int width) {
        int[] layers = switch (depth) {
            case 18 -> new int[] {2, 2, 2, 2};
            case 34, 50 -> new int[] {3, 4, 6, 3};
            case 101 -> new int[] {3, 4, 23, 3};
            default -> throw new IllegalArgumentException("xresnet1d depth " + depth);
        };
        int expansion = depth >= 50 ? 4 : 1;
        double scale = width / 64.0;
        SequentialBlock net = new SequentialBlock()
                .add(Layers.convBn(scaled(32, scale), KERNEL, 2, true))
                .add(Layers.convBn(scaled(32, scale), KERNEL, 1, true))
                .add(Layers.convBn(scaled(64, scale), KERNEL, 1, true))
                .add(Layers.maxPool(3, 2, 1));
        int in = scaled(64, scale);
        int[] stageWidths = {64, 128, 256, 512};
        for (int s = 0; s < 4; s++) {
            int nf = scaled(stageWidths[s], scale);
            for (int i = 0; i < layers[s]; i++) {
                int stride = (i == 0 && s > 0) ? 2 : 1;
                net.add(block(expansion, in, nf, stride));
                in = nf * expansion;
            }
        }
        return net;
    }

    private static int scaled(int channels, double scale) {
        return Math.max(4, (int) Math.round(channels * scale));
    }

    private static Block block(int expansion, int in, int nf, int stride) {
        int out = nf * expansion;
        SequentialBlock main = new SequentialBlock();
        if (expansion == 1) {
            main.add(Layers.convBn(nf, KERNEL, stride, true)).add(Layers.convBn(nf, KERNEL, 1, false));
        } else {
            main.add(Layers.convBn(nf, 1, 1, true))
                    .add(Layers.convBn(nf, KERNEL, stride, true))
                    .add(Layers.convBn(out, 1, 1, false));
        }
        SequentialBlock shortcut = null;
        if (stride != 1 || in != out) {
            shortcut = new SequentialBlock();
            if (stride != 1) {
                shortcut.add(Pool.avgPool1dBlock(new Shape(2), new Shape(2), new Shape(0), true, true));
            }
            if (in != out) {
                shortcut.add(Layers.convBn(out, 1, 1, false));
            }
        }
        return Layers.residual(main, shortcut);
    }
}
