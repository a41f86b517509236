package org.ecgsiglip.io.dataset;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.ecgsiglip.io.ConfigurationException;

/**
 * Train, validation and test record indices into one dataset. The three parts are disjoint and
 * sorted. Thresholds and model selection use {@link #validation()} only, never {@link #test()}.
 *
 * @param train indices of training records
 * @param validation indices of validation records
 * @param test indices of test records
 */
public record Split(int[] train, int[] validation, int[] test) {

    public Split {
        train = sortedCopy(train);
        validation = sortedCopy(validation);
        test = sortedCopy(test);
        int[] all = IntStream.concat(IntStream.concat(Arrays.stream(train), Arrays.stream(validation)),
                Arrays.stream(test)).sorted().toArray();
        for (int i = 1; i < all.length; i++) {
            if (all[i] == all[i - 1]) {
                throw new IllegalArgumentException("record index " + all[i] + " is in more than one part of the split");
            }
        }
    }

    /** The PTB-XL benchmark convention: folds 1-8 train, 9 validation, 10 test. */
    public static Split ptbxlDefault(LabeledDataset dataset) {
        return byFolds(dataset, Set.of(1, 2, 3, 4, 5, 6, 7, 8), Set.of(9), Set.of(10));
    }

    /** Records by their fold; records in none of the sets are left out. */
    public static Split byFolds(LabeledDataset dataset, Set<Integer> train, Set<Integer> validation, Set<Integer> test) {
        for (Integer f : train) {
            if (validation.contains(f) || test.contains(f)) {
                throw new ConfigurationException("folds", "fold " + f + " is both a training fold and a validation or"
                        + " test fold", "give each fold to one part only");
            }
        }
        for (Integer f : validation) {
            if (test.contains(f)) {
                throw new ConfigurationException("folds", "fold " + f + " is both a validation and a test fold",
                        "give each fold to one part only");
            }
        }
        List<LabeledRecord> r = dataset.records();
        return new Split(
                IntStream.range(0, r.size()).filter(i -> train.contains(r.get(i).fold())).toArray(),
                IntStream.range(0, r.size()).filter(i -> validation.contains(r.get(i).fold())).toArray(),
                IntStream.range(0, r.size()).filter(i -> test.contains(r.get(i).fold())).toArray());
    }

    /**
     * A seeded, label-stratified random split (iterative stratification, Sechidis et al. 2011): each
     * finding's records are spread over the parts in proportion to their sizes, rarest finding first,
     * and the records of one patient stay in one part when patient ids are known.
     *
     * @param seed the only source of randomness; the same seed gives the same split
     * @param validationFraction share of records for validation, in [0, 1)
     * @param testFraction share of records for test, in [0, 1), with the sum below 1
     */
    public static Split stratified(LabeledDataset dataset, long seed, double validationFraction, double testFraction) {
        if (!(validationFraction >= 0 && testFraction >= 0 && validationFraction + testFraction < 1)) {
            throw new ConfigurationException("split fractions", "validation " + validationFraction + " and test "
                    + testFraction + " must be non-negative and sum to less than 1", "use e.g. 0.1 and 0.1");
        }
        double[] shares = {1 - validationFraction - testFraction, validationFraction, testFraction};
        int[] part = Stratifier.assign(dataset, shares, seed);
        return new Split(
                IntStream.range(0, part.length).filter(i -> part[i] == 0).toArray(),
                IntStream.range(0, part.length).filter(i -> part[i] == 1).toArray(),
                IntStream.range(0, part.length).filter(i -> part[i] == 2).toArray());
    }

    private static int[] sortedCopy(int[] a) {
        int[] c = a.clone();
        Arrays.sort(c);
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Split s && Arrays.equals(train, s.train) && Arrays.equals(validation, s.validation)
                && Arrays.equals(test, s.test);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {Arrays.hashCode(train), Arrays.hashCode(validation), Arrays.hashCode(test)});
    }

    @Override
    public String toString() {
        return "Split[train " + train.length + ", validation " + validation.length + ", test " + test.length + "]";
    }
}
