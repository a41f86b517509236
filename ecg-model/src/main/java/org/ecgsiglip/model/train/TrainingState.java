package org.ecgsiglip.model.train;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Where a run stands after a finished epoch; saved in every checkpoint so that {@code --resume}
 * continues from exactly there.
 *
 * @param completedEpochs epochs finished
 * @param globalStep optimisation steps taken
 * @param bestEpoch the best epoch so far (1-based; 0 before the first)
 * @param bestScore its selection metric
 * @param bestTiebreak its macro-AUROC (breaks ties of the selection metric, e.g. F1 = 0 everywhere)
 * @param logitBiasInit the b the run started from (null for the baseline, which has none)
 * @param positiveRateEstimate the target matrix's positive rate measured on training batches before
 *     training (null for the baseline)
 * @param history one summary per finished epoch
 */
public record TrainingState(
        @JsonProperty("completed_epochs") int completedEpochs,
        @JsonProperty("global_step") int globalStep,
        @JsonProperty("best_epoch") int bestEpoch,
        @JsonProperty("best_score") double bestScore,
        @JsonProperty("best_tiebreak") double bestTiebreak,
        @JsonProperty("logit_bias_init") Double logitBiasInit,
        @JsonProperty("positive_rate_estimate") Double positiveRateEstimate,
        @JsonProperty("history") List<EpochSummary> history) {

    public TrainingState {
        history = List.copyOf(history);
    }

    public static TrainingState start(Double logitBiasInit, Double positiveRateEstimate) {
        return new TrainingState(0, 0, 0, -1, -1, logitBiasInit,
                positiveRateEstimate, List.of());
    }

    /**
     * Whether (score, tiebreak) beats the best so far. The first epoch always does, so that a run has a
     * best checkpoint even when its validation metric is undefined (see {@link #rank}).
     */
    public boolean improvedBy(double score, double tiebreak) {
        return bestEpoch == 0 || score > bestScore || (score == bestScore && tiebreak > bestTiebreak);
    }

    /**
     * A validation metric as the selection ranks it: an undefined one (NaN, e.g. AUROC when no
     * validation finding has both classes) ranks below every defined value, which lie in [0, 1].
     */
    public static double rank(double metric) {
        return Double.isNaN(metric) ? -1 : metric;
    }
}
