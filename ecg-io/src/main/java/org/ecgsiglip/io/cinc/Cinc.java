package org.ecgsiglip.io.cinc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.ecgsiglip.io.DatasetException;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.dataset.LabeledRecord;
import org.ecgsiglip.io.dataset.LoadReport;
import org.ecgsiglip.io.findings.FindingsVocabulary;
import org.ecgsiglip.io.wfdb.HeaderParser;
import org.ecgsiglip.io.wfdb.WfdbHeader;

/**
 * Loads PhysioNet/CinC Challenge 2020/2021 records: every {@code .hea} below the root (sorted by
 * path), labelled by its {@code #Dx} codes, with the challenge tables ({@code weights.csv},
 * {@code dx_mapping_scored.csv}, {@code dx_mapping_unscored.csv}) in the root. Equivalent codes are
 * merged as the 2021 scoring merges them. CinC has no folds (every record gets fold 0) and no patient
 * ids; use {@code Split.stratified} to split.
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
        /** Scored classes only, unknown codes fail. */
        public static Options defaults() {
            return new Options(Unscored.DROP, false);
        }
    }

    /** Loads with default options. */
    public static LabeledDataset load(Path root) {
        return load(root, Options.defaults());
    }

    /** Loads every record below {@code root}. */
    public static LabeledDataset load(Path root, Options opts) {
        if (!Files.isDirectory(root)) {
            throw new DatasetException(root, null, "CinC root folder not found",
                    "pass the folder that holds the .hea/.mat records and the challenge's dx_mapping_*.csv tables");
        }
        FindingsVocabulary vocab = CincVocabularies.frozen(opts.unscored() == Unscored.INCLUDE);
        DxMapping unscored = DxMapping.read(root.resolve("dx_mapping_unscored.csv"));
        List<Path> headers;
        try (Stream<Path> s = Files.walk(root)) {
            headers = s.filter(p -> p.getFileName().toString().endsWith(".hea") && Files.isRegularFile(p)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new DatasetException(root, null, "cannot list records: " + e.getMessage(), "check permissions", e);
        }
        if (headers.isEmpty()) {
            throw new DatasetException(root, null, "no .hea record headers found", "pass the folder with the records");
        }
        List<LabeledRecord> records = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int ignored = 0;
        int dropped = 0;
        for (Path hea : headers) {
            WfdbHeader h = HeaderParser.parse(hea);
            CincHeader c = CincHeader.of(h);
            String name = hea.getFileName().toString();
            String id = name.substring(0, name.length() - 4);
            if (c.emptyEntries() > 0) {
                notes.add(id + ": " + c.emptyEntries() + " empty #Dx entr" + (c.emptyEntries() == 1 ? "y" : "ies")
                        + " skipped");
            }
            TreeSet<Integer> idx = new TreeSet<>();
            for (String code : c.dx()) {
                var i = vocab.find(code);
                if (i.isPresent()) {
                    idx.add(i.getAsInt());
                } else if (unscored.get(code).isPresent()) {
                    if (opts.unscored() == Unscored.FAIL) {
                        throw new DatasetException(hea, "#Dx", "record " + id + " has unscored code " + code + " ("
                                + unscored.get(code).get().text() + ")",
                                "load with Unscored.DROP to leave unscored codes out or INCLUDE to keep them");
                    }
                    ignored++;
                } else if (opts.ignoreUnknownCodes()) {
                    ignored++;
                    notes.add(id + ": unknown code " + code + " ignored");
                } else {
                    throw new DatasetException(hea, "#Dx", "record " + id + " has code " + code
                            + ", which is in neither dx_mapping_scored.csv nor dx_mapping_unscored.csv",
                            "pass --ignore-unknown-codes to skip it, or add the code to the mapping tables");
                }
            }
            if (idx.isEmpty()) {
                dropped++;
                notes.add(id + ": no finding of the vocabulary left, record dropped");
                continue;
            }
            Path recordPath = hea.resolveSibling(id);
            records.add(new LabeledRecord(id, null, recordPath, 0,
                    idx.stream().mapToInt(Integer::intValue).toArray()));
        }
        String name = opts.unscored() == Unscored.INCLUDE ? "cinc2021-all" : "cinc2021-scored";
        return new LabeledDataset(name, vocab, records, new LoadReport(headers.size(), dropped, 0, ignored, notes));
    }
}
