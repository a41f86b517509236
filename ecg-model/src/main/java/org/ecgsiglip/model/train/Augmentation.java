package org.ecgsiglip.model.train;

import java.util.SplittableRandom;

/**
 * Training-time augmentations that keep an ECG an ECG (the random crop in time is the pipeline's
 * training window, {@code org.ecgsiglip.io.pipeline.Windows}): one amplitude factor per record drawn from
 * U[1 − scale, 1 + scale] (gain differences between machines), and lead dropout (each lead zeroed
 * with probability {@code leadDropout}; at least one lead is kept).
 *
 * <p>Validation and prediction use none of these.
 */
public record Augmentation(double amplitudeScale, double leadDropout) {

    public static final Augmentation NONE = new Augmentation(0, 0);

    /** Applies scaling and lead dropout in place to one record [leads × length] at {@code offset}. */
    public void apply(float[] data, int offset, int leads, int length, SplittableRandom rng) {
        if (amplitudeScale > 0) {
            float factor = (float) (1 - amplitudeScale + 2 * amplitudeScale * rng.nextDouble());
            for (int i = offset; i < offset + leads * length; i++) {
                data[i] *= factor;
            }
        }
        if (leadDropout > 0) {
            boolean[] drop = new boolean[leads];
            int dropped = 0;
            for (int k = 0; k < leads; k++) {
                drop[k] = rng.nextDouble() < leadDropout;
                dropped += drop[k] ? 1 : 0;
            }
            if (dropped == leads) {
                drop[rng.nextInt(leads)] = false;
            }
            for (int k = 0; k < leads; k++) {
                if (drop[k]) {
                    java.util.Arrays.fill(data, offset + k * length, offset + (k + 1) * length, 0f);
                }
            }
        }
    }
}
