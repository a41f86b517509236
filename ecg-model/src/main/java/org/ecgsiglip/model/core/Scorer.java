package org.ecgsiglip.model.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import org.ecgsiglip.io.pipeline.InputPipeline;
import org.ecgsiglip.io.pipeline.SignalSource;
import org.ecgsiglip.model.text.TextColumns;

/**
 * Probabilities of every finding for a set of records, in inference mode: for SigLIP, zero-shot
 * against each finding's text, σ(exp(t') ⟨x, y_k⟩ + b); for the baseline, σ of its head.
 *
 * <p>{@link #score(SignalSource, int[], InputPipeline)} is the one scoring path of the toolkit:
 * validation during training and {@code ecg predict} both call it, on records in the pipeline's stored
 * form, in batches of {@link #BATCH} records; each record's evaluation windows are scored and their
 * probabilities combined by the pipeline's aggregation, rounded to float32 like a single window's.
 */
public final class Scorer {
    /** Records per forward pass. */
    public static final int BATCH = 64;

    private final ModelSession session;
    private final Objective objective;
    private final TextColumns.Columns columns;

    /** @param columns the text columns to score against (ignored by the baseline) */
    public Scorer(ModelSession session, Objective objective, TextColumns.Columns columns) {
        this.session = session;
        this.objective = objective;
        this.columns = columns;
    }

    /** σ(logits) [indices.length × m] of records {@code indices} of {@code stored}, through {@code pipeline}. */
    public double[][] score(SignalSource stored, int[] indices, InputPipeline pipeline) {
        int[] offsets = pipeline.evaluationOffsets();
        int size = pipeline.inputSize();
        float[] record = new float[pipeline.leads() * pipeline.storedLength()];
        double[][] out = new double[indices.length][];
        for (int start = 0; start < indices.length; start += BATCH) {
            int n = Math.min(BATCH, indices.length - start);
            float[][] inputs = new float[offsets.length][n * size];
            for (int b = 0; b < n; b++) {
                stored.read(indices[start + b], record, 0);
                for (int w = 0; w < offsets.length; w++) {
                    pipeline.window(record, 0, offsets[w], inputs[w], b * size);
                }
            }
            double[][][] perWindow = new double[offsets.length][][];
            for (int w = 0; w < offsets.length; w++) {
                perWindow[w] = score(inputs[w], n, size);
            }
            for (int b = 0; b < n; b++) {
                double[][] windows = new double[offsets.length][];
                for (int w = 0; w < offsets.length; w++) {
                    windows[w] = perWindow[w][b];
                }
                out[start + b] = toFloat32(pipeline.windows().aggregation().combine(windows));
            }
        }
        return out;
    }

    /**
     * Rounds each combined probability to the nearest float32, in place: a window's probability is a float32
     * (the network's output), a mean of several is not, and every consumer (Parquet's float columns in
     * {@code ecg spark score}, the score files of {@code ecg predict}) must see the same value.
     */
    private static double[] toFloat32(double[] p) {
        for (int k = 0; k < p.length; k++) {
            p[k] = (float) p[k];
        }
        return p;
    }

    /** σ(logits) for {@code n} model inputs laid out [n × leads × length] in {@code signals}. */
    public double[][] score(float[] signals, int n, int perRecord) {
        int leads = session.spec().leads();
        try (NDManager scope = session.manager().newSubManager()) {
            NDArray x = scope.create(signals, new Shape(n, leads, perRecord / leads));
            NDList inputs = objective == Objective.BCE ? new NDList(x)
                    : new NDList(x, scope.create(columns.features(), new Shape(columns.m(), columns.dim())));
            NDArray logits = session.evaluate(inputs).singletonOrThrow();
            logits.attach(scope);
            float[] p = Activation.sigmoid(logits).toFloatArray();
            int m = (int) logits.getShape().get(1);
            double[][] out = new double[n][m];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    out[i][j] = p[i * m + j];
                }
            }
            return out;
        }
    }
}
