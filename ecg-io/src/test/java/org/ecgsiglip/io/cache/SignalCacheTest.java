package org.ecgsiglip.io.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.ecgsiglip.io.CacheException;
import org.ecgsiglip.io.RecordReader;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.ptbxl.LabelLevel;
import org.ecgsiglip.io.ptbxl.PtbXl;
import org.ecgsiglip.io.preprocess.Preprocessing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignalCacheTest {
    private static LabeledDataset subset;
    private static final Preprocessing PREP = Preprocessing.of(100, 1000).withBandPass(0.5, 40).withStandardize(true);

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        LabeledDataset all = PtbXl.load(TestData.sample(), LabelLevel.SUPERDIAGNOSTIC);
        subset = all.select(IntStream.range(0, 300).toArray());
    }

    @Test
    void float32HoldsExactlyWhatPreprocessingMakes() throws Exception {
        try (SignalCache c = SignalCache.build(subset, PREP, tmp.resolve("c"), Precision.FLOAT32)) {
            assertEquals(300, c.size());
            assertEquals(12, c.leads());
            assertEquals(1000, c.length());
            assertEquals(PREP, c.preprocessing());
            for (int i : new int[] {0, 1, 150, 299}) {
                assertEquals(subset.records().get(i).recordId(), c.recordId(i));
                float[][] expected = PREP.apply(RecordReader.read(subset.records().get(i).recordPath()));
                float[][] got = c.read(i);
                for (int k = 0; k < 12; k++) {
                    assertArrayEquals(expected[k], got[k]);
                }
            }
            assertEquals(300L * 12 * 1000 * 4, Files.size(tmp.resolve("c/signals.f32")));
        }
        try (SignalCache again = SignalCache.open(tmp.resolve("c"), PREP)) {
            assertEquals(300, again.size());
        }
    }

    @Test
    void float16IsWithinHalfPrecision() {
        try (SignalCache h = SignalCache.build(subset.select(new int[] {0, 1, 2}), PREP, tmp.resolve("h"),
                Precision.FLOAT16)) {
            float[][] expected = PREP.apply(RecordReader.read(subset.records().get(2).recordPath()));
            float[][] got = h.read(2);
            for (int k = 0; k < 12; k++) {
                for (int n = 0; n < 1000; n++) {
                    assertEquals(expected[k][n], got[k][n], Math.abs(expected[k][n]) * 0x1p-11 + 0x1p-24);
                    assertEquals(Half.toFloat(Half.fromFloat(expected[k][n])), got[k][n]);
                }
            }
        }
    }

    @Test
    void killedBuildResumesFromItsCheckpointAndEndsIdentical() throws Exception {
        Path dir = tmp.resolve("resume");
        RuntimeException crash = assertThrows(RuntimeException.class, () -> SignalCache.build(subset, PREP, dir,
                Precision.FLOAT32, i -> {
                    if (i == 200) {
                        throw new IllegalStateException("simulated kill");
                    }
                }));
        assertEquals("simulated kill", crash.getMessage());
        assertFalse(Files.exists(dir.resolve("index.json")), "an interrupted build leaves no index");
        assertEquals("128", Files.readString(dir.resolve("progress")));
        CacheException notReady = assertThrows(CacheException.class, () -> SignalCache.open(dir));
        assertTrue(notReady.getMessage().contains("interrupted"), notReady.getMessage());
        List<Integer> seen = new ArrayList<>();
        try (SignalCache c = SignalCache.build(subset, PREP, dir, Precision.FLOAT32, seen::add)) {
            assertEquals(300, c.size());
            assertEquals(128, seen.get(0), "resumed at the last checkpoint");
            assertEquals(300 - 128, seen.size());
        }
        try (SignalCache clean = SignalCache.build(subset, PREP, tmp.resolve("clean"), Precision.FLOAT32)) {
            assertEquals(300, clean.size());
            assertArrayEquals(Files.readAllBytes(tmp.resolve("clean/signals.f32")),
                    Files.readAllBytes(dir.resolve("signals.f32")));
        }
        assertFalse(Files.exists(dir.resolve("progress")));
        assertFalse(Files.exists(dir.resolve("signals.part")));
    }

    @Test
    void anotherConfigurationIsAClearError() {
        Path dir = tmp.resolve("cfg");
        LabeledDataset small = subset.select(new int[] {0, 1});
        SignalCache.build(small, PREP, dir, Precision.FLOAT32).close();
        Preprocessing other = PREP.withBandPass(1, 30);
        CacheException e = assertThrows(CacheException.class, () -> SignalCache.build(small, other, dir, Precision.FLOAT32));
        assertTrue(e.getMessage().contains("another preprocessing configuration"), e.getMessage());
        CacheException o = assertThrows(CacheException.class, () -> SignalCache.open(dir, other));
        assertTrue(o.location().contains("preprocessing") && o.fix().contains("another folder"), o.getMessage());
        assertThrows(CacheException.class, () -> SignalCache.build(subset.select(new int[] {0, 2}), PREP, dir,
                Precision.FLOAT32));
    }

    @Test
    void changedSourceFilesAreDetected() throws Exception {
        Path root = tmp.resolve("ptbxl");
        Path recs = Files.createDirectories(root.resolve("records100/00000"));
        for (String f : List.of("00001_lr.hea", "00001_lr.dat", "00002_lr.hea", "00002_lr.dat")) {
            Files.copy(TestData.sample().resolve("records100/00000").resolve(f), recs.resolve(f));
        }
        LabeledDataset ds = new LabeledDataset("two", subset.vocabulary(), List.of(
                new org.ecgsiglip.io.dataset.LabeledRecord("00001_lr", null, recs.resolve("00001_lr"), 1, new int[] {3}),
                new org.ecgsiglip.io.dataset.LabeledRecord("00002_lr", null, recs.resolve("00002_lr"), 1, new int[] {3})),
                org.ecgsiglip.io.dataset.LoadReport.clean(2));
        Path dir = tmp.resolve("src");
        SignalCache.build(ds, PREP, dir, Precision.FLOAT32).close();
        Files.setLastModifiedTime(recs.resolve("00002_lr.dat"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        CacheException e = assertThrows(CacheException.class, () -> SignalCache.build(ds, PREP, dir, Precision.FLOAT32));
        assertTrue(e.getMessage().contains("source files that have changed"), e.getMessage());

        // a folder the toolkit manages is rebuilt instead, from the current files
        Path data = recs.resolve("00002_lr.dat");
        byte[] bytes = Files.readAllBytes(data);
        bytes[100] ^= 1; // change one sample's low byte; the header's checksum no longer matches ...
        Files.write(data, bytes);
        assertThrows(org.ecgsiglip.io.ChecksumMismatchException.class,
                () -> SignalCache.build(ds, PREP, dir, Precision.FLOAT32, i -> { }, true), "... so reading it fails");
        bytes[100] ^= 1;
        Files.write(data, bytes);
        Files.setLastModifiedTime(data, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 120_000));
        try (SignalCache rebuilt = SignalCache.build(ds, PREP, dir, Precision.FLOAT32, i -> { }, true)) {
            assertEquals(2, rebuilt.size());
            assertArrayEquals(PREP.apply(org.ecgsiglip.io.RecordReader.read(recs.resolve("00002_lr")))[0], rebuilt.read(1)[0]);
        }
        try (SignalCache again = SignalCache.build(ds, PREP, dir, Precision.FLOAT32)) {
            assertEquals(2, again.size(), "the rebuilt cache is current: opened, not refused");
        }
    }

    @Test
    void concurrentReadsAgreeWithSequentialReads() throws Exception {
        LabeledDataset small = subset.select(IntStream.range(0, 64).toArray());
        try (SignalCache c = SignalCache.build(small, PREP, tmp.resolve("mt"), Precision.FLOAT16)) {
            float[][] expected = new float[64][12 * 1000];
            for (int i = 0; i < 64; i++) {
                c.read(i, expected[i], 0);
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int seed = t;
                    results.add(pool.submit(() -> {
                        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
                        float[] buf = new float[12 * 1000 + 7];
                        for (int k = 0; k < 500; k++) {
                            int i = rng.nextInt(64);
                            c.read(i, buf, 7);
                            if (!java.util.Arrays.equals(expected[i], 0, 12000, buf, 7, 12007)) {
                                return false;
                            }
                        }
                        return true;
                    }));
                }
                for (Future<Boolean> f : results) {
                    assertTrue(f.get());
                }
            } finally {
                pool.shutdown();
            }
        }
    }
}
