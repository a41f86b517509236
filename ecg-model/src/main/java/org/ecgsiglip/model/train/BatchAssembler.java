package org.ecgsiglip.model.train;

import java.util.SplittableRandom;

/**
 * Builds {@link HostBatch}es: reads the records' signals from a {@link SignalSource}, crops and
 * augments them, and adds the finding sets and text columns. Every random choice comes from the
 * {@link SplittableRandom} handed in, so a batch is a pure function of (indices, rng state).
 */
public final class BatchAssembler {
    private final SignalSource source;
    private final int[][] findingSets;
    private final int findings;
    private final int inputLength;
    private final Augmentation augmentation;
    private final TextColumns texts;

    /**
     * @param findingSets finding indices of every dataset record (by dataset index)
     * @param texts null for the supervised baseline (no text columns)
     */
    public BatchAssembler(SignalSource source, int[][] findingSets, int findings, int inputLength,
                          Augmentation augmentation, TextColumns texts) {
        if (inputLength > source.length()) {
            throw new IllegalArgumentException("input length " + inputLength + " exceeds the stored length "
                    + source.length());
        }
        this.source = source;
        this.findingSets = findingSets;
        this.findings = findings;
        this.inputLength = inputLength;
        this.augmentation = augmentation;
        this.texts = texts;
    }

    /** A training batch of the records {@code indices}, augmented with draws from {@code rng}. */
    public HostBatch assemble(int[] indices, SplittableRandom rng) {
        int n = indices.length;
        float[] signals = readSignals(indices, rng);
        float[] rowHot = new float[n * findings];
        int[][] sets = new int[n][];
        for (int b = 0; b < n; b++) {
            sets[b] = findingSets[indices[b]];
            for (int f : sets[b]) {
                rowHot[b * findings + f] = 1f;
            }
        }
        if (texts == null) {
            return new HostBatch(n, source.leads(), inputLength, signals, findings, rowHot, 0, 0, new float[0],
                    new float[0]);
        }
        TextColumns.Columns cols = texts.make(sets, rng);
        return new HostBatch(n, source.leads(), inputLength, signals, findings, rowHot, cols.m(), cols.dim(),
                cols.features(), cols.hot());
    }

    /** Signals only (validation and prediction): [n × leads × inputLength], centre-cropped, no augmentation. */
    public float[] signals(int[] indices) {
        return readSignals(indices, null);
    }

    private float[] readSignals(int[] indices, SplittableRandom rngOrNull) {
        int n = indices.length;
        int leads = source.leads();
        int stored = source.length();
        float[] signals = new float[n * leads * inputLength];
        float[] scratch = stored == inputLength ? null : new float[leads * stored];
        for (int b = 0; b < n; b++) {
            int offset = b * leads * inputLength;
            if (scratch == null) {
                source.read(indices[b], signals, offset);
            } else {
                source.read(indices[b], scratch, 0);
                int start = Augmentation.cropOffset(stored, inputLength, rngOrNull);
                for (int k = 0; k < leads; k++) {
                    System.arraycopy(scratch, k * stored + start, signals, offset + k * inputLength, inputLength);
                }
            }
            if (rngOrNull != null) {
                augmentation.apply(signals, offset, leads, inputLength, rngOrNull);
            }
        }
        return signals;
    }
}
