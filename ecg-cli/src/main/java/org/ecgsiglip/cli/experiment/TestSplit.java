package org.ecgsiglip.cli.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgsiglip.eval.TruthMatrix;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.model.train.TrainConfig;
import org.ecgsiglip.model.train.Validation;

/**
 * The held-out records every variant of an experiment is scored on: the records of the configured
 * test folds (which training never reads), their paths, and their findings as a {@link TruthMatrix}.
 *
 * @param folds the test folds
 * @param records record paths (without {@code .hea}) in dataset order
 * @param truth the records' findings over the dataset's vocabulary, rows in the same order
 */
public record TestSplit(List<Integer> folds, List<Path> records, TruthMatrix truth) {

    public TestSplit {
        folds = List.copyOf(folds);
        records = List.copyOf(records);
    }

    /** Loads the dataset a configuration names and keeps its test folds. */
    public static TestSplit load(TrainConfig config, Path experimentFile) {
        LabeledDataset all = config.dataSpec().source().load();
        int[] test = config.dataSpec().folds().split(all).test();
        if (test.length == 0) {
            throw new ExperimentException(experimentFile, "key 'test-folds'", "the test folds " + config.testFolds()
                    + " hold no record of " + config.dataSpec().source().root() + " (its folds: "
                    + all.foldCounts().keySet() + ")",
                    "choose test folds the dataset has, e.g. [9] for the shipped sample");
        }
        List<Path> paths = new ArrayList<>(test.length);
        for (int i : test) {
            paths.add(all.records().get(i).recordPath());
        }
        return new TestSplit(config.testFolds(), paths, Validation.truth(all, test));
    }

    public int size() {
        return records.size();
    }
}
