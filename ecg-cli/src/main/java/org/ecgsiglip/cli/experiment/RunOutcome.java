package org.ecgsiglip.cli.experiment;

import java.nio.file.Path;
import java.util.Optional;
import org.ecgsiglip.cli.challenge.ChallengeResult;
import org.ecgsiglip.eval.Evaluation;

/**
 * One trained variant × seed and its evaluation on the test folds.
 *
 * @param variant the variant's name
 * @param seed the training seed
 * @param folder the run folder
 * @param status whether this invocation trained it, resumed it, or found it finished
 * @param test the evaluation of its best checkpoint on the test folds (with bootstrap intervals)
 * @param testFolder where the test scores.csv, truth.csv and the evaluation's reports were written
 * @param seconds wall time of this invocation's work on the run (training and scoring)
 * @param challenge the Challenge score on the test folds (2021 weights) when the data is CinC
 */
public record RunOutcome(String variant, long seed, Path folder, Status status, Evaluation test, Path testFolder,
                         double seconds, Optional<ChallengeResult> challenge) {

    /** Without a Challenge score (the data is not CinC). */
    public RunOutcome(String variant, long seed, Path folder, Status status, Evaluation test, Path testFolder,
                      double seconds) {
        this(variant, seed, folder, status, test, testFolder, seconds, Optional.empty());
    }

    /** What this invocation did with the run folder. */
    public enum Status {
        /** Trained from the start. */
        TRAINED,
        /** Continued from its last checkpoint. */
        RESUMED,
        /** Already finished; only scored. */
        SKIPPED
    }

    public Path scores() {
        return testFolder.resolve("scores.csv");
    }

    public Path truth() {
        return testFolder.resolve("truth.csv");
    }
}
