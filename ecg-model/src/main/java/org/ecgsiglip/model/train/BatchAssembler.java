package org.ecgsiglip.model.train;

import java.util.SplittableRandom;
import org.ecgsiglip.io.pipeline.InputPipeline;
import org.ecgsiglip.io.pipeline.SignalSource;
import org.ecgsiglip.model.text.TextColumns;

/**
 * Builds training {@link HostBatch}es: reads the records' stored signals from a {@link SignalSource},
 * takes each record's training window and scales it through the {@link InputPipeline}, augments it,
 * and adds the finding sets and text columns. Every random choice comes from the
 * {@link SplittableRandom} handed in, so a batch is a pure function of (indices, rng state).
 */
public final class BatchAssembler {
    private final SignalSource source;
    private final InputPipeline pipeline;
    private final int[][] findingSets;
    private final int findings;
    private final Augmentation augmentation;
    private final TextColumns texts;

    /**
     * @param findingSets finding indices of every dataset record (by dataset index)
     * @param texts null for the supervised baseline (no text columns)
     */
    public BatchAssembler(SignalSource source, InputPipeline pipeline, int[][] findingSets, int findings,
                          Augmentation augmentation, TextColumns texts) {
        if (source.leads() != pipeline.leads() || source.length() != pipeline.storedLength()) {
            throw new IllegalArgumentException("stored signals of " + source.leads() + " x " + source.length()
                    + " do not match the pipeline's " + pipeline.leads() + " x " + pipeline.storedLength());
        }
        this.source = source;
        this.pipeline = pipeline;
        this.findingSets = findingSets;
        this.findings = findings;
        this.augmentation = augmentation;
        this.texts = texts;
    }

    /** A training batch of the records {@code indices}, windowed and augmented with draws from {@code rng}. */
    public HostBatch assemble(int[] indices, SplittableRandom rng) {
        int n = indices.length;
        int leads = pipeline.leads();
        int length = pipeline.inputLength();
        int size = pipeline.inputSize();
        float[] signals = new float[n * size];
        float[] stored = new float[leads * pipeline.storedLength()];
        for (int b = 0; b < n; b++) {
            source.read(indices[b], stored, 0);
            int start = pipeline.windows().trainingOffset(pipeline.storedLength(), rng);
            pipeline.window(stored, 0, start, signals, b * size);
            augmentation.apply(signals, b * size, leads, length, rng);
        }
        float[] rowHot = new float[n * findings];
        int[][] sets = new int[n][];
        for (int b = 0; b < n; b++) {
            sets[b] = findingSets[indices[b]];
            for (int f : sets[b]) {
                rowHot[b * findings + f] = 1f;
            }
        }
        if (texts == null) {
            return new HostBatch(n, leads, length, signals, findings, rowHot, 0, 0, new float[0], new float[0]);
        }
        TextColumns.Columns cols = texts.make(sets, rng);
        return new HostBatch(n, leads, length, signals, findings, rowHot, cols.m(), cols.dim(),
                cols.features(), cols.hot(), cols.texts());
    }
}
