package org.ecgsiglip.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;

/**
 * Clips gradients by their global L2 norm (as {@code torch.nn.utils.clip_grad_norm_}): when
 * ‖g‖ = sqrt(Σ over all parameters of Σ g²) exceeds {@code maxNorm}, every gradient is multiplied by
 * maxNorm / (‖g‖ + 1e−6). The scale is computed on the device, so no value travels to the host.
 * (DJL's own {@code optClipGrad} clamps each gradient value instead, which changes its direction.)
 *
 * <p>Every gradient handle is closed at once: a handle left open keeps the engine's gradient tensor
 * shared, and PyTorch then allocates a fresh gradient at the next backward instead of accumulating in
 * place — memory that grows by the model's size every step.
 */
public final class GradientClipping {
    private GradientClipping() {
    }

    /** Clips in place and returns the norm before clipping (a scalar on the device; the caller closes it). */
    public static NDArray clipGlobalNorm(PairList<String, Parameter> parameters, float maxNorm) {
        NDArray total = null;
        for (Pair<String, Parameter> p : parameters) {
            Parameter param = p.getValue();
            if (!param.requiresGradient() || !param.isInitialized()) {
                continue;
            }
            try (NDArray g = param.getArray().getGradient(); NDArray sq = g.square(); NDArray s = sq.sum()) {
                if (total == null) {
                    total = s.duplicate();
                } else {
                    total.addi(s);
                }
            }
        }
        if (total == null) {
            throw new IllegalStateException("no trainable parameter has a gradient");
        }
        NDArray norm = total.sqrt();
        total.close();
        try (NDArray shifted = norm.add(1e-6f); NDArray inverse = shifted.pow(-1); NDArray ratio = inverse.mul(maxNorm);
             NDArray scale = ratio.minimum(1f)) {
            for (Pair<String, Parameter> p : parameters) {
                Parameter param = p.getValue();
                if (param.requiresGradient() && param.isInitialized()) {
                    try (NDArray g = param.getArray().getGradient()) {
                        g.muli(scale);
                    }
                }
            }
        }
        return norm;
    }
}
