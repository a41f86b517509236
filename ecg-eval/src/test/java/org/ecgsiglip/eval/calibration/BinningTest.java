package org.ecgsiglip.eval.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ecgsiglip.eval.EvaluationOptions;
import org.junit.jupiter.api.Test;

/** Binning names, numpy's edges by hand, and the edge membership rule. */
class BinningTest {

    @Test
    void keysRoundTripAndBadOnesAreRefused() {
        for (Binning b : Binning.STANDARD) {
            assertEquals(b, Binning.ofKey(b.key()));
        }
        assertEquals("quantile_15", Binning.quantile(15).key());
        assertEquals("10 equal-width bins", Binning.HEADLINE.words());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Binning.ofKey("isotonic_3"));
        assertTrue(e.getMessage().contains("uniform_N or quantile_N"));
        assertThrows(IllegalArgumentException.class, () -> Binning.uniform(0));
        assertThrows(IllegalArgumentException.class,
                () -> EvaluationOptions.builder().optCalibration(List.of(Binning.HEADLINE, Binning.uniform(10))).build());
    }

    @Test
    void equalWidthEdgesAreNumpysLinspace() {
        double[] e = BinEdges.uniform(10);
        assertEquals(0.30000000000000004, e[3], 0.0, "3 * (1 / 10), not 0.3");
        assertEquals(1.0, e[10], 0.0);
        // 0.3 lies below the edge 0.30000000000000004, so it is in bin 2; the edge value itself too
        assertEquals(2, BinEdges.binOf(e, 0.3));
        assertEquals(2, BinEdges.binOf(e, e[3]));
        assertEquals(3, BinEdges.binOf(e, Math.nextUp(e[3])));
        assertEquals(0, BinEdges.binOf(e, 0.0));
        assertEquals(9, BinEdges.binOf(e, 1.0));
    }

    @Test
    void equalMassEdgesInterpolateLikeNumpyPercentile() {
        // np.percentile([0, 1, 2, 3, 4], [0, 25, 50, 75, 100]) = [0, 1, 2, 3, 4]
        assertArrayEquals(new double[] {0, 1, 2, 3, 4}, BinEdges.quantile(new double[] {4, 0, 3, 1, 2}, 4), 0.0);
        // numpy 1.24: np.percentile([10., 0.], np.linspace(0, 1, 4) * 100), bit for bit
        assertArrayEquals(new double[] {0.0, 3.3333333333333326, 6.666666666666665, 10.0},
                BinEdges.quantile(new double[] {10, 0}, 3), 0.0);
        // repeated values give repeated edges and an empty bin
        double[] tied = BinEdges.quantile(new double[] {0.2, 0.2, 0.2, 0.9}, 2);
        assertArrayEquals(new double[] {0.2, 0.2, 0.9}, tied, 0.0);
        ReliabilityCurve c = ReliabilityCurve.of(new double[] {0.2, 0.2, 0.2, 0.9},
                new boolean[] {false, true, false, true}, Binning.quantile(2));
        assertEquals(2, c.bins().size());
        assertEquals(0, c.bins().get(0).index());
        assertEquals(3, c.bins().get(0).count());
        assertEquals(1.0 / 3, c.bins().get(0).observedFrequency(), 1e-15);
        // ECE = 3/4 |1/3 - 0.2| + 1/4 |1 - 0.9|
        assertEquals(0.75 * (1.0 / 3 - 0.2) + 0.25 * 0.1, c.ece(), 1e-15);
    }
}
