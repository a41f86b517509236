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
 */
public final class GradientClipping {
    private GradientClipping() {
    }

    /** Clips in place and returns the norm before clipping (a scalar on the device). */
    public static NDArray clipGlobalNorm(PairList<String, Parameter> parameters, float maxNorm) {
        NDArray total = null;
        for (Pair<String, Parameter> p : parameters) {
            Parameter param = p.getValue();
            if (!param.requiresGradient() || !param.isInitialized()) {
                continue;
            }
            NDArray g = param.getArray().getGradient();
            NDArray sq = g.square().sum();
            total = total == null ? sq : total.addi(sq);
            if (total != sq) {
                sq.close();
            }
        }
        if (total == null) {
            throw new IllegalStateException("no trainable parameter has a gradient");
        }
        NDArray norm = total.sqrt();
        total.close();
        try (NDArray scale = norm.add(1e-6f).pow(-1).mul(maxNorm).minimum(1f)) {
            for (Pair<String, Parameter> p : parameters) {
                Parameter param = p.getValue();
                if (param.requiresGradient() && param.isInitialized()) {
                    param.getArray().getGradient().muli(scale);
                }
            }
        }
        return norm;
    }
}
