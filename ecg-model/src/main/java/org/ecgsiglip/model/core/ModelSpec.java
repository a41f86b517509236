package org.ecgsiglip.model.core;

import ai.djl.nn.Block;
import ai.djl.ndarray.types.Shape;
import org.ecgsiglip.model.encoder.EncoderSpec;
import org.ecgsiglip.model.encoder.SignalEncoders;
import org.ecgsiglip.model.siglip.BaselineBlock;
import org.ecgsiglip.model.siglip.SiglipBlock;
import org.ecgsiglip.model.text.TextEncoders;
import org.ecgsiglip.model.text.TextTower;

/**
 * Everything needed to rebuild a model's block before loading its parameters.
 *
 * @param objective SigLIP two-tower model or the BCE baseline
 * @param encoder the signal encoder
 * @param leads input leads (12)
 * @param length input samples per lead
 * @param findings K, the vocabulary size (the baseline's head width)
 * @param textDim tokenizer feature dimension (SigLIP only)
 * @param textHidden width of the text encoder's embedding and MLP
 * @param logitScaleInit initial t' (log 10)
 * @param logitBiasInit initial b
 * @param textTower the text tower above the features; null (a model.json written before the option) is
 *                  {@link TextTower#MLP}
 */
public record ModelSpec(Objective objective, EncoderSpec encoder, int leads, int length, int findings,
                        int textDim, int textHidden, float logitScaleInit, float logitBiasInit, TextTower textTower) {

    public ModelSpec {
        textTower = textTower == null ? TextTower.MLP : textTower;
        if (objective == Objective.SIGLIP && textTower == TextTower.LOCKED && textDim != encoder.embeddingDim()) {
            throw new IllegalArgumentException("a locked text tower needs d = the text features' dimension "
                    + textDim + ", not " + encoder.embeddingDim());
        }
    }

    public Block buildBlock() {
        Block signal = SignalEncoders.build(encoder);
        if (objective == Objective.BCE) {
            return new BaselineBlock(signal, findings);
        }
        return new SiglipBlock(signal, TextEncoders.build(textTower, textHidden, encoder.embeddingDim()),
                logitScaleInit, logitBiasInit);
    }

    /** Input shapes for {@code Block.initialize}, with batch size 1 and {@code textColumns} text rows. */
    public Shape[] inputShapes(int textColumns) {
        Shape signals = new Shape(1, leads, length);
        return objective == Objective.BCE ? new Shape[] {signals}
                : new Shape[] {signals, new Shape(textColumns, textDim)};
    }
}
