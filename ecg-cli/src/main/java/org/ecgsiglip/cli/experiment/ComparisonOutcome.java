package org.ecgsiglip.cli.experiment;

import java.nio.file.Path;
import org.ecgsiglip.eval.PairedComparison;

/**
 * A paired comparison of two variants trained with the same seed, on the same test records.
 *
 * @param pair the variants (differences are B minus A)
 * @param seed the training seed of both runs
 * @param comparison the paired bootstrap comparison
 * @param folder where its reports were written
 */
public record ComparisonOutcome(ExperimentPlan.Comparison pair, long seed, PairedComparison comparison, Path folder) {
}
