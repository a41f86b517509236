package org.ecgsiglip.model.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.dataset.Split;
import org.ecgsiglip.io.pipeline.InputPipeline;
import org.ecgsiglip.io.pipeline.SignalSource;

/**
 * The data of a run: the labelled dataset (its vocabulary included), the split, the stored signals of
 * every record (by dataset index), the input pipeline fitted on the training records, and the
 * identity of the inputs for provenance.
 *
 * @param dataset the records and their findings
 * @param split train / validation / test indices into {@code dataset}
 * @param signals stored signals (the pipeline's stored form), normally the memory-mapped cache
 * @param pipeline how a stored signal becomes the model's input (written into the model folder)
 * @param provenance facts about the inputs (data hashes, pipeline, cache) for {@code provenance.json}
 */
public record TrainingData(LabeledDataset dataset, Split split, SignalSource signals, InputPipeline pipeline,
                           Map<String, Object> provenance) {

    public TrainingData {
        if (signals.leads() != pipeline.leads() || signals.length() != pipeline.storedLength()) {
            throw new IllegalArgumentException("signals of " + signals.leads() + " x " + signals.length()
                    + " do not match the pipeline's " + pipeline.leads() + " x " + pipeline.storedLength());
        }
        provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
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
