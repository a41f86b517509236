package org.ecgsiglip.model.train;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What one epoch did, one line of {@code metrics.jsonl}.
 *
 * @param epoch 1-based
 * @param trainLoss mean training loss over the epoch's steps
 * @param positiveRateMean mean over steps of the share of positive targets in the batch's target matrix
 * @param positiveRateMin smallest per-step positive rate
 * @param positiveRateMax largest per-step positive rate
 * @param gradNormMean mean global gradient norm before clipping
 * @param learningRate learning rate at the epoch's last step
 * @param valMacroF1 validation macro-F1 at threshold 0.5
 * @param valMicroF1 validation micro-F1 at threshold 0.5
 * @param valMacroAuroc validation macro-AUROC
 * @param valMacroAuprc validation macro-AUPRC
 * @param temperature exp(t') after the epoch (null for the baseline)
 * @param bias b after the epoch (null for the baseline)
 * @param seconds wall time of training steps (validation excluded)
 * @param samplesPerSecond training samples per second
 * @param dataWaitShare share of training time spent waiting for batches
 * @param best whether this epoch is the best so far by the selection metric
 */
public record EpochSummary(
        @JsonProperty("epoch") int epoch,
        @JsonProperty("train_loss") double trainLoss,
        @JsonProperty("positive_rate_mean") double positiveRateMean,
        @JsonProperty("positive_rate_min") double positiveRateMin,
        @JsonProperty("positive_rate_max") double positiveRateMax,
        @JsonProperty("grad_norm_mean") double gradNormMean,
        @JsonProperty("learning_rate") double learningRate,
        @JsonProperty("val_macro_f1") double valMacroF1,
        @JsonProperty("val_micro_f1") double valMicroF1,
        @JsonProperty("val_macro_auroc") double valMacroAuroc,
        @JsonProperty("val_macro_auprc") double valMacroAuprc,
        @JsonProperty("temperature") Double temperature,
        @JsonProperty("bias") Double bias,
        @JsonProperty("seconds") double seconds,
        @JsonProperty("samples_per_s") double samplesPerSecond,
        @JsonProperty("data_wait_share") double dataWaitShare,
        @JsonProperty("best") boolean best) {
}
