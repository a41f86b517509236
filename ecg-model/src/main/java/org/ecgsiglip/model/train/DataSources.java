package org.ecgsiglip.model.train;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.io.cinc.Cinc;
import org.ecgsiglip.io.pipeline.CincDataSource;
import org.ecgsiglip.io.pipeline.DataSource;
import org.ecgsiglip.io.pipeline.PtbXlSource;
import org.ecgsiglip.io.ptbxl.LabelLevel;

/**
 * The data source a {@link TrainConfig} names ({@code ptbxl} or {@code cinc} and their options), and
 * the check that exactly one dataset is named and no option of the other is set. Defaults are read
 * from the {@link Setting} declarations, so they are stated once.
 */
final class DataSources {
    private DataSources() {
    }

    /**
     * The data source: CinC when {@code cinc} is given, else PTB-XL. Without a dataset the spec is
     * checked against a placeholder root (every other part is validated); {@code split} null with
     * {@code cinc} checks the seeded assignment instead of reading the split file.
     */
    static DataSource source(Path ptbxl, LabelLevel level, int samplingRate, boolean ignoreUnknown, Path cinc,
                             Cinc.Unscored unscored, int k, long foldSeed, Path split) {
        if (cinc == null) {
            return new PtbXlSource(ptbxl == null ? Path.of(".") : ptbxl, level, samplingRate, ignoreUnknown);
        }
        CincDataSource.Assignment folds = split == null ? new CincDataSource.Stratified(k, foldSeed)
                : CincDataSource.SplitFile.of(split);
        return new CincDataSource(cinc, unscored, ignoreUnknown, folds);
    }

    /**
     * One dataset, and no option of the other left at a value that would be ignored: PTB-XL's
     * {@code level} and {@code sampling-rate} are refused with {@code cinc} (CinC's findings are the
     * 2021 classes, its records resampled from their own rates), CinC's options with {@code ptbxl}.
     */
    static void check(Path ptbxl, LabelLevel level, int samplingRate, Path cinc, Cinc.Unscored unscored, int k,
                      long foldSeed, Path split) {
        if (ptbxl != null && cinc != null) {
            throw new ConfigurationException("cinc", "both ptbxl and cinc are given", "train on one dataset: drop "
                    + "--ptbxl or --cinc (test a model on the other with 'ecg test')");
        }
        if (cinc != null) {
            refuse("level", level != LabelLevel.parse(setting("level")), "cinc", "the findings of CinC are the 2021 "
                    + "scored classes; cinc-unscored include adds the unscored codes");
            refuse("sampling-rate", samplingRate != Integer.parseInt(setting("sampling-rate")), "cinc",
                    "CinC records are read at their own rates and resampled to input-rate");
        } else {
            String use = "they apply to cinc only";
            refuse("cinc-unscored", unscored != Cinc.Unscored.DROP, "ptbxl", use);
            refuse("cinc-folds", k != Integer.parseInt(setting("cinc-folds")), "ptbxl", "PTB-XL has its own folds ("
                    + "strat_fold)");
            refuse("cinc-fold-seed", foldSeed != Long.parseLong(setting("cinc-fold-seed")), "ptbxl", use);
            refuse("split-file", split != null, "ptbxl", "PTB-XL has its own folds (strat_fold)");
        }
        if (split != null && k != Integer.parseInt(setting("cinc-folds"))) {
            refuse("cinc-folds", true, "split-file", "the split file gives the folds");
        }
        if (split != null && foldSeed != Long.parseLong(setting("cinc-fold-seed"))) {
            refuse("cinc-fold-seed", true, "split-file", "the split file gives the folds");
        }
    }

    private static void refuse(String key, boolean set, String with, String why) {
        if (set) {
            throw new ConfigurationException(key, key + " is set but has no effect with " + with + ": " + why,
                    "leave " + key + " at its default (" + setting(key) + ")");
        }
    }

    private static String setting(String key) {
        for (RecordComponent c : TrainConfig.class.getRecordComponents()) {
            Setting s = c.getAnnotation(Setting.class);
            if (s.key().equals(key)) {
                return s.value();
            }
        }
        throw new IllegalArgumentException("no setting " + key);
    }
}
