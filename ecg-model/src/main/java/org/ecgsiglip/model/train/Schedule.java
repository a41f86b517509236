package org.ecgsiglip.model.train;

/** The learning-rate schedule. */
public enum Schedule {
    /** Linear warm-up over {@code warmup-fraction} of the steps, then cosine decay to 1 % of the peak. */
    WARMUP_COSINE,
    /** The peak learning rate at every step (the PTB-XL reference's plain AdamW). */
    CONSTANT
}
