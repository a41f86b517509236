package org.ecgsiglip.model.siglip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.loss.Loss;

/**
 * The pairwise sigmoid loss of SigLIP, with hard or soft targets.
 *
 * <p>For logits l [n, m] and targets y in [0, 1] (z = 2y − 1 for hard targets):
 * <pre>
 *   L = (1/n) Σ_i Σ_j [ −y_ij log σ(l_ij) − (1 − y_ij) log σ(−l_ij) ]
 *     = (1/n) Σ_i Σ_j [ softplus(l_ij) − y_ij l_ij ]
 * </pre>
 * which for y in {0, 1} equals −(1/n) Σ_i Σ_j log σ(z_ij l_ij). Normalisation: summed over the
 * columns j, averaged over the rows i (the batch), as in the SigLIP paper. softplus is the engine's
 * (PyTorch's, which is stable for any l: it returns l itself above 20). The supervised baseline uses the same function on
 * [n, K] logits against multi-hot labels (binary cross-entropy summed over findings, averaged over records).
 *
 * <p>Labels: {@code NDList(y)}; predictions: {@code NDList(l)}. There are no per-pair weights (w_ij = 1).
 * The same loss over a batch embedded on several devices, or in column chunks without the n × m logits:
 * {@link ShardedSigmoidLoss}.
 */
public final class SigmoidLoss extends Loss {

    public SigmoidLoss() {
        super("sigmoid_pair_loss");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        return of(predictions.get(0), labels.get(0));
    }

    /** The loss value as a scalar NDArray (differentiable in {@code logits}). */
    public static NDArray of(NDArray logits, NDArray targets) {
        NDArray softplus = Activation.softPlus(logits);
        NDArray perPair = softplus.sub(targets.mul(logits));
        long n = logits.getShape().get(0);
        return perPair.sum().div(n);
    }

    /** Reference value in double precision, for tests and checks. */
    public static double reference(float[][] logits, float[][] targets) {
        double total = 0;
        for (int i = 0; i < logits.length; i++) {
            for (int j = 0; j < logits[i].length; j++) {
                double l = logits[i][j];
                double y = targets[i][j];
                total += -y * logSigmoid(l) - (1 - y) * logSigmoid(-l);
            }
        }
        return total / logits.length;
    }

    private static double logSigmoid(double x) {
        return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
    }
}
