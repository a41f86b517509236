package org.ecgsiglip.model.siglip;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@link SigmoidLoss} over a batch whose embeddings were computed on several devices, each holding a
 * shard of the samples, with the collision-aware targets of the whole batch — and, on one device, the
 * same loss computed in column chunks so that memory grows with n × chunk instead of n × n.
 *
 * <p>Definition (unchanged from {@link SigmoidLoss}): for the whole batch of N rows and m columns,
 * {@code L = (1/N) Σ_i Σ_j [softplus(l_ij) − y_ij l_ij]}, l_ij = exp(t') ⟨x_i, y_j⟩ + b, targets y_ij from
 * the {@link LabelMatrix} on the rows' and columns' finding sets (excluded findings removed). Shard k's
 * loss is its rows' part, {@code L_k = (1/N) Σ_{i in k} Σ_j ℓ_ij}, so Σ_k L_k = L exactly as the whole batch's.
 *
 * <p>What each shard sees:
 * <ul>
 *   <li>paired texts (REPORT, SINGLE_FINDING): the columns are every shard's texts, gathered in shard
 *       order, with their finding sets, so that a pair of samples on two devices that share a finding is
 *       a positive pair, and the diagonal (a sample and its own text) is found in global indices;</li>
 *   <li>ALL_FINDINGS: the columns are the K vocabulary texts that every shard embedded itself; nothing
 *       is gathered.</li>
 * </ul>
 *
 * <p>Gradients. DJL 0.36's {@code toDevice} copies under PyTorch's no-grad guard: a copy to another
 * device (or another type) leaves the autograd graph, so a gather by {@code toDevice} cannot carry
 * gradients back (see {@code DjlCopyTest}). The loss therefore computes ∂L_k/∂x, ∂L_k/∂y, ∂L_k/∂t',
 * ∂L_k/∂b in closed form ({@link PairGradients}), sends each shard's share of ∂L/∂y back to the device
 * that owns those texts and sums it there (the reduce-scatter that is an all-gather's backward), and
 * returns on each device the surrogate
 * <pre>
 *   L̃_k = L_k + S_k − stopgrad(S_k),   S_k = Σ x_k ⊙ g_x + Σ y_k ⊙ g_y + t'_k g_t' + b_k g_b
 * </pre>
 * whose value is L_k (S_k − stopgrad(S_k) is exactly 0) and whose gradient w.r.t. the device's own
 * embeddings and parameter copies is the constant g: ∂L/∂x_k, Σ over shards of ∂L_r/∂y_k, ∂L_k/∂t',
 * ∂L_k/∂b. Back-propagating every L̃_k ({@link ShardedLoss#backward}) then yields ∂L/∂θ once DJL's
 * parameter server sums the devices' gradients. Each device's gradient lands on its own rows only.
 *
 * <p>{@code chunk} = 0 on a single shard is the plain autograd path (logits [n, m] built, as
 * {@code SigmoidLoss.of}); {@code chunk} &gt; 0, or more than one shard, takes the closed form, chunk by
 * chunk ({@code chunk} = 0 then means one chunk of all columns).
 */
public final class ShardedSigmoidLoss {
    private final LabelMatrix matrix;
    private final TextStrategy texts;
    private final float[] keep;
    private final int chunk;

    /**
     * @param keep per finding, 1 when it counts in the collision test and 0 when excluded
     * @param chunk columns per chunk; 0 for no chunking
     */
    public ShardedSigmoidLoss(LabelMatrix matrix, TextStrategy texts, float[] keep, int chunk) {
        if (chunk < 0) {
            throw new IllegalArgumentException("chunk must be 0 (none) or a positive number of columns, got " + chunk);
        }
        matrix.requirePairedTexts(texts.paired());
        for (float f : keep) {
            if (f != 0f && f != 1f) {
                throw new IllegalArgumentException("keep holds 1 (counts) or 0 (excluded) per finding, got " + f);
            }
        }
        this.matrix = matrix;
        this.texts = texts;
        this.keep = keep.clone();
        this.chunk = chunk;
    }

    /** The loss of the whole batch, split by shard; see the class comment for what each shard sees. */
    public ShardedLoss compute(List<LossShard> shards) {
        long n = check(shards);
        boolean paired = texts.paired();
        long m = paired ? n : shards.get(0).columns();
        if (shards.size() == 1 && chunk == 0) {
            return autograd(shards.get(0), m);
        }
        List<PairGradients.Part> parts = new ArrayList<>();
        long rowStart = 0;
        for (int k = 0; k < shards.size(); k++) {
            LossShard s = shards.get(k);
            NDManager out = s.signals().getManager();
            Device device = s.signals().getDevice();
            NDArray columns = paired ? gather(shards, LossShard::texts, out, device) : detach(s.texts(), out);
            NDArray columnHot = paired ? gather(shards, LossShard::colHot, out, device) : s.colHot();
            NDArray t = detach(s.logitScale(), out).exp();
            parts.add(PairGradients.compute(out, detach(s.signals(), out), columns, t, detach(s.logitBias(), out),
                    s.rowHot(), columnHot, keepOn(out, device), matrix, paired, rowStart, chunk == 0 ? Math.toIntExact(m) : chunk, n));
            rowStart += s.rows();
        }
        List<NDArray> losses = new ArrayList<>();
        List<NDArray> targetSums = new ArrayList<>();
        long colStart = 0;
        for (int k = 0; k < shards.size(); k++) {
            LossShard s = shards.get(k);
            PairGradients.Part part = parts.get(k);
            NDArray gy = paired ? reduce(parts, colStart, s) : part.gradColumns();
            colStart += s.columns();
            NDArray surrogate = part.gradRows().mul(s.signals()).sum()
                    .add(gy.mul(s.texts()).sum())
                    .add(part.gradScale().mul(s.logitScale()).sum())
                    .add(part.gradBias().mul(s.logitBias()).sum());
            losses.add(part.loss().add(surrogate.sub(surrogate.stopGradient())));
            targetSums.add(part.targetSum());
        }
        return new ShardedLoss(losses, targetSums, n * m);
    }

    /** One device, no chunking: the logits [n, m] under autograd, as the training step has always built them. */
    private ShardedLoss autograd(LossShard s, long m) {
        NDManager out = s.signals().getManager();
        NDArray t = s.logitScale().exp();
        t.attach(out);
        NDArray logits = s.signals().matMul(s.texts().transpose()).mul(t).add(s.logitBias());
        NDArray targets = matrix.targets(s.rowHot(), s.colHot(), keepOn(out, s.signals().getDevice()), texts.paired());
        return new ShardedLoss(List.of(SigmoidLoss.of(logits, targets)), List.of(targets.sum()), s.rows() * m);
    }

    /** Every shard's array (detached) on {@code device}, stacked in shard order: the all-gather. */
    private static NDArray gather(List<LossShard> shards, Function<LossShard, NDArray> part,
                                  NDManager out, Device device) {
        NDList pieces = new NDList(shards.size());
        for (LossShard s : shards) {
            NDArray piece = detach(part.apply(s), out).toDevice(device, false);
            piece.attach(out);
            pieces.add(piece);
        }
        NDArray all = pieces.size() == 1 ? pieces.get(0) : NDArrays.concat(pieces, 0);
        all.attach(out);
        return all;
    }

    /** Σ over shards r of ∂L_r/∂y for shard s's texts (columns colStart ..), on s's device: the reduce-scatter. */
    private static NDArray reduce(List<PairGradients.Part> parts, long colStart, LossShard s) {
        NDManager out = s.signals().getManager();
        Device device = s.signals().getDevice();
        NDArray sum = null;
        for (PairGradients.Part part : parts) {
            NDArray mine = part.gradColumns().get(new NDIndex("{}:{}", colStart, colStart + s.columns()))
                    .toDevice(device, false);
            mine.attach(out);
            sum = sum == null ? mine : sum.add(mine);
        }
        return sum;
    }

    private static NDArray detach(NDArray a, NDManager out) {
        NDArray d = a.stopGradient();
        d.attach(out);
        return d;
    }

    private NDArray keepOn(NDManager out, Device device) {
        return out.create(keep).toDevice(device, false);
    }

    /** Checks the shards' shapes against each other and the strategy; returns N, the rows of the whole batch. */
    private long check(List<LossShard> shards) {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("the loss needs at least one shard");
        }
        long d = shards.get(0).signals().getShape().get(1);
        long n = 0;
        for (int k = 0; k < shards.size(); k++) {
            LossShard s = shards.get(k);
            String where = "shard " + k + " of " + shards.size() + ": ";
            if (s.signals().getShape().get(1) != d) {
                throw new IllegalArgumentException(where + "embedding dimension " + s.signals().getShape().get(1)
                        + " differs from shard 0's " + d);
            }
            if (s.rowHot().getShape().get(1) != keep.length) {
                throw new IllegalArgumentException(where + s.rowHot().getShape().get(1) + " findings, but keep has "
                        + keep.length);
            }
            if (texts.paired() && s.columns() != s.rows()) {
                throw new IllegalArgumentException(where + texts + " texts are paired with the samples, but the shard "
                        + "has " + s.rows() + " rows and " + s.columns() + " texts");
            }
            if (!texts.paired() && s.columns() != shards.get(0).columns()) {
                throw new IllegalArgumentException(where + "ALL_FINDINGS needs the same vocabulary texts on every "
                        + "shard, got " + s.columns() + " and " + shards.get(0).columns());
            }
            n += s.rows();
        }
        if (n == 0 || shards.get(0).columns() == 0) {
            throw new IllegalArgumentException("the loss needs at least one row and one column, got " + n + " rows");
        }
        return n;
    }
}
