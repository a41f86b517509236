package org.ecgsiglip.model.siglip;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ecgsiglip.model.Tensors;

/**
 * Batches of embeddings and finding sets for the loss tests, and the loss with its gradients computed
 * three ways: the whole batch under autograd (the reference), and {@link ShardedSigmoidLoss} on K shards,
 * each in its own NDManager, chunked or not.
 */
final class LossFixtures {
    static final int D = 8;
    static final int K = 7;
    /**
     * float32 tolerances for the same value computed in another summation order (closed form instead of
     * autograd, per-chunk and per-shard partial sums). ε = 2⁻²⁴ ≈ 6e-8; every value is a sum of up to
     * n·m = 23 × 23 rounded terms, so two orders differ by about √(n·m)·ε ≈ 1.4e-6 of the sum of the terms'
     * magnitudes (n·m·ε ≈ 3e-5 at worst). rtol 1e-5 covers the entries whose terms share a sign (the loss,
     * dL/dt', dL/db); atol 1e-6 covers entries that cancel, such as dL/dx_i = t Σ_j G_ij y_j with G of both
     * signs, whose magnitude is far below the sum of |terms| (≤ m·t/N ≈ 10). Over every case of
     * ShardedSigmoidLossTest (K = 1, 2, 4; chunks 0 and 5) the largest difference seen was 0.15 of this tolerance.
     */
    static final double RTOL = 1e-5;
    static final double ATOL = 1e-6;

    private LossFixtures() {
    }

    /** Rows x [n, d], columns y [m, d], t', b and the finding sets of rows [n, K] and columns [m, K]. */
    record Batch(int n, int m, float[] x, float[] y, float logitScale, float logitBias, float[] rowHot,
                 float[] colHot) {
        int d() {
            return x.length / n;
        }

        int k() {
            return rowHot.length / n;
        }
    }

    /** The loss and its gradients w.r.t. x [n, d], y [m, d], t' and b. */
    record Grads(float loss, float positiveRate, float[] gx, float[] gy, float gScale, float gBias) {
        void assertClose(Grads expected, String what) {
            Tensors.assertAllClose(new float[] {expected.loss}, new float[] {loss}, RTOL, ATOL, what + " loss");
            Tensors.assertAllClose(new float[] {expected.positiveRate}, new float[] {positiveRate}, 1e-6, 0,
                    what + " positive rate");
            Tensors.assertAllClose(expected.gx, gx, RTOL, ATOL, what + " dL/dx");
            Tensors.assertAllClose(expected.gy, gy, RTOL, ATOL, what + " dL/dy");
            Tensors.assertAllClose(new float[] {expected.gScale}, new float[] {gScale}, RTOL, ATOL, what + " dL/dt'");
            Tensors.assertAllClose(new float[] {expected.gBias}, new float[] {gBias}, RTOL, ATOL, what + " dL/db");
        }
    }

    /**
     * A random batch: finding 0 in about three quarters of the samples (as sinus rhythm), the others each
     * with probability 0.2, never an empty set; unit-norm embeddings; t' = log 10, b = −1.5 (so that σ(l)
     * is neither 0 nor 1 and every gradient term counts). Columns follow the strategy: REPORT — the
     * sample's set, SINGLE_FINDING — one finding drawn from it, ALL_FINDINGS — the K vocabulary findings.
     */
    static Batch batch(long seed, int n, TextStrategy strategy) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[][] sets = new int[n][];
        for (int i = 0; i < n; i++) {
            List<Integer> set = new ArrayList<>();
            for (int f = 0; f < K; f++) {
                if (rng.nextDouble() < (f == 0 ? 0.75 : 0.2)) {
                    set.add(f);
                }
            }
            if (set.isEmpty()) {
                set.add(1 + rng.nextInt(K - 1));
            }
            sets[i] = set.stream().mapToInt(Integer::intValue).toArray();
        }
        int m = strategy.paired() ? n : K;
        float[] colHot = new float[m * K];
        for (int j = 0; j < m; j++) {
            if (strategy == TextStrategy.ALL_FINDINGS) {
                colHot[j * K + j] = 1f;
            } else if (strategy == TextStrategy.REPORT) {
                for (int f : sets[j]) {
                    colHot[j * K + f] = 1f;
                }
            } else {
                colHot[j * K + sets[j][rng.nextInt(sets[j].length)]] = 1f;
            }
        }
        return new Batch(n, m, unitRows(rng, n), unitRows(rng, m), (float) Math.log(10), -1.5f,
                LabelMatrixTest.hot(sets, K), colHot);
    }

    private static float[] unitRows(SplittableRandom rng, int rows) {
        float[] v = new float[rows * D];
        for (int i = 0; i < rows; i++) {
            double norm = 0;
            for (int c = 0; c < D; c++) {
                double g = rng.nextGaussian();
                v[i * D + c] = (float) g;
                norm += g * g;
            }
            for (int c = 0; c < D; c++) {
                v[i * D + c] /= (float) Math.sqrt(norm);
            }
        }
        return v;
    }

    /** Keep mask [K] with the given findings excluded. */
    static float[] keep(int... excluded) {
        float[] keep = new float[K];
        Arrays.fill(keep, 1f);
        for (int f : excluded) {
            keep[f] = 0f;
        }
        return keep;
    }

    /** The whole batch on one manager: logits [n, m] under autograd, {@link SigmoidLoss#of}. */
    static Grads reference(Batch b, LabelMatrix matrix, TextStrategy strategy, float[] keep) {
        try (NDManager m = NDManager.newBaseManager("PyTorch");
             GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDArray x = leaf(m, b.x(), b.n(), b.d());
            NDArray y = leaf(m, b.y(), b.m(), b.d());
            NDArray t = leaf(m, new float[] {b.logitScale()}, 1);
            NDArray bias = leaf(m, new float[] {b.logitBias()}, 1);
            NDArray logits = x.matMul(y.transpose()).mul(t.exp()).add(bias);
            NDArray targets = matrix.targets(m.create(b.rowHot(), new Shape(b.n(), b.k())),
                    m.create(b.colHot(), new Shape(b.m(), b.k())), m.create(keep), strategy.paired());
            NDArray loss = SigmoidLoss.of(logits, targets);
            gc.backward(loss);
            return new Grads(loss.getFloat(), targets.mean().getFloat(), x.getGradient().toFloatArray(),
                    y.getGradient().toFloatArray(), t.getGradient().getFloat(), bias.getGradient().getFloat());
        }
    }

    /**
     * The batch split into {@code shards} contiguous shards of near-equal size (the first n mod K one row
     * longer), each shard's arrays leaves in their own NDManager; with ALL_FINDINGS every shard holds its own
     * copy of the vocabulary columns, and of t' and b, as each device does. The gradients reported are the
     * shards' own rows stacked (x; y when paired) and the sum over shards of the copies' (y for ALL_FINDINGS, t', b).
     */
    static Grads sharded(Batch b, LabelMatrix matrix, TextStrategy strategy, float[] keep, int shards, int chunk) {
        int d = b.d();
        int k = b.k();
        List<NDManager> managers = new ArrayList<>();
        try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
            List<LossShard> parts = new ArrayList<>();
            int start = 0;
            for (int p = 0; p < shards; p++) {
                int rows = b.n() / shards + (p < b.n() % shards ? 1 : 0);
                NDManager m = NDManager.newBaseManager("PyTorch");
                managers.add(m);
                int[] cols = strategy.paired() ? new int[] {start, start + rows} : new int[] {0, b.m()};
                parts.add(new LossShard(
                        leaf(m, Arrays.copyOfRange(b.x(), start * d, (start + rows) * d), rows, d),
                        leaf(m, Arrays.copyOfRange(b.y(), cols[0] * d, cols[1] * d), cols[1] - cols[0], d),
                        m.create(Arrays.copyOfRange(b.rowHot(), start * k, (start + rows) * k), new Shape(rows, k)),
                        m.create(Arrays.copyOfRange(b.colHot(), cols[0] * k, cols[1] * k), new Shape(cols[1] - cols[0], k)),
                        leaf(m, new float[] {b.logitScale()}, 1), leaf(m, new float[] {b.logitBias()}, 1)));
                start += rows;
            }
            ShardedLoss result = new ShardedSigmoidLoss(matrix, strategy, keep, chunk).compute(parts);
            result.backward(gc);
            NDList gx = new NDList();
            NDList gy = new NDList();
            float gScale = 0;
            float gBias = 0;
            for (LossShard s : parts) {
                gx.add(s.signals().getGradient());
                gy.add(s.texts().getGradient());
                gScale += s.logitScale().getGradient().getFloat();
                gBias += s.logitBias().getGradient().getFloat();
            }
            float[] y = strategy.paired() ? NDArrays.concat(gy, 0).toFloatArray() : sum(gy);
            return new Grads(result.value(), result.positiveRate(), NDArrays.concat(gx, 0).toFloatArray(), y,
                    gScale, gBias);
        } finally {
            managers.forEach(NDManager::close);
        }
    }

    private static float[] sum(NDList arrays) {
        NDArray total = arrays.get(0);
        for (int i = 1; i < arrays.size(); i++) {
            total = total.add(arrays.get(i));
        }
        return total.toFloatArray();
    }

    static NDArray leaf(NDManager m, float[] values, long... shape) {
        NDArray a = m.create(values, new Shape(shape));
        a.setRequiresGradient(true);
        return a;
    }
}
