package org.ecgsiglip.model.train;

import org.ecgsiglip.model.core.Objective;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import org.ecgsiglip.model.siglip.LabelMatrix;
import org.ecgsiglip.model.siglip.SigmoidLoss;

/**
 * One optimisation step: copy a {@link HostBatch} to the device, forward, build the target matrix
 * on the device, loss, backward, clip the global gradient norm, update.
 *
 * <p>All arrays of a step live in a sub-manager closed at the end of the step, so nothing leaks.
 * The step returns the loss, the positive rate of the target matrix (the share of +1 / the mean
 * soft target) and the gradient norm before clipping, read back in one transfer.
 */
public final class TrainingStep {
    private final Trainer trainer;
    private final Objective objective;
    private final LabelMatrix labelMatrix;
    private final boolean paired;
    private final float[] keep;
    private final float clipNorm;
    private final StagingBuffers staging = new StagingBuffers(4);

    /**
     * @param keep per finding, 1 when it counts in the collision test and 0 when excluded
     * @param clipNorm maximum global gradient norm; {@code <= 0} disables clipping
     */
    public TrainingStep(Trainer trainer, Objective objective, LabelMatrix labelMatrix, boolean paired,
                        float[] keep, float clipNorm) {
        this.trainer = trainer;
        this.objective = objective;
        this.labelMatrix = labelMatrix;
        this.paired = paired;
        this.keep = keep.clone();
        this.clipNorm = clipNorm;
    }

    /** What one step measured. */
    public record Result(float loss, float positiveRate, float gradNorm) {
    }

    public Result run(HostBatch b) {
        try (NDManager scope = trainer.getManager().newSubManager()) {
            NDArray signals = staging.create(scope, 0, b.signals(), new Shape(b.n(), b.leads(), b.length()));
            NDArray rowHot = staging.create(scope, 1, b.rowHot(), new Shape(b.n(), b.findings()));
            NDArray loss;
            NDArray targets;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray logits;
                if (objective == Objective.BCE) {
                    logits = trainer.forward(new NDList(signals)).singletonOrThrow();
                    targets = rowHot;
                } else {
                    NDArray texts = staging.create(scope, 2, b.textFeatures(), new Shape(b.m(), b.textDim()));
                    NDArray colHot = staging.create(scope, 3, b.colHot(), new Shape(b.m(), b.findings()));
                    logits = trainer.forward(new NDList(signals, texts)).singletonOrThrow();
                    targets = labelMatrix.targets(rowHot, colHot, scope.create(keep), paired);
                }
                loss = SigmoidLoss.of(logits, targets);
                collector.backward(loss);
            }
            NDArray norm = clipNorm > 0
                    ? GradientClipping.clipGlobalNorm(trainer.getModel().getBlock().getParameters(), clipNorm)
                    : scope.create(Float.NaN);
            norm.attach(scope);
            trainer.step();
            float[] values = NDArrays.stack(new NDList(loss.reshape(1), targets.mean().reshape(1), norm.reshape(1)))
                    .toFloatArray();
            if (!Float.isFinite(values[0])) {
                throw new org.ecgsiglip.io.EcgException(null, "training step", "the loss is " + values[0]
                        + ": training diverged", "lower --learning-rate (e.g. by 10x) or --clip-norm, and check the "
                        + "data for NaN; train again into another --out (this folder keeps the failed run's definition)");
            }
            return new Result(values[0], values[1], values[2]);
        }
    }
}
