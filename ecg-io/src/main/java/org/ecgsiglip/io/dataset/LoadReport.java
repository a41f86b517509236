package org.ecgsiglip.io.dataset;

import java.util.List;

/**
 * What loading a dataset left out, so that nothing is dropped silently.
 *
 * @param rowsRead records (rows or headers) read from the source
 * @param droppedNoFinding records dropped because no finding of the vocabulary remained
 * @param droppedMissingFile records dropped because their signal files were missing (only when asked)
 * @param codesIgnored unknown or unscored code occurrences left out (only when asked)
 * @param notes one line per notable event, e.g. which record lost which code
 */
public record LoadReport(int rowsRead, int droppedNoFinding, int droppedMissingFile, int codesIgnored,
        List<String> notes) {

    public LoadReport {
        notes = List.copyOf(notes);
    }

    /** A report of a load that dropped nothing. */
    public static LoadReport clean(int rows) {
        return new LoadReport(rows, 0, 0, 0, List.of());
    }
}
