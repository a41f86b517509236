package org.ecgsiglip.model.train;

import ai.djl.training.tracker.Tracker;

/**
 * Learning rate with linear warm-up and cosine decay.
 *
 * <p>For update t = 1, 2, …: {@code lr(t) = base · t / W} while t ≤ W, then
 * {@code final + (base − final) · (1 + cos(π · min(1, (t − W) / (T − W)))) / 2}, with W warm-up
 * updates and T updates in all. A pure function of t, so a resumed run sees the same rates.
 */
public record WarmupCosine(float base, float finalValue, int warmupSteps, int totalSteps) implements Tracker {

    public WarmupCosine {
        if (!(base > 0) || finalValue < 0 || warmupSteps < 0 || totalSteps < 1) {
            throw new IllegalArgumentException("need base > 0, final >= 0, warm-up >= 0, total >= 1");
        }
    }

    @Override
    public float getNewValue(int t) {
        if (t <= warmupSteps) {
            return base * Math.max(t, 1) / Math.max(warmupSteps, 1);
        }
        double span = Math.max(1, totalSteps - warmupSteps);
        double progress = Math.min(1.0, (t - warmupSteps) / span);
        return (float) (finalValue + (base - finalValue) * (1 + Math.cos(Math.PI * progress)) / 2);
    }
}
