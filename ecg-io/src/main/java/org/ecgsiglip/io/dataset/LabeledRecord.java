package org.ecgsiglip.io.dataset;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * One record of a dataset and its findings.
 *
 * @param recordId the dataset's id for the record ({@code 00001_lr}, {@code E07500})
 * @param patientId the patient, when the dataset knows it, else {@code null}
 * @param recordPath the record's path without suffix (what {@code RecordReader.read} takes)
 * @param fold the dataset's fold (PTB-XL {@code strat_fold} 1-10), 0 when the dataset has none
 * @param findings sorted, distinct indices into the dataset's vocabulary (copied)
 */
public record LabeledRecord(String recordId, String patientId, Path recordPath, int fold, int[] findings) {

    public LabeledRecord {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(recordPath, "recordPath");
        findings = findings.clone();
        for (int i = 1; i < findings.length; i++) {
            if (findings[i] <= findings[i - 1]) {
                throw new IllegalArgumentException("record " + recordId + ": findings must be sorted and distinct, got "
                        + Arrays.toString(findings));
            }
        }
    }

    /** The finding indices (a copy). */
    @Override
    public int[] findings() {
        return findings.clone();
    }

    /** True when the record has finding {@code index}. */
    public boolean has(int index) {
        return Arrays.binarySearch(findings, index) >= 0;
    }

    /** Number of findings. */
    public int findingCount() {
        return findings.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabeledRecord r && recordId.equals(r.recordId) && Objects.equals(patientId, r.patientId)
                && recordPath.equals(r.recordPath) && fold == r.fold && Arrays.equals(findings, r.findings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recordId, patientId, recordPath, fold, Arrays.hashCode(findings));
    }

    @Override
    public String toString() {
        return "LabeledRecord[" + recordId + ", patient " + patientId + ", fold " + fold + ", findings "
                + Arrays.toString(findings) + "]";
    }
}
