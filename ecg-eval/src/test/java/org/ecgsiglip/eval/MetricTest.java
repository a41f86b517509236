package org.ecgsiglip.eval;

import static org.ecgsiglip.eval.Fixtures.TOL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MetricTest {
    private static final Confusion C = new Confusion(3, 1, 2, 4);

    @Test
    void countMetricsByHand() {
        assertEquals(5, Metric.SUPPORT.of(C, ZeroDivision.ZERO));
        assertEquals(0.75, Metric.PRECISION.of(C, ZeroDivision.ZERO), TOL);
        assertEquals(0.6, Metric.RECALL.of(C, ZeroDivision.ZERO), TOL);
        assertEquals(6.0 / 9, Metric.F1.of(C, ZeroDivision.ZERO), TOL);
        assertEquals(0.8, Metric.SPECIFICITY.of(C, ZeroDivision.ZERO), TOL);
    }

    @Test
    void zeroDivisionFollowsScikitLearn() {
        Confusion nothing = new Confusion(0, 0, 0, 7);
        Confusion missed = new Confusion(0, 0, 3, 4);
        for (ZeroDivision z : ZeroDivision.values()) {
            assertEquals(z.value(), Metric.PRECISION.of(nothing, z));
            assertEquals(z.value(), Metric.RECALL.of(nothing, z));
            assertEquals(z.value(), Metric.F1.of(nothing, z), "neither positives nor predictions");
            assertEquals(z.value(), Metric.PRECISION.of(missed, z));
            assertEquals(0.0, Metric.F1.of(missed, z), "recall is 0, so F1 is 0 whatever z");
        }
        assertEquals(ZeroDivision.ONE, ZeroDivision.parse("1"));
        assertEquals(ZeroDivision.ZERO, ZeroDivision.parse("warn"));
    }

    @Test
    void rankingMetricsByHand() {
        double[] s = {0.9, 0.8, 0.7, 0.6};
        boolean[] y = {true, false, true, false};
        assertEquals(0.75, Metric.AUROC.of(s, y), TOL);
        assertEquals(0.5 * 1 + 0.5 * 2.0 / 3, Metric.AUPRC.of(s, y), TOL);
        double[] flat = {0.5, 0.5, 0.5, 0.5};
        assertEquals(0.5, Metric.AUROC.of(flat, y), TOL, "all tied: chance");
        assertEquals(0.5, Metric.AUPRC.of(flat, y), TOL, "all tied: prevalence");
        assertTrue(Double.isNaN(Metric.AUROC.of(s, new boolean[4])), "single class");
        assertEquals(0.0, Metric.AUPRC.of(s, new boolean[4]));
    }

    @Test
    void aMetricRefusesTheWrongInput() {
        assertThrows(UnsupportedOperationException.class, () -> Metric.AUROC.of(C, ZeroDivision.ZERO));
        assertThrows(UnsupportedOperationException.class, () -> Metric.F1.of(new double[1], new boolean[1]));
    }

    @Test
    void keysRoundTrip() {
        for (Metric m : Metric.values()) {
            assertEquals(m, Metric.ofKey(m.key()));
        }
        for (Average a : Average.values()) {
            assertEquals(a, Average.ofKey(a.key()));
        }
        assertEquals("macro_auroc", Average.MACRO_AUROC.key());
        assertEquals("samples_f1", Average.SAMPLES_F1.key());
    }

    @Test
    void indexSortIsAStableDescendingSort() {
        SplittableRandom rng = new SplittableRandom(4);
        for (int n : new int[] {0, 1, 31, 32, 33, 1000, 4099}) {
            double[] v = rng.doubles(n).map(x -> Math.floor(x * 20) / 20).toArray();
            Integer[] want = IntStream.range(0, n).boxed().toArray(Integer[]::new);
            Arrays.sort(want, Comparator.comparingDouble((Integer i) -> -v[i]));
            assertEquals(Arrays.toString(want), Arrays.toString(IndexSort.descending(v)), "n=" + n);
        }
    }
}
