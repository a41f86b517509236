package org.ecgsiglip.model.train;

import java.util.Arrays;
import java.util.Map;
import org.ecgsiglip.io.RecordReader;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.dataset.Split;
import org.ecgsiglip.io.preprocess.Preprocessing;
import org.ecgsiglip.io.ptbxl.LabelLevel;
import org.ecgsiglip.io.ptbxl.PtbXl;

/**
 * A small real training set for tests: the first records of the shared PTB-XL subset at the
 * superdiagnostic level (folds 1–8 train, fold 9 validation), preprocessed in memory exactly as
 * {@link TrainingDataLoader#preprocessing} would, 300 samples stored and random 250-sample windows read
 * (3 s and 2.5 s) to keep tests fast and exercise the crop.
 */
final class SmallData {
    private static TrainingData cached;

    private SmallData() {
    }

    static synchronized TrainingData get() {
        if (cached == null) {
            cached = load(240, 80);
        }
        return cached;
    }

    static TrainConfig config(Map<String, Object> overrides) {
        java.util.Map<String, Object> o = new java.util.HashMap<>(Map.of(
                "ptbxl", TestData.ptbxl().toString(), "record-length", 300, "input-length", 250, "epochs", 2,
                "batch-size", 32,
                "embedding-dim", 32, "text-hidden", 32));
        o.putAll(overrides);
        return ConfigFiles.resolve(null, o);
    }

    private static TrainingData load(int trainCount, int validationCount) {
        LabeledDataset all = PtbXl.load(TestData.ptbxl(), LabelLevel.SUPERDIAGNOSTIC);
        Split folds = Split.byFolds(all, java.util.Set.of(1, 2, 3, 4, 5, 6, 7, 8), java.util.Set.of(9), java.util.Set.of());
        int[] train = Arrays.copyOf(folds.train(), trainCount);
        int[] val = Arrays.copyOf(folds.validation(), validationCount);
        int[] keep = new int[trainCount + validationCount];
        System.arraycopy(train, 0, keep, 0, trainCount);
        System.arraycopy(val, 0, keep, trainCount, validationCount);
        LabeledDataset dataset = all.select(keep);
        Preprocessing prep = TrainingDataLoader.preprocessing(config(Map.of()));
        float[][] signals = new float[dataset.size()][];
        for (int i = 0; i < dataset.size(); i++) {
            float[][] x = prep.apply(RecordReader.read(dataset.records().get(i).recordPath()));
            signals[i] = new float[12 * prep.length()];
            for (int k = 0; k < 12; k++) {
                System.arraycopy(x[k], 0, signals[i], k * prep.length(), prep.length());
            }
        }
        int[] t = new int[trainCount];
        int[] v = new int[validationCount];
        Arrays.setAll(t, i -> i);
        Arrays.setAll(v, i -> trainCount + i);
        return new TrainingData(dataset, new Split(t, v, new int[0]),
                SignalSource.inMemory(signals, 12, prep.length()), Map.of("dataset", dataset.name()));
    }
}
