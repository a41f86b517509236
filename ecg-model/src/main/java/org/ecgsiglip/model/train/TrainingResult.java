package org.ecgsiglip.model.train;

import org.ecgsiglip.model.folder.RunDirectory;
import org.ecgsiglip.eval.Evaluation;

/**
 * What a finished run reports.
 *
 * @param run its folder
 * @param state the final training state (history, best epoch)
 * @param validation the best model's validation evaluation at threshold 0.5
 * @param device the device used, as DJL names it
 */
public record TrainingResult(RunDirectory run, TrainingState state, Evaluation validation, String device) {
}
