package org.ecgsiglip.model.siglip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Activation;

/**
 * The value of {@link SigmoidLoss} for a block of rows against all columns and its gradients, computed
 * column chunk by column chunk outside autograd, so that no n × m array and no graph outlives a chunk.
 *
 * <p>Rows x [n, d] (a device's shard of the batch, global rows {@code rowStart ..}), columns y [m, d],
 * t = exp(t'), bias b, targets y_ij from {@link LabelMatrix#block}. For the chunk of columns C:
 * <pre>
 *   p_ij = ⟨x_i, y_j⟩,  l_ij = t p_ij + b,  ℓ_ij = softplus(l_ij) − y_ij l_ij
 *   L    = (1/N) Σ_i Σ_j ℓ_ij                                   (N: the rows of the whole batch)
 *   G_ij = ∂L/∂l_ij = (σ(l_ij) − y_ij) / N
 *   ∂L/∂x_i = t Σ_j G_ij y_j,   ∂L/∂y_j = t Σ_i G_ij x_i,   ∂L/∂t' = t Σ_ij G_ij p_ij,   ∂L/∂b = Σ_ij G_ij
 * </pre>
 * The same G serves hard and soft targets: for y ∈ {0, 1}, z = 2y − 1, ∂(−log σ(z l))/∂l = −z σ(−z l)
 * = σ(l) − y; for y ∈ [0, 1], ∂(softplus(l) − y l)/∂l = σ(l) − y. ∂L/∂x and the scalars are summed over
 * chunks; ∂L/∂y is exact per chunk (a column sees all of the block's rows at once) and the chunks are
 * stacked. Peak memory: about 12 n × chunk arrays (products, logits, targets and their intermediates, σ,
 * G; measured by LossBench --embed-sizes), freed with the chunk's sub-manager, plus the n × d and m × d
 * gradients.
 */
final class PairGradients {
    private PairGradients() {
    }

    /** Sums over the block: loss, Σ y_ij, and the gradients above; all attached to the caller's manager. */
    record Part(NDArray loss, NDArray targetSum, NDArray gradRows, NDArray gradColumns, NDArray gradScale,
                NDArray gradBias) {
    }

    /**
     * Loss and gradients of rows {@code x} against columns {@code y}, all arrays detached and on one device.
     *
     * @param out the manager the results join
     * @param x rows [n, d]
     * @param y columns [m, d]
     * @param t exp(t') [1]
     * @param b the bias [1]
     * @param rowHot multi-hot finding sets of the rows [n, K]
     * @param colHot multi-hot finding sets of the columns [m, K]
     * @param keep [K], 1 for findings that count in the collision test
     * @param rowStart the block's first row in the whole batch (where the paired diagonal falls)
     * @param chunk columns per chunk (≥ 1)
     * @param normaliser N, the rows of the whole batch
     */
    static Part compute(NDManager out, NDArray x, NDArray y, NDArray t, NDArray b, NDArray rowHot, NDArray colHot,
                        NDArray keep, LabelMatrix matrix, boolean paired, long rowStart, int chunk, long normaliser) {
        long m = y.getShape().get(0);
        NDArray loss = out.zeros(t.getShape(), t.getDataType(), t.getDevice());
        NDArray targetSum = out.zeros(t.getShape(), t.getDataType(), t.getDevice());
        NDArray gradScale = out.zeros(t.getShape(), t.getDataType(), t.getDevice());
        NDArray gradBias = out.zeros(t.getShape(), t.getDataType(), t.getDevice());
        NDArray gradRows = out.zeros(x.getShape(), x.getDataType(), x.getDevice());
        NDList gradColumns = new NDList();
        float inverseN = 1f / normaliser;
        for (long c0 = 0; c0 < m; c0 += chunk) {
            long c1 = Math.min(m, c0 + chunk);
            try (NDManager scope = out.newSubManager()) {
                // ops land in their first operand's manager: lend the long-lived operands to the chunk
                scope.tempAttachAll(x, t, b, rowHot, keep);
                NDArray yc = y.get(new NDIndex("{}:{}", c0, c1));
                NDArray hc = colHot.get(new NDIndex("{}:{}", c0, c1));
                scope.attachAll(yc, hc);
                NDArray p = x.matMul(yc.transpose());
                NDArray l = p.mul(t).add(b);
                NDArray target = matrix.block(rowHot, hc, keep, paired, rowStart, c0);
                loss.addi(Activation.softPlus(l).sub(target.mul(l)).sum().mul(inverseN));
                targetSum.addi(target.sum());
                NDArray g = Activation.sigmoid(l).sub(target).mul(inverseN);
                gradRows.addi(g.matMul(yc).mul(t));
                gradScale.addi(g.mul(p).sum().mul(t));
                gradBias.addi(g.sum());
                NDArray gy = g.transpose().matMul(x).mul(t);
                gy.attach(out);
                gradColumns.add(gy);
            }
        }
        NDArray stacked = gradColumns.size() == 1 ? gradColumns.get(0) : NDArrays.concat(gradColumns, 0);
        stacked.attach(out);
        return new Part(loss, targetSum, gradRows, stacked, gradScale, gradBias);
    }
}
