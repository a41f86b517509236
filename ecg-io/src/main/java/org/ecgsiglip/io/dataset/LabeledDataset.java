package org.ecgsiglip.io.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.ecgsiglip.io.findings.FindingsVocabulary;

/**
 * An immutable list of labelled records over one frozen vocabulary, plus the report of what loading
 * left out. Index {@code i} of {@link #records()} is row {@code i} of {@link #labelMatrix()} and of
 * any cache built from the dataset.
 */
public final class LabeledDataset {
    private final String name;
    private final FindingsVocabulary vocabulary;
    private final List<LabeledRecord> records;
    private final LoadReport report;

    /**
     * @param name a short name with its label level, e.g. {@code ptbxl-superdiagnostic}
     * @param vocabulary the findings every record's indices point into
     * @param records the records, in a fixed order
     * @param report what loading left out
     */
    public LabeledDataset(String name, FindingsVocabulary vocabulary, List<LabeledRecord> records, LoadReport report) {
        this.name = Objects.requireNonNull(name, "name");
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.records = List.copyOf(records);
        this.report = Objects.requireNonNull(report, "report");
        for (LabeledRecord r : this.records) {
            int[] f = r.findings();
            if (f.length > 0 && (f[0] < 0 || f[f.length - 1] >= vocabulary.size())) {
                throw new IllegalArgumentException("record " + r.recordId() + " points outside the vocabulary of "
                        + vocabulary.size());
            }
        }
    }

    public String name() {
        return name;
    }

    public FindingsVocabulary vocabulary() {
        return vocabulary;
    }

    public List<LabeledRecord> records() {
        return records;
    }

    public LoadReport report() {
        return report;
    }

    public int size() {
        return records.size();
    }

    /** The records at {@code indices}, in that order, as a new dataset with the same vocabulary. */
    public LabeledDataset select(int[] indices) {
        List<LabeledRecord> out = new ArrayList<>(indices.length);
        for (int i : indices) {
            out.add(records.get(i));
        }
        return new LabeledDataset(name, vocabulary, out, report);
    }

    /** {@code [record][finding]}: true when the record has the finding. */
    public boolean[][] labelMatrix() {
        boolean[][] m = new boolean[records.size()][vocabulary.size()];
        for (int i = 0; i < m.length; i++) {
            for (int f : records.get(i).findings()) {
                m[i][f] = true;
            }
        }
        return m;
    }

    /** Records per finding, in vocabulary order. */
    public int[] findingCounts() {
        int[] c = new int[vocabulary.size()];
        for (LabeledRecord r : records) {
            for (int f : r.findings()) {
                c[f]++;
            }
        }
        return c;
    }

    /** Records per fold, sorted by fold. */
    public Map<Integer, Integer> foldCounts() {
        Map<Integer, Integer> m = new TreeMap<>();
        for (LabeledRecord r : records) {
            m.merge(r.fold(), 1, Integer::sum);
        }
        return m;
    }

    @Override
    public String toString() {
        return "LabeledDataset[" + name + ", " + size() + " records, " + vocabulary.size() + " findings]";
    }
}
