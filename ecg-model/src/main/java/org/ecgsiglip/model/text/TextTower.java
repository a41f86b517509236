package org.ecgsiglip.model.text;

/**
 * What sits between the text features and the joint space (option {@code text-tower}):
 * <ul>
 *   <li>{@link #MLP}: the trainable tower of {@link TextEncoders#pooledMlp} (the default, and the only choice
 *       for n-gram features).</li>
 *   <li>{@link #LOCKED}: nothing trainable. A frozen sentence encoder's embedding, L2-normalised, is the text
 *       embedding, so the joint space is that encoder's own (d = its dimension, 384 for MiniLM) and only the
 *       signal encoder learns to point into it, as in locked-tower contrastive tuning (Zhai et al., LiT,
 *       CVPR 2022). A text never seen in training then lands where the pretrained encoder puts it among the
 *       trained texts, instead of where a projection fitted to a handful of texts happens to send it.</li>
 * </ul>
 */
public enum TextTower {
    MLP,
    LOCKED
}
