package org.ecgsiglip.model.siglip;

import ai.djl.ndarray.NDArray;
import java.util.Objects;

/**
 * One device's part of a training batch for {@link ShardedSigmoidLoss}: what that device embedded
 * (in its autograd graph), the finding sets of its rows and columns, and its copy of t' and b.
 *
 * <p>All arrays on one device. The arrays that the loss makes for this shard join the manager of
 * {@code signals}, so they are freed with it (a training step's scope).
 *
 * @param signals normalised signal embeddings x [n_k, d] of this device's samples (its rows)
 * @param texts normalised text embeddings [m_k, d]: with paired texts ({@link TextStrategy#REPORT},
 *     {@link TextStrategy#SINGLE_FINDING}) this device's samples' texts, m_k = n_k, in the same order as the
 *     rows; with {@link TextStrategy#ALL_FINDINGS} the K vocabulary texts embedded on this device (the same
 *     texts on every device)
 * @param rowHot multi-hot finding sets of the rows [n_k, K]
 * @param colHot multi-hot finding sets the texts stand for [m_k, K]
 * @param logitScale t' [1], this device's copy of the parameter (t = exp(t'))
 * @param logitBias b [1], this device's copy of the parameter
 */
public record LossShard(NDArray signals, NDArray texts, NDArray rowHot, NDArray colHot, NDArray logitScale,
                        NDArray logitBias) {

    public LossShard {
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(texts, "texts");
        Objects.requireNonNull(rowHot, "rowHot");
        Objects.requireNonNull(colHot, "colHot");
        Objects.requireNonNull(logitScale, "logitScale");
        Objects.requireNonNull(logitBias, "logitBias");
        require(signals.getShape().dimension() == 2 && texts.getShape().dimension() == 2
                && signals.getShape().get(1) == texts.getShape().get(1), "signals [n, d] and texts [m, d] with the same d",
                signals, texts);
        require(rowHot.getShape().dimension() == 2 && rowHot.getShape().get(0) == signals.getShape().get(0),
                "one finding set per row", rowHot, signals);
        require(colHot.getShape().dimension() == 2 && colHot.getShape().get(0) == texts.getShape().get(0)
                && colHot.getShape().get(1) == rowHot.getShape().get(1), "one finding set per text over the same K",
                colHot, texts);
        require(logitScale.size() == 1 && logitBias.size() == 1, "t' and b of one element each", logitScale, logitBias);
    }

    /** A shard from {@link SiglipBlock#embed}'s output and the batch slice's finding sets. */
    public static LossShard of(SiglipBlock.Embeddings e, NDArray rowHot, NDArray colHot) {
        return new LossShard(e.signals(), e.texts(), rowHot, colHot, e.logitScale(), e.logitBias());
    }

    /** Rows n_k. */
    public long rows() {
        return signals.getShape().get(0);
    }

    /** Columns m_k. */
    public long columns() {
        return texts.getShape().get(0);
    }

    private static void require(boolean ok, String what, NDArray a, NDArray b) {
        if (!ok) {
            throw new IllegalArgumentException("a loss shard needs " + what + ", got " + a.getShape() + " and "
                    + b.getShape());
        }
    }
}
