package org.ecgsiglip.io.preprocess;

/** What preprocessing does with NaN (invalid) samples. */
public enum NanPolicy {
    /**
     * Interior gaps are filled by linear interpolation, leading and trailing gaps by the nearest valid
     * sample; a lead with no valid sample at all is an error.
     */
    INTERPOLATE,
    /** Every NaN becomes 0 (an all-NaN lead becomes a flat zero lead). */
    ZERO,
    /** Any NaN is an error naming the record and lead. */
    FAIL
}
