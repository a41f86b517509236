package org.ecgsiglip.io.pipeline;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.io.DatasetException;
import org.ecgsiglip.io.cinc.Cinc;
import org.ecgsiglip.io.dataset.FoldAssignment;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.util.Sha256;

/**
 * PhysioNet/CinC Challenge 2020/2021 records below one root ({@link Cinc#load}), labelled over the
 * 2021 scored classes (equivalent codes merged), or those and the unscored codes. The Challenge
 * publishes no folds, so the source assigns them ({@link Assignment}): seeded and stratified by
 * finding and source database ({@link Cinc#assignFolds}), or from a split file
 * ({@code record_id,fold}, {@link FoldAssignment#read}). The assignment is part of {@link #toJson()},
 * hence of the pipeline's digest and the cache key; a split file enters by its SHA-256, and a file
 * that changed since is refused when the source is loaded.
 *
 * @param root the folder holding the {@code .hea}/{@code .mat} records (any of the Challenge's layouts)
 * @param unscored what to do with codes of {@code dx_mapping_unscored.csv}
 * @param ignoreUnknownCodes skip (and count) codes in neither mapping table instead of failing
 * @param assignment how records get their folds
 */
public record CincDataSource(Path root, Cinc.Unscored unscored, boolean ignoreUnknownCodes, Assignment assignment)
        implements DataSource {

    /** How a CinC record gets its fold. */
    public sealed interface Assignment permits Stratified, SplitFile {
        /** The dataset with every record's fold set. */
        LabeledDataset apply(LabeledDataset dataset, Path root);

        /** This assignment as JSON. */
        ObjectNode toJson();
    }

    /**
     * Folds 1..k, stratified by finding and source database, from a seed of their own (not the
     * training seed: changing that must not change the split).
     *
     * @param k folds, at least 2 and at most the number of records
     * @param seed the assignment's seed
     */
    public record Stratified(int k, long seed) implements Assignment {
        public Stratified {
            if (k < 2) {
                throw new ConfigurationException("cinc-folds", k + " folds: a split needs at least 2",
                        "use e.g. 10 (the default), or 3 for a handful of records");
            }
        }

        @Override
        public LabeledDataset apply(LabeledDataset dataset, Path root) {
            if (k > dataset.size()) {
                throw new ConfigurationException("cinc-folds", k + " folds for the " + dataset.size()
                        + " records of " + dataset.name() + " in " + root + ": some folds would be empty",
                        "use at most " + dataset.size() + " folds");
            }
            return Cinc.assignFolds(dataset, k, seed);
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            n.put("kind", "stratified");
            n.put("folds", k);
            n.put("seed", seed);
            return n;
        }
    }

    /**
     * Folds from a split file, held by its path and the SHA-256 it had when the pipeline was declared.
     *
     * @param file the {@code record_id,fold} CSV (absolute, normalised)
     * @param sha256 its SHA-256 (lower-case hex)
     */
    public record SplitFile(Path file, String sha256) implements Assignment {
        public SplitFile {
            file = file.toAbsolutePath().normalize();
            Objects.requireNonNull(sha256, "sha256");
        }

        /** The split file as it is now (read and hashed). */
        public static SplitFile of(Path file) {
            if (!Files.isRegularFile(file)) {
                throw new DatasetException(file, null, "split file not found", "pass a CSV with the columns "
                        + "record_id,fold (FoldAssignment.write writes one), or drop split-file to assign folds");
            }
            return new SplitFile(file, Sha256.of(file));
        }

        @Override
        public LabeledDataset apply(LabeledDataset dataset, Path root) {
            String now = of(file).sha256();
            if (!now.equals(sha256)) {
                throw new DatasetException(file, null, "the split file changed since this pipeline was declared "
                        + "(SHA-256 " + sha256.substring(0, 12) + "..., now " + now.substring(0, 12) + "...)",
                        "restore the file the model was trained with, or train again with the new split");
            }
            return FoldAssignment.read(dataset, file);
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            n.put("kind", "file");
            n.put("file", file.toString());
            n.put("sha256", sha256);
            return n;
        }
    }

    public CincDataSource {
        root = root.toAbsolutePath().normalize();
        Objects.requireNonNull(unscored, "unscored");
        Objects.requireNonNull(assignment, "assignment");
    }

    /** The 2021 scored classes, unknown codes failing, folds as {@code ecg train --cinc} assigns them by default. */
    public static CincDataSource scored(Path root, int k, long seed) {
        return new CincDataSource(root, Cinc.Unscored.DROP, false, new Stratified(k, seed));
    }

    /** {@code cinc2021-scored}, or {@code cinc2021-all} with unscored codes included. */
    @Override
    public String name() {
        return unscored == Cinc.Unscored.INCLUDE ? "cinc2021-all" : "cinc2021-scored";
    }

    /** The records with their findings and assigned folds. */
    @Override
    public LabeledDataset load() {
        return assignment.apply(Cinc.load(root, new Cinc.Options(unscored, ignoreUnknownCodes)), root);
    }

    /**
     * None: the 2021 mapping tables ship with the toolkit and are not read from the root; a split file
     * enters the digest by its SHA-256.
     */
    @Override
    public List<String> tables() {
        return List.of();
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("kind", "cinc");
        n.put("root", root.toString());
        n.put("vocabulary", name());
        n.put("unscored", unscored.name().toLowerCase(Locale.ROOT));
        n.put("ignore_unknown_codes", ignoreUnknownCodes);
        n.set("split", assignment.toJson());
        return n;
    }
}
