package org.ecgsiglip.io.pipeline;

import java.util.SplittableRandom;
import org.ecgsiglip.io.ConfigurationException;

/**
 * Which part of a stored record the model reads. Training reads one window of {@link #length()}
 * samples at a random offset (a random crop; the whole record when the lengths are equal).
 * Validation and prediction read either the centre window ({@code stride} 0) or sliding windows
 * every {@code stride} samples — the last one aligned with the record's end, so that every sample is
 * seen — whose probabilities are combined by {@link #aggregation()} (the PTB-XL benchmark's protocol:
 * 2.5 s windows, mean or max).
 *
 * @param length samples per lead the model reads
 * @param stride 0 for the centre window, else the step between evaluation windows
 * @param aggregation how window probabilities combine (unused with one window)
 */
public record Windows(int length, int stride, Aggregation aggregation) {

    public Windows {
        if (length < 1) {
            throw new ConfigurationException("input-length", "must be at least 1 sample, got " + length, "e.g. 1000");
        }
        if (stride < 0) {
            throw new ConfigurationException("eval-stride", "must be >= 0, got " + stride,
                    "0 for the centre window, or e.g. 125 for windows every 1.25 s at 100 Hz");
        }
    }

    /** The whole record as one window. */
    public static Windows whole(int length) {
        return new Windows(length, 0, Aggregation.MEAN);
    }

    /** Offset of the training window in a record of {@code stored} samples. */
    public int trainingOffset(int stored, SplittableRandom rng) {
        int slack = stored - length;
        return slack <= 0 ? 0 : rng.nextInt(slack + 1);
    }

    /** Offsets of the evaluation windows in a record of {@code stored} samples, in increasing order. */
    public int[] evaluationOffsets(int stored) {
        int slack = stored - length;
        if (slack <= 0) {
            return new int[] {0};
        }
        if (stride == 0) {
            return new int[] {slack / 2};
        }
        int n = slack / stride + 1;
        boolean tail = (n - 1) * stride < slack;
        int[] out = new int[n + (tail ? 1 : 0)];
        for (int i = 0; i < n; i++) {
            out[i] = i * stride;
        }
        if (tail) {
            out[n] = slack;
        }
        return out;
    }
}
