package org.ecgsiglip.model.train;

import java.util.Map;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.dataset.Split;

/**
 * The data of a run: the labelled dataset (its vocabulary included), the split, the preprocessed
 * signals of every record (by dataset index), and the identity of the inputs for provenance.
 *
 * @param dataset the records and their findings
 * @param split train / validation / test indices into {@code dataset}
 * @param signals preprocessed signals, normally the memory-mapped cache
 * @param provenance facts about the inputs (data hashes, preprocessing, cache) for {@code provenance.json}
 */
public record TrainingData(LabeledDataset dataset, Split split, SignalSource signals, Map<String, Object> provenance) {

    public TrainingData {
        provenance = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(provenance));
    }

    /** Finding indices of every record, by dataset index. */
    public int[][] findingSets() {
        int[][] sets = new int[dataset.size()][];
        for (int i = 0; i < sets.length; i++) {
            sets[i] = dataset.records().get(i).findings();
        }
        return sets;
    }
}
