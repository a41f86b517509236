package org.ecgsiglip.model.siglip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.ecgsiglip.io.EcgException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The loss of a batch sharded K ways (each shard in its own NDManager, columns gathered, gradients sent
 * back) equals the loss of the whole batch, and so do its gradients w.r.t. x, y, t' and b.
 */
class ShardedSigmoidLossTest {
    private static final int N = 23; // not a multiple of 2 or 4: unequal shards

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (LabelMatrix matrix : LabelMatrix.values()) {
            for (TextStrategy strategy : TextStrategy.values()) {
                if (matrix == LabelMatrix.DIAGONAL && !strategy.paired()) {
                    continue;
                }
                for (int shards : new int[] {1, 2, 4}) {
                    for (int seed = 1; seed <= 3; seed++) {
                        out.add(Arguments.of(matrix, strategy, shards, seed));
                    }
                }
            }
        }
        return out.stream();
    }

    /** Seed 1 excludes nothing, seed 2 the frequent finding 0, seed 3 findings 0 and 3. */
    private static float[] keepFor(int seed) {
        return switch (seed) {
            case 1 -> LossFixtures.keep();
            case 2 -> LossFixtures.keep(0);
            default -> LossFixtures.keep(0, 3);
        };
    }

    @ParameterizedTest(name = "{0} {1} K={2} seed {3}")
    @MethodSource("cases")
    void shardedEqualsTheWholeBatch(LabelMatrix matrix, TextStrategy strategy, int shards, int seed) {
        LossFixtures.Batch b = LossFixtures.batch(seed, N, strategy);
        float[] keep = keepFor(seed);
        LossFixtures.Grads whole = LossFixtures.reference(b, matrix, strategy, keep);
        LossFixtures.sharded(b, matrix, strategy, keep, shards, 0).assertClose(whole, "unchunked");
        LossFixtures.sharded(b, matrix, strategy, keep, shards, 5).assertClose(whole, "chunk 5");
    }

    /**
     * Two devices with two samples each; sample 0 (device 0) and sample 3 (device 1) share finding 2.
     * x_i = y_i = e_i, t = 1, b = 0.5: l_ii = 1.5, l_ij = 0.5. SHARED_FINDING counts the pair across devices:
     * L = (1/4) [4 softplus(−1.5) + 2 softplus(−0.5) + 10 softplus(0.5)], 6 positives out of 16; a loss
     * that marks every cross-device pair negative would have 4 and 12 softplus(0.5). The gradient of y_3,
     * owned by device 1, gets device 0's row 0 term: ∂L/∂y_3[0] = t (σ(l_03) − 1) / N = (σ(0.5) − 1) / 4.
     */
    @Test
    void aCollisionAcrossDevicesIsAPositivePairByHand() {
        int[][] sets = {{2}, {0}, {1}, {2}};
        float[] hot = LabelMatrixTest.hot(sets, 3);
        float[] eye = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
        List<NDManager> managers = List.of(NDManager.newBaseManager("PyTorch"), NDManager.newBaseManager("PyTorch"));
        try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
            List<LossShard> shards = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                NDManager m = managers.get(k);
                float[] e = Arrays.copyOfRange(eye, 8 * k, 8 * k + 8);
                float[] h = Arrays.copyOfRange(hot, 6 * k, 6 * k + 6);
                shards.add(new LossShard(LossFixtures.leaf(m, e, 2, 4), LossFixtures.leaf(m, e.clone(), 2, 4),
                        m.create(h, new Shape(2, 3)), m.create(h, new Shape(2, 3)), LossFixtures.leaf(m, new float[] {0f}, 1),
                        LossFixtures.leaf(m, new float[] {0.5f}, 1)));
            }
            ShardedLoss loss = new ShardedSigmoidLoss(LabelMatrix.SHARED_FINDING, TextStrategy.REPORT,
                    new float[] {1, 1, 1}, 0).compute(shards);
            loss.backward(gc);
            double expected = (4 * softplus(-1.5) + 2 * softplus(-0.5) + 10 * softplus(0.5)) / 4;
            assertEquals(expected, loss.value(), 1e-6);
            assertEquals(6.0 / 16, loss.positiveRate(), 1e-7);
            float[] gy3 = shards.get(1).texts().getGradient().get(1).toFloatArray();
            assertEquals((1 / (1 + Math.exp(-0.5)) - 1) / 4, gy3[0], 1e-7);
        } finally {
            managers.forEach(NDManager::close);
        }
    }

    private static double softplus(double x) {
        return Math.log1p(Math.exp(x));
    }

    @Test
    void pairedTextsNeedOneTextPerRow() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            LossShard s = new LossShard(m.zeros(new Shape(3, 4)), m.zeros(new Shape(2, 4)), m.zeros(new Shape(3, 2)),
                    m.zeros(new Shape(2, 2)), m.zeros(new Shape(1)), m.zeros(new Shape(1)));
            ShardedSigmoidLoss loss = new ShardedSigmoidLoss(LabelMatrix.SHARED_FINDING, TextStrategy.REPORT,
                    new float[] {1, 1}, 0);
            assertThrows(IllegalArgumentException.class, () -> loss.compute(List.of(s)));
        }
    }

    @Test
    void refusesWhatCannotBeComputed() {
        assertThrows(EcgException.class, () -> new ShardedSigmoidLoss(LabelMatrix.DIAGONAL, TextStrategy.ALL_FINDINGS,
                new float[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> new ShardedSigmoidLoss(LabelMatrix.JACCARD,
                TextStrategy.REPORT, new float[] {1}, -1));
        assertThrows(IllegalArgumentException.class, () -> new ShardedSigmoidLoss(LabelMatrix.JACCARD,
                TextStrategy.REPORT, new float[] {0.5f}, 0));
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            LossShard empty = new LossShard(m.zeros(new Shape(0, 4)), m.zeros(new Shape(0, 4)), m.zeros(new Shape(0, 2)),
                    m.zeros(new Shape(0, 2)), m.zeros(new Shape(1)), m.zeros(new Shape(1)));
            assertThrows(IllegalArgumentException.class, () -> new ShardedSigmoidLoss(LabelMatrix.JACCARD,
                    TextStrategy.REPORT, new float[] {1, 1}, 4).compute(List.of(empty)));
            assertThrows(IllegalArgumentException.class, () -> new LossShard(m.zeros(new Shape(3, 4)),
                    m.zeros(new Shape(3, 5)), m.zeros(new Shape(3, 2)), m.zeros(new Shape(3, 2)), m.zeros(new Shape(1)),
                    m.zeros(new Shape(1))));
        }
    }
}
