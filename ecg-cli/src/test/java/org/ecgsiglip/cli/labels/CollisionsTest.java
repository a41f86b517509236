package org.ecgsiglip.cli.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.dataset.Split;
import org.ecgsiglip.io.ptbxl.LabelLevel;
import org.ecgsiglip.io.ptbxl.PtbXl;
import org.junit.jupiter.api.Test;

class CollisionsTest {

    @Test
    void handCountedExample() {
        // records {0}, {0}, {1}, {0,1}, {}: pairs sharing a finding are (0,1), (0,3), (1,3), (2,3): 4 of 10
        int[][] sets = {{0}, {0}, {1}, {0, 1}, {}};
        Collisions c = new Collisions(sets, 2, new BitSet());
        assertEquals(4, c.collidingPairs());
        assertEquals(0.4, c.pairProbability(), 1e-15);
        assertEquals(3 * 0.4, c.expectedPairs(3), 1e-12);
        int[] counts = c.counts();
        assertEquals(3.0 / 10 * 3, c.expectedPairs(3, 0, counts), 1e-12); // C(3,2) = 3 pairs share finding 0
        BitSet without0 = new BitSet();
        without0.set(0);
        Collisions d = new Collisions(sets, 2, without0);
        assertEquals(1, d.collidingPairs()); // only (2,3), through finding 1
        assertEquals(0, d.expectedPairs(3, 0, counts));
        // a batch of all five records holds exactly the 4 colliding pairs, in every draw
        Collisions.Measured m = c.measure(5, 10, new SplittableRandom(1));
        assertEquals(4.0, m.meanPairs(), 0);
        assertEquals(0.0, m.standardError(), 0);
        assertEquals(3.0, m.perFinding()[0], 0);
        assertEquals(1.0, m.shareWithCollision(), 0);
    }

    @Test
    void exactCountsAgreeWithBruteForceOnRealRecords() {
        LabeledDataset all = PtbXl.load(TestData.sample(), LabelLevel.SUPERDIAGNOSTIC);
        LabeledDataset fold = all.select(Split.byFolds(all, Set.of(1), Set.of(), Set.of()).train());
        int[][] sets = fold.records().stream().map(r -> r.findings()).toArray(int[][]::new);
        for (BitSet excluded : List.of(new BitSet(), bit(fold.vocabulary().indexOf("NORM")))) {
            long brute = 0;
            for (int i = 0; i < sets.length; i++) {
                for (int j = i + 1; j < sets.length; j++) {
                    brute += share(sets[i], sets[j], excluded) ? 1 : 0;
                }
            }
            assertEquals(brute, new Collisions(sets, fold.vocabulary().size(), excluded).collidingPairs());
        }
    }

    @Test
    void measuredBatchesMatchTheExpectation() {
        LabeledDataset all = PtbXl.load(TestData.sample(), LabelLevel.SUPERDIAGNOSTIC);
        CollisionReport r = CollisionReport.of(all, new BitSet(), 64, List.of(8, 32, 128), 300, 7);
        assertEquals(List.of(8, 32, 64, 128), r.sizes().stream().map(CollisionReport.SizeRow::batchSize).toList());
        for (CollisionReport.SizeRow s : r.sizes()) {
            assertTrue(Math.abs(s.measured() - s.expected()) < 4 * s.standardError(), s.toString());
            assertEquals(s.pairs() * r.pairProbability(), s.expected(), 1e-9 * s.expected());
            assertEquals((s.batchSize() + 2 * s.expected()) / (s.batchSize() * (double) s.batchSize()),
                    s.positiveRate(), 1e-12);
        }
        double sumExpected = r.findings().stream().mapToDouble(CollisionReport.FindingRow::expected).sum();
        // pairs sharing several findings count once overall but once per finding here
        assertTrue(sumExpected >= r.main().expected());
        // the same seed gives the same numbers, whichever other sizes are measured
        CollisionReport again = CollisionReport.of(all, new BitSet(), 64, List.of(64), 300, 7);
        assertEquals(r.main(), again.main());
        assertEquals(r.findings(), again.findings());
    }

    private static BitSet bit(int i) {
        BitSet b = new BitSet();
        b.set(i);
        return b;
    }

    private static boolean share(int[] a, int[] b, BitSet excluded) {
        for (int x : a) {
            for (int y : b) {
                if (x == y && !excluded.get(x)) {
                    return true;
                }
            }
        }
        return false;
    }
}
