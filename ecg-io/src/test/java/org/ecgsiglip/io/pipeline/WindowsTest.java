package org.ecgsiglip.io.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ecgsiglip.io.ConfigurationException;
import org.junit.jupiter.api.Test;

class WindowsTest {
    @Test
    void evaluationOffsetsByHand() {
        // 1000 stored, 250 read: slack 750
        assertArrayEquals(new int[] {375}, new Windows(250, 0, Aggregation.MEAN).evaluationOffsets(1000), "centre");
        assertArrayEquals(new int[] {0, 125, 250, 375, 500, 625, 750},
                new Windows(250, 125, Aggregation.MEAN).evaluationOffsets(1000), "stride divides the slack");
        assertArrayEquals(new int[] {0, 300, 600, 750}, new Windows(250, 300, Aggregation.MAX).evaluationOffsets(1000),
                "the last window is aligned with the end");
        assertArrayEquals(new int[] {0}, new Windows(1000, 125, Aggregation.MEAN).evaluationOffsets(1000), "whole record");
        assertArrayEquals(new int[] {0}, Windows.whole(1000).evaluationOffsets(1000));
    }

    @Test
    void trainingOffsetsCoverEveryStartAndNoMore() {
        Windows w = new Windows(8, 0, Aggregation.MEAN);
        SplittableRandom rng = new SplittableRandom(1);
        boolean[] seen = new boolean[3];
        for (int i = 0; i < 200; i++) {
            int o = w.trainingOffset(10, rng);
            assertTrue(o >= 0 && o <= 2, "offset " + o);
            seen[o] = true;
        }
        assertArrayEquals(new boolean[] {true, true, true}, seen);
        assertArrayEquals(new int[] {0}, new int[] {Windows.whole(10).trainingOffset(10, rng)});
    }

    @Test
    void aggregationByHand() {
        double[][] w = {{0.1, 0.9}, {0.5, 0.3}, {0.3, 0.6}};
        assertArrayEquals(new double[] {0.3, 0.6}, Aggregation.MEAN.combine(w), 1e-15);
        assertArrayEquals(new double[] {0.5, 0.9}, Aggregation.MAX.combine(w), 0);
        assertArrayEquals(new double[] {0.1, 0.9}, Aggregation.MEAN.combine(new double[][] {{0.1, 0.9}}), 0);
    }

    @Test
    void badValuesAreTyped() {
        assertThrows(ConfigurationException.class, () -> new Windows(0, 0, Aggregation.MEAN));
        assertThrows(ConfigurationException.class, () -> new Windows(10, -1, Aggregation.MEAN));
    }
}
