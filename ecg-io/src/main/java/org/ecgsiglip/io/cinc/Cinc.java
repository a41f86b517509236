package org.ecgsiglip.io.cinc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeSet;
import org.ecgsiglip.io.DatasetException;
import org.ecgsiglip.io.dataset.FoldAssignment;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.dataset.LabeledRecord;
import org.ecgsiglip.io.dataset.LoadReport;
import org.ecgsiglip.io.findings.FindingsVocabulary;
import org.ecgsiglip.io.wfdb.HeaderParser;
import org.ecgsiglip.io.wfdb.WfdbHeader;

/**
 * Loads PhysioNet/CinC Challenge 2020/2021 records: every {@code .hea} below one or several roots
 * (see {@link CincFiles} for the layouts), labelled by its {@code #Dx} SNOMED-CT codes over the
 * frozen 2021 vocabulary: the 26 scored classes of {@code weights.csv}, equivalent codes merged as
 * the 2021 scoring merges them ({@link CincVocabularies}). A code is <em>unscored</em> when it is in
 * the 2021 {@code dx_mapping_unscored.csv} and <em>unknown</em> when it is in neither table; the
 * tables ship with the toolkit, so tables in the root are not needed and not read. Each record's
 * source database comes from its name ({@link CincSource}) and is counted per source.
 *
 * <p>Records keep their own length and sampling rate (CPSC 6-144 s, INCART 30 min at 257 Hz, PTB at
 * 1000 Hz); {@code Preprocessing} resamples and crops or pads them. CinC has no folds (every record
 * gets fold 0) and no patient ids; {@link #assignFolds} assigns folds.
 */
public final class Cinc {
    private Cinc() {
    }

    /** What to do with a code that is in {@code dx_mapping_unscored.csv}. */
    public enum Unscored {
        /** Leave it out of the record's findings (counted); the vocabulary is the 26 scored classes. */
        DROP,
        /** Keep it: the vocabulary is the scored classes followed by every unscored code. */
        INCLUDE,
        /** Fail with a typed error naming the record and code. */
        FAIL
    }

    /**
     * Loading options.
     *
     * @param unscored what to do with unscored codes
     * @param ignoreUnknownCodes skip (and count) codes in neither mapping table instead of failing
     */
    public record Options(Unscored unscored, boolean ignoreUnknownCodes) {
        public Options {
            java.util.Objects.requireNonNull(unscored, "unscored");
        }

        /** Scored classes only, unknown codes fail. */
        public static Options defaults() {
            return new Options(Unscored.DROP, false);
        }

        public Options withUnscored(Unscored u) {
            return new Options(u, ignoreUnknownCodes);
        }

        public Options withIgnoreUnknownCodes(boolean on) {
            return new Options(unscored, on);
        }
    }

    /** Loads with default options. */
    public static LabeledDataset load(Path root) {
        return load(root, Options.defaults());
    }

    /** Loads every record below {@code root}. */
    public static LabeledDataset load(Path root, Options opts) {
        return read(List.of(root), opts).dataset();
    }

    /** Loads every record below each of {@code roots} (e.g. one folder per source database). */
    public static LabeledDataset load(List<Path> roots, Options opts) {
        return read(roots, opts).dataset();
    }

    /**
     * The dataset with folds 1..k, stratified by findings and by source database
     * ({@link CincSource#of}); see {@link FoldAssignment#stratified(LabeledDataset, int, long, java.util.function.Function)}.
     */
    public static LabeledDataset assignFolds(LabeledDataset dataset, int k, long seed) {
        return FoldAssignment.stratified(dataset, k, seed, r -> CincSource.of(r.recordId()).name());
    }

    /** Loads every record below each of {@code roots} and reports per source database. */
    public static CincLoad read(List<Path> roots, Options opts) {
        FindingsVocabulary vocab = CincVocabularies.frozen(opts.unscored() == Unscored.INCLUDE);
        FindingsVocabulary all = CincVocabularies.frozen(true);
        int scored = CincVocabularies.frozen(false).size();
        List<CincFiles.Header> headers = CincFiles.headers(roots);
        List<LabeledRecord> records = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<CincSource, int[]> perSource = new EnumMap<>(CincSource.class);
        int ignored = 0;
        int dropped = 0;
        for (CincFiles.Header file : headers) {
            WfdbHeader h = HeaderParser.parse(file.file());
            CincHeader c = CincHeader.of(h);
            String id = file.id();
            int[] counts = perSource.computeIfAbsent(CincSource.of(id), s -> new int[4]);
            counts[0]++;
            if (c.emptyEntries() > 0) {
                notes.add(id + ": " + c.emptyEntries() + " empty #Dx entr" + (c.emptyEntries() == 1 ? "y" : "ies")
                        + " skipped");
            }
            TreeSet<Integer> idx = new TreeSet<>();
            for (String code : c.dx()) {
                OptionalInt i = vocab.find(code);
                if (i.isPresent()) {
                    idx.add(i.getAsInt());
                    continue;
                }
                OptionalInt known = all.find(code);
                if (known.isPresent() && known.getAsInt() >= scored) {
                    if (opts.unscored() == Unscored.FAIL) {
                        throw new DatasetException(file.file(), "comment " + c.dxLine() + " (#Dx)", "record " + id
                                + " has unscored code " + code + " (" + all.get(known.getAsInt()).text() + ")",
                                "load with Unscored.DROP to leave unscored codes out or INCLUDE to keep them");
                    }
                } else if (opts.ignoreUnknownCodes()) {
                    notes.add(id + ": unknown code " + code + " ignored");
                } else {
                    throw new DatasetException(file.file(), "comment " + c.dxLine() + " (#Dx)", "record " + id
                            + " has code " + code + ", which is in neither dx_mapping_scored.csv nor"
                            + " dx_mapping_unscored.csv of the 2021 Challenge",
                            "pass --ignore-unknown-codes to skip it, or correct the code");
                }
                ignored++;
                counts[3]++;
            }
            if (idx.isEmpty()) {
                dropped++;
                counts[2]++;
                notes.add(id + ": no finding of the vocabulary left, record dropped");
                continue;
            }
            counts[1]++;
            records.add(new LabeledRecord(id, null, file.file().resolveSibling(id), 0,
                    idx.stream().mapToInt(Integer::intValue).toArray()));
        }
        Map<CincSource, CincLoad.SourceCounts> sources = new EnumMap<>(CincSource.class);
        perSource.forEach((s, n) -> {
            sources.put(s, new CincLoad.SourceCounts(n[0], n[1], n[2], n[3]));
            notes.add("source " + s.title() + ": " + n[0] + " headers, " + n[1] + " records kept, " + n[2]
                    + " dropped without a finding of the vocabulary");
        });
        String name = opts.unscored() == Unscored.INCLUDE ? "cinc2021-all" : "cinc2021-scored";
        LoadReport report = new LoadReport(headers.size(), dropped, 0, ignored, notes);
        return new CincLoad(new LabeledDataset(name, vocab, records, report), sources);
    }
}
