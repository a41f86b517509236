package org.ecgsiglip.model.siglip;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link ShardedSigmoidLoss#compute} returns: one scalar loss per shard, on that shard's device.
 *
 * <p>The shard losses add up to the loss of the whole batch, L = Σ_k L_k, with L_k = (1/N) Σ_{i in shard k}
 * Σ_j ℓ_ij (N: rows of the whole batch). Their gradients, taken together, are those of L: see
 * {@link #backward}.
 *
 * @param losses L_k [1] (or a scalar), one per shard, in the shards' order
 * @param targetSums Σ y_ij over each shard's rows, for the positive rate
 * @param pairs N × m, the entries of the whole target matrix
 */
public record ShardedLoss(List<NDArray> losses, List<NDArray> targetSums, long pairs) {

    public ShardedLoss {
        losses = List.copyOf(losses);
        targetSums = List.copyOf(targetSums);
    }

    /**
     * Back-propagates L: the shard losses of each device are summed on that device and each sum is
     * back-propagated once (a graph that two shards share on one device is then traversed once; graphs
     * on different devices are separate, because DJL copies between devices without autograd). The
     * gradients that reach each device's parameter copies add up to ∂L/∂θ, as DJL's parameter server
     * sums them across devices in {@code Trainer.step()}.
     */
    public void backward(GradientCollector collector) {
        Map<Device, NDArray> perDevice = new LinkedHashMap<>();
        for (NDArray l : losses) {
            perDevice.merge(l.getDevice(), l, NDArray::add);
        }
        for (NDArray l : perDevice.values()) {
            collector.backward(l);
        }
    }

    /** L, read back to the host (one transfer per shard). */
    public float value() {
        double total = 0;
        for (NDArray l : losses) {
            total += l.getFloat();
        }
        return (float) total;
    }

    /** The share of positive pairs (the mean target) over the whole batch's matrix. */
    public float positiveRate() {
        double total = 0;
        for (NDArray s : targetSums) {
            total += s.getFloat();
        }
        return (float) (total / pairs);
    }

    /** The shard losses' values, in the shards' order. */
    public List<Float> shardValues() {
        List<Float> out = new ArrayList<>(losses.size());
        for (NDArray l : losses) {
            out.add(l.getFloat());
        }
        return out;
    }
}
