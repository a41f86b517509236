package org.ecgsiglip.cli.experiment;

import java.nio.file.Path;
import java.util.Optional;
import org.ecgsiglip.cli.challenge.ChallengeDifference;
import org.ecgsiglip.eval.PairedComparison;

/**
 * A paired comparison of two variants trained with the same seed, on the same test records.
 *
 * @param pair the variants (differences are B minus A)
 * @param seed the training seed of both runs
 * @param comparison the paired bootstrap comparison
 * @param folder where its reports were written
 * @param challenge the paired difference of the Challenge scores (B - A) when the data is CinC
 */
public record ComparisonOutcome(ExperimentPlan.Comparison pair, long seed, PairedComparison comparison, Path folder,
                                Optional<ChallengeDifference> challenge) {

    /** Without a Challenge score (the data is not CinC). */
    public ComparisonOutcome(ExperimentPlan.Comparison pair, long seed, PairedComparison comparison, Path folder) {
        this(pair, seed, comparison, folder, Optional.empty());
    }
}
