package org.ecgsiglip.cli.testset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.io.cinc.Cinc;
import org.ecgsiglip.io.cinc.CincSource;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.pipeline.CincDataSource;
import org.ecgsiglip.io.pipeline.DataSource;
import org.ecgsiglip.io.pipeline.Folds;
import org.ecgsiglip.io.pipeline.PtbXlSource;
import org.ecgsiglip.io.ptbxl.LabelLevel;
import org.ecgsiglip.model.train.ConfigFiles;

/**
 * The labelled records {@code ecg test} scores, and what they are to the model. The dataset is loaded
 * the way the model's own was where that applies: a PTB-XL model's level and file rate, a CinC model's
 * unscored policy and fold assignment (so that fold 10 of its own folder is its test fold); a CinC
 * model tested on PTB-XL reads PTB-XL at the level {@code all}, whose statements carry over to the
 * CinC classes. Which records: the folds asked for; by default the model's own test folds when the
 * dataset is the one it was trained on (same kind, same folder), else every record. Scoring folds the
 * model trained or validated on is allowed, and said in {@link #notes()}.
 *
 * @param source the source the records were loaded from (folds assigned as stated in it)
 * @param dataset the chosen records over the source's vocabulary, in the source's order
 * @param folds the chosen folds, empty for every record
 * @param loaded records the source loaded, every fold
 * @param ownDataset whether the dataset is the one the model was trained on (same kind and folder)
 * @param notes what the choice means for the scores (not held out, records the model may have seen)
 */
public record HeldOutRecords(DataSource source, LabeledDataset dataset, List<Integer> folds, int loaded,
                             boolean ownDataset, List<String> notes) {

    public HeldOutRecords {
        folds = List.copyOf(folds);
        notes = List.copyOf(notes);
    }

    /**
     * What to load.
     *
     * @param ptbxl a PTB-XL folder, or empty
     * @param cinc a CinC folder, or empty (exactly one of the two)
     * @param folds the folds to score, or empty for the default
     * @param assignment CinC: how to assign folds, or empty for the model's (or the training defaults)
     * @param samplingRate PTB-XL: 100 or 500, or empty for the model's (100 for a CinC model)
     * @param ignoreUnknownCodes skip codes the dataset's tables do not know (also when the model did)
     */
    public record Choice(Optional<Path> ptbxl, Optional<Path> cinc, Optional<List<Integer>> folds,
                         Optional<CincDataSource.Assignment> assignment, OptionalInt samplingRate,
                         boolean ignoreUnknownCodes) {
        public Choice {
            if (ptbxl.isPresent() == cinc.isPresent()) {
                throw new ConfigurationException("--ptbxl/--cinc", ptbxl.isPresent() ? "both datasets given"
                        : "no dataset given", "pass one of --ptbxl ROOT and --cinc ROOT");
            }
            if (ptbxl.isPresent() && assignment.isPresent()) {
                throw new ConfigurationException("--cinc-folds/--split-file", "CinC fold options given with --ptbxl",
                        "PTB-XL has its own folds (strat_fold); drop them");
            }
            if (cinc.isPresent() && samplingRate.isPresent()) {
                throw new ConfigurationException("--sampling-rate", "a PTB-XL option given with --cinc",
                        "CinC records are read at their own rates; drop it");
            }
        }
    }

    /** Loads the records of {@code choice} for a model whose training data was {@code model} with {@code folds}. */
    public static HeldOutRecords load(Choice choice, DataSource model, Folds modelFolds) {
        DataSource source = choice.cinc().isPresent() ? cinc(choice, model) : ptbxl(choice, model);
        boolean own = source.getClass() == model.getClass() && source.root().equals(model.root());
        List<Integer> folds = choice.folds().orElse(own ? modelFolds.test() : List.of());
        if (own && choice.folds().isEmpty() && folds.isEmpty()) {
            throw new ConfigurationException("--folds", "the model was trained on " + source.root() + " and has no "
                    + "test folds", "pass --folds N,... (folds the model did not train on)");
        }
        LabeledDataset all = folds.isEmpty() && source instanceof CincDataSource c
                ? Cinc.load(c.root(), new Cinc.Options(c.unscored(), c.ignoreUnknownCodes())) : source.load();
        Set<Integer> wanted = new TreeSet<>(folds);
        Set<Integer> present = all.foldCounts().keySet();
        for (int f : wanted) {
            if (!present.contains(f)) {
                throw new ConfigurationException("--folds", "fold " + f + " holds no record of " + all.name() + " in "
                        + source.root() + " (its folds: " + present + ")", own && choice.folds().isEmpty()
                        ? "the model's test folds are " + folds + "; pass --folds with folds the dataset has"
                        : "choose folds the dataset has");
            }
        }
        int[] chosen = IntStream.range(0, all.size()).filter(i -> wanted.isEmpty()
                || wanted.contains(all.records().get(i).fold())).toArray();
        List<String> notes = notes(source, model, modelFolds, own, wanted, choice, all.select(chosen));
        return new HeldOutRecords(source, all.select(chosen), folds, all.size(), own, notes);
    }

    private static DataSource cinc(Choice choice, DataSource model) {
        Path root = choice.cinc().orElseThrow();
        if (model instanceof CincDataSource m) {
            return new CincDataSource(root, m.unscored(), choice.ignoreUnknownCodes() || m.ignoreUnknownCodes(),
                    choice.assignment().orElse(m.assignment()));
        }
        return new CincDataSource(root, Cinc.Unscored.DROP, choice.ignoreUnknownCodes(), choice.assignment()
                .orElseGet(HeldOutRecords::defaultAssignment));
    }

    private static DataSource ptbxl(Choice choice, DataSource model) {
        Path root = choice.ptbxl().orElseThrow();
        if (model instanceof PtbXlSource m) {
            return new PtbXlSource(root, m.level(), choice.samplingRate().orElse(m.samplingRate()),
                    choice.ignoreUnknownCodes() || m.ignoreUnknownCodes());
        }
        return new PtbXlSource(root, LabelLevel.ALL, choice.samplingRate().orElse(100), choice.ignoreUnknownCodes());
    }

    /** The fold assignment of {@code ecg train --cinc} with its defaults. */
    public static CincDataSource.Assignment defaultAssignment() {
        return new CincDataSource.Stratified(Integer.parseInt(ConfigFiles.SCHEMA.setting("cinc-folds").value()),
                Long.parseLong(ConfigFiles.SCHEMA.setting("cinc-fold-seed").value()));
    }

    private static List<String> notes(DataSource source, DataSource model, Folds modelFolds, boolean own,
                                      Set<Integer> wanted, Choice choice, LabeledDataset chosen) {
        List<String> notes = new ArrayList<>();
        if (own) {
            for (int f : wanted) {
                if (modelFolds.train().contains(f) || modelFolds.validation().contains(f)) {
                    notes.add("fold " + f + " is a " + (modelFolds.train().contains(f) ? "training" : "validation")
                            + " fold of this model: its scores are not held out");
                }
            }
            if (model instanceof CincDataSource m && source instanceof CincDataSource s && !wanted.isEmpty()
                    && !m.assignment().equals(s.assignment())) {
                notes.add("folds assigned otherwise than the model's training split (" + m.assignment().toJson()
                        + "): the chosen records may include records the model trained on");
            }
            if (wanted.isEmpty()) {
                notes.add("every record of the model's own dataset, its training folds included: not held out");
            }
        }
        if (model instanceof PtbXlSource && source instanceof CincDataSource) {
            long fromPtbXl = chosen.records().stream().filter(r -> CincSource.of(r.recordId()) == CincSource.PTB_XL)
                    .count();
            if (fromPtbXl > 0) {
                notes.add(fromPtbXl + " record(s) are the Challenge's copies of PTB-XL records (HR<ecg_id>): a PTB-XL "
                        + "model may have trained on them");
            }
        }
        return notes;
    }
}
