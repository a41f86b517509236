package org.ecgsiglip.io.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.io.DatasetException;
import org.ecgsiglip.io.util.AtomicFiles;
import org.ecgsiglip.io.util.Csv;

/**
 * Fold numbers for a dataset that has none of its own (the CinC Challenge publishes no folds), so
 * that it splits by fold exactly like PTB-XL's {@code strat_fold}:
 * {@code Split.byFolds(FoldAssignment.stratified(ds, 10, seed), Set.of(1..8), Set.of(9), Set.of(10))}.
 * Either a seeded stratified assignment of folds 1..k, or a user's split file
 * ({@code record_id,fold}), written and read back by {@link #write} and {@link #read}.
 *
 * <p>Stratification (see {@link FoldAssigner}) is by stratum (e.g. the source database) and by
 * finding: every stratum is dealt out in equal quotas, {@code floor(n_s / k)} or one more per fold,
 * so fold sizes differ by at most one record; within a stratum, iterative multi-label stratification
 * (Sechidis et al. 2011, as {@link Split#stratified}) places the rarest finding first, each of its
 * records going to the fold that lacks most of that finding over the whole dataset. Records of one
 * patient stay in one fold (then quotas hold approximately). The seed is the only randomness (the
 * order of records and ties): the same dataset and seed give the same folds.
 */
public final class FoldAssignment {
    private FoldAssignment() {
    }

    /** Stratified by findings only. */
    public static LabeledDataset stratified(LabeledDataset dataset, int k, long seed) {
        return stratified(dataset, k, seed, r -> "");
    }

    /**
     * The dataset with every record's fold set to 1..k, stratified by findings and by
     * {@code stratum} (e.g. the source database; return one constant to stratify by findings only).
     *
     * @throws ConfigurationException when k is below 2 or above the number of records
     */
    public static LabeledDataset stratified(LabeledDataset dataset, int k, long seed,
            Function<LabeledRecord, String> stratum) {
        int n = dataset.size();
        if (k < 2 || k > n) {
            throw new ConfigurationException("folds", k + " folds for " + n + " records",
                    "use between 2 and the number of records, e.g. 10");
        }
        String[] strata = new String[n];
        for (int i = 0; i < n; i++) {
            LabeledRecord r = dataset.records().get(i);
            strata[i] = Objects.requireNonNull(stratum.apply(r), "stratum of record " + r.recordId());
        }
        int[] folds = FoldAssigner.assign(dataset, strata, k, seed);
        for (int i = 0; i < n; i++) {
            folds[i]++;
        }
        return withFolds(dataset, folds);
    }

    /** The dataset with record {@code i}'s fold set to {@code folds[i]}. */
    public static LabeledDataset withFolds(LabeledDataset dataset, int[] folds) {
        if (folds.length != dataset.size()) {
            throw new IllegalArgumentException(folds.length + " folds for " + dataset.size() + " records");
        }
        List<LabeledRecord> out = new ArrayList<>(folds.length);
        for (int i = 0; i < folds.length; i++) {
            LabeledRecord r = dataset.records().get(i);
            out.add(new LabeledRecord(r.recordId(), r.patientId(), r.recordPath(), folds[i], r.findings()));
        }
        return new LabeledDataset(dataset.name(), dataset.vocabulary(), out, dataset.report());
    }

    /** Writes {@code record_id,fold}, one row per record in dataset order, atomically. */
    public static void write(LabeledDataset dataset, Path csv) {
        StringBuilder sb = new StringBuilder("record_id,fold\n");
        for (LabeledRecord r : dataset.records()) {
            if (r.fold() < 1) {
                throw new ConfigurationException("folds", "record " + r.recordId() + " has no fold (" + r.fold()
                        + ")", "assign folds first (FoldAssignment.stratified) or load a split file (FoldAssignment.read)");
            }
            if (r.recordId().contains(",") || r.recordId().contains("\"")) {
                sb.append('"').append(r.recordId().replace("\"", "\"\"")).append('"');
            } else {
                sb.append(r.recordId());
            }
            sb.append(',').append(r.fold()).append('\n');
        }
        AtomicFiles.writeString(csv, sb);
    }

    /**
     * The dataset with the folds of a split file: a CSV with the columns {@code record_id} and
     * {@code fold} (a whole number from 1), one row per record of the dataset, in any order.
     *
     * @throws DatasetException naming the file and line for a bad fold, an id the dataset does not
     *     have, an id given twice, or records of the dataset the file does not list
     */
    public static LabeledDataset read(LabeledDataset dataset, Path csv) {
        Csv table = Csv.read(csv);
        int idCol = table.column("record_id");
        int foldCol = table.column("fold");
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < dataset.size(); i++) {
            position.put(dataset.records().get(i).recordId(), i);
        }
        int[] folds = new int[dataset.size()];
        int[] lineOf = new int[dataset.size()];
        for (Csv.Row row : table.rows()) {
            String id = table.field(row, idCol, "record_id").strip();
            String text = table.field(row, foldCol, "fold").strip();
            Integer at = position.get(id);
            if (at == null) {
                throw new DatasetException(csv, "line " + row.line() + ", column record_id", "record '"
                        + abbreviate(id) + "' is not in the dataset " + dataset.name() + " (" + dataset.size()
                        + " records)", "list only records the dataset loads (records dropped while loading, e.g."
                        + " without a scored finding, are not in it), or remove the row");
            }
            if (lineOf[at] != 0) {
                throw new DatasetException(csv, "line " + row.line(), "record " + id + " is listed again (first on"
                        + " line " + lineOf[at] + ")", "give each record one fold");
            }
            int fold;
            try {
                fold = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                fold = 0;
            }
            if (fold < 1) {
                throw new DatasetException(csv, "line " + row.line() + ", column fold", "fold '" + abbreviate(text)
                        + "' of record " + id + " is not a whole number from 1", "number the folds 1, 2, ...");
            }
            folds[at] = fold;
            lineOf[at] = row.line();
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < folds.length; i++) {
            if (folds[i] == 0) {
                missing.add(dataset.records().get(i).recordId());
            }
        }
        if (!missing.isEmpty()) {
            throw new DatasetException(csv, null, missing.size() + " record(s) of the dataset have no row, e.g. "
                    + String.join(", ", missing.subList(0, Math.min(5, missing.size()))),
                    "give every loaded record a fold (FoldAssignment.write writes a complete file to start from)");
        }
        return withFolds(dataset, folds);
    }

    /** Records per fold and stratum: {@code fold -> (stratum -> count)}, both sorted. */
    public static Map<Integer, Map<String, Integer>> counts(LabeledDataset dataset,
            Function<LabeledRecord, String> stratum) {
        Map<Integer, Map<String, Integer>> m = new TreeMap<>();
        for (LabeledRecord r : dataset.records()) {
            m.computeIfAbsent(r.fold(), f -> new TreeMap<>()).merge(stratum.apply(r), 1, Integer::sum);
        }
        return m;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
