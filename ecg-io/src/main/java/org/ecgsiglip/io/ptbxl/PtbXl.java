package org.ecgsiglip.io.ptbxl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.io.DatasetException;
import org.ecgsiglip.io.dataset.DatasetPaths;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.dataset.LabeledRecord;
import org.ecgsiglip.io.dataset.LoadReport;
import org.ecgsiglip.io.findings.FindingsVocabulary;
import org.ecgsiglip.io.util.Quote;

/**
 * Loads PTB-XL in its original layout ({@code ptbxl_database.csv}, {@code scp_statements.csv},
 * {@code records100/}, {@code records500/}) as a {@link LabeledDataset} at one {@link LabelLevel},
 * over that level's frozen vocabulary. Records whose label set is empty at the level are dropped
 * and counted in the {@link LoadReport}, as the benchmark drops them.
 *
 * <p>The root is a boundary ({@link DatasetPaths}): the tables and every record's {@code .hea} and
 * {@code .dat}, links resolved, must lie inside it, and two rows may not name the same record.
 */
public final class PtbXl {
    private PtbXl() {
    }

    /**
     * Loading options.
     *
     * @param samplingRate 100 (records100, {@code filename_lr}) or 500 (records500, {@code filename_hr})
     * @param ignoreUnknownCodes skip (and count) codes missing from scp_statements.csv instead of failing
     * @param minSamples the benchmark's {@code min_samples}: labels in at most this many records are removed
     *     before empty records are dropped (0 keeps every label; like the benchmark, not applied to DIAGNOSTIC)
     * @param checkFiles fail (or skip, see next) when a record's {@code .hea} is missing
     * @param skipMissingRecords drop and count records whose files are missing instead of failing
     */
    public record Options(int samplingRate, boolean ignoreUnknownCodes, int minSamples, boolean checkFiles,
            boolean skipMissingRecords) {

        public Options {
            if (samplingRate != 100 && samplingRate != 500) {
                throw new ConfigurationException("sampling rate", "PTB-XL records exist at 100 and 500 Hz, not "
                        + samplingRate, "use 100 or 500");
            }
            if (minSamples < 0) {
                throw new ConfigurationException("min samples", "must be >= 0, got " + minSamples, "use 0");
            }
        }

        /** 100 Hz, unknown codes fail, every label kept, files checked, missing files fail. */
        public static Options defaults() {
            return new Options(100, false, 0, true, false);
        }

        public Options withSamplingRate(int hz) {
            return new Options(hz, ignoreUnknownCodes, minSamples, checkFiles, skipMissingRecords);
        }

        public Options withIgnoreUnknownCodes(boolean on) {
            return new Options(samplingRate, on, minSamples, checkFiles, skipMissingRecords);
        }

        public Options withMinSamples(int n) {
            return new Options(samplingRate, ignoreUnknownCodes, n, checkFiles, skipMissingRecords);
        }

        public Options withSkipMissingRecords(boolean on) {
            return new Options(samplingRate, ignoreUnknownCodes, minSamples, checkFiles, on);
        }
    }

    /** Loads with default options. */
    public static LabeledDataset load(Path root, LabelLevel level) {
        return load(root, level, Options.defaults());
    }

    /** Loads the dataset under {@code root} at {@code level}. */
    public static LabeledDataset load(Path root, LabelLevel level, Options opts) {
        if (!Files.isDirectory(root)) {
            throw new DatasetException(root, null, "PTB-XL root folder not found",
                    "pass the folder that holds ptbxl_database.csv and scp_statements.csv");
        }
        DatasetPaths.Boundary boundary = DatasetPaths.boundary(root);
        Path statementsFile = root.resolve("scp_statements.csv");
        Path table = root.resolve("ptbxl_database.csv");
        boundary.require(statementsFile, statementsFile, null);
        boundary.require(table, table, null);
        ScpStatements statements = ScpStatements.read(statementsFile);
        List<PtbXlRow> rows = PtbXlDatabase.read(table);
        FindingsVocabulary vocab = PtbXlVocabularies.frozen(level);
        List<String> notes = new ArrayList<>();
        int ignored = 0;
        List<Set<String>> labelSets = new ArrayList<>(rows.size());
        for (PtbXlRow row : rows) {
            for (String code : row.scpCodes().keySet()) {
                if (statements.get(code).isEmpty()) {
                    if (!opts.ignoreUnknownCodes()) {
                        throw new DatasetException(table, "line " + row.line() + ", column scp_codes",
                                "unknown SCP code " + Quote.of(code) + " (ecg_id " + row.ecgId() + "); known codes are listed in "
                                        + "scp_statements.csv", "pass --ignore-unknown-codes to skip it");
                    }
                    ignored++;
                    notes.add("ecg_id " + row.ecgId() + ": unknown SCP code " + Quote.of(code) + " ignored");
                }
            }
            labelSets.add(level.labels(row.scpCodes(), statements));
        }
        if (opts.minSamples() > 0 && level != LabelLevel.DIAGNOSTIC) {
            Map<String, Integer> counts = new HashMap<>();
            labelSets.forEach(s -> s.forEach(c -> counts.merge(c, 1, Integer::sum)));
            labelSets.forEach(s -> s.removeIf(c -> counts.get(c) <= opts.minSamples()));
        }
        List<LabeledRecord> records = new ArrayList<>(rows.size());
        Map<String, Integer> lineOfId = new HashMap<>();
        int droppedEmpty = 0;
        int droppedMissing = 0;
        for (int i = 0; i < rows.size(); i++) {
            PtbXlRow row = rows.get(i);
            Set<String> labels = labelSets.get(i);
            if (labels.isEmpty()) {
                droppedEmpty++;
                continue;
            }
            String column = opts.samplingRate() == 100 ? "filename_lr" : "filename_hr";
            String rel = opts.samplingRate() == 100 ? row.filenameLr() : row.filenameHr();
            String where = "line " + row.line() + ", column " + column;
            Path path = DatasetPaths.inside(root, rel, table, where);
            String recordId = path.getFileName().toString();
            Integer before = lineOfId.putIfAbsent(recordId, row.line());
            if (before != null) {
                throw new DatasetException(table, where, "duplicate record id " + Quote.of(recordId) + ": lines "
                        + before + " and " + row.line() + " both point at " + Quote.of(rel),
                        "give every row its own record file, or remove the duplicate row");
            }
            Path hea = path.resolveSibling(recordId + ".hea");
            boolean present = boundary.require(hea, table, where);
            boundary.require(path.resolveSibling(recordId + ".dat"), table, where);
            if (opts.checkFiles() && !present) {
                if (!opts.skipMissingRecords()) {
                    throw new DatasetException(table, "line " + row.line() + ", column " + column, "record file "
                            + rel + ".hea of ecg_id " + row.ecgId() + " is missing under " + root,
                            "download records" + opts.samplingRate() + "/, use the other sampling rate, or pass"
                                    + " --skip-missing-records");
                }
                droppedMissing++;
                continue;
            }
            int[] idx = labels.stream().mapToInt(c -> indexIn(vocab, c, table, row)).sorted().toArray();
            records.add(new LabeledRecord(recordId, row.patientId(), path, row.fold(), idx));
        }
        LoadReport report = new LoadReport(rows.size(), droppedEmpty, droppedMissing, ignored, notes);
        return new LabeledDataset("ptbxl-" + level.id(), vocab, records, report);
    }

    private static int indexIn(FindingsVocabulary vocab, String code, Path table, PtbXlRow row) {
        return vocab.find(code).orElseThrow(() -> new DatasetException(table, "line " + row.line()
                + ", column scp_codes", "label " + Quote.of(code) + " of ecg_id " + row.ecgId()
                + " is not in the frozen vocabulary", "use PTB-XL's original scp_statements.csv"));
    }
}
