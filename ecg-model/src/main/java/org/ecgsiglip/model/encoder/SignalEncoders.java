package org.ecgsiglip.model.encoder;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.ndarray.types.Shape;

/**
 * Builds the 1-D CNN signal encoders: [N, leads, L] → [N, d] (not yet normalised).
 *
 * <p>Every encoder ends in concat pooling and a head to d: a linear projection, or the benchmark's
 * BN–dropout–linear–ReLU–BN–dropout–linear ({@link Head#MLP}). The architectures follow
 * the PTB-XL benchmark's model families (Strodthoff et al., 2021); see {@link EncoderSpec} for the
 * sizes each name stands for.
 */
public final class SignalEncoders {
    private SignalEncoders() {
    }

    /** Builds an uninitialised block for {@code spec}. */
    public static Block build(EncoderSpec spec) {
        SequentialBlock body = switch (spec.name()) {
            case EncoderSpec.RESNET1D -> resnet1d(spec.width(), spec.depth());
            case EncoderSpec.RESNET1D_WANG -> resnet1dWang(spec.width(), spec.depth());
            case EncoderSpec.XRESNET1D -> XResNet1d.build(spec.depth(), spec.width());
            case EncoderSpec.INCEPTION1D -> Inception1d.build(spec.width(), spec.depth());
            default -> throw new IllegalStateException("EncoderSpec accepted an unknown name " + spec.name());
        };
        body.add(Layers.concatPool());
        if (spec.head() == Head.MLP) {
            body.add(Layers.batchNorm())
                    .add(Dropout.builder().optRate((float) (spec.headDropout() / 2)).build())
                    .add(Linear.builder().setUnits(spec.headHidden()).build())
                    .add(Activation.reluBlock())
                    .add(Layers.batchNorm())
                    .add(Dropout.builder().optRate((float) spec.headDropout()).build());
        }
        return body.add(Linear.builder().setUnits(spec.embeddingDim()).build());
    }

    /** Stem conv k7 stride 2 + max-pool 3/2, then {@code blocks} basic blocks of {@code width} channels (kernels 5, 3). */
    static SequentialBlock resnet1d(int width, int blocks) {
        SequentialBlock net = new SequentialBlock()
                .add(Layers.convBn(width, 7, 2, true))
                .add(Pool.maxPool1dBlock(new Shape(3), new Shape(2), new Shape(1)));
        for (int i = 0; i < blocks; i++) {
            net.add(basicBlock(width, width, 1));
        }
        return net;
    }

    /** The benchmark's resnet1d_wang: stem conv k7 stride 1 without pooling, basic blocks with kernels 5 and 3. */
    static SequentialBlock resnet1dWang(int width, int blocks) {
        SequentialBlock net = new SequentialBlock().add(Layers.convBn(width, 7, 1, true));
        for (int i = 0; i < blocks; i++) {
            net.add(basicBlock(width, width, 1));
        }
        return net;
    }

    /** conv(k5, stride) → BN → ReLU → conv(k3) → BN, plus a (projected when needed) shortcut, then ReLU. */
    static Block basicBlock(int inChannels, int outChannels, int stride) {
        SequentialBlock main = new SequentialBlock()
                .add(Layers.convBn(outChannels, 5, stride, true))
                .add(Layers.convBn(outChannels, 3, 1, false));
        Block shortcut = (inChannels == outChannels && stride == 1) ? null
                : Layers.convBn(outChannels, 1, stride, false);
        return Layers.residual(main, shortcut);
    }

    static Block relu() {
        return Activation.reluBlock();
    }
}
