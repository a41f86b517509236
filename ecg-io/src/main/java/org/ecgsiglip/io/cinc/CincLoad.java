package org.ecgsiglip.io.cinc;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.ecgsiglip.io.dataset.LabeledDataset;

/**
 * A loaded CinC dataset and what loading saw per source database.
 *
 * @param dataset the records kept, over the scored (or scored and unscored) vocabulary
 * @param sources per source, in {@link CincSource} order, only the sources that had a header
 */
public record CincLoad(LabeledDataset dataset, Map<CincSource, SourceCounts> sources) {

    /**
     * What one source contributed.
     *
     * @param headers record headers found
     * @param records records kept
     * @param droppedNoFinding records dropped because no code of the vocabulary was left
     * @param codesIgnored unscored or unknown code occurrences left out of the kept and dropped records
     */
    public record SourceCounts(int headers, int records, int droppedNoFinding, int codesIgnored) {
    }

    public CincLoad {
        Objects.requireNonNull(dataset, "dataset");
        sources = Collections.unmodifiableMap(new EnumMap<>(sources));
    }

    /** The counts of one source; all zero when it had no header. */
    public SourceCounts of(CincSource source) {
        return sources.getOrDefault(source, new SourceCounts(0, 0, 0, 0));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(dataset.toString());
        sources.forEach((s, c) -> sb.append("\n  ").append(s.title()).append(": ").append(c.headers())
                .append(" headers, ").append(c.records()).append(" records kept, ").append(c.droppedNoFinding())
                .append(" dropped"));
        return sb.toString();
    }
}
