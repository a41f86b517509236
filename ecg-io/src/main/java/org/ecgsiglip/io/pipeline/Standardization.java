package org.ecgsiglip.io.pipeline;

/** How each lead is scaled before the model reads it. */
public enum Standardization {
    /** No scaling: millivolts as recorded (after filtering). */
    NONE,
    /**
     * Each lead of each record to zero mean and unit variance on its own. Erases absolute voltage,
     * which is a criterion of hypertrophy.
     */
    RECORD,
    /**
     * Each lead with the mean and standard deviation of that lead over every sample of the training
     * folds (the PTB-XL benchmark's scaler): fitted once at training, stored with the model
     * ({@link LeadStatistics}) and applied unchanged at validation and prediction.
     */
    DATASET
}
