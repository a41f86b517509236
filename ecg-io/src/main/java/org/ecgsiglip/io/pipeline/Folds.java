package org.ecgsiglip.io.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.dataset.Split;

/**
 * Which folds train, validate and test. Training reads the training and validation folds only; the
 * test folds are scored after training and never read while training.
 *
 * @param train training folds (at least one)
 * @param validation validation folds (at least one): model selection and threshold tuning
 * @param test test folds (may be empty)
 */
public record Folds(List<Integer> train, List<Integer> validation, List<Integer> test) {

    public Folds {
        train = sorted(train);
        validation = sorted(validation);
        test = sorted(test);
        if (train.isEmpty() || validation.isEmpty()) {
            throw new ConfigurationException(train.isEmpty() ? "train-folds" : "validation-folds",
                    "at least one fold is needed", "e.g. train-folds 1,2,3,4,5,6,7,8 and validation-folds 9");
        }
        for (Integer f : train) {
            if (validation.contains(f) || test.contains(f)) {
                throw new ConfigurationException("train-folds", "fold " + f + " is also a "
                        + (validation.contains(f) ? "validation" : "test") + " fold", "give each fold to one part only");
            }
        }
        for (Integer f : validation) {
            if (test.contains(f)) {
                throw new ConfigurationException("validation-folds", "fold " + f + " is also a test fold",
                        "give each fold to one part only");
            }
        }
    }

    /** The PTB-XL benchmark's folds: 1-8 train, 9 validation, 10 test. */
    public static Folds ptbxlBenchmark() {
        return new Folds(List.of(1, 2, 3, 4, 5, 6, 7, 8), List.of(9), List.of(10));
    }

    /**
     * The split of {@code dataset} by these folds. Every training and validation fold must hold records
     * (a fold the dataset does not have is a typo, e.g. 11 for 1); test folds may be absent, since a
     * dataset may hold its test fold elsewhere.
     */
    public Split split(LabeledDataset dataset) {
        Set<Integer> present = dataset.foldCounts().keySet();
        check("train-folds", train, present, dataset);
        check("validation-folds", validation, present, dataset);
        return Split.byFolds(dataset, new TreeSet<>(train), new TreeSet<>(validation), new TreeSet<>(test));
    }

    private static void check(String key, List<Integer> folds, Set<Integer> present, LabeledDataset dataset) {
        for (Integer f : folds) {
            if (!present.contains(f)) {
                throw new ConfigurationException(key, "fold " + f + " holds no record of " + dataset.name()
                        + " (its folds: " + present + ")", "choose folds the dataset has");
            }
        }
    }

    private static List<Integer> sorted(List<Integer> folds) {
        List<Integer> out = new ArrayList<>(new TreeSet<>(folds));
        if (out.size() != folds.size()) {
            throw new ConfigurationException("folds", "a fold is listed twice in " + folds, "list each fold once");
        }
        return List.copyOf(out);
    }
}
