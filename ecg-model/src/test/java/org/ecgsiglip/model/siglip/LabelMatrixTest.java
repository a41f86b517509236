package org.ecgsiglip.model.siglip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.model.Tensors;
import org.junit.jupiter.api.Test;

class LabelMatrixTest {
    private static final BitSet NONE = new BitSet();

    /** The seed example: samples 1 and 3 (0-based) share finding 2; nobody else shares anything. */
    private static final int[][] SEED = {{0}, {2, 4}, {1}, {2}};

    @Test
    void sharedFindingMarksTheCollidingPairPositive() {
        float[][] y = LabelMatrix.SHARED_FINDING.targets(SEED, SEED, true, NONE);
        float[][] expected = {
            {1, 0, 0, 0},
            {0, 1, 0, 1},
            {0, 0, 1, 0},
            {0, 1, 0, 1}};
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(expected[i], y[i], "row " + i);
        }
    }

    @Test
    void diagonalIgnoresTheCollision() {
        float[][] y = LabelMatrix.DIAGONAL.targets(SEED, SEED, true, NONE);
        assertEquals(0f, y[1][3]);
        assertEquals(0f, y[3][1]);
        assertEquals(1f, y[3][3]);
    }

    @Test
    void exactSetAndJaccardByHand() {
        int[][] sets = {{0, 1}, {0, 1}, {0}, {1, 2}};
        float[][] exact = LabelMatrix.EXACT_SET.targets(sets, sets, true, NONE);
        assertEquals(1f, exact[0][1]);
        assertEquals(0f, exact[0][2]);
        assertEquals(0f, exact[2][0]);
        float[][] jac = LabelMatrix.JACCARD.targets(sets, sets, true, NONE);
        assertEquals(1f, jac[0][1]);
        assertEquals(0.5f, jac[0][2]);      // {0,1} vs {0}: 1 / 2
        assertEquals(1f / 3, jac[0][3], 1e-7); // {0,1} vs {1,2}: 1 / 3
        assertEquals(0f, jac[2][3]);
    }

    @Test
    void excludedFindingsDoNotMakeCollisions() {
        // finding 0 plays sinus rhythm: shared by everyone
        int[][] sets = {{0, 1}, {0, 2}, {0}, {0}};
        BitSet sr = new BitSet();
        sr.set(0);
        float[][] with = LabelMatrix.SHARED_FINDING.targets(sets, sets, true, NONE);
        float[][] without = LabelMatrix.SHARED_FINDING.targets(sets, sets, true, sr);
        assertEquals(1f, with[0][1]);
        assertEquals(0f, without[0][1]);
        assertEquals(0f, without[2][3], "two sets that are empty after exclusion share nothing");
        assertEquals(1f, without[2][2], "the diagonal stays positive");
    }

    @Test
    void diagonalNeedsPairedTexts() {
        assertThrows(EcgException.class, () -> LabelMatrix.DIAGONAL.targets(SEED, new int[][] {{0}}, false, NONE));
    }

    @Test
    void deviceComputationAgreesWithTheReference() {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 37;
        int k = 9;
        int[][] rows = randomSets(rng, n, k);
        int[][] cols = randomSets(rng, n, k);
        BitSet excluded = new BitSet();
        excluded.set(3);
        float[] keep = new float[k];
        Arrays.fill(keep, 1f);
        keep[3] = 0f;
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray rowHot = manager.create(hot(rows, k), new Shape(n, k));
            NDArray colHot = manager.create(hot(cols, k), new Shape(n, k));
            for (LabelMatrix m : LabelMatrix.values()) {
                for (boolean paired : new boolean[] {true, false}) {
                    if (m == LabelMatrix.DIAGONAL && !paired) {
                        continue;
                    }
                    float[] expected = Tensors.flatten(m.targets(rows, cols, paired, excluded));
                    float[] actual = m.targets(rowHot, colHot, manager.create(keep), paired).toFloatArray();
                    Tensors.assertAllClose(expected, actual, 1e-6, 1e-7, m + " paired=" + paired);
                }
            }
        }
    }

    @Test
    void parsesCommandLineNames() {
        assertEquals(LabelMatrix.SHARED_FINDING, LabelMatrix.parse("shared-finding"));
        assertEquals(LabelMatrix.EXACT_SET, LabelMatrix.parse("EXACT_SET"));
        assertEquals("shared-finding", LabelMatrix.SHARED_FINDING.cliName());
        assertThrows(EcgException.class, () -> LabelMatrix.parse("shared"));
    }

    static int[][] randomSets(SplittableRandom rng, int n, int k) {
        int[][] sets = new int[n][];
        for (int i = 0; i < n; i++) {
            sets[i] = rng.ints(1 + rng.nextInt(3), 0, k).distinct().sorted().toArray();
        }
        return sets;
    }

    static float[] hot(int[][] sets, int k) {
        float[] h = new float[sets.length * k];
        for (int i = 0; i < sets.length; i++) {
            for (int f : sets[i]) {
                h[i * k + f] = 1f;
            }
        }
        return h;
    }
}
