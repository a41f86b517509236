package org.ecgsiglip.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ecgsiglip.io.cache.Precision;
import org.ecgsiglip.io.cache.SignalCache;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.preprocess.Preprocessing;
import org.ecgsiglip.io.ptbxl.LabelLevel;
import org.ecgsiglip.io.ptbxl.PtbXl;
import org.ecgsiglip.model.siglip.LabelMatrix;
import org.ecgsiglip.io.pipeline.SignalSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The arithmetic and the data paths the benches report on. */
class BenchHelpersTest {

    @Test
    void readRatiosAreMediansOfPerRoundRatiosAndComeLast() {
        double[][] wall = {{1, 1, 1}, {2, 3, 1.5}, {1, 1, 1}, {1.1, 1.2, 0.9}};
        double[][] cpu = {{1, 1, 1}, {2, 2, 2}, {2, 2, 2}, {1, 1, 1}};
        ReadThroughput.Result r = new ReadThroughput.Result(10, 1000, 2000, wall, cpu, "0.00");
        assertEquals(2.0, r.ratio(1, 0, false), 1e-12);
        assertEquals(2.0, r.ratio(1, 0, true), 1e-12);
        assertEquals(1.1, r.ratio(3, 2, false), 1e-12);
        assertEquals(0.5, r.ratio(3, 2, true), 1e-12);
        assertEquals(1.5, r.median(new double[] {2, 1}), 1e-12);
        String[] lines = r.report().split("\n");
        assertTrue(lines[lines.length - 2].startsWith("RATIO wfdb-decode/wfdb-raw"), lines[lines.length - 2]);
        assertTrue(lines[lines.length - 1].startsWith("RATIO cache-read/cache-raw"), lines[lines.length - 1]);
    }

    @Test
    void anonymousMemoryIsReadAtTheFirstSampleReachingAStep() {
        List<double[]> rows = List.of(new double[] {0, 0, 0, 100, 0, 0}, new double[] {1, 5, 0, 150, 0, 0},
                new double[] {2, 12, 0, 160, 0, 0});
        assertEquals(150, MemoryBench.Sampler.anonAt(rows, 3));
        assertEquals(160, MemoryBench.Sampler.anonAt(rows, 12));
        assertEquals(160, MemoryBench.Sampler.anonAt(rows, 99), "past the last sample: the last one");
    }

    @Test
    void positionalReadsOfTheCacheFileGiveTheMappedValues(@TempDir Path dir) throws IOException {
        LabeledDataset ds = PtbXl.load(org.ecgsiglip.io.TestData.sample(), LabelLevel.SUPERDIAGNOSTIC);
        LabeledDataset three = ds.select(new int[] {0, 1, 2});
        try (SignalCache cache = SignalCache.build(three, Preprocessing.of(100, 1000), dir, Precision.FLOAT32)) {
            SignalSource pread = MemoryBench.pread(dir.resolve("signals.f32"), cache.leads(), cache.length());
            int n = cache.leads() * cache.length();
            for (int i = 0; i < 3; i++) {
                float[] mapped = new float[n + 5];
                float[] read = new float[n + 5];
                cache.read(i, mapped, 5);
                pread.read(i, read, 5);
                assertArrayEquals(mapped, read, "record " + i);
            }
        }
    }

    @Test
    void booleanDiagonalCandidateEqualsTheToolkitsMatrixEvenForEmptySets() {
        int[][] sets = {{0, 3}, {}, {3}, {1}, {}, {0, 1, 2}};
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray hot = LossBench.multiHot(m, sets, 4);
            NDArray keep = m.create(new float[] {1, 1, 1, 0});
            NDArray expected = LabelMatrix.SHARED_FINDING.targets(hot, hot, keep, true);
            NDArray actual = LossBench.candidate(hot, keep, sets.length);
            assertEquals(new Shape(6, 6), actual.getShape());
            assertArrayEquals(expected.toFloatArray(), actual.toFloatArray());
        }
    }
}
