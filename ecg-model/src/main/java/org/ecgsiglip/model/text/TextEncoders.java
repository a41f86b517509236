package org.ecgsiglip.model.text;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;

/**
 * The findings-text encoder: [m, {@link TextFeatures} dimension] → [m, d].
 *
 * <p>A bias-free linear layer on the {@link TextTokenizer} bag is the mean of learned word and
 * n-gram embeddings (width {@code hidden}); a two-layer MLP (hidden → ReLU → d) follows. This is the
 * design's reference text encoder; it is order-invariant by construction.
 *
 * <p>On a frozen sentence encoder's 384-d embedding ({@link SentenceFeatures}) the same tower is the
 * trainable projection into the joint space: the first layer is then a learned linear map of the
 * embedding (with the next one, a single linear map of rank at most {@code hidden}) and the MLP adds the
 * one non-linearity. Keeping one tower for both inputs keeps the model's description and checkpoints as
 * they are and makes an ngram/minilm comparison one of inputs only, at the same trainable width.
 */
public final class TextEncoders {
    private TextEncoders() {
    }

    /** The text tower of {@code tower}: {@link #pooledMlp} or, for {@link TextTower#LOCKED}, the identity. */
    public static Block build(TextTower tower, int hidden, int embeddingDim) {
        return tower == TextTower.LOCKED ? Blocks.identityBlock() : pooledMlp(hidden, embeddingDim);
    }

    public static Block pooledMlp(int hidden, int embeddingDim) {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).optBias(false).build())
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(embeddingDim).build());
    }
}
