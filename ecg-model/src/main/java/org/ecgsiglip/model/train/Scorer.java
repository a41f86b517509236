package org.ecgsiglip.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.Arrays;

/**
 * Probabilities of every finding for a set of records, in inference mode: for SigLIP, zero-shot
 * against each finding's text, σ(exp(t') ⟨x, y_k⟩ + b); for the baseline, σ of its head.
 */
public final class Scorer {
    private final ModelSession session;
    private final Objective objective;
    private final TextColumns.Columns columns;

    /** @param columns the text columns to score against (ignored by the baseline) */
    public Scorer(ModelSession session, Objective objective, TextColumns.Columns columns) {
        this.session = session;
        this.objective = objective;
        this.columns = columns;
    }

    /** σ(logits) [indices.length × m] for the records, in batches of {@code batchSize}. */
    public double[][] score(BatchAssembler assembler, int[] indices, int batchSize) {
        double[][] out = new double[indices.length][];
        for (int start = 0; start < indices.length; start += batchSize) {
            int[] chunk = Arrays.copyOfRange(indices, start, Math.min(indices.length, start + batchSize));
            float[] signals = assembler.signals(chunk);
            double[][] part = score(signals, chunk.length, signals.length / chunk.length);
            System.arraycopy(part, 0, out, start, part.length);
        }
        return out;
    }

    /** σ(logits) for {@code n} preprocessed records laid out [n × leads × length] in {@code signals}. */
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
