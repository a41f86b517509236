package org.ecgsiglip.model.text;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;

/**
 * The findings-text encoder: [m, tokenizer dimension] bag features → [m, d].
 *
 * <p>A bias-free linear layer on the {@link TextTokenizer} bag is the mean of learned word and
 * n-gram embeddings (width {@code hidden}); a two-layer MLP (hidden → ReLU → d) follows. This is the
 * design's reference text encoder; it is order-invariant by construction.
 */
public final class TextEncoders {
    private TextEncoders() {
    }

    public static Block pooledMlp(int hidden, int embeddingDim) {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).optBias(false).build())
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(embeddingDim).build());
    }
}
