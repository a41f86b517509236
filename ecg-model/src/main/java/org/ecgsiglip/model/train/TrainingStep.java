package org.ecgsiglip.model.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import java.util.ArrayList;
import java.util.List;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.model.core.Objective;
import org.ecgsiglip.model.siglip.LabelMatrix;
import org.ecgsiglip.model.siglip.LossShard;
import org.ecgsiglip.model.siglip.ShardedLoss;
import org.ecgsiglip.model.siglip.ShardedSigmoidLoss;
import org.ecgsiglip.model.siglip.SigmoidLoss;
import org.ecgsiglip.model.siglip.SiglipBlock;
import org.ecgsiglip.model.siglip.TextStrategy;

/**
 * One optimisation step: copy a {@link HostBatch} to the device(s), forward, build the target matrix,
 * loss, backward, clip the global gradient norm, update.
 *
 * <p>On one device with {@code lossChunk} 0 the loss is computed as it always was (logits under
 * autograd). With several devices ({@code --device all-gpus}) the batch is cut into contiguous slices in
 * device order, each device embeds its own slice, and {@link ShardedSigmoidLoss} computes the
 * label-aware loss of the whole batch — every device's rows against every device's texts and finding
 * sets, so that two ECGs on different devices that share a finding are a positive pair — with each
 * device's gradients flowing to its own rows; DJL then sums the devices' parameter gradients. With
 * {@code lossChunk} > 0 the loss is computed in blocks of that many columns, so its memory grows with
 * n × chunk instead of n × n. The supervised baseline's loss is per sample: each device's slice is
 * weighted by its share of the batch.
 *
 * <p>All arrays of a step live in sub-managers closed at the end of the step, so nothing leaks.
 * The step returns the loss, the positive rate of the target matrix (the share of +1 / the mean soft
 * target) and the gradient norm before clipping.
 */
public final class TrainingStep {
    private final Trainer trainer;
    private final Objective objective;
    private final LabelMatrix labelMatrix;
    private final TextStrategy strategy;
    private final float[] keep;
    private final float clipNorm;
    private final Device[] devices;
    private final int lossChunk;
    private final StagingBuffers staging = new StagingBuffers(4);

    /**
     * @param keep per finding, 1 when it counts in the collision test and 0 when excluded
     * @param clipNorm maximum global gradient norm; {@code <= 0} disables clipping
     * @param devices the trainer's devices, in order
     * @param lossChunk columns per block of the loss; 0 for the whole matrix at once
     */
    public TrainingStep(Trainer trainer, Objective objective, LabelMatrix labelMatrix, TextStrategy strategy,
                        float[] keep, float clipNorm, Device[] devices, int lossChunk) {
        this.trainer = trainer;
        this.objective = objective;
        this.labelMatrix = labelMatrix;
        this.strategy = strategy;
        this.keep = keep.clone();
        this.clipNorm = clipNorm;
        this.devices = devices.clone();
        this.lossChunk = lossChunk;
    }

    /** What one step measured. */
    public record Result(float loss, float positiveRate, float gradNorm) {
    }

    public Result run(HostBatch b) {
        try (NDManager scope = trainer.getManager().newSubManager()) {
            NDArray signals = staging.create(scope, 0, b.signals(), new Shape(b.n(), b.leads(), b.length()));
            NDArray rowHot = staging.create(scope, 1, b.rowHot(), new Shape(b.n(), b.findings()));
            float[] lossAndRate;
            if (objective == Objective.BCE) {
                lossAndRate = bce(scope, signals, rowHot);
            } else {
                NDArray texts = staging.create(scope, 2, b.textFeatures(), new Shape(b.m(), b.textDim()));
                NDArray colHot = staging.create(scope, 3, b.colHot(), new Shape(b.m(), b.findings()));
                lossAndRate = devices.length == 1 && lossChunk == 0 ? plain(scope, signals, rowHot, texts, colHot)
                        : sharded(scope, signals, rowHot, texts, colHot);
            }
            NDArray norm = clipNorm > 0
                    ? GradientClipping.clipGlobalNorm(trainer.getModel().getBlock().getParameters(), clipNorm)
                    : scope.create(Float.NaN);
            norm.attach(scope);
            float gradNorm = norm.toFloatArray()[0];
            trainer.step();
            if (!Float.isFinite(lossAndRate[0])) {
                throw new EcgException(null, "training step", "the loss is " + lossAndRate[0] + ": training diverged",
                        "lower --learning-rate (e.g. by 10x) or --clip-norm, and check the data for NaN; train again "
                                + "into another --out (this folder keeps the failed run's definition)");
            }
            return new Result(lossAndRate[0], lossAndRate[1], gradNorm);
        }
    }

    /** One device, the loss over the whole logit matrix under autograd. */
    private float[] plain(NDManager scope, NDArray signals, NDArray rowHot, NDArray texts, NDArray colHot) {
        NDArray loss;
        NDArray targets;
        try (GradientCollector collector = trainer.newGradientCollector()) {
            NDArray logits = trainer.forward(new NDList(signals, texts)).singletonOrThrow();
            targets = labelMatrix.targets(rowHot, colHot, scope.create(keep), strategy.paired());
            loss = SigmoidLoss.of(logits, targets);
            collector.backward(loss);
        }
        return NDArrays.stack(new NDList(loss.reshape(1), targets.mean().reshape(1))).toFloatArray();
    }

    /** Slices on every device (or one chunked slice), the label-aware loss of the whole batch. */
    private float[] sharded(NDManager scope, NDArray signals, NDArray rowHot, NDArray texts, NDArray colHot) {
        ShardedSigmoidLoss loss = new ShardedSigmoidLoss(labelMatrix, strategy, keep, lossChunk);
        ShardedLoss result;
        long[][] slices = slices(signals.getShape().get(0));
        try (GradientCollector collector = trainer.newGradientCollector()) {
            List<LossShard> shards = new ArrayList<>();
            for (int k = 0; k < devices.length; k++) {
                NDIndex rows = new NDIndex("{}:{}", slices[k][0], slices[k][1]);
                NDArray cols = strategy.paired() ? texts.get(rows) : texts;
                NDArray colSets = strategy.paired() ? colHot.get(rows) : colHot;
                SiglipBlock.Embeddings e = SiglipBlock.embed(trainer, on(signals.get(rows), k), on(cols, k));
                shards.add(LossShard.of(e, on(rowHot.get(rows), k), on(colSets, k)));
            }
            result = loss.compute(shards);
            result.backward(collector);
        }
        return new float[] {result.value(), result.positiveRate()};
    }

    /** The baseline: binary cross-entropy per sample, each device's slice weighted by its share. */
    private float[] bce(NDManager scope, NDArray signals, NDArray rowHot) {
        long n = signals.getShape().get(0);
        long[][] slices = slices(n);
        float total = 0;
        try (GradientCollector collector = trainer.newGradientCollector()) {
            for (int k = 0; k < devices.length; k++) {
                NDIndex rows = new NDIndex("{}:{}", slices[k][0], slices[k][1]);
                NDArray logits = trainer.forward(new NDList(on(signals.get(rows), k))).singletonOrThrow();
                NDArray loss = SigmoidLoss.of(logits, on(rowHot.get(rows), k));
                NDArray share = devices.length == 1 ? loss
                        : loss.mul((float) (slices[k][1] - slices[k][0]) / n);
                collector.backward(share);
                total += share.toFloatArray()[0];
            }
        }
        return new float[] {total, rowHot.mean().toFloatArray()[0]};
    }

    /** Contiguous [start, end) rows of each device, as even as possible, in device order. */
    long[][] slices(long n) {
        long[][] out = new long[devices.length][2];
        long start = 0;
        for (int k = 0; k < devices.length; k++) {
            long size = n / devices.length + (k < n % devices.length ? 1 : 0);
            out[k][0] = start;
            out[k][1] = start + size;
            start += size;
        }
        return out;
    }

    private NDArray on(NDArray x, int k) {
        return x.getDevice().equals(devices[k]) ? x : x.toDevice(devices[k], true);
    }
}
