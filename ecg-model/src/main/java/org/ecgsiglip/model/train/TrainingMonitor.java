package org.ecgsiglip.model.train;

import org.ecgsiglip.eval.Evaluation;

/**
 * Receives progress from a training run: a progress bar on a terminal, plain lines in a log, or
 * nothing. Throwing from a callback stops the run after what has been checkpointed.
 */
public interface TrainingMonitor {

    /** Nothing. */
    TrainingMonitor SILENT = new TrainingMonitor() {
    };

    default void onStart(String description, int firstEpoch, int epochs, int stepsPerEpoch) {
    }

    /** Each training batch as the step receives it, before the step (e.g. to check what training sees). */
    default void onBatch(int epoch, HostBatch batch) {
    }

    default void onStep(int epoch, int step, TrainingStep.Result result) {
    }

    /** After validation and checkpointing of an epoch. */
    default void onEpoch(EpochSummary summary, Evaluation validation) {
    }

    default void onMessage(String line) {
    }
}
